package org.powercx.credit;

import java.util.Objects;
import org.apache.commons.math3.special.Gamma;
import org.ejml.data.DMatrixRMaj;

/**
 * Wilks' lambda for the equality of the class means, with Bartlett's chi-square approximation.
 *
 * <p>\( \Lambda = \det S_w / \det(S_w + S_b) \) with \( S_b = \sum_k n_k (\mu_k - \bar x)(\mu_k - \bar x)^T \)
 * (\( \bar x \) the overall mean); equivalently \( \prod_i 1/(1+\lambda_i) \) over the eigenvalues of
 * \( S_w^{-1} S_b \). Bartlett's statistic \( \chi^2 = -(n - 1 - (p+K)/2) \ln \Lambda \) is referred to a
 * chi-square distribution with \( p(K-1) \) degrees of freedom (M. S. Bartlett 1947, Multivariate analysis,
 * J. R. Stat. Soc. Suppl. 9, 176-197, doi:10.2307/2984113). It always uses the unshrunk scatter.
 *
 * @since 0.1.0
 */
public final class WilksTest implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** @serial Wilks' lambda, in (0, 1]. */
    private final double lambda;
    /** @serial Bartlett's chi-square, non-negative. */
    private final double chiSquare;
    /** @serial The degrees of freedom, positive. */
    private final int degreesOfFreedom;
    /** @serial The p-value, in [0, 1]. */
    private final double pValue;

    /**
     * Validates the components.
     *
     * @param lambda Wilks' lambda, in (0, 1]
     * @param chiSquare Bartlett's chi-square statistic, finite and non-negative
     * @param degreesOfFreedom positive
     * @param pValue in [0, 1]
     * @throws CreditException if a component is out of range
     */
    WilksTest(double lambda, double chiSquare, int degreesOfFreedom, double pValue) {
        check(lambda, chiSquare, degreesOfFreedom, pValue);
        this.lambda = lambda;
        this.chiSquare = chiSquare;
        this.degreesOfFreedom = degreesOfFreedom;
        this.pValue = pValue;
    }

    /**
     * A test with known values, such as one read back from a saved model.
     *
     * @param lambda Wilks' lambda in (0, 1]
     * @param chiSquare Bartlett's chi-square, non-negative and finite
     * @param degreesOfFreedom positive
     * @param pValue in [0, 1]
     * @return the test
     * @throws CreditException if a value is out of range
     * @since 0.2.0
     */
    public static WilksTest of(double lambda, double chiSquare, int degreesOfFreedom, double pValue) {
        return new WilksTest(lambda, chiSquare, degreesOfFreedom, pValue);
    }

    /**
     * Reads the fields and validates them as the constructor does.
     *
     * @param in the stream
     * @throws java.io.IOException if reading fails or a value is out of range
     * @throws ClassNotFoundException if a class is missing
     */
    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        try {
            check(lambda, chiSquare, degreesOfFreedom, pValue);
        } catch (CreditException e) {
            throw new java.io.InvalidObjectException(e.getMessage());
        }
    }

    private static void check(double lambda, double chiSquare, int degreesOfFreedom, double pValue) {
        if (!(lambda > 0 && lambda <= 1 + 1e-12 && chiSquare >= -1e-9 && chiSquare < Double.POSITIVE_INFINITY
            && degreesOfFreedom > 0 && pValue >= 0 && pValue <= 1)) {
            throw new CreditException("invalid Wilks test: lambda %s, chi-square %s, df %d, p %s", lambda,
                chiSquare, degreesOfFreedom, pValue);
        }
    }

    /**
     * Returns Wilks' lambda, in (0, 1].
     *
     * @return Wilks' lambda, in (0, 1]
     */
    public double lambda() {
        return lambda;
    }

    /**
     * Returns Bartlett's chi-square statistic.
     *
     * @return Bartlett's chi-square statistic
     */
    public double chiSquare() {
        return chiSquare;
    }

    /**
     * Returns the degrees of freedom \( p(K-1) \).
     *
     * @return \( p(K-1) \)
     */
    public int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /**
     * Returns the upper-tail probability of the statistic.
     *
     * @return upper-tail probability of the statistic
     */
    public double pValue() {
        return pValue;
    }

    /** Returns null when the within-class scatter is singular. */
    static WilksTest compute(double[][] sw, double[][] means, long[] counts, double[] sd, int n) {
        int p = sw.length;
        int k = means.length;
        for (double v : sd) {
            if (!(v > 0)) {
                return null;
            }
        }
        double[] overall = new double[p];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < p; j++) {
                overall[j] += counts[c] * means[c][j] / n;
            }
        }
        double[][] w = new double[p][p];
        double[][] t = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int l = 0; l < p; l++) {
                double b = 0;
                for (int c = 0; c < k; c++) {
                    b += counts[c] * (means[c][j] - overall[j]) * (means[c][l] - overall[l]);
                }
                double scale = sd[j] * sd[l] * (n - k);
                w[j][l] = sw[j][l] / scale;
                t[j][l] = (sw[j][l] + b) / scale;
            }
        }
        DMatrixRMaj lw = Cholesky.lower(w);
        DMatrixRMaj lt = Cholesky.lower(t);
        if (lw == null || lt == null) {
            return null;
        }
        double logLambda = 2 * (Cholesky.logDiagonal(lw) - Cholesky.logDiagonal(lt));
        double lambda = Math.exp(logLambda);
        double chi = -(n - 1 - (p + k) / 2.0) * logLambda;
        int df = p * (k - 1);
        double pValue = Gamma.regularizedGammaQ(df / 2.0, Math.max(chi, 0) / 2.0);
        return new WilksTest(lambda, Math.max(chi, 0), df, pValue);
    }

    @Override
    public String toString() {
        return "Wilks' lambda " + org.powercx.core.TextTable.number(lambda) + ", Bartlett chi-square "
            + org.powercx.core.TextTable.number(chiSquare) + " on " + degreesOfFreedom + " df, p = "
            + org.powercx.core.TextTable.number(pValue);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WilksTest o && Double.compare(lambda, o.lambda) == 0
            && Double.compare(chiSquare, o.chiSquare) == 0
            && degreesOfFreedom == o.degreesOfFreedom
            && Double.compare(pValue, o.pValue) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lambda, chiSquare, degreesOfFreedom, pValue);
    }
}
