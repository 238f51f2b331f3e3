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
            boolean[] ok, double[] jack, boolean[] jackOk, double level, long seed, boolean keepDraws) {
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
            double[] kept = keepDraws ? values.clone() : new double[0];
            double mean = sum / good;
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            double se = Math.sqrt(ss / (good - 1));
            double tStat = orig[c] / se;
            double p = Double.isNaN(tStat) ? Double.NaN : 2 * t.cumulativeProbability(-Math.abs(tStat));
            int m = 0;
            for (int i = 0; i < jackOk.length; i++) {
                if (jackOk[i]) {
                    jv[m++] = jack[i * width + c];
                }
            }
            Arrays.sort(values);
            double[] bca = bca(values, orig[c], Arrays.copyOf(jv, m), level);
            all.add(new BootstrapEstimate(engine.names.get(c), orig[c], mean, se, tStat, p, quantile(values, alpha),
                quantile(values, 1 - alpha), bca[0], bca[1], kept));
        }
        return new BootstrapResult(original, all, engine, ok.length, failed, level, seed);
    }

    /**
     * BCa limits (Efron 1987) at a two-sided level: bias \( z_0 = \Phi^{-1}(\#\{\theta^* &lt; \hat\theta\}/B) \),
     * jackknife acceleration \( a \), and the R type 7 quantiles of the sorted draws at
     * \( \Phi(z_0 + (z_0 + z_\alpha)/(1 - a(z_0 + z_\alpha))) \); NaN limits when \( z_0 \) or \( a \) is not finite.
     */
    static double[] bca(double[] sorted, double original, double[] jackknife, double level) {
        int below = 0;
        for (double v : sorted) {
            below += v < original ? 1 : 0;
        }
        double z0 = NORMAL.inverseCumulativeProbability((double) below / sorted.length);
        double a = acceleration(jackknife);
        if (!Double.isFinite(z0) || !Double.isFinite(a)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double zLow = NORMAL.inverseCumulativeProbability((1 - level) / 2);
        double zHigh = -zLow;
        return new double[] {
            quantile(sorted, NORMAL.cumulativeProbability(z0 + (z0 + zLow) / (1 - a * (z0 + zLow)))),
            quantile(sorted, NORMAL.cumulativeProbability(z0 + (z0 + zHigh) / (1 - a * (z0 + zHigh))))};
    }

    /**
     * Jackknife acceleration \( a = \sum d_i^3 / (6 (\sum d_i^2)^{3/2}) \), \( d_i = \bar\theta - \theta_{(i)} \);
     * NaN with fewer than 2 values, 0 when they are all equal.
     */
    static double acceleration(double[] jack) {
        int m = jack.length;
        if (m < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : jack) {
            sum += v;
        }
        double mean = sum / m;
        double s2 = 0;
        double s3 = 0;
        for (double v : jack) {
            double d = mean - v;
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
