"""BCa reference for BcaReferenceTest: scipy.stats.bootstrap (method='BCa', scipy 1.17.1, numpy 2.4.6).

Draws a skewed sample, bootstraps the Pearson correlation and the skewed sample mean with scipy, and writes the
original estimates, scipy's bootstrap draws (bootstrap_distribution), the leave-one-out jackknife values and
scipy's BCa and percentile limits at 95 % and 90 %. The Java test feeds the same draws and jackknife values to
its own BCa code and must reproduce scipy's limits. Run: python3 bca_reference.py (writes bca.csv here).
"""
import csv

import numpy as np
from scipy import stats

rng = np.random.default_rng(20261204)
n = 40
x = rng.gamma(1.5, 2.0, n)
y = 0.6 * x + rng.gamma(1.0, 1.5, n)


def corr(a, b, axis=-1):
    a = a - a.mean(axis=axis, keepdims=True)
    b = b - b.mean(axis=axis, keepdims=True)
    return (a * b).sum(axis=axis) / np.sqrt((a * a).sum(axis=axis) * (b * b).sum(axis=axis))


def mean(a, axis=-1):
    return a.mean(axis=axis)


rows = []
for name, data, stat, paired in (("corr", (x, y), corr, True), ("mean", (x,), mean, False)):
    original = float(stat(*data))
    jack = [float(stat(*(np.delete(d, i) for d in data))) for i in range(n)]
    for level in (0.95, 0.90):
        res = stats.bootstrap(data, stat, paired=paired, vectorized=True, n_resamples=2000, confidence_level=level,
                              method="BCa", random_state=np.random.default_rng(7))
        draws = res.bootstrap_distribution
        pct = np.percentile(draws, [100 * (1 - level) / 2, 100 * (1 + level) / 2])
        rows.append([name, level, repr(original), repr(float(res.confidence_interval.low)),
                     repr(float(res.confidence_interval.high)), repr(float(pct[0])), repr(float(pct[1])),
                     " ".join(repr(float(v)) for v in jack), " ".join(repr(float(v)) for v in draws)])

with open("bca.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["statistic", "level", "original", "bca_low", "bca_high", "pct_low", "pct_high", "jackknife",
                "draws"])
    w.writerows(rows)
