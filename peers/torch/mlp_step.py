#!/usr/bin/python3
"""PyTorch's side of issue 10's speed bar: the MLP 784-256-10 train step on the CPU.

The same step as lanewise's MlpTrainStepBenchmark (harness/.../bench/MlpTrainStep.java):
nn.Sequential(Linear(784, 256), ReLU(), Linear(256, 10)), CrossEntropyLoss, Adam(lr=1e-3), and per step
zero_grad(), forward, loss, backward(), step(), on the same kind of synthetic data: 4096 input rows uniform
in [0, 1) cycled batch by batch (views, no copies), and 1024 blocks of random labels cycled one block per
step, so that nothing is learnable and the gradients keep one size for the whole run.

For each thread count (torch.set_num_threads) and batch: a warm-up, then `repeats` timed runs of `steps`
steps each; prints one JSON object with samples/s per repeat, their median and spread (max/min - 1), the
versions, the CPU model and the environment variables that matter.

Run with Debian's python3 (torch 1.13) and glibc's allocator told to keep its memory, as the issue says:

  MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=4294967296 /usr/bin/python3 peers/torch/mlp_step.py --threads 1
  OMP_WAIT_POLICY=PASSIVE MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=4294967296 \\
      /usr/bin/python3 peers/torch/mlp_step.py --threads 2

(OMP_WAIT_POLICY is read when OpenMP starts, so it must be set in the environment, not from this script.
Without MALLOC_MMAP_MAX_/MALLOC_TRIM_THRESHOLD_, glibc maps and unmaps the large activation buffers on
every step and the step slows down by page faults that have nothing to do with PyTorch's kernels.)
"""
import argparse
import json
import os
import platform
import statistics
import sys
import time

import torch
from torch import nn

INPUTS, HIDDEN, CLASSES = 784, 256, 10
INPUT_ROWS = 4096
LABEL_BLOCKS = 1024


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def make_step(batch, seed=42):
    torch.manual_seed(seed)
    x = torch.rand(INPUT_ROWS, INPUTS)
    labels = torch.randint(0, CLASSES, (LABEL_BLOCKS, batch))
    inputs = [x[b * batch:(b + 1) * batch] for b in range(INPUT_ROWS // batch)]
    model = nn.Sequential(nn.Linear(INPUTS, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, CLASSES))
    loss_fn = nn.CrossEntropyLoss()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    state = {"s": 0}

    def run(n):
        s = state["s"]
        loss = None
        for _ in range(n):
            opt.zero_grad()
            loss = loss_fn(model(inputs[s % len(inputs)]), labels[s % LABEL_BLOCKS])
            loss.backward()
            opt.step()
            s += 1
        state["s"] = s
        return float(loss)

    return run


def measure(threads, batch, warmup_steps, steps, repeats):
    torch.set_num_threads(threads)
    run = make_step(batch)
    run(warmup_steps)
    rates = []
    loss = float("nan")
    for _ in range(repeats):
        t0 = time.perf_counter()
        loss = run(steps)
        seconds = time.perf_counter() - t0
        rates.append(steps * batch / seconds)
    return {
        "threads": threads,
        "batch": batch,
        "warmup_steps": warmup_steps,
        "steps_per_repeat": steps,
        "repeats": repeats,
        "samples_per_s": rates,
        "median_samples_per_s": statistics.median(rates),
        "spread": max(rates) / min(rates) - 1,
        "last_loss": loss,
    }


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--threads", default="1,2", help="comma-separated torch.set_num_threads values (default 1,2)")
    p.add_argument("--batches", default="64,256", help="comma-separated batch sizes (default 64,256)")
    p.add_argument("--warmup-steps", type=int, default=500, help="untimed steps first (default 500)")
    p.add_argument("--steps", type=int, default=2000, help="steps per timed repeat (default 2000)")
    p.add_argument("--repeats", type=int, default=7, help="timed repeats (default 7)")
    args = p.parse_args()
    results = []
    for t in [int(v) for v in args.threads.split(",")]:
        for b in [int(v) for v in args.batches.split(",")]:
            results.append(measure(t, b, args.warmup_steps, args.steps, args.repeats))
            print(f"threads {t}, batch {b}: median {results[-1]['median_samples_per_s']:.0f} samples/s, "
                  f"spread {100 * results[-1]['spread']:.1f}%", file=sys.stderr, flush=True)
    env_keys = ["MALLOC_MMAP_MAX_", "MALLOC_TRIM_THRESHOLD_", "OMP_WAIT_POLICY", "OMP_NUM_THREADS", "MKL_NUM_THREADS"]
    print(json.dumps({
        "benchmark": "MLP 784-256-10 train step (ReLU, CrossEntropyLoss, Adam lr 1e-3), synthetic data",
        "torch": torch.__version__,
        "python": platform.python_version(),
        "numpy": __import__("numpy").__version__ if _has("numpy") else None,
        "torch_parallel_info": torch.__config__.parallel_info(),
        "mkldnn": torch.backends.mkldnn.is_available(),
        "cpu": cpu_model(),
        "cpu_count": os.cpu_count(),
        "env": {k: os.environ.get(k) for k in env_keys},
        "command": " ".join([sys.executable] + sys.argv),
        "results": results,
    }, indent=2))


def _has(module):
    try:
        __import__(module)
        return True
    except ImportError:
        return False


if __name__ == "__main__":
    main()
