#!/usr/bin/python3
"""scikit-learn's linear classifiers on lanewise's bundled data, timed; prints JSON.

The peer side of lanewise's linear-model comparison (issue 9; run_linear_report.sh runs both sides). It fits,
on the same data and with the same split semantics as lanewise's `linear-fit-timing` and `LinearModelBenchmark`:

- digits (data/digits.csv): pixels / 16, stratified 80/20 split;
- breast_cancer (data/breast_cancer.csv): stratified 80/20 split, StandardScaler fitted on the training rows;

the split being train_test_split(test_size=0.2, stratify=y, random_state=42), whose rows --splits-dir writes out
so that lanewise can score on the very same rows. Models:

- SGDClassifier(loss="log_loss", max_iter=EPOCHS, tol=None, random_state=0): exactly EPOCHS epochs of plain
  SGD (default alpha=1e-4 L2, 'optimal' learning rate; one-vs-rest for digits' 10 classes);
- LogisticRegression(solver="lbfgs", max_iter=1000): default C=1.0 (multinomial for digits).

Each model is fitted once untimed-as-warm (its time is reported as the first fit), then --repeats times, each a
fresh estimator, timed with time.perf_counter around fit() alone (data loaded, split and scaled beforehand).
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
import scipy
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

DEFAULT_EPOCHS = {"digits": 60, "breast_cancer": 100}
SPLIT = {"test_size": 0.2, "random_state": 42}


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


def load(data_dir, problem):
    table = np.loadtxt(data_dir / f"{problem}.csv", delimiter=",", skiprows=1)
    x, y = table[:, :-1], table[:, -1].astype(int)
    if problem == "digits":
        x = x / 16.0
    return x, y


def prepare(data_dir, problem, splits_dir):
    x, y = load(data_dir, problem)
    rows = np.arange(len(y))
    train, test = train_test_split(rows, stratify=y, **SPLIT)
    if splits_dir is not None:
        splits_dir.mkdir(parents=True, exist_ok=True)
        with open(splits_dir / f"{problem}.split", "w") as f:
            f.write(f"# rows of data/{problem}.csv (0-based, header excluded): sklearn {sklearn.__version__} "
                    f"train_test_split(test_size=0.2, stratify=y, random_state=42)\n")
            f.write("train " + ",".join(map(str, train)) + "\n")
            f.write("test " + ",".join(map(str, test)) + "\n")
    x_train, x_test, y_train, y_test = x[train], x[test], y[train], y[test]
    description = "train_test_split(test_size=0.2, stratify=y, random_state=42)"
    if problem == "breast_cancer":
        scaler = StandardScaler().fit(x_train)
        x_train, x_test = scaler.transform(x_train), scaler.transform(x_test)
        description += "; StandardScaler fitted on the training rows"
    return x_train, x_test, y_train, y_test, description


def time_fits(make, x_train, y_train, x_test, y_test, repeats):
    first = make()
    start = time.perf_counter()
    first.fit(x_train, y_train)
    first_seconds = time.perf_counter() - start
    samples = []
    model = first
    for _ in range(repeats):
        model = make()
        start = time.perf_counter()
        model.fit(x_train, y_train)
        samples.append(time.perf_counter() - start)
    n_iter = model.n_iter_
    return {
        "first_fit_s": first_seconds,
        "fit_s": {"median": statistics.median(samples), "min": min(samples), "max": max(samples),
                  "repeats": repeats, "samples": samples},
        "accuracy": float(model.score(x_test, y_test)),
        "n_iter": int(np.max(n_iter)) if np.ndim(n_iter) else int(n_iter),
    }


def main():
    root = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=root / "data", help="folder of the bundled CSV files")
    parser.add_argument("--problems", default="digits,breast_cancer")
    parser.add_argument("--epochs", action="append", default=[], metavar="PROBLEM=N",
                        help="SGDClassifier epochs, e.g. digits=60 (default: digits=60, breast_cancer=100)")
    parser.add_argument("--repeats", type=int, default=15, help="timed fits per model (default 15)")
    parser.add_argument("--splits-dir", type=Path, help="write <problem>.split files of the split's rows here")
    parser.add_argument("--json", type=Path, help="write the JSON here instead of standard output")
    args = parser.parse_args()
    if args.repeats < 1:
        parser.error(f"--repeats must be >= 1, was {args.repeats}")
    epochs = dict(DEFAULT_EPOCHS)
    for item in args.epochs:
        name, _, value = item.partition("=")
        if name not in DEFAULT_EPOCHS or not value.isdigit() or int(value) < 1:
            parser.error(f"--epochs must be digits=N or breast_cancer=N with N >= 1, was {item}")
        epochs[name] = int(value)

    problems = []
    for problem in args.problems.split(","):
        if problem not in DEFAULT_EPOCHS:
            parser.error(f"--problems must name digits and/or breast_cancer, was {problem}")
        x_train, x_test, y_train, y_test, description = prepare(args.data, problem, args.splits_dir)
        e = epochs[problem]
        models = [
            ("SGDClassifier", f'SGDClassifier(loss="log_loss", max_iter={e}, tol=None, random_state=0)',
             lambda e=e: SGDClassifier(loss="log_loss", max_iter=e, tol=None, random_state=0), e),
            ("LogisticRegression", 'LogisticRegression(solver="lbfgs", max_iter=1000)',
             lambda: LogisticRegression(solver="lbfgs", max_iter=1000), None),
        ]
        results = []
        for name, params, make, model_epochs in models:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", ConvergenceWarning)
                timing = time_fits(make, x_train, y_train, x_test, y_test, args.repeats)
            results.append({"name": name, "params": params, "epochs": model_epochs, **timing,
                            "warnings": sorted({str(w.message) for w in caught})})
            print(f"{problem}: {name} median {timing['fit_s']['median']:.4f} s, test accuracy {timing['accuracy']:.4f}",
                  file=sys.stderr)
        problems.append({"problem": problem, "train_rows": len(y_train), "test_rows": len(y_test),
                         "features": x_train.shape[1], "split": description, "models": results})

    out = {
        "tool": "peers/sklearn/linear_models.py",
        "python": platform.python_version(),
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "blas": blas_info(),
        "problems": problems,
    }
    text = json.dumps(out, indent=2) + "\n"
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
