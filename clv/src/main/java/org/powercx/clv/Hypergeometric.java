package org.powercx.clv;

/** The Gauss hypergeometric function by its power series, for the arguments the CLV models need. */
final class Hypergeometric {
    private static final int MAX_TERMS = 10_000_000;

    private Hypergeometric() {
    }

    /**
     * \({}_2F_1(a, b; c; z) = \sum_k (a)_k (b)_k / ((c)_k k!) z^k\) for \(a, b, c > 0\) and \(0 \le z < 1\).
     */
    static double f21(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            double next = sum + term;
            if (next == sum) {
                return sum;
            }
            sum = next;
            if (!Double.isFinite(sum)) {
                break;
            }
        }
        throw new ClvException("hypergeometric series 2F1(%s, %s; %s; %s) did not converge (partial sum %s)",
                a, b, c, z, sum);
    }
}
