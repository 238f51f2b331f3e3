"""Generates sklearn_lda_extended.json: scikit-learn 1.2.1 LinearDiscriminantAnalysis results for the tests of
shrinkage as scikit-learn does it, collinear indicators (svd solver) and multi-class scoring.

Run with the Debian python3-sklearn 1.2.1 (numpy 1.24.2, scipy 1.10.1):  python3 sklearn_lda_extended.py
Data: german.data-numeric (UCI Statlog German credit, numeric), taiwan_default_of_credit_card_clients.csv
(UCI default of credit card clients, Yeh & Lien 2009), iris.csv (as shipped with scikit-learn).
"""
import json
import numpy as np
import scipy
import sklearn
from sklearn.covariance import ledoit_wolf
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis as LDA
from sklearn.metrics import confusion_matrix, roc_auc_score
from sklearn.preprocessing import StandardScaler

assert sklearn.__version__ == "1.2.1", sklearn.__version__


def german():
    d = np.loadtxt("german.data-numeric")
    return d[:, :24], (d[:, 24] == 2).astype(int)


def taiwan():
    t = np.genfromtxt("taiwan_default_of_credit_card_clients.csv", delimiter=",", skip_header=1)
    return t[:, 1:24], t[:, 24].astype(int)


def iris():
    t = np.genfromtxt("iris.csv", delimiter=",", skip_header=1)
    return t[:, :4], t[:, 4].astype(int)


def lists(a):
    return np.asarray(a, dtype=float).tolist()


def class_intensities(X, y):
    """Ledoit-Wolf intensity of each class on its own standardised data, as sklearn's _cov(X, 'auto')."""
    out = []
    for k in np.unique(y):
        Xk = StandardScaler().fit_transform(X[y == k])
        out.append(float(ledoit_wolf(Xk)[1]))
    return out


def precision(model, X):
    """Size of lstsq's error: the coefficients of an independent solve of the equilibrated covariance system
    (Cholesky on D^-1 S D^-1), differences relative to the largest standardised coefficient."""
    sd = np.sqrt(np.diag(model.covariance_))
    c = model.covariance_ / np.outer(sd, sd)
    rhs = (model.means_ / sd).T
    sol = (scipy.linalg.cho_solve(scipy.linalg.cho_factor(c), rhs).T) / sd
    coef = sol[1] - sol[0] if len(model.classes_) == 2 else sol
    ref = np.atleast_2d(model.coef_)
    coef = np.atleast_2d(coef)
    return float(np.max(np.abs((coef - ref) * sd)) / np.max(np.abs(ref * sd)))


def lsqr_case(X, y, shrinkage, priors=None, rows=None):
    m = LDA(solver="lsqr", shrinkage=shrinkage, priors=priors).fit(X, y)
    idx = np.arange(len(y)) if rows is None else rows
    return {
        "shrinkage": shrinkage, "priors": None if priors is None else list(priors),
        "coef": lists(m.coef_), "intercept": lists(m.intercept_), "covariance": lists(m.covariance_),
        "class_intensities": class_intensities(X, y) if shrinkage == "auto" else None,
        "rows": idx.tolist(), "decision": lists(m.decision_function(X[idx])),
        "proba": lists(m.predict_proba(X[idx])),
        "condition_number": float(np.linalg.cond(m.covariance_ / np.outer(np.sqrt(np.diag(m.covariance_)),
                                                                           np.sqrt(np.diag(m.covariance_))))),
        "lstsq_vs_cholesky": precision(m, X),
    }


def within_rank(X, y, tol=1e-4):
    """The rank sklearn's svd solver keeps: singular values of the standardised within-class data above tol
    (the first lines of LinearDiscriminantAnalysis._solve_svd)."""
    classes = np.unique(y)
    Xc = np.concatenate([X[y == k] - X[y == k].mean(0) for k in classes])
    std = Xc.std(axis=0)
    std[std == 0] = 1.0
    s = np.linalg.svd(np.sqrt(1.0 / (len(y) - len(classes))) * (Xc / std), compute_uv=False)
    return int(np.sum(s > tol)), lists(s)


out = {"generator": "sklearn_lda_extended.py", "sklearn": sklearn.__version__, "numpy": np.__version__,
       "scipy": scipy.__version__}

Xg, yg = german()
out["german_lsqr_auto"] = lsqr_case(Xg, yg, "auto")
out["german_lsqr_0.3"] = lsqr_case(Xg, yg, 0.3)
out["german_lsqr_auto_priors"] = lsqr_case(Xg, yg, "auto", priors=[0.5, 0.5])
out["german_lsqr_0.3_priors"] = lsqr_case(Xg, yg, 0.3, priors=[0.5, 0.5])

Xt, yt = taiwan()
sample = np.arange(0, len(yt), 100)
out["taiwan_lsqr_auto"] = lsqr_case(Xt, yt, "auto", rows=sample)
out["taiwan_lsqr_0.3"] = lsqr_case(Xt, yt, 0.3, rows=sample)

# collinear: German plus a25 = a24 (duplicate) and a26 = a1 + 2 a2 (linear combination)
Xc = np.column_stack([Xg, Xg[:, 23], Xg[:, 0] + 2 * Xg[:, 1]])
m = LDA(solver="svd").fit(Xc, yg)
rank, sv = within_rank(Xc, yg)
out["german_collinear_svd"] = {
    "columns": "a1..a24, a25 = a24, a26 = a1 + 2*a2", "coef": lists(m.coef_), "intercept": lists(m.intercept_),
    "decision": lists(m.decision_function(Xc)), "proba": lists(m.predict_proba(Xc)),
    "transform": lists(m.transform(Xc)), "within_rank": rank, "within_singular_values": sv}

Xi, yi = iris()
m = LDA(solver="svd").fit(Xi, yi)
proba = m.predict_proba(Xi)
out["iris_svd"] = {
    "decision": lists(m.decision_function(Xi)), "proba": lists(proba), "transform": lists(m.transform(Xi)),
    "predict": m.predict(Xi).tolist(), "confusion": confusion_matrix(yi, m.predict(Xi)).tolist(),
    "auc_ovr_macro": float(roc_auc_score(yi, proba, multi_class="ovr", average="macro")),
    "auc_ovr_weighted": float(roc_auc_score(yi, proba, multi_class="ovr", average="weighted")),
    "auc_per_class": [float(roc_auc_score((yi == k).astype(int), proba[:, k])) for k in range(3)]}
out["iris_lsqr_auto"] = lsqr_case(Xi, yi, "auto")
out["iris_lsqr_0.3"] = lsqr_case(Xi, yi, 0.3)

with open("sklearn_lda_extended.json", "w") as f:
    json.dump(out, f, indent=1)
for k, v in out.items():
    if isinstance(v, dict) and "condition_number" in v:
        print(k, "cond %.3g" % v["condition_number"], "lstsq vs cholesky %.3g" % v["lstsq_vs_cholesky"],
              v["class_intensities"])
print("collinear rank", rank, sv[-3:])
print("iris auc", out["iris_svd"]["auc_ovr_macro"], out["iris_svd"]["auc_ovr_weighted"])
