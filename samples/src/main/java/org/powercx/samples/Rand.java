package org.powercx.samples;

import java.util.SplittableRandom;

/**
 * Random variates for the sample generators, built on {@link SplittableRandom#nextDouble()} and
 * {@link StrictMath} only, so that a seed gives the same bits on every JDK and platform.
 */
final class Rand {
    private static final double TWO_PI = 2 * Math.PI;

    private Rand() {
    }

    /** Standard normal by the Box-Muller transform (one variate per call, two uniforms consumed). */
    static double normal(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(TWO_PI * u2);
    }

    /** Poisson by sequential inversion, capped at {@code cap}; one uniform consumed. */
    static int poisson(SplittableRandom rng, double mean, int cap) {
        double u = rng.nextDouble();
        double p = StrictMath.exp(-mean);
        double cdf = p;
        int k = 0;
        while (u > cdf && k < cap) {
            k++;
            p *= mean / k;
            cdf += p;
        }
        return k;
    }

    static double logistic(double x) {
        return 1.0 / (1.0 + StrictMath.exp(-x));
    }

    static double logit(double p) {
        return StrictMath.log(p / (1.0 - p));
    }

    static double round(double x, double scale) {
        return Math.round(x * scale) / scale;
    }

    static double clamp(double x, double lo, double hi) {
        return x < lo ? lo : x > hi ? hi : x;
    }
}
