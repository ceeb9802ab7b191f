#!/usr/bin/python3
"""Golden learning rates for lanewise's schedules (dev.lanewise.model.optim.schedule), from torch.

Run from this folder with Debian's python3 (PyTorch 1.13):  /usr/bin/python3 schedules_golden.py
It writes schedules_golden.json: for each case, the schedule's spec in lanewise's record names and
components, and the learning rate torch reports (get_last_lr()[0], or the param group's lr for
ReduceLROnPlateau) right after construction and after each of STEPS scheduler steps, each step called
after an optimizer step, on SGD with base lr 0.1. The plateau cases are fed the metric sequences below.
"""
import json
import math
import platform
import sys

import torch
from torch.optim import SGD, lr_scheduler as S

BASE_LR = 0.1
STEPS = 100

# A loss that falls fast, then slowly, then plateaus with small periodic wobbles (so that rel and abs thresholds
# and the patience all matter), and an accuracy that rises and plateaus the same way; both rounded to 4
# decimals so that the JSON carries them exactly.
LOSS = [round(0.3 + 0.7 * math.exp(-i / 8) + 0.004 * ((i * 7) % 5) / 4, 4)
        for i in range(STEPS)]
ACCURACY = [round(0.95 - 0.45 * math.exp(-i / 10) + 0.003 * ((i * 3) % 4) / 3, 4) for i in range(STEPS)]


def torch_scheduler(opt, spec):
    t = spec["type"]
    if t == "Constant":
        return S.LambdaLR(opt, lambda epoch: 1.0)
    if t == "StepLr":
        return S.StepLR(opt, step_size=spec["stepSize"], gamma=spec["gamma"])
    if t == "MultiStepLr":
        return S.MultiStepLR(opt, milestones=spec["milestones"], gamma=spec["gamma"])
    if t == "ExponentialLr":
        return S.ExponentialLR(opt, gamma=spec["gamma"])
    if t == "LinearLr":
        return S.LinearLR(opt, start_factor=spec["startFactor"], end_factor=spec["endFactor"],
                          total_iters=spec["totalIters"])
    if t == "CosineAnnealingLr":
        return S.CosineAnnealingLR(opt, T_max=spec["tMax"], eta_min=spec["etaMin"])
    if t == "CosineAnnealingWarmRestarts":
        return S.CosineAnnealingWarmRestarts(opt, T_0=spec["t0"], T_mult=spec["tMult"], eta_min=spec["etaMin"])
    if t == "LinearWarmup":
        warmup = S.LinearLR(opt, start_factor=spec["startFactor"], end_factor=1.0, total_iters=spec["warmupSteps"])
        after = torch_scheduler(opt, spec["after"])
        return S.SequentialLR(opt, [warmup, after], milestones=[spec["warmupSteps"]])
    if t == "ReduceLrOnPlateau":
        return S.ReduceLROnPlateau(opt, mode=spec["mode"].lower(), factor=spec["factor"], patience=spec["patience"],
                                   threshold=spec["threshold"], threshold_mode=spec["thresholdMode"].lower(),
                                   cooldown=spec["cooldown"], min_lr=spec["minLr"], eps=spec["eps"])
    raise ValueError(t)


def plateau(mode="MIN", factor=0.1, patience=10, threshold=1e-4, threshold_mode="REL", cooldown=0, min_lr=0.0,
            eps=1e-8):
    return {"type": "ReduceLrOnPlateau", "mode": mode, "factor": factor, "patience": patience,
            "threshold": threshold, "thresholdMode": threshold_mode, "cooldown": cooldown, "minLr": min_lr,
            "eps": eps}


COSINE_95 = {"type": "CosineAnnealingLr", "tMax": 95, "etaMin": 0.0}
CASES = [
    ("constant", {"type": "Constant"}, None),
    ("step 30 x0.1", {"type": "StepLr", "stepSize": 30, "gamma": 0.1}, None),
    ("step 7 x0.5", {"type": "StepLr", "stepSize": 7, "gamma": 0.5}, None),
    ("multistep 30,80 x0.1", {"type": "MultiStepLr", "milestones": [30, 80], "gamma": 0.1}, None),
    ("multistep 10,10,50 x0.5 (repeated milestone)", {"type": "MultiStepLr", "milestones": [10, 10, 50], "gamma": 0.5},
     None),
    ("exponential 0.95", {"type": "ExponentialLr", "gamma": 0.95}, None),
    ("exponential 1.02 (growing)", {"type": "ExponentialLr", "gamma": 1.02}, None),
    ("linear torch defaults", {"type": "LinearLr", "startFactor": 1.0 / 3, "endFactor": 1.0, "totalIters": 5}, None),
    ("linear decay to 0 over 50", {"type": "LinearLr", "startFactor": 1.0, "endFactor": 0.0, "totalIters": 50}, None),
    ("linear 0.5 to 0.1 over 20", {"type": "LinearLr", "startFactor": 0.5, "endFactor": 0.1, "totalIters": 20}, None),
    ("cosine T_max 100", {"type": "CosineAnnealingLr", "tMax": 100, "etaMin": 0.0}, None),
    ("cosine T_max 30 eta_min 0.001 (past T_max)", {"type": "CosineAnnealingLr", "tMax": 30, "etaMin": 0.001}, None),
    ("cosine T_max 1", {"type": "CosineAnnealingLr", "tMax": 1, "etaMin": 0.0}, None),
    ("sgdr T_0 10 T_mult 2", {"type": "CosineAnnealingWarmRestarts", "t0": 10, "tMult": 2, "etaMin": 0.0}, None),
    ("sgdr T_0 10 T_mult 1", {"type": "CosineAnnealingWarmRestarts", "t0": 10, "tMult": 1, "etaMin": 0.0}, None),
    ("sgdr T_0 7 T_mult 3 eta_min 0.005",
     {"type": "CosineAnnealingWarmRestarts", "t0": 7, "tMult": 3, "etaMin": 0.005}, None),
    ("warmup 5 from 0.1 then cosine 95",
     {"type": "LinearWarmup", "warmupSteps": 5, "startFactor": 0.1, "after": COSINE_95}, None),
    ("warmup 10 from 0.01 then step 30 x0.1",
     {"type": "LinearWarmup", "warmupSteps": 10, "startFactor": 0.01,
      "after": {"type": "StepLr", "stepSize": 30, "gamma": 0.1}}, None),
    ("warmup 1 from 0.5 then sgdr 10 x2",
     {"type": "LinearWarmup", "warmupSteps": 1, "startFactor": 0.5,
      "after": {"type": "CosineAnnealingWarmRestarts", "t0": 10, "tMult": 2, "etaMin": 0.0}}, None),
    ("warmup 8 from 1/3 then linear decay",
     {"type": "LinearWarmup", "warmupSteps": 8, "startFactor": 1.0 / 3,
      "after": {"type": "LinearLr", "startFactor": 1.0, "endFactor": 0.0, "totalIters": 60}}, None),
    ("plateau min torch defaults", plateau(), "loss"),
    ("plateau min patience 3 cooldown 2", plateau(patience=3, cooldown=2, factor=0.5), "loss"),
    ("plateau min abs 0.01 patience 2 min_lr 0.002",
     plateau(threshold=0.01, threshold_mode="ABS", patience=2, factor=0.5, min_lr=0.002), "loss"),
    ("plateau min eps 0.02 (small reductions skipped)", plateau(patience=1, factor=0.5, eps=0.02), "loss"),
    ("plateau max torch defaults", plateau(mode="MAX"), "accuracy"),
    ("plateau max rel 0.01 patience 2 cooldown 3",
     plateau(mode="MAX", threshold=0.01, patience=2, cooldown=3, factor=0.3), "accuracy"),
    ("plateau max abs 0.002 patience 4", plateau(mode="MAX", threshold=0.002, threshold_mode="ABS", patience=4),
     "accuracy"),
]


def run(spec, metric_name):
    param = torch.nn.Parameter(torch.zeros(1))
    opt = SGD([param], lr=BASE_LR)
    sched = torch_scheduler(opt, spec)
    metrics = {"loss": LOSS, "accuracy": ACCURACY}.get(metric_name)
    plateau_like = isinstance(sched, S.ReduceLROnPlateau)
    lrs = [opt.param_groups[0]["lr"] if plateau_like else sched.get_last_lr()[0]]
    for step in range(STEPS):
        opt.step()  # no gradient: changes nothing, but keeps torch's step-order check quiet
        if plateau_like:
            sched.step(metrics[step])
            lrs.append(opt.param_groups[0]["lr"])
        else:
            sched.step()
            lrs.append(sched.get_last_lr()[0])
    return [float(x) for x in lrs]


def main():
    out = {
        "generator": "schedules_golden.py",
        "torch": torch.__version__,
        "python": platform.python_version(),
        "base_lr": BASE_LR,
        "steps": STEPS,
        "metrics": {"loss": LOSS, "accuracy": ACCURACY},
        "cases": [{"name": name, "spec": spec, "metric": metric, "lr": run(spec, metric)}
                  for name, spec, metric in CASES],
    }
    with open("schedules_golden.json", "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
