package org.powercx.clv;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.powercx.core.IndicatorTable;

/**
 * Deterministic discounted-margin customer lifetime value: the present value of a margin stream weighted by the
 * probability that the customer is still retained.
 *
 * <p>With margin \(m_t\) for period \(t = 1, \dots, H\), per-period retention \(r_t\) (the probability that a
 * customer active in period \(t\) is still active in period \(t+1\)), survival \(S_0 = 1\),
 * \(S_t = \prod_{k=1}^{t} r_k\) and discount rate \(d\):
 * \[ \mathrm{CLV}_{\text{end}} = \sum_{t=1}^{H} \frac{m_t S_t}{(1+d)^t}, \qquad
 *    \mathrm{CLV}_{\text{start}} = \sum_{t=1}^{H} \frac{m_t S_{t-1}}{(1+d)^{t-1}} \]
 * for payments at the end ({@link PaymentTiming#END_OF_PERIOD}) or the start
 * ({@link PaymentTiming#START_OF_PERIOD}) of each period. With a constant margin and retention and
 * \(q = r/(1+d)\) the sums have the closed forms \(m q (1-q^H)/(1-q)\) and \(m (1-q^H)/(1-q)\), and for an
 * infinite horizon \(m r/(1+d-r)\) and \(m (1+d)/(1+d-r)\) (Gupta and Lehmann 2003, Customers as assets,
 * J. Interactive Marketing 17(1):9-24, doi:10.1002/dir.10045; Berger and Nasr 1998, Customer lifetime value:
 * marketing models and applications, J. Interactive Marketing 12(1):17-30).
 *
 * <p>Instances are immutable and thread-safe. Margins must be finite (they may be negative), retentions lie in
 * [0, 1]; NaN and infinities are rejected with a {@link ClvException} naming the period or customer, and so is a
 * value that overflows the double range (a margin near 1e300 with retention near 1), never returned as infinite.
 *
 * @since 0.1.0
 * @serial exclude
 */
public final class DiscountedClv implements java.io.Serializable {
    /** Below this \( |1 - q| \), the finite-horizon sum goes through log1p and expm1. */
    private static final double CLOSE_TO_ONE = 0.0625;

    private final double discountRate;
    /** Number of periods, or 0 for an infinite horizon. */
    private final int horizon;
    private final PaymentTiming timing;

    private DiscountedClv(double discountRate, int horizon, PaymentTiming timing) {
        this.discountRate = discountRate;
        this.horizon = horizon;
        this.timing = timing;
    }

    /**
     * A calculator with the given discount rate per period, an infinite horizon and payments at the end of each
     * period.
     *
     * @param discountRate \(d \ge 0\) per period
     * @return the calculator
     * @throws ClvException if the rate is negative, NaN or infinite
     */
    public static DiscountedClv of(double discountRate) {
        return new DiscountedClv(Checks.discountRate(discountRate), 0, PaymentTiming.END_OF_PERIOD);
    }

    /**
     * Returns a calculator with a finite horizon.
     *
     * @param periods \(H \ge 1\)
     * @return a new calculator
     * @throws ClvException if {@code periods < 1}
     */
    public DiscountedClv withHorizon(int periods) {
        if (periods < 1) {
            throw new ClvException("horizon must be at least 1 period, got %d", periods);
        }
        return new DiscountedClv(discountRate, periods, timing);
    }

    /**
     * Returns a calculator with an infinite horizon (the closed form).
     *
     * @return a new calculator
     */
    public DiscountedClv withInfiniteHorizon() {
        return new DiscountedClv(discountRate, 0, timing);
    }

    /**
     * Returns a calculator with the given payment timing.
     *
     * @param paymentTiming when margins are received
     * @return a new calculator
     * @throws ClvException if the timing is null
     */
    public DiscountedClv with(PaymentTiming paymentTiming) {
        if (paymentTiming == null) {
            throw new ClvException("payment timing must not be null");
        }
        return new DiscountedClv(discountRate, horizon, paymentTiming);
    }

    /**
     * The discount rate per period.
     *
     * @return \(d\)
     */
    public double discountRate() {
        return discountRate;
    }

    /**
     * The horizon.
     *
     * @return the number of periods, or empty for an infinite horizon
     */
    public OptionalInt horizon() {
        return horizon == 0 ? OptionalInt.empty() : OptionalInt.of(horizon);
    }

    /**
     * The payment timing.
     *
     * @return when margins are received
     */
    public PaymentTiming timing() {
        return timing;
    }

    /**
     * CLV of one customer with a constant margin and retention, by the closed form.
     *
     * @param margin \(m\), finite
     * @param retention \(r \in [0, 1]\)
     * @return the CLV
     * @throws ClvException if an argument is invalid, the horizon is infinite with \(d = 0\) and \(r = 1\)
     *     (the sum diverges), or the value overflows the double range
     */
    public double value(double margin, double retention) {
        Checks.finite("margin", margin);
        Checks.probability("retention", retention);
        return closedForm(margin, retention, "the customer");
    }

    /**
     * CLV of one customer with a margin series and a constant retention. The series covers periods
     * \(1, \dots, n\); with an infinite horizon all \(n\) periods are used, with a finite horizon \(H \le n\) the
     * first \(H\).
     *
     * @param margins \(m_1, \dots, m_n\), finite; not modified
     * @param retention \(r \in [0, 1]\)
     * @return the CLV
     * @throws ClvException if the series is empty or shorter than a finite horizon, a value is invalid or the sum
     *     overflows the double range (naming the period)
     */
    public double value(double[] margins, double retention) {
        Checks.probability("retention", retention);
        int n = periods("margins", Checks.nonEmpty("margins", margins).length);
        double[] r = new double[n];
        java.util.Arrays.fill(r, retention);
        return series(margins, r, n);
    }

    /**
     * CLV of one customer with a constant margin and per-period retentions (same horizon rule as
     * {@link #value(double[], double)}).
     *
     * @param margin \(m\), finite
     * @param retentions \(r_1, \dots, r_n \in [0, 1]\); not modified
     * @return the CLV
     * @throws ClvException if the series is empty or shorter than a finite horizon, a value is invalid or the sum
     *     overflows the double range (naming the period)
     */
    public double value(double margin, double[] retentions) {
        Checks.finite("margin", margin);
        int n = periods("retentions", Checks.nonEmpty("retentions", retentions).length);
        double[] m = new double[n];
        java.util.Arrays.fill(m, margin);
        return series(m, retentions, n);
    }

    /**
     * CLV of one customer with margin and retention series of equal length (same horizon rule as
     * {@link #value(double[], double)}).
     *
     * @param margins \(m_1, \dots, m_n\), finite; not modified
     * @param retentions \(r_1, \dots, r_n \in [0, 1]\); not modified
     * @return the CLV
     * @throws ClvException if the series are empty, of different lengths or shorter than a finite horizon, a
     *     value is invalid or the sum overflows the double range (naming the period)
     */
    public double value(double[] margins, double[] retentions) {
        Checks.nonEmpty("margins", margins);
        Checks.nonEmpty("retentions", retentions);
        Checks.sameLength("margins", margins, "retentions", retentions);
        return series(margins, retentions, periods("margins", margins.length));
    }

    /**
     * CLV of many customers, each with a constant margin and retention, by the closed form; a primitive kernel
     * without allocation.
     *
     * @param margins one margin per customer, finite; not modified
     * @param retentions one retention per customer in [0, 1]; not modified
     * @param out receives the CLVs, at least as long as {@code margins}; modified (may be {@code null}, then a
     *     new array is returned)
     * @return {@code out}, or the new array
     * @throws ClvException if the arrays differ in length, a value is invalid or a value overflows the double
     *     range (naming the customer's index)
     */
    public double[] values(double[] margins, double[] retentions, double[] out) {
        return values(margins, retentions, out, null);
    }

    /** The kernel; {@code ids} names the customers in messages (their index when null). */
    private double[] values(double[] margins, double[] retentions, double[] out, List<String> ids) {
        if (margins == null || retentions == null) {
            throw new ClvException("margins and retentions must not be null");
        }
        Checks.sameLength("margins", margins, "retentions", retentions);
        int n = margins.length;
        double[] result = out == null ? new double[n] : out;
        if (result.length < n) {
            throw new ClvException("output array has %d places for %d customers", result.length, n);
        }
        double growth = 1 + discountRate;
        boolean start = timing == PaymentTiming.START_OF_PERIOD;
        for (int i = 0; i < n; i++) {
            double m = margins[i];
            double r = retentions[i];
            if (!(r >= 0 && r <= 1 && Double.isFinite(m))) {
                throw invalidCustomer(customer(ids, i), m, r);
            }
            double factor = factor(r, growth, horizon, start);
            result[i] = m * factor;
            if (!Double.isFinite(result[i]) && !(horizon == 0 && r == growth)) {
                throw overflow(customer(ids, i), m, r);
            }
        }
        if (horizon == 0 && discountRate == 0) {
            checkDivergence(retentions, n, ids);
        }
        return result;
    }

    private static String customer(List<String> ids, int i) {
        return ids == null ? String.format(Locale.ROOT, "customer %d", i) : "customer '" + ids.get(i) + "'";
    }

    private static ClvException overflow(String who, double m, double r) {
        return new ClvException("%s: the CLV overflows the double range (margin %s, retention %s)", who, m, r);
    }

    /**
     * CLV of every customer (row) of a table, each with a constant margin and retention read from two
     * indicators.
     *
     * @param table the customers
     * @param marginIndicator name of the margin-per-period indicator
     * @param retentionIndicator name of the retention indicator
     * @return one CLV per row, in row order
     * @throws ClvException if an indicator is unknown, a value is invalid or a value overflows the double range
     *     (naming the customer id)
     */
    public double[] values(IndicatorTable table, String marginIndicator, String retentionIndicator) {
        if (table == null) {
            throw new ClvException("table must not be null");
        }
        for (String name : List.of(String.valueOf(marginIndicator), String.valueOf(retentionIndicator))) {
            if (!table.contains(name)) {
                throw new ClvException("unknown indicator '%s'; the table has %s", name, table.indicatorNames());
            }
        }
        double[] m = table.column(marginIndicator);
        double[] r = table.column(retentionIndicator);
        return values(m, r, null, table.ids());
    }

    private static ClvException invalidCustomer(String who, double m, double r) {
        return new ClvException("%s: margin must be finite and retention in [0, 1], got margin %s, retention %s",
                who, m, r);
    }

    private void checkDivergence(double[] retentions, int n, List<String> ids) {
        for (int i = 0; i < n; i++) {
            if (retentions[i] == 1) {
                throw new ClvException("%s: retention 1 with discount rate 0 over an infinite horizon"
                        + " gives an infinite CLV", customer(ids, i));
            }
        }
    }

    private double closedForm(double m, double r, String who) {
        double growth = 1 + discountRate;
        boolean start = timing == PaymentTiming.START_OF_PERIOD;
        if (horizon == 0 && r == growth) {
            throw new ClvException("%s: retention 1 with discount rate 0 over an infinite horizon gives an"
                    + " infinite CLV", who);
        }
        double value = m * factor(r, growth, horizon, start);
        if (!Double.isFinite(value)) {
            throw overflow(who, m, r);
        }
        return value;
    }

    /** The CLV of a unit margin by the closed form; {@code horizon == 0} means infinite. */
    private static double factor(double r, double growth, int horizon, boolean start) {
        if (horizon == 0) {
            return (start ? growth : r) / (growth - r);
        }
        double q = r / growth;
        // (1 - q^H)/(1 - q) with u = 1 - q; growth - r is exact when r is near growth, and log1p/expm1 keep
        // the relative accuracy for q next to 1, where the plain quotient divides two cancelled differences
        // the plain quotient with q^H by repeated squaring is accurate to about eps/|u|, so it serves (and is
        // several times faster) while |u| >= 1/16
        double u = (growth - r) / growth;
        double sum;
        if (u == 0) {
            sum = horizon;
        } else if (Math.abs(u) >= CLOSE_TO_ONE) {
            sum = (1 - powInt(q, horizon)) / u;
        } else {
            sum = -Math.expm1(horizon * Math.log1p(-u)) / u;
        }
        return start ? sum : sum * q;
    }

    /** \(x^n\) for \(n \ge 1\) by repeated squaring. */
    private static double powInt(double x, int n) {
        double result = 1;
        double base = x;
        int e = n;
        while (e > 0) {
            if ((e & 1) != 0) {
                result *= base;
            }
            base *= base;
            e >>= 1;
        }
        return result;
    }

    private int periods(String name, int length) {
        if (horizon > length) {
            throw new ClvException("%s has %d periods but the horizon is %d", name, length, horizon);
        }
        return horizon == 0 ? length : horizon;
    }

    private double series(double[] margins, double[] retentions, int n) {
        double growth = 1 + discountRate;
        double survival = 1;
        double discount = 1;
        double sum = 0;
        boolean start = timing == PaymentTiming.START_OF_PERIOD;
        for (int t = 0; t < n; t++) {
            double m = margins[t];
            double r = retentions[t];
            if (!(r >= 0 && r <= 1 && Double.isFinite(m))) {
                throw new ClvException("period %d: margin must be finite and retention in [0, 1], got margin %s,"
                        + " retention %s", t + 1, m, r);
            }
            if (start) {
                sum += m * survival / discount;
            }
            survival *= r;
            discount *= growth;
            if (!start) {
                sum += m * survival / discount;
            }
            if (!Double.isFinite(sum)) {
                throw new ClvException("period %d: the CLV overflows the double range (margin %s, retention %s)",
                        t + 1, m, r);
            }
        }
        return sum;
    }

    /**
     * Describes the configuration.
     *
     * @return for example {@code DiscountedClv[discountRate=0.1, horizon=infinite, timing=END_OF_PERIOD]}
     */
    @Override
    public String toString() {
        return "DiscountedClv[discountRate=" + discountRate + ", horizon="
                + (horizon == 0 ? "infinite" : Integer.toString(horizon)) + ", timing=" + timing + "]";
    }

    private Object writeReplace() {
        return new SerializedForm(discountRate, horizon, timing);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("use the serialization proxy");
    }

    /**
     * The serialized form, version 1: the rate, the horizon (0 for infinite) and the timing, rebuilt through the
     * public factories so that a tampered stream is validated.
     */
    private static final class SerializedForm implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        /** The discount rate per period. */
        private final double discountRate;
        /** The horizon in periods, 0 for infinite. */
        private final int horizon;
        /** The payment timing. */
        private final PaymentTiming timing;

        SerializedForm(double discountRate, int horizon, PaymentTiming timing) {
            this.discountRate = discountRate;
            this.horizon = horizon;
            this.timing = timing;
        }

        private Object readResolve() {
            DiscountedClv clv = of(discountRate).with(timing);
            return horizon == 0 ? clv : clv.withHorizon(horizon);
        }
    }
}
