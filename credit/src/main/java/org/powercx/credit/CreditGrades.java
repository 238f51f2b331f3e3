package org.powercx.credit;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * An ordered credit grade scale over a risk score (decision value or default probability; higher = riskier),
 * immutable. Grades run from best to worst (default names AAA, AA, A, B, C); with ascending cut-offs
 * \( c_1 \le \dots \le c_{G-1} \), a score \( s \) gets the first grade \( g \) with \( s \le c_g \), and the
 * last grade if it exceeds every cut-off.
 *
 * <p>Cut-offs can be given, placed at score quantiles (R type 7 / numpy "linear" interpolation,
 * \( Q(p) = s_{(h)} + (h - \lfloor h \rfloor)(s_{(h+1)} - s_{(h)}) \), \( h = (n-1)p \) on sorted scores), or
 * found from target default rates: walking up the sorted scores, each grade takes the longest run of whole
 * tie groups whose observed default rate does not exceed its target, in the spirit of the master scales of
 * internal-rating systems (E. I. Altman 1968, Financial ratios, discriminant analysis and the prediction of
 * corporate bankruptcy, J. Finance 23, 589-609, doi:10.1111/j.1540-6261.1968.tb00843.x, for the score-zone
 * idea).
 *
 * <p>A scale is a value: {@link #parameters()} and {@link #of(Parameters)} rebuild it exactly, and it is
 * {@link java.io.Serializable} through a serialization proxy.
 *
 * @serial exclude
 * @since 0.1.0
 */
public final class CreditGrades implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** The default grade names, best first. */
    public static final List<String> DEFAULT_NAMES = List.of("AAA", "AA", "A", "B", "C");

    private final List<String> names;
    private final double[] cutoffs;

    private CreditGrades(List<String> names, double[] cutoffs) {
        this.names = names;
        this.cutoffs = cutoffs;
    }

    /**
     * The grade names and cut-offs of a scale.
     *
     * @param names at least two distinct non-blank names, best first
     * @param cutoffs one fewer than the names, non-decreasing and finite
     * @serial exclude
     * @since 0.2.0
     */
    public record Parameters(List<String> names, double[] cutoffs) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Validates and copies the components.
         *
         * @param names the grade names, best first
         * @param cutoffs the cut-offs
         * @throws CreditException if the names or cut-offs are invalid (the message names the offending entry)
         */
        public Parameters {
            names = checkNames(names);
            cutoffs = checkCutoffs(names, cutoffs);
        }

        /**
         * The {@code cutoffs} component.
         *
         * @return a copy
         */
        @Override
        public double[] cutoffs() {
            return cutoffs.clone();
        }

        /**
         * Equal when the names and the cut-offs' bits are equal.
         *
         * @param other another object
         * @return whether equal
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof Parameters o && names.equals(o.names) && Arrays.equals(cutoffs, o.cutoffs);
        }

        /**
         * A hash code consistent with {@link #equals}.
         *
         * @return the hash code
         */
        @Override
        public int hashCode() {
            return 31 * names.hashCode() + Arrays.hashCode(cutoffs);
        }

        /**
         * A short description.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return "CreditGrades.Parameters[names=" + names + ", cutoffs=" + Arrays.toString(cutoffs) + "]";
        }
    }

    /**
     * The names and cut-offs of this scale.
     *
     * @return the parameters
     * @since 0.2.0
     */
    public Parameters parameters() {
        return new Parameters(names, cutoffs);
    }

    /**
     * Rebuilds a scale from its parameters.
     *
     * @param parameters the parameters
     * @return the scale
     * @throws CreditException if the parameters are null
     * @since 0.2.0
     */
    public static CreditGrades of(Parameters parameters) {
        if (parameters == null) {
            throw new CreditException("credit grade parameters are null");
        }
        return new CreditGrades(parameters.names, parameters.cutoffs);
    }

    private Object writeReplace() {
        return new SerializedForm(parameters());
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("use the serialization proxy");
    }

    /** The serialized form: the parameters, validated again when read. */
    private static final class SerializedForm implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final Parameters parameters;

        SerializedForm(Parameters parameters) {
            this.parameters = parameters;
        }

        private Object readResolve() {
            return of(parameters);
        }
    }

    /**
     * A scale with the default names and given cut-offs.
     *
     * @param cutoffs four non-decreasing finite cut-offs; copied
     * @return the scale
     * @throws CreditException if the cut-offs are not four, not finite or decreasing
     */
    public static CreditGrades ofCutoffs(double... cutoffs) {
        return ofCutoffs(DEFAULT_NAMES, cutoffs);
    }

    /**
     * A scale with given names and cut-offs.
     *
     * @param names at least two distinct non-blank names, best first; copied
     * @param cutoffs one fewer than the names, non-decreasing and finite; copied
     * @return the scale
     * @throws CreditException if the names or cut-offs are invalid (the message names the offending entry)
     */
    public static CreditGrades ofCutoffs(List<String> names, double... cutoffs) {
        List<String> n = checkNames(names);
        return new CreditGrades(n, checkCutoffs(n, cutoffs));
    }

    private static double[] checkCutoffs(List<String> n, double[] cutoffs) {
        if (cutoffs == null || cutoffs.length != n.size() - 1) {
            throw new CreditException("%d grades need %d cut-offs, got %s", n.size(), n.size() - 1,
                cutoffs == null ? "none" : String.valueOf(cutoffs.length));
        }
        for (int g = 0; g < cutoffs.length; g++) {
            if (!Double.isFinite(cutoffs[g])) {
                throw new CreditException("cut-off %d (%s) is not finite: %s", g, n.get(g), cutoffs[g]);
            }
            if (g > 0 && cutoffs[g] < cutoffs[g - 1]) {
                throw new CreditException("cut-offs must not decrease: cut-off %d is %s after %s", g, cutoffs[g],
                    cutoffs[g - 1]);
            }
        }
        return cutoffs.clone();
    }

    /**
     * Equal-frequency grades with the default names (cut-offs at the 20, 40, 60 and 80 % score quantiles).
     *
     * @param scores calibration scores, not modified
     * @return the scale
     * @throws CreditException if there are no scores or one is not finite
     */
    public static CreditGrades byQuantiles(double[] scores) {
        return byQuantiles(DEFAULT_NAMES, scores, 0.2, 0.4, 0.6, 0.8);
    }

    /**
     * Grades with cut-offs at given score quantiles.
     *
     * @param names grade names, best first
     * @param scores calibration scores, not modified
     * @param probabilities one fewer than the names, increasing in (0, 1)
     * @return the scale
     * @throws CreditException if an argument is invalid
     */
    public static CreditGrades byQuantiles(List<String> names, double[] scores, double... probabilities) {
        double[] sorted = sortedFinite(scores);
        if (probabilities == null) {
            throw new CreditException("no quantile probabilities");
        }
        double[] cut = new double[probabilities.length];
        for (int g = 0; g < cut.length; g++) {
            double p = probabilities[g];
            if (!(p > 0 && p < 1) || (g > 0 && !(p > probabilities[g - 1]))) {
                throw new CreditException("quantile probability %d must be in (0, 1) and increasing, got %s", g, p);
            }
            double h = (sorted.length - 1) * p;
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, sorted.length - 1);
            cut[g] = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        }
        return ofCutoffs(names, cut);
    }

    /**
     * Grades with the default names found from target default rates.
     *
     * @param scores calibration scores, higher = riskier; not modified
     * @param outcomes 1 = defaulted, 0 = good; not modified
     * @param targets maximum observed default rate of AAA, AA, A and B (C takes the rest), in [0, 1]
     * @return the scale
     * @throws CreditException if an argument is invalid
     */
    public static CreditGrades byTargetDefaultRates(double[] scores, int[] outcomes, double... targets) {
        return byTargetDefaultRates(DEFAULT_NAMES, scores, outcomes, targets);
    }

    /**
     * Grades found from target default rates: grade g takes, from the lowest remaining score up, the longest
     * run of whole tie groups whose observed default rate is at most {@code targets[g]}; the last grade takes
     * the rest. A grade for which even the first group is too risky stays empty.
     *
     * @param names grade names, best first
     * @param scores calibration scores, higher = riskier; not modified
     * @param outcomes 1 = defaulted, 0 = good; not modified
     * @param targets one fewer than the names, each in [0, 1]
     * @return the scale
     * @throws CreditException if an argument is invalid
     */
    public static CreditGrades byTargetDefaultRates(List<String> names, double[] scores, int[] outcomes,
            double... targets) {
        List<String> n = checkNames(names);
        Checks.scoresAndOutcomes(scores, outcomes, false);
        if (targets == null || targets.length != n.size() - 1) {
            throw new CreditException("%d grades need %d target default rates", n.size(), n.size() - 1);
        }
        for (int g = 0; g < targets.length; g++) {
            if (!(targets[g] >= 0 && targets[g] <= 1)) {
                throw new CreditException("target default rate of %s must be in [0, 1], got %s", n.get(g),
                    targets[g]);
            }
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double[] bad = new double[sorted.length];
        int nb = 0;
        for (int i = 0; i < scores.length; i++) {
            if (outcomes[i] == 1) {
                bad[nb++] = scores[i];
            }
        }
        Arrays.sort(bad, 0, nb);
        // distinct scores with group sizes and defaults
        double[] value = new double[sorted.length];
        int[] size = new int[sorted.length];
        int[] defaults = new int[sorted.length];
        int groups = 0;
        int b = 0;
        for (int i = 0; i < sorted.length; ) {
            double v = sorted[i];
            int s = 0;
            while (i < sorted.length && sorted[i] == v) {
                i++;
                s++;
            }
            int d = 0;
            while (b < nb && bad[b] == v) {
                b++;
                d++;
            }
            value[groups] = v;
            size[groups] = s;
            defaults[groups++] = d;
        }
        double[] cut = new double[targets.length];
        int pos = 0;
        double previous = Math.nextDown(value[0]);
        for (int g = 0; g < targets.length; g++) {
            long count = 0;
            long def = 0;
            int end = pos;
            for (int q = pos; q < groups; q++) {
                count += size[q];
                def += defaults[q];
                if (def <= targets[g] * count) {
                    end = q + 1;
                }
            }
            cut[g] = end > pos ? value[end - 1] : previous;
            previous = cut[g];
            pos = end;
        }
        return ofCutoffs(n, cut);
    }

    private static double[] sortedFinite(double[] scores) {
        if (scores == null || scores.length == 0) {
            throw new CreditException("no scores");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new CreditException("score %d is not finite: %s", i, scores[i]);
            }
        }
        double[] s = scores.clone();
        Arrays.sort(s);
        return s;
    }

    private static List<String> checkNames(List<String> names) {
        if (names == null || names.size() < 2) {
            throw new CreditException("at least two grade names are needed");
        }
        HashSet<String> seen = new HashSet<>();
        for (String s : names) {
            if (s == null || s.isBlank() || !seen.add(s)) {
                throw new CreditException("grade name '%s' is blank or repeated", s);
            }
        }
        return List.copyOf(names);
    }

    /**
     * The grade names, best first.
     *
     * @return the names
     */
    public List<String> names() {
        return names;
    }

    /**
     * The cut-offs, ascending.
     *
     * @return a copy
     */
    public double[] cutoffs() {
        return cutoffs.clone();
    }

    /**
     * The grade index (0 = best) of a score.
     *
     * @param score a finite score
     * @return the index
     * @throws CreditException if the score is not finite
     */
    public int grade(double score) {
        if (!Double.isFinite(score)) {
            throw new CreditException("score is not finite: %s", score);
        }
        int g = 0;
        while (g < cutoffs.length && score > cutoffs[g]) {
            g++;
        }
        return g;
    }

    /**
     * The grade name of a score.
     *
     * @param score a finite score
     * @return the name
     * @throws CreditException if the score is not finite
     */
    public String name(double score) {
        return names.get(grade(score));
    }

    /**
     * Grade indices of many scores.
     *
     * @param scores finite scores, not modified
     * @return one index per score
     * @throws CreditException if a score is not finite (naming its position)
     */
    public int[] grades(double[] scores) {
        if (scores == null) {
            throw new CreditException("no scores");
        }
        int[] out = new int[scores.length];
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new CreditException("score %d is not finite: %s", i, scores[i]);
            }
            out[i] = grade(scores[i]);
        }
        return out;
    }

    /**
     * Per-grade counts and observed default rates.
     *
     * @param scores scores, not modified
     * @param outcomes 1 = defaulted, 0 = good; not modified
     * @return the report
     * @throws CreditException if sizes differ, a score is not finite or an outcome is not 0/1
     */
    public GradeReport report(double[] scores, int[] outcomes) {
        Checks.scoresAndOutcomes(scores, outcomes, false);
        long[] count = new long[names.size()];
        long[] def = new long[names.size()];
        for (int i = 0; i < scores.length; i++) {
            int g = grade(scores[i]);
            count[g]++;
            def[g] += outcomes[i];
        }
        return new GradeReport(names, count, def);
    }

    /**
     * A short description.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CreditGrades ");
        for (int g = 0; g < names.size(); g++) {
            sb.append(names.get(g));
            if (g < cutoffs.length) {
                sb.append(" <= ").append(org.powercx.core.TextTable.number(cutoffs[g])).append(" < ");
            }
        }
        return sb.toString();
    }
}
