package org.powercx.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * The bins of one indicator with their goods, defaults, weights of evidence and information value, as fitted by
 * {@link MonotoneBinning}.
 *
 * <p>Bin \( b \) holds the values \( u_{b-1} &lt; x \le u_b \) for the upper bounds \( u_1 &lt; \dots &lt; u_{B-1} \)
 * (the first bin is open below, the last open above). With \( g_b \) goods and \( d_b \) defaults out of
 * \( G \) and \( D \), \( WoE_b = \ln\frac{g_b/G}{d_b/D} \) (positive = better than average) and
 * \( IV = \sum_b (g_b/G - d_b/D)\, WoE_b \ge 0 \) (Siddiqi 2006, Credit Risk Scorecards, Wiley).
 *
 * @since 0.2.0
 */
public final class BinnedIndicator {
    private final String name;
    private final double[] upper;
    private final long[] goods;
    private final long[] defaults;
    private final double[] woe;
    private final double informationValue;

    /**
     * Validates, copies and computes WoE and IV.
     *
     * @param name the indicator
     * @param upper strictly increasing finite upper bounds, one fewer than the bins
     * @param goods goods per bin, positive unless there is a single bin
     * @param defaults defaults per bin, positive unless there is a single bin
     * @throws CreditException if the sizes disagree, a bound is not finite or increasing, or a count is invalid
     */
    BinnedIndicator(String name, double[] upper, long[] goods, long[] defaults) {
        if (name == null || upper == null || goods == null || defaults == null || goods.length != upper.length + 1
            || defaults.length != goods.length) {
            throw new CreditException("indicator '%s': bins need one good count and one default count per bin and "
                + "one upper bound fewer", name);
        }
        for (int b = 0; b < upper.length; b++) {
            if (!Double.isFinite(upper[b]) || b > 0 && !(upper[b] > upper[b - 1])) {
                throw new CreditException("indicator '%s': upper bound %d is %s; bounds must be finite and strictly "
                    + "increasing", name, b, upper[b]);
            }
        }
        long g = 0;
        long d = 0;
        for (int b = 0; b < goods.length; b++) {
            if (goods[b] < 0 || defaults[b] < 0 || goods.length > 1 && (goods[b] == 0 || defaults[b] == 0)) {
                throw new CreditException("indicator '%s': bin %d has %d goods and %d defaults; each bin needs both",
                    name, b, goods[b], defaults[b]);
            }
            g += goods[b];
            d += defaults[b];
        }
        if (g == 0 || d == 0) {
            throw new CreditException("indicator '%s': %d goods and %d defaults; both are needed", name, g, d);
        }
        this.name = name;
        this.upper = upper.clone();
        this.goods = goods.clone();
        this.defaults = defaults.clone();
        this.woe = new double[goods.length];
        double iv = 0;
        for (int b = 0; b < goods.length; b++) {
            double pg = (double) goods[b] / g;
            double pd = (double) defaults[b] / d;
            woe[b] = goods.length == 1 ? 0 : Math.log(pg / pd);
            iv += (pg - pd) * woe[b];
        }
        this.informationValue = iv;
    }

    /** The bin of a value: the number of upper bounds strictly below it. */
    static int binOf(double[] upper, double x) {
        int lo = 0;
        int hi = upper.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (upper[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Returns the indicator's name.
     *
     * @return the indicator's name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the number of bins.
     *
     * @return the number of bins
     */
    public int binCount() {
        return goods.length;
    }

    /**
     * Copy of the upper bounds of all bins but the last.
     *
     * @return strictly increasing bounds
     */
    public double[] upperBounds() {
        return upper.clone();
    }

    /**
     * Copy of the goods per bin.
     *
     * @return goods per bin
     */
    public long[] goods() {
        return goods.clone();
    }

    /**
     * Copy of the defaults per bin.
     *
     * @return defaults per bin
     */
    public long[] defaults() {
        return defaults.clone();
    }

    /**
     * Copy of the weights of evidence per bin.
     *
     * @return \( \ln\frac{g_b/G}{d_b/D} \) per bin
     */
    public double[] woe() {
        return woe.clone();
    }

    /**
     * Returns the information value.
     *
     * @return the information value
     */
    public double informationValue() {
        return informationValue;
    }

    /**
     * The bin of a value.
     *
     * @param value a value, not NaN
     * @return the bin index, 0-based
     * @throws CreditException if the value is NaN
     */
    public int bin(double value) {
        if (Double.isNaN(value)) {
            throw new CreditException("indicator '%s': value is NaN", name);
        }
        return binOf(upper, value);
    }

    /**
     * The interval label of a bin, such as {@code (1, 2]} or {@code (36, +inf)}.
     *
     * @param bin the bin index
     * @return the label
     * @throws CreditException if the index is out of range
     */
    public String label(int bin) {
        if (bin < 0 || bin >= goods.length) {
            throw new CreditException("indicator '%s': bin %d outside [0, %d)", name, bin, goods.length);
        }
        String lo = bin == 0 ? "(-inf" : "(" + TextTable.number(upper[bin - 1]);
        String hi = bin == upper.length ? "+inf)" : TextTable.number(upper[bin]) + "]";
        return lo + ", " + hi;
    }

    /**
     * The labels of all bins.
     *
     * @return one label per bin
     */
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        for (int b = 0; b < goods.length; b++) {
            out.add(label(b));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "BinnedIndicator[" + name + ", upper=" + Arrays.toString(upper) + ", woe=" + Arrays.toString(woe)
            + ", IV=" + informationValue + "]";
    }
}
