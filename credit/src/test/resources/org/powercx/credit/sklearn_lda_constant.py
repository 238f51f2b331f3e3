"""Generates sklearn_lda_constant.csv: scikit-learn 1.2.1 LinearDiscriminantAnalysis(solver='svd') on the German
credit data with two indicators added that are constant within every class, for the test of Collinearity.DROP.

Run with the Debian python3-sklearn 1.2.1 (numpy 1.24.2, scipy 1.10.1):  python3 sklearn_lda_constant.py
Data: german.data-numeric (UCI Statlog German credit, numeric), label 1 = bad (class 2).
Columns added: a25 = 1.5 for good and 4.0 for bad customers (constant within each class, different between them),
a26 = 3.25 for every customer. Both values are exact binary fractions, so numpy's class means reproduce them
exactly, the centred columns are exactly zero and the svd solver (std 0 replaced by 1) gives them singular value 0:
they are dropped as directions of zero within-class variance.
Output: sklearn_lda_constant.csv, one line per customer: decision value, probability of class 1, discriminant
coordinate; sklearn_lda_constant_coef.csv, the coefficients a1..a26 and the intercept.
The precision line printed compares sklearn with itself on a1..a24 alone (the same
model mathematically): it bounds scikit-learn's own rounding on these data.
"""
import numpy as np
import sklearn
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis as LDA

assert sklearn.__version__ == "1.2.1", sklearn.__version__

d = np.loadtxt("german.data-numeric")
X, y = d[:, :24], (d[:, 24] == 2).astype(int)
a25 = np.where(y == 1, 4.0, 1.5)
a26 = np.full(len(y), 3.25)
Xc = np.column_stack([X, a25, a26])
m = LDA(solver="svd").fit(Xc, y)
plain = LDA(solver="svd").fit(X, y)
decision = m.decision_function(Xc)
proba = m.predict_proba(Xc)[:, 1]
transform = m.transform(Xc)[:, 0]
with open("sklearn_lda_constant.csv", "w") as f:
    f.write("decision,proba_bad,transform\n")
    for i in range(len(y)):
        f.write("%r,%r,%r\n" % (float(decision[i]), float(proba[i]), float(transform[i])))
with open("sklearn_lda_constant_coef.csv", "w") as f:
    f.write(",".join("a%d" % j for j in range(1, 27)) + ",intercept\n")
    f.write(",".join(repr(float(v)) for v in list(m.coef_[0]) + [m.intercept_[0]]) + "\n")
print("precision: max |decision - decision without a25, a26| = %.3g, max |coef| difference %.3g"
      % (np.max(np.abs(decision - plain.decision_function(X))), np.max(np.abs(m.coef_[0, :24] - plain.coef_[0]))))
print("coefficients of a25, a26:", m.coef_[0, 24:], "largest |decision|", np.max(np.abs(decision)))
