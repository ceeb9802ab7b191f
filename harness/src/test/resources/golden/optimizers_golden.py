#!/usr/bin/python3
"""Golden optimizer trajectories from PyTorch (Debian's python3-torch 1.13), in float64.

Every case starts from one fixed parameter vector and applies one fixed gradient per step (the same
sequence for every case), recording the parameters after each step. Lion is not in torch.optim: it is
written here from the paper's Algorithm 2 (Chen et al. 2023, "Symbolic Discovery of Optimization
Algorithms"), with torch float64 tensor operations.

NAdam: torch 1.13's code does not follow its own documentation. The documented algorithm divides the
momentum term by 1 - prod_{i=1}^{t+1} mu_i, but nadam.py line 240 computes
mu_product_next = mu_product * mu * mu_next after mu_product already took mu, i.e. mu_t appears twice (a
bug fixed in later PyTorch). We follow the documentation, so NAdam is written here by hand with torch
float64 operations, in a form that takes the extra factor as a switch; the script asserts that with the
switch on it reproduces torch.optim.NAdam 1.13 to 1e-12 on every case, which checks every other line.
clip_grad_norm_ and clip_grad_value_ come from
torch.nn.utils. Inputs are rounded to float32 first, so the Java test starts from exactly these values.

Run: /usr/bin/python3 optimizers_golden.py > optimizers_golden.json
"""
import json
import platform
import sys

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
STEPS = 12
N = 9


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


rng = np.random.RandomState(20230601)
START = f32(rng.uniform(-2, 2, N))
# Gradients whose scale changes from step to step (so AMSGrad's maximum and Adamax's infinity norm differ
# from the current moment), with an exact zero component now and then.
SCALES = [1.0, 3.0, 0.2, 1.0, 0.05, 2.0, 0.5, 1.5, 0.1, 1.0, 4.0, 0.3]
GRADS = []
for t in range(STEPS):
    g = rng.normal(0, 1, N) * SCALES[t]
    g[(t * 5) % N] = 0.0
    GRADS.append(f32(g))


def lion_step(p, g, state, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
    m = state.setdefault("exp_avg", torch.zeros_like(p))
    c = m * betas[0] + g * (1 - betas[0])
    p.mul_(1 - lr * weight_decay)
    p.add_(torch.sign(c), alpha=-lr)
    m.mul_(betas[1]).add_(g, alpha=1 - betas[1])


def nadam_step(p, g, state, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, momentum_decay=4e-3,
               torch_1_13_extra_mu=False):
    beta1, beta2 = betas
    step = state["step"] = state.get("step", 0) + 1
    m = state.setdefault("exp_avg", torch.zeros_like(p))
    v = state.setdefault("exp_avg_sq", torch.zeros_like(p))
    if weight_decay != 0:
        g = g.add(p, alpha=weight_decay)
    mu = beta1 * (1. - 0.5 * (0.96 ** (step * momentum_decay)))
    mu_next = beta1 * (1. - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
    state["mu_product"] = state.get("mu_product", 1.0) * mu
    mu_product_next = state["mu_product"] * mu_next * (mu if torch_1_13_extra_mu else 1.0)
    m.mul_(beta1).add_(g, alpha=1 - beta1)
    v.mul_(beta2).addcmul_(g, g, value=1 - beta2)
    denom = v.div(1 - beta2 ** step).sqrt().add_(eps)
    p.addcdiv_(g, denom, value=-lr * (1. - mu) / (1. - state["mu_product"]))
    p.addcdiv_(m, denom, value=-lr * mu_next / (1. - mu_product_next))


def by_hand(step_function, options):
    p = torch.tensor(START.copy())
    state = {}
    out = []
    for g in GRADS:
        step_function(p, torch.tensor(g), state, **options)
        out.append(p.tolist())
    return out


def trajectory(name, options):
    if name == "nadam":
        as_torch_1_13 = by_hand(lambda *a, **k: nadam_step(*a, torch_1_13_extra_mu=True, **k), options)
        assert np.allclose(as_torch_1_13, torch_trajectory(name, options), rtol=1e-12, atol=1e-12), options
        return by_hand(nadam_step, options)
    return torch_trajectory(name, options)


def torch_trajectory(name, options):
    if name == "lion":
        return by_hand(lion_step, options)
    p = torch.tensor(START.copy())
    out = []
    cls = {"sgd": torch.optim.SGD, "adagrad": torch.optim.Adagrad, "rmsprop": torch.optim.RMSprop,
           "adadelta": torch.optim.Adadelta, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW,
           "adamax": torch.optim.Adamax, "nadam": torch.optim.NAdam, "radam": torch.optim.RAdam}[name]
    p = torch.nn.Parameter(p)
    opt = cls([p], foreach=False, **options) if name not in ("sgd",) else cls([p], **options)
    for g in GRADS:
        p.grad = torch.tensor(g)
        opt.step()
        out.append(p.detach().tolist())
    return out


CASES = [
    ("sgd", {"lr": 0.1}),
    ("sgd", {"lr": 0.1, "momentum": 0.9}),
    ("sgd", {"lr": 0.1, "momentum": 0.9, "dampening": 0.5}),
    ("sgd", {"lr": 0.05, "momentum": 0.9, "nesterov": True}),
    ("sgd", {"lr": 0.1, "weight_decay": 0.1}),
    ("sgd", {"lr": 0.1, "maximize": True}),
    ("sgd", {"lr": 0.05, "momentum": 0.8, "nesterov": True, "weight_decay": 0.2, "maximize": True}),
    ("adagrad", {}),
    ("adagrad", {"lr": 0.1, "lr_decay": 0.05}),
    ("adagrad", {"lr": 0.1, "weight_decay": 0.1}),
    ("adagrad", {"lr": 0.1, "initial_accumulator_value": 0.5}),
    ("adagrad", {"lr": 0.1, "eps": 1e-3, "maximize": True}),
    ("rmsprop", {}),
    ("rmsprop", {"lr": 0.01, "alpha": 0.9}),
    ("rmsprop", {"lr": 0.01, "centered": True}),
    ("rmsprop", {"lr": 0.01, "momentum": 0.9}),
    ("rmsprop", {"lr": 0.01, "momentum": 0.5, "centered": True, "weight_decay": 0.1, "eps": 1e-4}),
    ("rmsprop", {"lr": 0.01, "maximize": True}),
    ("adadelta", {}),
    ("adadelta", {"lr": 0.5, "rho": 0.5, "weight_decay": 0.1}),
    ("adadelta", {"lr": 2.0, "eps": 1e-3, "maximize": True}),
    ("adam", {}),
    ("adam", {"lr": 0.01}),
    ("adam", {"lr": 0.01, "amsgrad": True}),
    ("adam", {"lr": 0.01, "maximize": True}),
    ("adam", {"lr": 0.01, "weight_decay": 0.1}),
    ("adam", {"lr": 0.01, "betas": (0.5, 0.9), "eps": 1e-3}),
    ("adam", {"lr": 0.02, "amsgrad": True, "weight_decay": 0.1, "maximize": True}),
    ("adamw", {}),
    ("adamw", {"lr": 0.01, "weight_decay": 0.5}),
    ("adamw", {"lr": 0.01, "amsgrad": True}),
    ("adamw", {"lr": 0.01, "maximize": True, "weight_decay": 0.1}),
    ("adamax", {}),
    ("adamax", {"lr": 0.02, "weight_decay": 0.1}),
    ("adamax", {"lr": 0.02, "betas": (0.5, 0.9), "maximize": True}),
    ("nadam", {}),
    ("nadam", {"lr": 0.01, "weight_decay": 0.1}),
    ("nadam", {"lr": 0.01, "momentum_decay": 0.1, "betas": (0.8, 0.99)}),
    ("radam", {}),
    ("radam", {"lr": 0.01, "weight_decay": 0.1}),
    ("radam", {"lr": 0.01, "betas": (0.9, 0.9)}),
    ("lion", {}),
    ("lion", {"lr": 0.01, "weight_decay": 0.1}),
    ("lion", {"lr": 0.01, "betas": (0.5, 0.9)}),
]


def clip_cases():
    arrays = [f32(rng.normal(0, s, k)) for s, k in ((1.0, 5), (3.0, 11), (0.5, 3))]
    out = []
    for max_norm, norm_type in ((1.0, 2.0), (100.0, 2.0), (2.0, float("inf")), (1.5, 1.0), (0.5, 3.0)):
        grads = [torch.tensor(a) for a in arrays]
        params = [torch.nn.Parameter(torch.zeros_like(g)) for g in grads]
        for p, g in zip(params, grads):
            p.grad = g.clone()
        total = torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type)
        out.append({"max_norm": max_norm, "norm_type": "inf" if norm_type == float("inf") else norm_type,
                    "grads": [a.tolist() for a in arrays], "total_norm": float(total),
                    "clipped": [p.grad.tolist() for p in params]})
    value = []
    for clip in (0.5, 2.0):
        p = torch.nn.Parameter(torch.zeros(len(arrays[1])))
        p.grad = torch.tensor(arrays[1])
        torch.nn.utils.clip_grad_value_([p], clip)
        value.append({"clip_value": clip, "grad": arrays[1].tolist(), "clipped": p.grad.tolist()})
    return out, value


def main():
    norm, value = clip_cases()
    doc = {
        "generator": "optimizers_golden.py",
        "versions": {"python": platform.python_version(), "torch": torch.__version__, "numpy": np.__version__},
        "dtype": "float64",
        "notes": "nadam and lion are by hand with torch float64 ops (see the generator's docstring)",
        "steps": STEPS,
        "start": START.tolist(),
        "grads": [g.tolist() for g in GRADS],
        "cases": [{"optimizer": name, "options": opts, "trajectory": trajectory(name, opts)}
                  for name, opts in CASES],
        "clip_grad_norm": norm,
        "clip_grad_value": value,
    }
    json.dump(doc, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
