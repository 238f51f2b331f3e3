package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/** Turns the resample matrix into {@link BootstrapEstimate}s (percentile and BCa intervals). */
final class BootstrapSummary {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private BootstrapSummary() {
    }

    static BootstrapResult summarise(PlsResult original, ResampleEngine engine, double[] orig, double[] est,
            boolean[] ok, double[] jack, boolean[] jackOk, double level, long seed) {
        int width = engine.width;
        int good = 0;
        for (boolean b : ok) {
            good += b ? 1 : 0;
        }
        int failed = ok.length - good;
        if (good < 2) {
            throw new SatisfactionException("only %d of %d bootstrap resamples converged", good, ok.length);
        }
        TDistribution t = new TDistribution(null, good - 1.0);
        double alpha = (1 - level) / 2;
        double zLow = NORMAL.inverseCumulativeProbability(alpha);
        double zHigh = -zLow;
        List<BootstrapEstimate> all = new ArrayList<>(width);
        double[] values = new double[good];
        double[] jv = new double[jack.length / width];
        for (int c = 0; c < width; c++) {
            int g = 0;
            double sum = 0;
            for (int b = 0; b < ok.length; b++) {
                if (ok[b]) {
                    values[g++] = est[b * width + c];
                    sum += est[b * width + c];
                }
            }
            double mean = sum / good;
            double ss = 0;
            int below = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
                below += v < orig[c] ? 1 : 0;
            }
            double se = Math.sqrt(ss / (good - 1));
            double tStat = orig[c] / se;
            double p = Double.isNaN(tStat) ? Double.NaN : 2 * t.cumulativeProbability(-Math.abs(tStat));
            Arrays.sort(values);
            double lower = quantile(values, alpha);
            double upper = quantile(values, 1 - alpha);
            double z0 = NORMAL.inverseCumulativeProbability((double) below / good);
            double a = acceleration(jack, jackOk, width, c, jv);
            double bcaLower = Double.NaN;
            double bcaUpper = Double.NaN;
            if (Double.isFinite(z0) && Double.isFinite(a)) {
                bcaLower = quantile(values, NORMAL.cumulativeProbability(z0 + (z0 + zLow) / (1 - a * (z0 + zLow))));
                bcaUpper = quantile(values,
                    NORMAL.cumulativeProbability(z0 + (z0 + zHigh) / (1 - a * (z0 + zHigh))));
            }
            all.add(new BootstrapEstimate(engine.names.get(c), orig[c], mean, se, tStat, p, lower, upper, bcaLower,
                bcaUpper));
        }
        return new BootstrapResult(original, all, engine.groupStart, ok.length, failed, level, seed);
    }

    /** Jackknife acceleration \( a = \sum d_i^3 / (6 (\sum d_i^2)^{3/2}) \), \( d_i = \bar\theta - \theta_{(i)} \). */
    private static double acceleration(double[] jack, boolean[] jackOk, int width, int c, double[] jv) {
        int m = 0;
        double sum = 0;
        for (int i = 0; i < jackOk.length; i++) {
            if (jackOk[i]) {
                jv[m++] = jack[i * width + c];
                sum += jack[i * width + c];
            }
        }
        if (m < 2) {
            return Double.NaN;
        }
        double mean = sum / m;
        double s2 = 0;
        double s3 = 0;
        for (int i = 0; i < m; i++) {
            double d = mean - jv[i];
            s2 += d * d;
            s3 += d * d * d;
        }
        return s2 == 0 ? 0 : s3 / (6 * Math.pow(s2, 1.5));
    }

    /** R type 7 quantile of sorted values. */
    static double quantile(double[] sorted, double prob) {
        double h = (sorted.length - 1) * prob;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
