#!/usr/bin/python3
"""Writes results/<machine>/linear-models.md from the three raw JSON files of run_linear_report.sh.

Inputs: scikit-learn's fit timings (linear_models.py), lanewise's fit timings (one or more JSON files of
`lanewise linear-fit-timing`, one JVM each) and JMH's JSON of LinearModelBenchmark run with -prof gc. The raw
files are copied beside the report: linear-models-sklearn.json, linear-models-lanewise.json (the lanewise runs
in a list) and linear-models-jmh.json. Every file is written to a temporary name first, then moved into place.
"""
import argparse
import datetime
import json
import math
import os
import tempfile
from pathlib import Path

SPEEDUP_BAR = 5.0


def write_atomically(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w") as f:
            f.write(text)
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def seconds(s):
    if s is None or (isinstance(s, float) and math.isnan(s)):
        return "-"
    if s < 1e-3:
        return f"{s * 1e6:.1f} µs"
    if s < 1:
        return f"{s * 1e3:.2f} ms"
    return f"{s:.3f} s"


def spread(t):
    return f"{seconds(t['median'])} ({seconds(t['min'])} – {seconds(t['max'])}, n={t['repeats']})"


def ratio(slow, fast):
    """slow / fast as 'Nx', with the range from the two spreads."""
    mid = slow["median"] / fast["median"]
    low = slow["min"] / fast["max"]
    high = slow["max"] / fast["min"]
    return mid, f"{times(mid)} ({times(low)} – {times(high)})"


def times(x):
    return f"{x:.1f}x" if x >= 1 else f"{x:.2g}x"


def number(v):
    if isinstance(v, str):  # JMH writes "NaN" for an error it could not compute
        return float("nan")
    return float(v)


def per_op_seconds(metric):
    unit = metric["scoreUnit"].split("/")[0]
    scale = {"s": 1.0, "ms": 1e-3, "us": 1e-6, "ns": 1e-9}[unit]
    return number(metric["score"]) * scale, number(metric["scoreError"]) * scale


def jmh_rows(jmh):
    rows = []
    for entry in jmh:
        method = entry["benchmark"].rsplit(".", 1)[1]
        params = entry.get("params", {})
        t, err = per_op_seconds(entry["primaryMetric"])
        secondary = {k.lstrip("·"): v for k, v in entry.get("secondaryMetrics", {}).items()}
        alloc = secondary.get("gc.alloc.rate.norm")
        if method.startswith("softmaxStep"):
            samples = 256
            features, outputs = (64, 10) if params.get("data") == "digits" else (784, 10)
        elif method.startswith("softmaxDigitsEpoch"):
            samples, features, outputs = 1437, 64, 10
        else:
            samples, features, outputs = 455, 30, 1
        rows.append({"method": method, "params": params, "seconds": t, "error": err,
                     "samples_per_s": samples / t, "gflops": 4.0 * samples * features * outputs / t / 1e9,
                     "alloc": None if alloc is None else number(alloc["score"])})
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sklearn", type=Path, required=True)
    parser.add_argument("--lanewise", type=Path, nargs="+", required=True)
    parser.add_argument("--jmh", type=Path, required=True)
    parser.add_argument("--out-dir", type=Path, required=True, help="results/<machine>")
    parser.add_argument("--name", default="linear-models")
    parser.add_argument("--command", default="peers/sklearn/run_linear_report.sh")
    parser.add_argument("--plan", default="", help="the JMH plan, as words")
    args = parser.parse_args()

    sk = json.loads(args.sklearn.read_text())
    lw_runs = [json.loads(p.read_text()) for p in args.lanewise]
    jmh = json.loads(args.jmh.read_text())
    lw = {p["problem"]: p for run in lw_runs for p in run["problems"]}
    skp = {p["problem"]: p for p in sk["problems"]}
    env = lw_runs[0]
    jrows = jmh_rows(jmh)

    md = [f"# lanewise vs scikit-learn: linear models ({args.out_dir.name})", ""]
    md += [
        f"- CPU: {env['cpu']}, {env['cores']} cores (scikit-learn saw: {sk['cpu']}, {sk['cores']} cores)",
        f"- JDK: {env['java_vm']}",
        f"- Kernel choice: {env['kernels']}; GEMM threads: {env['gemm_threads']}",
        f"- Python {sk['python']}, scikit-learn {sk['sklearn']}, NumPy {sk['numpy']}, SciPy {sk['scipy']}; thread pools: "
        + (", ".join(f"{b['internal_api']} {b.get('version') or ''} x {b['num_threads']}".replace("  ", " ") for b in sk["blas"]) or "none seen"),
        f"- JMH plan: {args.plan}; fork flags --add-modules=jdk.incubator.vector -Xms2g -Xmx2g, profiler gc",
        f"- Date: {datetime.date.today().isoformat()}",
        f"- Command: `{args.command}`",
        "",
        "Both sides train on the same rows: scikit-learn's `train_test_split(test_size=0.2, stratify=y, random_state=42)`, "
        "whose row indices lanewise reads; digits pixels / 16, breast cancer standardized on the training rows. "
        "Times are of `fit` alone, on data already loaded, split and scaled; each is the median of repeated fits of "
        "fresh models with (min – max). lanewise: Adam lr 0.01, batches of 32, L2 1e-4 (SGDClassifier's default alpha), "
        "weights from zero; its fit also scores the training rows after each epoch for its history. "
        "Speedups are scikit-learn's median over lanewise's, with the range from the two spreads.",
        "",
        "## Fit to the same test accuracy (warm JVM)",
        "",
        "For each scikit-learn model, lanewise trains for the fewest epochs whose test accuracy is at least the one "
        "scikit-learn reached (the epoch count found by one search fit that scores the test rows after every epoch, "
        "as one would tune `max_iter`; the timed fits then run exactly that many epochs and their accuracy is checked).",
        "",
        "| problem | scikit-learn | its fit | its accuracy | lanewise epochs | lanewise fit | lanewise accuracy | speedup | ≥ 5x |",
        "|---|---|---:|---:|---:|---:|---:|---:|:-:|",
    ]
    for name, p in skp.items():
        for model in p["models"]:
            target = model["accuracy"]
            hit = next((t for t in lw.get(name, {}).get("to_target", []) if t["target"] == target), None)
            if hit is None or not hit.get("reached"):
                searched = hit["searched_epochs"] if hit else "?"
                md.append(f"| {name} | {model['name']} | {spread(model['fit_s'])} | {target:.4f} | not reached in {searched} | - | - | - | no |")
                continue
            mid, text = ratio(model["fit_s"], hit["fit_s"])
            md.append(f"| {name} | {model['name']} | {spread(model['fit_s'])} | {target:.4f} | {hit['epochs']} | "
                      f"{spread(hit['fit_s'])} | {hit['accuracy']:.4f} | {text} | {'yes' if mid >= SPEEDUP_BAR else 'no'} |")

    md += ["", "## Cold: the first fit in a fresh process", "",
           "lanewise's first fit in a new JVM (one JVM per problem; class loading, interpreter and JIT compilation "
           "included, JVM start-up excluded) against scikit-learn's first fit after its imports.", "",
           "| problem | lanewise first fit (epochs) | lanewise accuracy | SGDClassifier first fit | LogisticRegression first fit |",
           "|---|---:|---:|---:|---:|"]
    for name, p in lw.items():
        first = {m["name"]: m["first_fit_s"] for m in skp.get(name, {}).get("models", [])}
        md.append(f"| {name} | {seconds(p['cold']['fit_s'])} ({p['cold']['epochs']}) | {p['cold']['accuracy']:.4f} | "
                  f"{seconds(first.get('SGDClassifier'))} | {seconds(first.get('LogisticRegression'))} |")

    md += ["", "## Same number of epochs as SGDClassifier", "",
           "| problem | epochs | SGDClassifier fit | per epoch | its accuracy | lanewise fit | per epoch | lanewise accuracy | speedup |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, p in skp.items():
        sgd = next((m for m in p["models"] if m["name"] == "SGDClassifier"), None)
        mine = lw.get(name)
        if sgd is None or mine is None:
            continue
        e = sgd["epochs"]
        same = mine["warm"]["epochs"] == e
        _, text = ratio(sgd["fit_s"], mine["warm"]["fit_s"])
        md.append(f"| {name} | {e}{'' if same else ' (lanewise: ' + str(mine['warm']['epochs']) + ')'} | {spread(sgd['fit_s'])} | "
                  f"{seconds(sgd['fit_s']['median'] / e)} | {sgd['accuracy']:.4f} | {spread(mine['warm']['fit_s'])} | "
                  f"{seconds(mine['warm']['fit_s']['median'] / mine['warm']['epochs'])} | {mine['warm']['accuracy']:.4f} | {text} |")

    md += ["", "## JMH: epoch and step times, allocation", "",
           "`LinearModelBenchmark`: an epoch is the seeded shuffle and one `TrainingStep` per batch of 32 "
           "(digits: 1437 rows, 45 steps; breast cancer: 455 rows, 15 steps); a step at batch 256 is one `TrainingStep` "
           "of softmax regression. Samples/s = samples per op / time per op (for the step: ops/s x 256). GFLOPS counts "
           "the two GEMMs, 4 x samples x in x out. `gc.alloc.rate.norm` is JMH's bytes allocated per op (`-prof gc`).", "",
           "| benchmark | params | time per op (± 99.9%) | samples/s | GEMM GFLOPS | gc.alloc.rate.norm (B/op) |",
           "|---|---|---:|---:|---:|---:|"]
    for r in jrows:
        params = ", ".join(f"{k}={v}" for k, v in r["params"].items())
        err = "" if math.isnan(r["error"]) else f" ± {seconds(r['error'])}"
        alloc = "-" if r["alloc"] is None else f"{r['alloc']:.3f}"
        md.append(f"| {r['method']} | {params} | {seconds(r['seconds'])}{err} | {r['samples_per_s']:,.0f} | "
                  f"{r['gflops']:.3g} | {alloc} |")
    epoch_rows = {r["method"]: r for r in jrows if "Epoch" in r["method"]}
    lines = []
    for name, method in (("digits", "softmaxDigitsEpochLanewise"), ("breast_cancer", "logisticBreastCancerEpochLanewise")):
        sgd = next((m for m in skp.get(name, {}).get("models", []) if m["name"] == "SGDClassifier"), None)
        if sgd and method in epoch_rows:
            per_epoch = sgd["fit_s"]["median"] / sgd["epochs"]
            lines.append(f"- {name}: SGDClassifier {seconds(per_epoch)} per epoch (fit / epochs) against lanewise's "
                         f"JMH epoch {seconds(epoch_rows[method]['seconds'])}: {times(per_epoch / epoch_rows[method]['seconds'])}")
    if lines:
        md += ["", "Epoch time against scikit-learn's SGDClassifier (its fit time divided by its epochs, so its per-fit "
               "set-up is spread over the epochs):", ""] + lines

    md += ["", "## Notes", "",
           "- SGDClassifier trains digits one-vs-rest (10 binary models, sequentially), lanewise and LogisticRegression "
           "a softmax over the 10 classes; LogisticRegression(lbfgs) minimizes its own objective (C = 1.0) to convergence.",
           "- The lanewise epoch count for a target accuracy is chosen on the test rows that also score it; so is the "
           "scikit-learn accuracy it has to match, which comes from its defaults without any tuning.",
           f"- Raw data: [{args.name}-sklearn.json]({args.name}-sklearn.json), [{args.name}-lanewise.json]({args.name}-lanewise.json), "
           f"[{args.name}-jmh.json]({args.name}-jmh.json).",
           ""]

    out = args.out_dir
    write_atomically(out / f"{args.name}-sklearn.json", json.dumps(sk, indent=2) + "\n")
    write_atomically(out / f"{args.name}-lanewise.json", json.dumps({"runs": lw_runs}, indent=2) + "\n")
    write_atomically(out / f"{args.name}-jmh.json", json.dumps(jmh, indent=2) + "\n")
    write_atomically(out / f"{args.name}.md", "\n".join(md))
    print(f"wrote {out / (args.name + '.md')}")


if __name__ == "__main__":
    main()
