"""MICOM and PLS-MGA reference values for MicomMgaReferenceTest (numpy 2.4.6, scipy 1.17.1).

An implementation independent of the Java code, written from the formulas of Henseler, Ringle & Sarstedt (2016)
and of cSEM's R/postestimate_test_MICOM.R, R/postestimate_test_MGD.R and R/helper_test_MGD.R (calculatePr):

* micom_gender.csv: the deterministic statistics of MICOM on ../data/satisfaction.csv split by gender (female =
  group A, male = group B), 6-construct model (all Mode A, path weighting scheme, standardised items with the
  population standard deviation): step 2, c = cor(Z w_female, Z w_male) on the pooled standardised items Z with
  each group's own PLS weights; step 3, the mean difference and log variance ratio of the pooled-model scores,
  with population-variance scores (group variances divide by n_g) and with sample-variance scores (cSEM's
  convention, n_g - 1). PLS is re-implemented here with plain numpy (Lohmoeller's algorithm on the data matrix).
* mga_draws.csv / mga_expected.csv: seeded skewed bootstrap draws of two groups for three cases, and the
  PLS-MGA probability as cSEM computes it (draws minus their bias, mean((1 + sign(outer(B, A, '-'))) / 2),
  written out pair by pair); the parametric (Keil) and Welch-Satterthwaite (Nitzl) t tests from given estimates,
  standard errors and group sizes, p values from scipy.stats.t.
Run: python3 mga_reference.py (writes the three CSV files here).
"""
import csv
import os

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))

BLOCKS = [("IMAG", ["imag1", "imag2", "imag3", "imag4", "imag5"]),
          ("EXPE", ["expe1", "expe2", "expe3", "expe4", "expe5"]),
          ("QUAL", ["qual1", "qual2", "qual3", "qual4", "qual5"]),
          ("VAL", ["val1", "val2", "val3", "val4"]),
          ("SAT", ["sat1", "sat2", "sat3", "sat4"]),
          ("LOY", ["loy1", "loy2", "loy3", "loy4"])]
PATHS = [("IMAG", "EXPE"), ("IMAG", "SAT"), ("IMAG", "LOY"), ("EXPE", "QUAL"), ("EXPE", "VAL"), ("EXPE", "SAT"),
         ("QUAL", "VAL"), ("QUAL", "SAT"), ("VAL", "SAT"), ("SAT", "LOY")]
NAMES = [b[0] for b in BLOCKS]
M = len(NAMES)
ADJ = np.zeros((M, M), dtype=bool)
for a, b in PATHS:
    ADJ[NAMES.index(a), NAMES.index(b)] = True


def read_data():
    with open(os.path.join(HERE, "..", "data", "satisfaction.csv"), newline="") as f:
        rows = list(csv.reader(f))
    head = rows[0]
    cols = [head.index(i) for _, items in BLOCKS for i in items]
    x = np.array([[float(r[c]) for c in cols] for r in rows[1:]])
    gender = np.array([r[head.index("gender")] for r in rows[1:]])
    return x, gender


def standardise(x):
    return (x - x.mean(axis=0)) / x.std(axis=0)  # population standard deviation, as plspm


def unit(v):
    return (v - v.mean()) / v.std()


def pls(x, tol=1e-13, max_iter=1000):
    """Mode A, path weighting; returns the weights (Var(Z_j w_j) = 1) and the scores."""
    z = standardise(x)
    n = z.shape[0]
    idx, k = [], 0
    for _, items in BLOCKS:
        idx.append(list(range(k, k + len(items))))
        k += len(items)
    w = [np.ones(len(i)) for i in idx]
    for _ in range(max_iter):
        y = np.column_stack([unit(z[:, idx[j]] @ w[j]) for j in range(M)])
        inner = np.zeros((M, M))  # inner[i, j]: weight of construct i in the inner estimate of j
        r = np.corrcoef(y, rowvar=False)
        for j in range(M):
            preds = [i for i in range(M) if ADJ[i, j]]
            if preds:
                beta = np.linalg.lstsq(y[:, preds], y[:, j], rcond=None)[0]
                inner[preds, j] = beta
            for i in range(M):
                if ADJ[j, i]:
                    inner[i, j] = r[i, j]
        zin = y @ inner
        new = []
        for j in range(M):
            wj = z[:, idx[j]].T @ zin[:, j] / n
            new.append(wj / np.std(z[:, idx[j]] @ wj))
        change = sum(np.abs(a - b).sum() for a, b in zip(new, w))
        w = new
        if change < tol:
            break
    else:
        raise RuntimeError("no convergence")
    scores = np.column_stack([z[:, idx[j]] @ w[j] for j in range(M)])
    return w, scores, idx


def micom():
    x, gender = read_data()
    keep = (gender == "female") | (gender == "male")
    x, gender = x[keep], gender[keep]
    a = gender == "female"
    wa, _, idx = pls(x[a])
    wb, _, _ = pls(x[~a])
    _, scores, _ = pls(x)
    zp = standardise(x)
    out = []
    n = x.shape[0]
    for j, name in enumerate(NAMES):
        c = np.corrcoef(zp[:, idx[j]] @ wa[j], zp[:, idx[j]] @ wb[j])[0, 1]
        row = {"construct": name, "c": c}
        for label, factor, ddof in (("population", 1.0, 0), ("sample", np.sqrt((n - 1) / n), 1)):
            y = scores[:, j] * factor
            row["mean_diff_" + label] = y[a].mean() - y[~a].mean()
            row["log_var_ratio_" + label] = np.log(y[a].var(ddof=ddof)) - np.log(y[~a].var(ddof=ddof))
        out.append(row)
    with open(os.path.join(HERE, "micom_gender.csv"), "w", newline="") as f:
        wr = csv.writer(f)
        keys = list(out[0].keys())
        wr.writerow(keys)
        for row in out:
            wr.writerow([row[k] if k == "construct" else repr(float(row[k])) for k in keys])


def henseler(est_a, draws_a, est_b, draws_b):
    ca = draws_a - (draws_a.mean() - est_a)
    cb = draws_b - (draws_b.mean() - est_b)
    return np.mean((1 + np.sign(np.subtract.outer(cb, ca))) / 2)


def parametric(ta, sa, na, tb, sb, nb):
    df = na + nb - 2
    se = np.sqrt((na - 1) ** 2 / df * sa ** 2 + (nb - 1) ** 2 / df * sb ** 2) * np.sqrt(1 / na + 1 / nb)
    t = (ta - tb) / se
    return t, df, 2 * stats.t.sf(abs(t), df)


def welch(ta, sa, na, tb, sb, nb):
    va = (na - 1) / na * sa ** 2
    vb = (nb - 1) / nb * sb ** 2
    t = (ta - tb) / np.sqrt(va + vb)
    df = np.round((va + vb) ** 2 / ((na - 1) / na ** 2 * sa ** 4 + (nb - 1) / nb ** 2 * sb ** 4) - 2)
    return t, df, 2 * stats.t.sf(abs(t), df)


def mga():
    rng = np.random.default_rng(20261204)
    cases = [
        # name, estimate A, draws A, estimate B, draws B, nA, nB
        ("skewed", 0.47, 0.40 + 0.08 * rng.gamma(2.0, 1.0, 1000), 0.26, 0.15 + 0.1 * rng.gamma(3.0, 1.0, 800),
         148, 102),
        ("close", 0.62, rng.normal(0.61, 0.07, 500), 0.60, rng.normal(0.62, 0.09, 700), 60, 45),
        ("ties", 0.5, np.round(rng.normal(4, 0.8, 300)) / 8, 0.5, np.round(rng.normal(4, 0.8, 300)) / 8, 30, 30),
    ]
    with open(os.path.join(HERE, "mga_draws.csv"), "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(["case", "group", "draw"])
        for name, _, da, _, db, _, _ in cases:
            for g, d in (("A", da), ("B", db)):
                for v in d:
                    wr.writerow([name, g, repr(float(v))])
    with open(os.path.join(HERE, "mga_expected.csv"), "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(["case", "estimate_a", "estimate_b", "se_a", "se_b", "n_a", "n_b", "henseler",
                     "parametric_t", "parametric_df", "parametric_p", "welch_t", "welch_df", "welch_p"])
        for name, ea, da, eb, db, na, nb in cases:
            sa, sb = da.std(ddof=1), db.std(ddof=1)
            if name == "ties":
                # draws on a grid of 1/8 have exact sums, so a mean taken as the estimate gives a bias of exactly 0 in
                # any summation order and the many tied draws stay tied
                ea, eb = da.mean(), db.mean()
            pr = henseler(ea, da, eb, db)
            pt = parametric(ea, sa, na, eb, sb, nb)
            wt = welch(ea, sa, na, eb, sb, nb)
            wr.writerow([name] + [repr(float(v)) for v in (ea, eb, sa, sb)] + [na, nb, repr(float(pr))]
                        + [repr(float(v)) for v in pt + wt])


if __name__ == "__main__":
    micom()
    mga()
