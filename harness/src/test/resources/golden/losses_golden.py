#!/usr/bin/python3
"""Golden values for the lanewise loss kernels, computed independently with PyTorch.

Run from this folder:  /usr/bin/python3 losses_golden.py > losses_golden.txt

Inputs are float32 values (what the kernels take), written as the shortest decimal of that float32, which
Java's Float.parseFloat reads back exactly. Losses and gradients are computed by torch.nn.functional in
float64 on those same values, gradients by autograd, so the expected values carry no float32 rounding.

Format, one record per case:
  case <name> <loss> [delta | rows cols]
  <field> v1 v2 ...        (pred/target, logits/targets, logits/labels)
  loss <mean loss>
  absmean <mean of |per-element (per-row) loss|>  (scales the test's tolerance)
  grad g1 g2 ...           (d mean / d pred, row-major for softmax)
  end
"""
import platform
import sys

import numpy as np
import torch
import torch.nn.functional as F


def f32(values):
    return np.asarray(values, dtype=np.float32)


def fmt(values):
    return " ".join(repr(float(v)) for v in np.asarray(values).ravel())


def emit(name, loss, extra, fields, per_element, grad):
    print(f"case {name} {loss}{extra}")
    for key, values in fields:
        if values.dtype.kind == "i":
            print(key, " ".join(str(int(v)) for v in values.ravel()))
        else:
            print(key, fmt(values))
    print("loss", repr(float(per_element.mean())))
    print("absmean", repr(float(per_element.abs().mean())))
    print("grad", fmt(grad.detach().numpy()))
    print("end")


def elementwise(name, loss, x, y, delta=None):
    x = f32(x)
    y = f32(y)
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    yt = torch.tensor(y, dtype=torch.float64)
    if loss == "mse":
        per = F.mse_loss(xt, yt, reduction="none")
    elif loss == "mae":
        per = F.l1_loss(xt, yt, reduction="none")
    elif loss == "huber":
        per = F.huber_loss(xt, yt, reduction="none", delta=float(delta))
    elif loss == "bce":
        per = F.binary_cross_entropy_with_logits(xt, yt, reduction="none")
    elif loss == "hinge":
        # relu, not clamp: relu's gradient at the kink is 0, the subgradient the kernels use.
        per = F.relu(1 - yt * xt)
    else:
        raise ValueError(loss)
    per.mean().backward()
    names = ("logits", "targets") if loss == "bce" else ("pred", "target")
    extra = f" {repr(float(np.float32(delta)))}" if delta is not None else ""
    emit(name, loss, extra, [(names[0], x), (names[1], y)], per.detach(), xt.grad)


def softmax(name, logits, labels):
    logits = f32(logits)
    labels = np.asarray(labels, dtype=np.int64)
    rows, cols = logits.shape
    xt = torch.tensor(logits, dtype=torch.float64, requires_grad=True)
    per = F.cross_entropy(xt, torch.tensor(labels), reduction="none")
    per.mean().backward()
    emit(name, "softmax", f" {rows} {cols}", [("logits", logits), ("labels", labels)], per.detach(), xt.grad)


def main():
    print(f"# losses_golden.py: python {platform.python_version()}, torch {torch.__version__}, numpy {np.__version__}")
    rng = np.random.default_rng(20240611)

    elementwise("mse_37", "mse", rng.normal(size=37), rng.normal(size=37))
    elementwise("mse_1", "mse", [2.5], [-1.25])
    elementwise("mse_103_wide_range", "mse", rng.normal(size=103) * 1e3, rng.normal(size=103) * 1e-3)

    mae_pred = rng.normal(size=37)
    mae_target = rng.normal(size=37)
    mae_target[::5] = mae_pred[::5]  # d = 0 exactly: the subgradient 0
    elementwise("mae_37_with_zero_differences", "mae", mae_pred, mae_target)

    huber_pred = rng.normal(size=41) * 2
    huber_target = rng.normal(size=41)
    huber_pred[0], huber_target[0] = 1.5, 0.5  # |d| == delta == 1 exactly
    huber_pred[1], huber_target[1] = -0.25, 0.75
    elementwise("huber_41_delta_1", "huber", huber_pred, huber_target, delta=1.0)
    elementwise("huber_41_delta_0.3", "huber", huber_pred, huber_target, delta=0.3)
    elementwise("huber_41_delta_2.5", "huber", huber_pred, huber_target, delta=2.5)

    bce_logits = rng.normal(size=37) * 6
    bce_targets = np.where(np.arange(37) % 3 == 0, rng.uniform(size=37), (np.arange(37) % 2).astype(float))
    elementwise("bce_37", "bce", bce_logits, bce_targets)
    elementwise("bce_extreme_logits", "bce",
                [1000, -1000, 1000, -1000, 0, 50, -50, 100, -100, 88, -88, 17, -17, 1e-8, -1e-8, 30, -30],
                [0, 1, 1, 0, 0.5, 0, 1, 1, 0, 0.25, 0.75, 0, 1, 1, 0, 0.5, 0.5])

    hinge_targets = np.where(rng.uniform(size=37) < 0.5, -1.0, 1.0)
    hinge_pred = rng.normal(size=37) * 2
    hinge_pred[0], hinge_targets[0] = 1.0, 1.0  # margin exactly 0: the kink
    hinge_pred[1], hinge_targets[1] = 1.0, -1.0
    elementwise("hinge_37", "hinge", hinge_pred, hinge_targets)

    softmax("softmax_5x10", rng.normal(size=(5, 10)) * 3, rng.integers(0, 10, size=5))
    softmax("softmax_3x37", rng.normal(size=(3, 37)) * 3, rng.integers(0, 37, size=3))
    softmax("softmax_4x20", rng.normal(size=(4, 20)), rng.integers(0, 20, size=4))
    softmax("softmax_2x1", [[0.5], [-3.0]], [0, 0])
    softmax("softmax_extreme_logits",
            [[1000, -1000, 0, 999, -1000],
             [-1000, -1000, -1000, -1000, -1000],
             [1000, 1000, -1000, 1000, 0],
             [-1000, 1000, 0, 0, 500]],
            [1, 3, 0, 0])


if __name__ == "__main__":
    main()
