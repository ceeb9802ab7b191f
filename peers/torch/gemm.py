#!/usr/bin/env python3
"""torch.mm GFLOPS for the GEMM shapes of lanewise's GemmBenchmark, at the given thread counts.

Usage: python3 gemm.py --threads 1 16 [--repeats 7]
Prints one JSON document: versions, CPU model, and per shape and thread count the median and min/max GFLOPS
(2*m*n*k flops per product). Shapes are m x k x n as GemmBenchmark names them; ':NT' multiplies A by B^T.
"""
import argparse, json, platform, statistics, time
import torch

SHAPES = ["512", "1024", "2048", "256x784x256", "256x256x10", "256x10x256:NT"]


def dims(shape):
    trans = shape.endswith(":NT")
    parts = shape.split(":")[0].split("x")
    if len(parts) == 1:
        m = k = n = int(parts[0])
    else:
        m, k, n = map(int, parts)
    return m, k, n, trans


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, nargs="+", default=[1])
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--seconds", type=float, default=0.3, help="time per repeat")
    args = ap.parse_args()
    torch.manual_seed(0)
    out = {"torch": torch.__version__, "python": platform.python_version(), "cpu": cpu_model(), "results": []}
    for t in args.threads:
        torch.set_num_threads(t)
        for shape in SHAPES:
            m, k, n, trans = dims(shape)
            a = torch.randn(m, k)
            b = torch.randn(n, k) if trans else torch.randn(k, n)
            c = torch.empty(m, n)
            op = (lambda: torch.mm(a, b.t(), out=c)) if trans else (lambda: torch.mm(a, b, out=c))
            for _ in range(20):
                op()
            calls = 1
            while True:
                t0 = time.perf_counter()
                for _ in range(calls):
                    op()
                if time.perf_counter() - t0 > args.seconds / 4:
                    break
                calls *= 2
            gflops = []
            for _ in range(args.repeats):
                t0 = time.perf_counter()
                for _ in range(calls):
                    op()
                dt = (time.perf_counter() - t0) / calls
                gflops.append(2.0 * m * n * k / dt / 1e9)
            out["results"].append({"shape": shape, "threads": t, "median_gflops": statistics.median(gflops),
                                   "min_gflops": min(gflops), "max_gflops": max(gflops)})
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
