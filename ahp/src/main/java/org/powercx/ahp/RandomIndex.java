package org.powercx.ahp;

/**
 * Random consistency indices \( RI_n \): the mean consistency index of random reciprocal matrices of order
 * \( n \) on Saaty's scale, the denominator of the consistency ratio \( CR = CI / RI_n \).
 *
 * <p>For \( n \le 2 \) every reciprocal matrix is consistent, so \( RI_n = 0 \) and the consistency ratio
 * is 0 by definition. Which table is used changes CR in the third significant digit.
 *
 * @since 0.1.0
 */
public enum RandomIndex {
    /**
     * Saaty, T. L. (1980), The Analytic Hierarchy Process, McGraw-Hill, table for \( n \le 15 \)
     * (0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49 for \( n = 3..10 \); not monotonic at \( n = 12 \)).
     */
    SAATY_1980(new double[] {0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57,
        1.59}),
    /**
     * Saaty, T. L. (2005), Theory and Applications of the Analytic Network Process, RWS Publications, p. 31,
     * for \( n \le 15 \).
     */
    SAATY_2005(new double[] {0, 0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58,
        1.59}),
    /**
     * Donegan, H. A. and Dodd, F. J. (1991), A note on Saaty's random indexes, Mathematical and Computer
     * Modelling 15(10), 135-137, doi:10.1016/0895-7177(91)90098-R; listed for \( n \le 20 \) and at 25, 30,
     * 40, ..., 100, linearly interpolated in between.
     */
    DONEGAN_DODD(new double[] {0, 0, 0, 0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055,
        1.4213, 1.4497, 1.4643, 1.4822, 1.4969, 1.5078, 1.5153, 1.5262, 1.5313, 1.5371}),
    /**
     * Alonso, J. A. and Lamata, M. T. (2006), Consistency in the analytic hierarchy process: a new approach,
     * International Journal of Uncertainty, Fuzziness and Knowledge-Based Systems 14(4), 445-459,
     * doi:10.1142/S0218488506004114; their simulated table for \( n \le 15 \) and beyond it their fit
     * \( RI_n = (1.7699 n - 4.3513) / (n - 1) \).
     */
    ALONSO_LAMATA(new double[] {0, 0, 0, 0.5247, 0.8816, 1.1086, 1.2479, 1.3417, 1.4057, 1.4499, 1.4854,
        1.514, 1.5365, 1.5551, 1.5713, 1.5838}),
    /**
     * Cho, F. (2019), ahpsurvey: Analytic Hierarchy Process for Survey Data, R package 0.4.1
     * ({@code ahp.ri}, 500,000 simulated matrices per order) for \( n \le 50 \), constant beyond.
     */
    AHPSURVEY_SIMULATED(new double[] {0, 0, 0, 0.5251686, 0.8836651, 1.1081014, 1.2492774, 1.3415514,
        1.4048466, 1.4507197, 1.4857266, 1.5141022, 1.5356638, 1.5545925, 1.5703498, 1.5839958, 1.5955704,
        1.6053208, 1.6140648, 1.62189, 1.6288505, 1.6355145, 1.6410749, 1.6462439, 1.6509834, 1.6554325,
        1.6592237, 1.663105, 1.6662368, 1.6696396, 1.6723214, 1.6751007, 1.6778474, 1.6801459, 1.6824754,
        1.6844494, 1.6865981, 1.6884438, 1.6901943, 1.6918461, 1.6935071, 1.6950605, 1.6965334, 1.6979425,
        1.6992006, 1.7004654, 1.7016392, 1.702778, 1.7038778, 1.7050314, 1.7060381});

    /** Donegan-Dodd values at n = 25, 30, 40, 50, ..., 100. */
    private static final int[] DD_SPARSE_N = {20, 25, 30, 40, 50, 60, 70, 80, 90, 100};
    private static final double[] DD_SPARSE_RI = {1.5371, 1.5619, 1.5772, 1.5976, 1.6102, 1.6178, 1.6237,
        1.6277, 1.6213, 1.6339};

    private final double[] table;

    RandomIndex(double[] table) {
        this.table = table;
    }

    /**
     * The largest order this index covers.
     *
     * @return the largest \( n \), {@link Integer#MAX_VALUE} where a formula or constant extends the table
     */
    public int maxOrder() {
        switch (this) {
            case DONEGAN_DODD:
                return 100;
            case ALONSO_LAMATA:
            case AHPSURVEY_SIMULATED:
                return Integer.MAX_VALUE;
            default:
                return table.length - 1;
        }
    }

    /**
     * The random index for matrices of order \( n \).
     *
     * @param n the order, at least 1
     * @return \( RI_n \), 0 for \( n \le 2 \)
     * @throws AhpException if \( n &lt; 1 \) or the table does not reach \( n \) (the message names the table
     *     and its range)
     */
    public double value(int n) {
        if (n < 1) {
            throw new AhpException("the random index needs an order n >= 1 but n = %d", n);
        }
        if (n < table.length) {
            return table[n];
        }
        if (this == ALONSO_LAMATA) {
            return (1.7699 * n - 4.3513) / (n - 1);
        }
        if (this == AHPSURVEY_SIMULATED) {
            return table[table.length - 1];
        }
        if (this == DONEGAN_DODD && n <= 100) {
            int k = 1;
            while (DD_SPARSE_N[k] < n) {
                k++;
            }
            int n0 = DD_SPARSE_N[k - 1];
            int n1 = DD_SPARSE_N[k];
            return DD_SPARSE_RI[k - 1] + (DD_SPARSE_RI[k] - DD_SPARSE_RI[k - 1]) * (n - n0) / (n1 - n0);
        }
        throw new AhpException("random index %s has no value for n = %d (it covers n <= %d); use ALONSO_LAMATA",
            name(), n, maxOrder());
    }
}
