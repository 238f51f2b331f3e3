package org.powercx.samples;

import org.powercx.core.CustomerIndicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/**
 * Seeded generator of customer satisfaction survey answers drawn from a known power-industry customer
 * satisfaction index (CSI) path model, for respondents sampled from a customer table.
 *
 * <p><b>Structural model.</b> Six standardised latent constructs, with the true path coefficients
 * (image IMAG, expectation EXPE, perceived quality QUAL, perceived value VAL, satisfaction SAT, loyalty
 * LOY, as in the satisfaction module's power-industry CSI template)
 * <pre>
 * EXPE = 0.50 IMAG
 * QUAL = 0.55 EXPE
 * VAL  = 0.20 EXPE + 0.50 QUAL
 * SAT  = 0.20 IMAG + 0.10 EXPE + 0.35 QUAL + 0.25 VAL
 * LOY  = 0.20 IMAG + 0.55 SAT
 * </pre>
 * each endogenous construct getting a normal disturbance whose variance \( 1 - \beta^\top \Sigma \beta \)
 * makes its variance one (\( \Sigma \) the implied correlation of its predictors). IMAG is
 * \( \delta_c + N(0,1) \) with a class shift \( \delta_c \) of +0.3 (large industry), +0.1 (commerce and
 * industry), 0 (residential), -0.3 (agriculture), so that satisfaction differs by segment.
 *
 * <p><b>Measurement model.</b> 27 reflective items (imag1-5, expe1-5, qual1-5, val1-4, sat1-4, loy1-4) with
 * standardised loadings \( \lambda \) between 0.80 and 0.90:
 * \( x = \lambda \eta + \sqrt{1-\lambda^2}\,\varepsilon \), answered on a 1-10 scale as
 * \( \operatorname{round}(7 + 1.6 x) \) clipped to 1..10 (rounding and clipping attenuate the paths a little).
 *
 * <p>Respondents are a simple random sample without replacement of the customers, in customer order; the
 * survey table's ids are their customer ids. All variates use {@link StrictMath}, so a seed gives the same
 * answers everywhere.
 *
 * @since 0.1.0
 */
public final class SurveyGenerator {
    /** Construct names in topological order. */
    public static final List<String> CONSTRUCTS = List.of("IMAG", "EXPE", "QUAL", "VAL", "SAT", "LOY");
    /** Lowest answer. */
    public static final int SCALE_MIN = 1;
    /** Highest answer. */
    public static final int SCALE_MAX = 10;

    private static final String[] PREFIX = {"imag", "expe", "qual", "val", "sat", "loy"};
    private static final double[][] LOADINGS = {
        {0.85, 0.80, 0.82, 0.84, 0.80}, {0.80, 0.82, 0.85, 0.81, 0.83}, {0.88, 0.85, 0.83, 0.80, 0.86},
        {0.90, 0.87, 0.85, 0.82}, {0.90, 0.88, 0.85, 0.87}, {0.86, 0.84, 0.80, 0.85}};
    /** {@code PATHS[to][from]}: true structural coefficients, lower triangular. */
    private static final double[][] PATHS = {
        {0, 0, 0, 0, 0, 0},
        {0.50, 0, 0, 0, 0, 0},
        {0, 0.55, 0, 0, 0, 0},
        {0, 0.20, 0.50, 0, 0, 0},
        {0.20, 0.10, 0.35, 0.25, 0, 0},
        {0.20, 0, 0, 0, 0.55, 0}};
    private static final double[] IMAGE_SHIFT = {0.3, 0.1, 0.0, -0.3};
    private static final double[] DISTURBANCE_SD = disturbanceSd();
    private static final SurveyGenerator DEFAULTS = new SurveyGenerator();

    private SurveyGenerator() {
    }

    /**
     * The generator with the documented model.
     *
     * @return the generator
     */
    public static SurveyGenerator withDefaults() {
        return DEFAULTS;
    }

    /**
     * The true path coefficients, keyed {@code "FROM -> TO"}, in topological order.
     *
     * @return an unmodifiable map
     */
    public static Map<String, Double> truePaths() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int to = 0; to < PATHS.length; to++) {
            for (int from = 0; from < to; from++) {
                if (PATHS[to][from] != 0) {
                    map.put(CONSTRUCTS.get(from) + " -> " + CONSTRUCTS.get(to), PATHS[to][from]);
                }
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * The items of each construct.
     *
     * @return an unmodifiable map from construct to item names
     */
    public static Map<String, List<String>> blocks() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int b = 0; b < PREFIX.length; b++) {
            List<String> items = new ArrayList<>();
            for (int k = 1; k <= LOADINGS[b].length; k++) {
                items.add(PREFIX[b] + k);
            }
            map.put(CONSTRUCTS.get(b), List.copyOf(items));
        }
        return Collections.unmodifiableMap(map);
    }

    private static double[] disturbanceSd() {
        int k = PATHS.length;
        double[][] cov = new double[k][k];
        double[] sd = new double[k];
        for (int j = 0; j < k; j++) {
            for (int l = 0; l < j; l++) {
                double c = 0;
                for (int p = 0; p < j; p++) {
                    c += PATHS[j][p] * cov[p][l];
                }
                cov[j][l] = c;
                cov[l][j] = c;
            }
            double explained = 0;
            for (int p = 0; p < j; p++) {
                explained += PATHS[j][p] * cov[j][p];
            }
            sd[j] = Math.sqrt(1 - explained);
            cov[j][j] = 1;
        }
        return sd;
    }

    /**
     * Draws survey answers for a random sample of customers.
     *
     * @param customers the customers, with the column {@link CustomerIndicators#CUSTOMER_CLASS}
     * @param respondents how many answer, 1 to the number of customers
     * @param seed the seed; the same seed gives the same answers
     * @return the answers with the respondents' customer class, ids being customer ids
     * @throws SamplesException if the class column is missing or holds an unknown code, or the number
     *     of respondents is out of range
     */
    public IndicatorTable generate(IndicatorTable customers, int respondents, long seed) {
        if (customers == null || !customers.contains(CustomerIndicators.CUSTOMER_CLASS)) {
            throw new SamplesException("the customer table needs the column '%s'", CustomerIndicators.CUSTOMER_CLASS);
        }
        int n = customers.rowCount();
        if (respondents < 1 || respondents > n) {
            throw new SamplesException("number of respondents must be 1 to %d (the customers) but was %d",
                n, respondents);
        }
        SplittableRandom master = new SplittableRandom(seed);
        int[] chosen = sample(master.split(), n, respondents);
        SplittableRandom r = master.split();
        double[] classes = customers.column(CustomerIndicators.CUSTOMER_CLASS);
        List<Indicator> indicators = new ArrayList<>();
        indicators.add(CustomerGenerator.columns().get(0));
        for (List<String> items : blocks().values()) {
            for (String item : items) {
                indicators.add(Indicator.benefit(item));
            }
        }
        double[][] cols = new double[indicators.size()][respondents];
        List<String> ids = new ArrayList<>(respondents);
        double[] eta = new double[PATHS.length];
        for (int s = 0; s < respondents; s++) {
            int i = chosen[s];
            ids.add(customers.id(i));
            CustomerClass cc = CustomerClass.ofCode(classes[i]);
            cols[0][s] = cc.code();
            for (int j = 0; j < PATHS.length; j++) {
                double v = j == 0 ? IMAGE_SHIFT[cc.code() - 1] : 0;
                for (int p = 0; p < j; p++) {
                    v += PATHS[j][p] * eta[p];
                }
                eta[j] = v + DISTURBANCE_SD[j] * Rand.normal(r);
            }
            int col = 1;
            for (int b = 0; b < LOADINGS.length; b++) {
                for (double lambda : LOADINGS[b]) {
                    double x = lambda * eta[b] + Math.sqrt(1 - lambda * lambda) * Rand.normal(r);
                    cols[col++][s] = Rand.clamp(Math.round(7 + 1.6 * x), SCALE_MIN, SCALE_MAX);
                }
            }
        }
        return IndicatorTable.ofColumns(indicators, ids, cols);
    }

    private static int[] sample(SplittableRandom r, int n, int k) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] chosen = Arrays.copyOf(perm, k);
        Arrays.sort(chosen);
        return chosen;
    }
}
