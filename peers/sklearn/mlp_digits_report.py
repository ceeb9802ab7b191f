#!/usr/bin/python3
"""Writes results/<machine>/mlp-digits-fit.md from the JSON of run_mlp_digits.sh: scikit-learn's MLPClassifier fit
(mlp_digits.py) against lanewise's, cold in fresh JVMs and warm (lanewise mlp-fit-timing), on the same rows.

Usage: mlp_digits_report.py --work DIR --out-dir DIR --machine-line TEXT --load-before TEXT --load-after TEXT
                            --command TEXT
DIR holds, per setting S (early-stopping, training-loss): sklearn-S.json and lanewise-S-<mode>-<i>.json.
"""
import argparse
import glob
import json
import re
import statistics
from pathlib import Path

SETTINGS = {
    "early-stopping": ("early_stopping=True", "validation-accuracy"),
    "training-loss": ("early_stopping=False", "training-loss"),
}
MODES = {
    "off": "no warm-up (`-Dlanewise.warmUp=off`, the default; as before the warm-up existed)",
    "background": "trainer starts the warm-up in the background (`-Dlanewise.warmUp=background`)",
    "blocking": "trainer waits for the warm-up (`-Dlanewise.warmUp=blocking`)",
    "app-background": "program starts `Kernels.warmUpInBackground()` before loading the data",
}


def med(values):
    return statistics.median(values) if values else float("nan")


def spread(values):
    return f"{min(values):.3f}-{max(values):.3f}" if values else "-"


def seeds_line(rows, key_name):
    if not rows:
        return "-"
    acc = [r["accuracy"] for r in rows]
    ep = [r["epochs"] for r in rows]
    return (f"{len(rows)} seeds ({key_name} 0..{len(rows) - 1}): test accuracy median {med(acc):.4f} "
            f"[{min(acc):.4f}-{max(acc):.4f}], epochs median {med(ep):g} [{min(ep)}-{max(ep)}]")


def setting_section(work, setting):
    sk_file = work / f"sklearn-{setting}.json"
    if not sk_file.exists():
        return None, []
    sk = json.loads(sk_file.read_text())
    sk_fit = sk["fit_s"]["median"]
    lines = [f"### {SETTINGS[setting][0]} (lanewise stopping rule `{SETTINGS[setting][1]}`)", ""]
    lines.append(f"scikit-learn: `{sk['model']}`, {sk['fit_rows']} rows fitted, {sk['validation_rows']} validation "
                 f"rows, {sk['test_rows']} test rows.")
    lines.append("")
    lines.append("| run | time (s), median | range | epochs (kept) | test accuracy | scikit-learn time / this |")
    lines.append("| --- | ---: | --- | --- | ---: | ---: |")
    samples = sk["fit_s"]["samples"]
    lines.append(f"| scikit-learn `fit`, median of {len(samples)} (first fit {sk['first_fit_s']:.3f} s, not counted) "
                 f"| {sk_fit:.3f} | {spread(samples)} | {sk['epochs']} ({sk['best_epoch']}) | {sk['accuracy']:.4f} | 1 |")
    summary = []
    digests = {}
    warm_rows = []
    found = sorted({re.match(rf"lanewise-{setting}-(.+)-\d+\.json$", Path(f).name).group(1)
                    for f in glob.glob(str(work / f"lanewise-{setting}-*-*.json"))})
    for mode in [m for m in MODES if m in found] + [m for m in found if m not in MODES]:
        files = sorted(f for f in glob.glob(str(work / f"lanewise-{setting}-*.json"))
                       if re.match(rf"lanewise-{setting}-{re.escape(mode)}-\d+\.json$", Path(f).name))
        runs = [json.loads(Path(f).read_text()) for f in files]
        if mode not in MODES:
            flags = [a for a in runs[0]["jvm_arguments"] if a.startswith("-XX")]
            MODES[mode] = f"warm-up off, JVM flags `{' '.join(flags)}`"
        total = [r["cold"]["first_call_to_fitted_s"] for r in runs]
        fit = [r["cold"]["fit_s"] for r in runs]
        cold = runs[0]["cold"]
        digests[mode] = sorted({r["cold"]["parameters_sha256"][:12] for r in runs})
        lines.append(f"| lanewise cold, {MODES[mode]}: first call (CSV load) to fitted model, {len(runs)} fresh JVMs "
                     f"| {med(total):.3f} | {spread(total)} | {cold['epochs']} ({cold['kept_epoch']}) "
                     f"| {cold['accuracy']:.4f} | {sk_fit / med(total):.2f} |")
        lines.append(f"| lanewise cold, same runs, `fit` alone | {med(fit):.3f} | {spread(fit)} | | "
                     f"| {sk_fit / med(fit):.2f} |")
        wu = [r.get("warm_up", {}) for r in runs]
        line = (f"- {mode}: main-thread CPU {med([r['cold']['main_thread_cpu_s_at_fitted'] for r in runs]):.2f} s, "
                f"process CPU {med([r['cold']['process_cpu_s_at_fitted'] for r in runs]):.2f} s, JIT compilation "
                f"{med([r['cold']['jit_compile_ms_at_fitted'] for r in runs]) / 1000:.2f} s, first epoch "
                f"{med([r['cold']['epoch_seconds'][0] for r in runs]) * 1000:.0f} ms (a warm epoch: "
                f"{med([r['warm']['fit_s']['median'] / r['warm']['epochs'] for r in runs if r.get('warm')]) * 1000:.2f} ms)")
        if mode in ("background", "blocking", "app-background"):
            done = sum(1 for w in wu if w.get("done_at_fitted"))
            line += (f"; warm-up {med([w.get('seconds', 0) for w in wu]):.2f} s "
                     f"({med([w.get('rounds', 0) for w in wu]):.0f} rounds), done before the model was fitted in "
                     f"{done} of {len(runs)} runs, e.g. \"{wu[0].get('outcome', '')}\"")
        summary.append(line + ".")
        warm_rows += [r for r in runs if r.get("warm")]
    if warm_rows:
        warm = [r["warm"]["fit_s"]["median"] for r in warm_rows]
        w0 = warm_rows[0]["warm"]
        lines.append(f"| lanewise warm: median over the JVMs of each JVM's median of {w0['fit_s']['repeats']} fits "
                     f"(after {w0['warmup_fits']} untimed) | {med(warm):.4f} | {spread(warm)} | {w0['epochs']} "
                     f"({w0['kept_epoch']}) | {w0['accuracy']:.4f} | {sk_fit / med(warm):.1f} |")
        digests["warm"] = sorted({r["warm"].get("parameters_sha256", "")[:12] for r in warm_rows})
    lines.append("")
    lines.append("Medians per mode (cold runs):")
    lines.append("")
    lines += summary
    lines.append("")
    lanewise_seeds = next((r["seeds"] for r in sorted(
        (json.loads(Path(f).read_text()) for f in glob.glob(str(work / f"lanewise-{setting}-*.json"))),
        key=lambda r: -len(r["seeds"])) if r["seeds"]), [])
    rows_of = re.search(r"random_state=(\d+)", sk["model"]).group(1)
    lines.append(f"Accuracy over seeds (untimed): scikit-learn {seeds_line(sk.get('seeds', []), 'random_state')}; "
                 f"lanewise {seeds_line(lanewise_seeds, 'seed')} (lanewise's seeds on the rows of scikit-learn's "
                 f"random_state {rows_of}).")
    lines.append("")
    lines.append("Bits: SHA-256 of the fitted parameters (first 12 hex digits) per run kind: "
                 + "; ".join(f"{k}: {', '.join(v)}" for k, v in digests.items()) + ".")
    lines.append("")
    return sk, lines


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--out-dir", type=Path, required=True)
    parser.add_argument("--machine-line", required=True)
    parser.add_argument("--load-before", required=True)
    parser.add_argument("--load-after", required=True)
    parser.add_argument("--command", required=True)
    args = parser.parse_args()

    sections = []
    sk_any = None
    java_any = None
    for setting in SETTINGS:
        sk, lines = setting_section(args.work, setting)
        if sk is not None:
            sk_any = sk_any or sk
            sections += lines
    for f in sorted(glob.glob(str(args.work / "lanewise-*.json"))):
        java_any = json.loads(Path(f).read_text())
        break
    head = ["# Digits MLP fit: lanewise against scikit-learn's MLPClassifier", ""]
    head.append(f"Machine: {args.machine_line}. Load average (1, 5, 15 min) before: {args.load_before}; "
                f"after: {args.load_after}.")
    if java_any:
        head.append(f"lanewise: {java_any['java_vm']}, JVM arguments {' '.join(java_any['jvm_arguments'])}; "
                    f"{java_any['kernels']}; {java_any['gemm_threads']} GEMM threads.")
        head.append(f"Model: {java_any['model']}.")
    if sk_any:
        blas = ", ".join(f"{b['internal_api']} {b['version']} ({b['num_threads']} threads)" for b in sk_any["blas"])
        head.append(f"scikit-learn {sk_any['sklearn']}, numpy {sk_any['numpy']}, Python {sk_any['python']}; {blas}.")
        head.append(f"Rows: {sk_any['split']}; both sides use scikit-learn's rows (and, with early stopping, the "
                    f"validation rows MLPClassifier draws), written by mlp_digits.py and read by lanewise.")
    head.append("")
    head.append("Cold = a fresh JVM per run, timed from lanewise's first call (loading the CSV) to the fitted model, "
                "so class loading, interpretation, JIT compilation and the kernels' warm-up count; JVM start "
                "does not. scikit-learn's time is `fit` alone on rows already loaded, so the cold ratio is "
                "conservative. The bar (issue 10): at least 10x faster than scikit-learn cold, at equal or better "
                "test accuracy.")
    head.append("")
    head.append(f"Command: `{args.command}`")
    head.append("")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / "mlp-digits-fit.md").write_text("\n".join(head + sections))
    print(args.out_dir / "mlp-digits-fit.md")


if __name__ == "__main__":
    main()
