#!/usr/bin/python3
"""Markdown table of the MLP train step: lanewise (JMH JSON of MlpTrainStepBenchmark) against PyTorch (the
JSON of mlp_step.py, one or more files), samples/s at each batch and thread count, the ratios the issue's
bars are about, and JMH's allocation per step where it ran with -prof gc.

  mlp_compare.py LANEWISE_JMH.json TORCH.json [TORCH.json ...]
"""
import json
import sys


def lanewise_rows(path):
    rows = {}
    for r in json.load(open(path)):
        if not r["benchmark"].endswith("MlpTrainStepBenchmark.mlpStepLanewise"):
            continue
        p = r["params"]
        batch, threads = int(p["batch"]), int(p["threads"])
        m = r["primaryMetric"]
        if m["scoreUnit"] != "ops/s":
            raise SystemExit(f"{path}: expected ops/s, got {m['scoreUnit']} (run JMH without -bm/-tu overrides)")
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        err = m.get("scoreError")
        rows[(batch, threads)] = {
            "samples": m["score"] * batch,
            "error": err * batch if isinstance(err, (int, float)) and err == err else None,
            "alloc": alloc,
            "spin": p.get("spinMicros"),
        }
    return rows


def torch_rows(paths):
    rows, meta = {}, None
    for path in paths:
        doc = json.load(open(path))
        meta = meta or doc
        for r in doc["results"]:
            rows[(r["batch"], r["threads"])] = {"samples": r["median_samples_per_s"], "spread": r["spread"],
                                                "env": doc["env"]}
    return rows, meta


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    lw = lanewise_rows(sys.argv[1])
    pt, meta = torch_rows(sys.argv[2:])
    print(f"MLP 784-256-10 train step (ReLU, softmax cross-entropy, Adam), synthetic data; CPU: {meta['cpu']}"
          f" ({meta['cpu_count']} processors); PyTorch {meta['torch']}, Python {meta['python']}.")
    print("lanewise: JMH ops/s x batch (± JMH's 99.9% error); PyTorch: median of the repeats (spread = max/min - 1).\n")
    print("| batch | threads | lanewise samples/s | PyTorch samples/s | lanewise / PyTorch | lanewise B/step | PyTorch env |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    for key in sorted(set(lw) | set(pt)):
        b, t = key
        l, p = lw.get(key), pt.get(key)
        ls = f"{l['samples']:,.0f}" + (f" ± {l['error']:,.0f}" if l and l["error"] else "") if l else "-"
        ps = f"{p['samples']:,.0f} (spread {100 * p['spread']:.1f}%)" if p else "-"
        ratio = f"{l['samples'] / p['samples']:.2f}x" if l and p else "-"
        alloc = f"{l['alloc']:.0f}" if l and l["alloc"] is not None else "-"
        env = ", ".join(f"{k}={v}" for k, v in p["env"].items() if v) if p else "-"
        print(f"| {b} | {t} | {ls} | {ps} | {ratio} | {alloc} | {env} |")
    print("\n| batch | lanewise 2 threads / 1 thread | PyTorch 2 threads / 1 thread |")
    print("|---:|---:|---:|")
    for b in sorted({k[0] for k in lw} | {k[0] for k in pt}):
        def speedup(rows):
            return f"{rows[(b, 2)]['samples'] / rows[(b, 1)]['samples']:.2f}x" if (b, 1) in rows and (b, 2) in rows else "-"
        print(f"| {b} | {speedup(lw)} | {speedup(pt)} |")


if __name__ == "__main__":
    main()
