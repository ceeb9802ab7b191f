#!/usr/bin/python3
"""Golden metric values for lanewise's dev.lanewise.model.metrics, from scikit-learn.

Run from this folder with Debian's python3 (scikit-learn 1.2):  /usr/bin/python3 metrics_golden.py
It writes metrics_golden.json: a fixed, seeded small data set (50 samples; every value a float32, as
lanewise holds them, widened to float64 for sklearn) and sklearn's values on it.
"""
import json
import platform
import sys

import numpy as np
import sklearn
from sklearn import metrics as M

N = 50
K = 4  # classes of the multiclass log-loss
K_CONFUSION = 5  # classes of the confusion matrix: class 3 is never predicted, class 4 never true
EPS = 1e-15  # log-loss clip, passed explicitly: sklearn 1.2's default is eps="auto"


def f32(x):
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def main():
    rs = np.random.RandomState(20240611)

    y_true = f32(rs.normal(3.0, 2.0, N))
    y_good = f32(y_true + rs.normal(0.0, 0.8, N))
    y_bad = f32(rs.normal(3.0, 2.0, N))  # unrelated: R^2 below 0

    y_bin = rs.randint(0, 2, N)
    p_one = f32(1 / (1 + np.exp(-(2.0 * (2 * y_bin - 1) + rs.normal(0, 1.5, N)))))
    p_one[3] = 1.0 - y_bin[3]  # confidently wrong: clipped to eps
    p_one[7] = float(y_bin[7])  # confidently right: clipped to 1 - eps
    p_one[11] = 0.0

    y_multi = rs.randint(0, K, N)
    logits = rs.normal(0, 1.0, (N, K))
    logits[np.arange(N), y_multi] += 1.5
    proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    proba = f32(proba)
    proba[5] = f32(proba[5] * 0.5)  # a row that does not sum to 1: sklearn renormalizes it
    proba[9] = 0.0
    proba[9, (y_multi[9] + 1) % K] = 1.0  # the true class has probability 0: clipped to eps

    c_true = rs.randint(0, 4, N)
    others = np.array([0, 1, 2, 4])
    c_pred = np.where(rs.uniform(size=N) < 0.7, c_true, others[rs.randint(0, 4, N)])
    c_pred[c_pred == 3] = 2  # class 3 is never predicted
    labels = list(range(K_CONFUSION))
    prec, rec, f1, support = M.precision_recall_fscore_support(c_true, c_pred, labels=labels, average=None,
                                                               zero_division=0)
    macro = M.precision_recall_fscore_support(c_true, c_pred, labels=labels, average="macro", zero_division=0)

    out = {
        "generator": "metrics_golden.py",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "log_loss_eps": EPS,
        "regression": {
            "y_true": y_true.tolist(),
            "cases": {
                name: {
                    "y_pred": pred.tolist(),
                    "mse": M.mean_squared_error(y_true, pred),
                    "rmse": M.mean_squared_error(y_true, pred, squared=False),
                    "mae": M.mean_absolute_error(y_true, pred),
                    "r2": M.r2_score(y_true, pred),
                }
                for name, pred in (("good", y_good), ("bad", y_bad))
            },
        },
        "binary": {
            "y_true": y_bin.tolist(),
            "proba_of_one": p_one.tolist(),
            "log_loss": M.log_loss(y_bin, p_one, eps=EPS, labels=[0, 1]),
            "accuracy_at_half": M.accuracy_score(y_bin, (p_one >= 0.5).astype(int)),
        },
        "multiclass": {
            "k": K,
            "y_true": y_multi.tolist(),
            "proba": proba.reshape(-1).tolist(),
            "log_loss": M.log_loss(y_multi, proba, eps=EPS, labels=list(range(K))),
            "accuracy_argmax": M.accuracy_score(y_multi, proba.argmax(axis=1)),
        },
        "confusion": {
            "k": K_CONFUSION,
            "y_true": c_true.tolist(),
            "y_pred": c_pred.tolist(),
            "matrix": M.confusion_matrix(c_true, c_pred, labels=labels).tolist(),
            "accuracy": M.accuracy_score(c_true, c_pred),
            "precision": prec.tolist(),
            "recall": rec.tolist(),
            "f1": f1.tolist(),
            "support": support.tolist(),
            "macro_precision": macro[0],
            "macro_recall": macro[1],
            "macro_f1": macro[2],
            "macro_f1_score": M.f1_score(c_true, c_pred, labels=labels, average="macro", zero_division=0),
        },
    }
    with open("metrics_golden.json", "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
