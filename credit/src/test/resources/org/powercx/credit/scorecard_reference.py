#!/usr/bin/env python3
"""Reference values for the logistic scorecard and monitoring tests on the German credit data.

Computed with Debian python3-sklearn 1.2.1 and numpy 1.24.2, independently of the Java code:
  selection indicators with a single bin or an information value below 0.02 (Siddiqi's "weak") are dropped
  binning   monotone optimal binning re-implemented here from the algorithm stated in MonotoneBinning's
            javadoc (empirical-quantile start bins, pool-adjacent-violators on bad rates, merging of bins
            under the minimum share or without goods or bads); WoE = ln(share of goods / share of bads)
  design    each indicator replaced by the WoE of its bin, computed here from the bins and the data
  logistic  sklearn LogisticRegression(solver='newton-cg', tol=1e-8) on that design, unpenalised
            (penalty=None) and L2 with C = 1/lambda for lambda = 1 and 10 (the intercept is not penalised);
            it converges in 12-13 iterations to within 4e-10 of a plain numpy Newton iteration on the same
            design, whereas lbfgs stops 1e-4 away even at tol=1e-14, so newton-cg is the reference
  scaling   PDO 20, 600 points at good:bad odds 50; factor = PDO/ln 2, offset = 600 - factor ln 50
  PSI       scores and grades of rows 0..599 (base) against rows 600..999 (batch); characteristic
            stability and grade migration between the data and the data with a2 (duration) + 12 months
Run with the system interpreter: /usr/bin/python3 scorecard_reference.py > german_scorecard_reference.json (from this directory).
"""
import json, math
import numpy as np
from sklearn.linear_model import LogisticRegression

INITIAL_BINS, MIN_SHARE, MIN_IV, EPS = 20, 0.05, 0.02, 1e-4
PDO, BASE_POINTS, BASE_ODDS = 20.0, 600.0, 50.0
data = np.loadtxt("german.data-numeric")
X, y = data[:, :24], (data[:, 24] == 2).astype(int)
n = len(y)


def binning(x, y):
    s = np.sort(x)
    m = len(x)
    cuts = []
    for k in range(1, INITIAL_BINS):
        c = s[(k * m + INITIAL_BINS - 1) // INITIAL_BINS - 1]
        if c < s[-1] and (not cuts or c > cuts[-1]):
            cuts.append(c)
    b = np.searchsorted(np.array(cuts), x, side="left")
    blocks = [[int(np.sum(b == j)), int(np.sum(y[b == j])), j] for j in range(len(cuts) + 1)]  # n, bads, last
    cov = float(np.sum((x - x.mean()) * y))
    up = cov >= 0

    def worse_or_equal(a, c):  # a precedes c: violation if rate(a) >= rate(c) when rising
        lhs, rhs = a[1] * c[0], c[1] * a[0]
        return lhs >= rhs if up else lhs <= rhs
    st = []
    for blk in blocks:
        st.append(list(blk))
        while len(st) >= 2 and worse_or_equal(st[-2], st[-1]):
            top = st.pop()
            st[-1] = [st[-1][0] + top[0], st[-1][1] + top[1], top[2]]

    def bad(blk):
        return blk[0] < MIN_SHARE * m or blk[1] == 0 or blk[1] == blk[0]
    while len(st) > 1:
        off = [i for i in range(len(st)) if bad(st[i])]
        if not off:
            break
        i = min(off, key=lambda k: (st[k][0], k))
        r = st[i][1] / st[i][0]
        if i == 0:
            j = 1
        elif i == len(st) - 1:
            j = i - 1
        else:
            dl = abs(r - st[i - 1][1] / st[i - 1][0])
            dr = abs(r - st[i + 1][1] / st[i + 1][0])
            j = i - 1 if dl <= dr else i + 1
        a, c = min(i, j), max(i, j)
        st[a] = [st[a][0] + st[c][0], st[a][1] + st[c][1], st[c][2]]
        del st[c]
    upper = [cuts[blk[2]] for blk in st[:-1]]
    return upper


def woe_table(x, y, upper):
    b = np.searchsorted(np.array(upper), x, side="left")
    G, B = np.sum(y == 0), np.sum(y == 1)
    goods = np.array([np.sum((b == j) & (y == 0)) for j in range(len(upper) + 1)])
    bads = np.array([np.sum((b == j) & (y == 1)) for j in range(len(upper) + 1)])
    woe = np.log((goods / G) / (bads / B))
    iv = float(np.sum((goods / G - bads / B) * woe))
    return b, goods, bads, woe, iv


out = {"source": "scikit-learn 1.2.1 LogisticRegression(newton-cg, tol=1e-8), numpy 1.24.2; see script",
       "initial_bins": INITIAL_BINS, "min_share": MIN_SHARE, "min_iv": MIN_IV, "indicators": {}}
kept, design, binidx, woes = [], [], [], []
for j in range(24):
    upper = binning(X[:, j], y)
    name = f"a{j + 1}"
    if not upper:
        out["indicators"][name] = {"upper": [], "iv": 0.0, "dropped": True}
        continue
    b, goods, bads, woe, iv = woe_table(X[:, j], y, upper)
    out["indicators"][name] = {"upper": upper, "goods": goods.tolist(), "bads": bads.tolist(),
                               "woe": woe.tolist(), "iv": iv, "dropped": bool(iv < MIN_IV)}
    if iv < MIN_IV:
        continue
    kept.append(name); design.append(woe[b]); binidx.append(b); woes.append(woe)
D = np.column_stack(design)
out["kept"] = kept
fits = {}
for lam in [0.0, 1.0, 10.0]:
    if lam == 0:
        lr = LogisticRegression(penalty=None, solver="newton-cg", tol=1e-8, max_iter=10000)
    else:
        lr = LogisticRegression(penalty="l2", C=1.0 / lam, solver="newton-cg", tol=1e-8, max_iter=10000)
    lr.fit(D, y)
    fits[str(lam)] = {"intercept": float(lr.intercept_[0]), "coef": lr.coef_[0].tolist()}
out["logistic"] = fits

# points of the unpenalised card: points_jb = -(beta_j woe_jb + beta_0/m) factor + offset/m
factor = PDO / math.log(2)
offset = BASE_POINTS - factor * math.log(BASE_ODDS)
beta0, beta = fits["0.0"]["intercept"], np.array(fits["0.0"]["coef"])
m = len(kept)
points = [-(beta[k] * woes[k] + beta0 / m) * factor + offset / m for k in range(m)]
out["points"] = {kept[k]: points[k].tolist() for k in range(m)}


def score(Xm):
    s = np.zeros(len(Xm))
    for k, name in enumerate(kept):
        j = int(name[1:]) - 1
        b = np.searchsorted(np.array(out["indicators"][name]["upper"]), Xm[:, j], side="left")
        s += points[k][b]
    return s


scores = score(X)
out["scores_first5"] = scores[:5].tolist()
out["score_sum"] = float(scores.sum())


def psi_counts(e, a):
    es, as_ = e / e.sum(), a / a.sum()
    es = np.where(es == 0, EPS, es); as_ = np.where(as_ == 0, EPS, as_)
    return float(np.sum((as_ - es) * np.log(as_ / es)))


def quantile_cuts(base, bins):
    s = np.sort(base)
    m = len(s)
    cuts = []
    for k in range(1, bins):
        c = s[(k * m + bins - 1) // bins - 1]
        if c < s[-1] and (not cuts or c > cuts[-1]):
            cuts.append(c)
    return np.array(cuts)


base, batch = scores[:600], scores[600:]
cuts = quantile_cuts(base, 10)
eb = np.bincount(np.searchsorted(cuts, base, side="left"), minlength=len(cuts) + 1)
ab = np.bincount(np.searchsorted(cuts, batch, side="left"), minlength=len(cuts) + 1)
out["score_psi"] = {"cuts": cuts.tolist(), "expected": eb.tolist(), "actual": ab.tolist(), "psi": psi_counts(eb, ab)}
# grades: AAA best = highest points; grade = number of cut-offs exceeded by -points
gcut = np.array([-560.0, -540.0, -520.0, -500.0])
gb = np.searchsorted(gcut, -base, side="left")
ga = np.searchsorted(gcut, -batch, side="left")
eg, ag = np.bincount(gb, minlength=5), np.bincount(ga, minlength=5)
out["grade_psi"] = {"cutoffs": gcut.tolist(), "expected": eg.tolist(), "actual": ag.tolist(), "psi": psi_counts(eg, ag)}
# characteristic stability and migration: the data against the data with a2 + 12
X2 = X.copy(); X2[:, 1] += 12
csi = {}
for k, name in enumerate(kept):
    j = int(name[1:]) - 1
    up = np.array(out["indicators"][name]["upper"])
    e = np.bincount(np.searchsorted(up, X[:, j], side="left"), minlength=len(up) + 1)
    a = np.bincount(np.searchsorted(up, X2[:, j], side="left"), minlength=len(up) + 1)
    csi[name] = {"expected": e.tolist(), "actual": a.tolist(), "psi": psi_counts(e, a),
                 "shift": float(np.sum((a / a.sum() - e / e.sum()) * points[k]))}
out["characteristic_stability"] = csi
g1 = np.searchsorted(gcut, -scores, side="left")
g2 = np.searchsorted(gcut, -score(X2), side="left")
mig = np.zeros((5, 5), dtype=int)
np.add.at(mig, (g1, g2), 1)
out["migration"] = mig.tolist()
print(json.dumps(out, indent=1))
