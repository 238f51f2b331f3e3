#!/usr/bin/env python3
"""Peer timing for ScorecardBenchmark: scikit-learn's logistic regression on the data the benchmark fits.

Install once (Debian packages): apt-get install -y python3-sklearn python3-numpy
Run with the system interpreter:  /usr/bin/python3 benchmarks/peers/logistic_peer.py --rows 1000000 --cols 20

Data as in ScorecardBenchmark (not bit-identical: numpy's generator, same model): X ~ N(0, 1), coefficients
uniform in [-0.5, 0.5), intercept -1, y ~ Bernoulli(1/(1+exp(-eta))). Times the median of --repeat runs of
LogisticRegression(penalty=None, solver=...).fit(X, y) for solver lbfgs (the default) and newton-cg, each with
tol=1e-8 and max_iter=1000, and of a plain X.sum() (one read of the data, the memory floor), in one process.
Compare with the JMH figures measured on the same machine in the same session; quote ratios.
"""
import argparse, statistics, time
import numpy as np
from sklearn.linear_model import LogisticRegression

ap = argparse.ArgumentParser()
ap.add_argument("--rows", type=int, default=1_000_000)
ap.add_argument("--cols", type=int, default=20)
ap.add_argument("--seed", type=int, default=12345)
ap.add_argument("--repeat", type=int, default=3)
a = ap.parse_args()

rng = np.random.default_rng(a.seed)
beta = rng.random(a.cols) - 0.5
X = rng.standard_normal((a.rows, a.cols))
y = (rng.random(a.rows) < 1 / (1 + np.exp(-(X @ beta - 1)))).astype(int)


def median_time(f):
    t = []
    for _ in range(a.repeat):
        t0 = time.perf_counter(); r = f(); t.append(time.perf_counter() - t0)
    return statistics.median(t), r


t_sum, _ = median_time(lambda: X.sum())
print(f"rows {a.rows} cols {a.cols}: X.sum() {t_sum * 1e3:.1f} ms")
for solver in ["lbfgs", "newton-cg"]:
    t, lr = median_time(lambda: LogisticRegression(penalty=None, solver=solver, tol=1e-8, max_iter=1000).fit(X, y))
    print(f"{solver}: fit {t * 1e3:.0f} ms, {int(lr.n_iter_[0])} iterations, intercept {lr.intercept_[0]:.6f}")
