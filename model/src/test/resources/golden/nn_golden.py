#!/usr/bin/python3
"""Golden values for lanewise's layers (dev.lanewise.model.nn), from torch.

Run from this folder with Debian's python3 (PyTorch 1.13):  /usr/bin/python3 nn_golden.py
It writes nn_golden.json. The network, in float32 on the CPU, for a fixed batch of 6 rows:

    x (6 x 4) -> Linear(4, 5) -> BatchNorm1d(5) -> Tanh -> weight_norm(Linear(5, 3)) -> CrossEntropyLoss

Every weight is drawn from a seeded generator and written into the JSON (PyTorch's layout: a Linear
weight is out x in, weight_g is out x 1), so the Java test builds the same network. The BatchNorm's
gamma, beta and running statistics, and weight_g, start away from their defaults so every term shows.
Two cases: BatchNorm1d's defaults (momentum 0.1, eps 1e-5) and momentum 0.25, eps 1e-2.
Recorded after one training forward and backward: the logits, the mean loss, every parameter's
gradient, the input's gradient, the running statistics; then the logits in eval mode (running statistics).
"""
import json
import platform
import sys

import numpy
import torch
from torch import nn

ROWS, IN, HIDDEN, CLASSES = 6, 4, 5, 3


def floats(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def case(name, momentum, eps, seed):
    gen = torch.Generator().manual_seed(seed)

    def rand(*shape, scale=1.0, shift=0.0):
        return (torch.randn(*shape, generator=gen) * scale + shift).float()

    x = rand(ROWS, IN, scale=2.0, shift=0.5)
    labels = torch.tensor([0, 2, 1, 1, 0, 2])
    lin1 = nn.Linear(IN, HIDDEN)
    bn = nn.BatchNorm1d(HIDDEN, eps=eps, momentum=momentum)
    lin2 = nn.utils.weight_norm(nn.Linear(HIDDEN, CLASSES))  # dim=0: one norm per output unit
    with torch.no_grad():
        lin1.weight.copy_(rand(HIDDEN, IN, scale=0.6))
        lin1.bias.copy_(rand(HIDDEN, scale=0.3))
        bn.weight.copy_(rand(HIDDEN, scale=0.3, shift=1.0))
        bn.bias.copy_(rand(HIDDEN, scale=0.3))
        bn.running_mean.copy_(rand(HIDDEN, scale=0.5))
        bn.running_var.copy_(rand(HIDDEN, scale=0.3).abs() + 0.5)
        lin2.weight_v.copy_(rand(CLASSES, HIDDEN, scale=0.8))
        lin2.weight_g.copy_(rand(CLASSES, 1, scale=0.3).abs() + 0.7)
        lin2.bias.copy_(rand(CLASSES, scale=0.3))
    start = {
        "lin1.weight": floats(lin1.weight), "lin1.bias": floats(lin1.bias),
        "bn.weight": floats(bn.weight), "bn.bias": floats(bn.bias),
        "bn.running_mean": floats(bn.running_mean), "bn.running_var": floats(bn.running_var),
        "lin2.weight_v": floats(lin2.weight_v), "lin2.weight_g": floats(lin2.weight_g), "lin2.bias": floats(lin2.bias),
    }
    model = nn.Sequential(lin1, bn, nn.Tanh(), lin2)
    model.train()
    xg = x.clone().requires_grad_(True)
    logits = model(xg)
    loss = nn.CrossEntropyLoss()(logits, labels)
    loss.backward()
    grads = {
        "lin1.weight": floats(lin1.weight.grad), "lin1.bias": floats(lin1.bias.grad),
        "bn.weight": floats(bn.weight.grad), "bn.bias": floats(bn.bias.grad),
        "lin2.weight_v": floats(lin2.weight_v.grad), "lin2.weight_g": floats(lin2.weight_g.grad),
        "lin2.bias": floats(lin2.bias.grad),
    }
    running = {"bn.running_mean": floats(bn.running_mean), "bn.running_var": floats(bn.running_var)}
    model.eval()
    with torch.no_grad():
        eval_logits = model(x)
    return {
        "name": name, "momentum": momentum, "eps": eps,
        "x": floats(x), "labels": labels.tolist(),
        "start": start,
        "train_logits": floats(logits), "loss": float(loss), "grads": grads, "input_grad": floats(xg.grad),
        "running_after": running, "effective_weight": floats(lin2.weight),
        "eval_logits": floats(eval_logits),
    }


def main():
    torch.set_num_threads(1)
    out = {
        "torch": torch.__version__, "numpy": numpy.__version__, "python": platform.python_version(),
        "rows": ROWS, "in": IN, "hidden": HIDDEN, "classes": CLASSES,
        "cases": [case("defaults", 0.1, 1e-5, 1), case("momentum0.25_eps1e-2", 0.25, 1e-2, 2)],
    }
    with open("nn_golden.json", "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("wrote nn_golden.json with torch", torch.__version__, file=sys.stderr)


if __name__ == "__main__":
    main()
