#!/usr/bin/python3
"""scikit-learn's MLPClassifier on lanewise's bundled digits, timed; prints JSON.

The peer side of the digits-MLP fit comparison (issue 10's "fit of the digits MLP" bar; run_mlp_digits.sh runs
both sides and writes the report). Data: data/digits.csv, pixels / 16, the stratified 80/20 split
train_test_split(test_size=0.2, stratify=y, random_state=42) that linear_models.py uses too. Model:

    MLPClassifier(hidden_layer_sizes=(64,), batch_size=32, early_stopping=True, random_state=R)

with every other setting at its default (solver="adam", learning_rate_init=1e-3, alpha=1e-4, max_iter=200,
validation_fraction=0.1, n_iter_no_change=10, tol=1e-4). Early stopping holds out 10% of the training rows
(a stratified train_test_split drawn from the estimator's random state), scores the validation accuracy after
every epoch, stops once it has not beaten the best by tol for more than n_iter_no_change epochs in a row,
and keeps the best epoch's weights.

--splits-dir writes the rows as lanewise reads them (harness SplitIndices files, 0-based CSV rows):
digits.split (train / test) and digits-validation.split (train = the rows MLPClassifier trains on, test = the
rows it validates on; captured from the estimator's own train_test_split call, see capture_validation_rows).

Timing: one first fit (reported, not in the median), then --repeats fits, each a fresh estimator with the same
random_state (so the same epochs and weights), timed with time.perf_counter around fit() alone, on rows
already loaded, split and scaled.
"""
import argparse
import json
import os
import platform
import statistics
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import sklearn
import sklearn.neural_network._multilayer_perceptron as mlp_module
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier

SPLIT = {"test_size": 0.2, "random_state": 42}
SPLIT_WORDS = "train_test_split(test_size=0.2, stratify=y, random_state=42)"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def blas_info():
    try:
        from threadpoolctl import threadpool_info
        return [{k: pool.get(k) for k in ("user_api", "internal_api", "version", "num_threads")}
                for pool in threadpool_info()]
    except ImportError:
        return []


def make_model(random_state, early_stopping=True):
    return MLPClassifier(hidden_layer_sizes=(64,), batch_size=32, early_stopping=early_stopping, random_state=random_state)


def capture_validation_rows(x_train, y_train, random_state):
    """The positions in x_train of the rows a fit trains and validates on.

    MLPClassifier draws its validation rows with train_test_split(X, y, random_state=<its RandomState, after the
    weight initialization>, test_size=0.1, stratify=y). This runs one fit with that call wrapped so that it also
    splits an array of positions: the split depends only on the row count, the labels and the random state, so
    the fit is unchanged and the positions are exactly its rows.
    """
    captured = {}
    original = mlp_module.train_test_split

    def recording(x, y, **kwargs):
        x_fit, x_val, y_fit, y_val, fit_pos, val_pos = original(x, y, np.arange(len(y)), **kwargs)
        captured["fit"], captured["validation"] = fit_pos, val_pos
        return x_fit, x_val, y_fit, y_val

    mlp_module.train_test_split = recording
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            make_model(random_state).fit(x_train, y_train)
    finally:
        mlp_module.train_test_split = original
    return captured["fit"], captured["validation"]


def write_split(path, comment, first, second):
    with open(path, "w") as f:
        f.write(f"# {comment}\n")
        f.write("train " + ",".join(map(str, first)) + "\n")
        f.write("test " + ",".join(map(str, second)) + "\n")


def main():
    root = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=root / "data", help="folder of the bundled CSV files")
    parser.add_argument("--repeats", type=int, default=5, help="timed fits (default 5)")
    parser.add_argument("--random-state", type=int, default=0, help="MLPClassifier's random_state (default 0)")
    parser.add_argument("--no-early-stopping", action="store_true",
                        help="early_stopping=False: stop on the training loss (tol, n_iter_no_change), no validation rows")
    parser.add_argument("--accuracy-seeds", type=int, default=0, metavar="N",
                        help="also fit once with each random_state 0..N-1 (untimed) and record epochs and test accuracy")
    parser.add_argument("--splits-dir", type=Path, help="write digits.split (and, with early stopping, "
                        "digits-validation.split) here")
    parser.add_argument("--json", type=Path, help="write the JSON here instead of standard output")
    args = parser.parse_args()
    if args.repeats < 1:
        parser.error(f"--repeats must be >= 1, was {args.repeats}")

    table = np.loadtxt(args.data / "digits.csv", delimiter=",", skiprows=1)
    x, y = table[:, :-1] / 16.0, table[:, -1].astype(int)
    train, test = train_test_split(np.arange(len(y)), stratify=y, **SPLIT)
    x_train, x_test, y_train, y_test = x[train], x[test], y[train], y[test]

    early_stopping = not args.no_early_stopping
    if early_stopping:
        fit_pos, val_pos = capture_validation_rows(x_train, y_train, args.random_state)
    else:
        fit_pos, val_pos = np.arange(len(y_train)), np.arange(0)
    if args.splits_dir is not None:
        args.splits_dir.mkdir(parents=True, exist_ok=True)
        write_split(args.splits_dir / "digits.split",
                    f"rows of data/digits.csv (0-based, header excluded): sklearn {sklearn.__version__} {SPLIT_WORDS}",
                    train, test)
    if args.splits_dir is not None and early_stopping:
        write_split(args.splits_dir / "digits-validation.split",
                    f"rows of data/digits.csv: MLPClassifier(random_state={args.random_state})'s early-stopping split "
                    f"of the training rows (train: fitted on, test: validated on), sklearn {sklearn.__version__}",
                    train[fit_pos], train[val_pos])

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        first = make_model(args.random_state, early_stopping)
        start = time.perf_counter()
        first.fit(x_train, y_train)
        first_seconds = time.perf_counter() - start
        samples = []
        model = first
        for _ in range(args.repeats):
            model = make_model(args.random_state, early_stopping)
            start = time.perf_counter()
            model.fit(x_train, y_train)
            samples.append(time.perf_counter() - start)
    accuracy = float(model.score(x_test, y_test))
    # With early stopping the weights of the first epoch of the best validation score are kept; without, the last.
    best_epoch = int(np.argmax(model.validation_scores_)) + 1 if early_stopping else int(model.n_iter_)
    seeds = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        for seed in range(args.accuracy_seeds):
            fitted = make_model(seed, early_stopping).fit(x_train, y_train)
            seeds.append({"random_state": seed, "epochs": int(fitted.n_iter_),
                          "accuracy": float(fitted.score(x_test, y_test))})
    print(f"digits MLPClassifier(64, early_stopping={early_stopping}): median {statistics.median(samples):.4f} s for {model.n_iter_} epochs "
          f"(kept epoch {best_epoch}), test accuracy {accuracy:.4f}", file=sys.stderr)

    out = {
        "tool": "peers/sklearn/mlp_digits.py",
        "python": platform.python_version(),
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "blas": blas_info(),
        "model": f"MLPClassifier(hidden_layer_sizes=(64,), batch_size=32, early_stopping={early_stopping}, "
                 f"random_state={args.random_state})",
        "early_stopping": early_stopping,
        "params": {k: v for k, v in model.get_params().items() if isinstance(v, (int, float, str, bool, tuple, type(None)))},
        "split": SPLIT_WORDS + "; pixels / 16",
        "train_rows": len(y_train),
        "fit_rows": len(fit_pos),
        "validation_rows": len(val_pos),
        "test_rows": len(y_test),
        "first_fit_s": first_seconds,
        "fit_s": {"median": statistics.median(samples), "min": min(samples), "max": max(samples),
                  "repeats": args.repeats, "samples": samples},
        "epochs": int(model.n_iter_),
        "best_epoch": best_epoch,
        "best_validation_accuracy": float(model.best_validation_score_) if early_stopping else None,
        "accuracy": accuracy,
        "warnings": sorted({str(w.message) for w in caught}),
        "seeds": seeds,
    }
    text = json.dumps(out, indent=2) + "\n"
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
