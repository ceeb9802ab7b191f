#!/usr/bin/python3
"""Golden values for lanewise's activation kernels, computed independently with PyTorch in float64.

Run with Debian's /usr/bin/python3 (torch 1.13):  /usr/bin/python3 activations_golden.py > activations_golden.json

Inputs are float32 values (so the Java side holds them exactly); every expected value is torch.nn.functional
(or autograd through it) in float64 on those inputs. Sigmoid, tanh, softmax and log-softmax backwards take the
saved output, as lanewise's do: that output is the float64 forward rounded to float32 and recorded as an input,
and the expected gradient is PyTorch's own backward formula (aten's *_backward ops) in float64 on it.
"""
import json
import platform
import sys

import numpy as np
import torch
import torch.nn.functional as F

# The float32 values lanewise's tests pass (Elementwise.SLOPE, Elementwise.ALPHA), held exactly in float64.
SLOPE = float(np.float32(0.05))   # leaky ReLU negative_slope
ALPHA = float(np.float32(1.3))    # ELU alpha


def f32(values):
    return np.asarray(values, dtype=np.float32).astype(np.float64)


def listed(t):
    return [float(v) for v in t.detach().numpy().ravel()]


rng = np.random.default_rng(20240601)
xs = f32(np.concatenate([
    np.linspace(-10, 10, 41),
    [0.0, -0.0, 1e-30, -1e-30, 1e-6, -1e-6, 0.5, -0.5, 3.7, -3.7, 15, -15, 25, -25, 50, -50, 90, -90, float("nan")],
    rng.uniform(-6, 6, 40),
]))
gs = f32(rng.uniform(-2, 2, xs.size))

elementwise = {
    "identity": (lambda x: x, False),
    "relu": (F.relu, False),
    "leakyRelu": (lambda x: F.leaky_relu(x, SLOPE), False),
    "elu": (lambda x: F.elu(x, ALPHA), False),
    "sigmoid": (torch.sigmoid, True),
    "tanh": (torch.tanh, True),
    "gelu": (lambda x: F.gelu(x, approximate="none"), False),
    "geluTanh": (lambda x: F.gelu(x, approximate="tanh"), False),
    "silu": (F.silu, False),
    "softplus": (lambda x: F.softplus(x, beta=1, threshold=20), False),
}

cases = []
for name, (fn, saves_output) in elementwise.items():
    x = torch.tensor(xs, dtype=torch.float64, requires_grad=True)
    y = fn(x)
    g = torch.tensor(gs, dtype=torch.float64)
    if saves_output:
        saved = torch.tensor(f32(y.detach().numpy()), dtype=torch.float64)
        if name == "sigmoid":
            dx = torch.ops.aten.sigmoid_backward(g, saved)
        else:
            dx = torch.ops.aten.tanh_backward(g, saved)
    else:
        saved = x.detach()
        y.backward(g)
        dx = x.grad
    cases.append({"function": name, "x": listed(x), "y": listed(y), "g": listed(g), "saved": listed(saved),
                  "dx": listed(dx)})

rows, cols = 5, 13
logits = f32(rng.normal(0, 4, (rows, cols)))
logits[1, :] += 1000          # huge logits
logits[2, 3] = -1000
logits[2, 7] = float("-inf")  # probability 0
logits[3, :] = -logits[3, :] * 50
logits[4, :4] = float("-inf")
logits = f32(logits)          # the inputs must be float32 values, as the Java side reads them
g = torch.tensor(f32(rng.uniform(-2, 2, (rows, cols))), dtype=torch.float64)
for name, fn, backward in [
        ("softmax", lambda t: F.softmax(t, dim=1), torch._softmax_backward_data),
        ("logSoftmax", lambda t: F.log_softmax(t, dim=1), torch._log_softmax_backward_data)]:
    x = torch.tensor(logits, dtype=torch.float64)
    y = fn(x)
    saved = torch.tensor(f32(y.numpy()), dtype=torch.float64)
    dx = backward(g, saved, 1, torch.float64)
    cases.append({"function": name, "rows": rows, "cols": cols, "x": listed(x), "y": listed(y), "g": listed(g),
                  "saved": listed(saved), "dx": listed(dx)})

json.dump({"generator": "activations_golden.py", "python": platform.python_version(), "torch": torch.__version__,
           "numpy": np.__version__, "slope": SLOPE, "alpha": ALPHA, "cases": cases}, sys.stdout, indent=1)
sys.stdout.write("\n")
