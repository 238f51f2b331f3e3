package org.powercx.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.powercx.clv.BgNbd;
import org.powercx.clv.DiscountedClv;
import org.powercx.clv.GammaGamma;
import org.powercx.clv.PaymentTiming;
import org.powercx.clv.PurchaseClv;
import org.powercx.clv.ShiftedBetaGeometric;

/**
 * Customer lifetime value: the sBG fit of one cohort (Fader and Hardie 2007 regular segment, years 0-7), the
 * BG/NBD and Gamma-Gamma fits on the 2357 CDNOW customers, and deterministic CLV of 1,000,000 customers
 * (infinite horizon and a 10-period horizon), and the BG/NBD x Gamma-Gamma purchase CLV (12 periods, discounted)
 * of 1,000,000 customers drawn with replacement from CDNOW, each beside an in-run baseline that makes one plain
 * pass over the same primitive data. The CDNOW summary is read from {@code clv/src/test/resources/clv} under the working
 * directory (run from the project root) or its parent.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ClvBenchmark {
    static final String CDNOW = "clv/src/test/resources/clv/cdnow_customers_summary_with_transactions.csv";
    static final int CUSTOMERS = 1_000_000;

    double[] cohort;
    double[] frequency;
    double[] recency;
    double[] age;
    double[] meanSpend;
    double[] margins;
    double[] retentions;
    double[] out;
    DiscountedClv infinite;
    DiscountedClv tenPeriods;
    double[] millionFrequency;
    double[] millionRecency;
    double[] millionAge;
    double[] millionSpend;
    PurchaseClv purchaseClv;

    /** Loads the cohort and CDNOW data and draws a million seeded customers. */
    @Setup(Level.Trial)
    public void setUp() {
        cohort = new double[] {1000, 631, 468, 382, 326, 289, 262, 241};
        double[][] cdnow = readCdnow();
        frequency = cdnow[0];
        recency = cdnow[1];
        age = cdnow[2];
        meanSpend = cdnow[3];
        SplittableRandom random = new SplittableRandom(42L);
        margins = new double[CUSTOMERS];
        retentions = new double[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            margins[i] = 20 + 2000 * random.nextDouble();
            retentions[i] = 0.5 + 0.49 * random.nextDouble();
        }
        out = new double[CUSTOMERS];
        millionFrequency = new double[CUSTOMERS];
        millionRecency = new double[CUSTOMERS];
        millionAge = new double[CUSTOMERS];
        millionSpend = new double[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            int k = random.nextInt(frequency.length);
            millionFrequency[i] = frequency[k];
            millionRecency[i] = recency[k];
            millionAge[i] = age[k];
            millionSpend[i] = meanSpend[k];
        }
        purchaseClv = PurchaseClv.of(BgNbd.fit(frequency, recency, age).model(),
                GammaGamma.fit(frequency, meanSpend).model(), 12, 52.0 / 12).withDiscountRate(0.01).withMargin(0.3);
        infinite = DiscountedClv.of(0.08);
        tenPeriods = infinite.withHorizon(10).with(PaymentTiming.START_OF_PERIOD);
    }

    static double[][] readCdnow() {
        Path file = Path.of(CDNOW);
        if (!Files.exists(file)) {
            file = Path.of("..").resolve(CDNOW);
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            int n = lines.size() - 1;
            double[][] cols = new double[4][n];
            for (int i = 0; i < n; i++) {
                String[] cells = lines.get(i + 1).strip().split(",");
                for (int j = 0; j < 4; j++) {
                    cols[j][i] = Double.parseDouble(cells[j + 1]);
                }
            }
            return cols;
        } catch (IOException e) {
            throw new UncheckedIOException("run from the project root: cannot read " + file, e);
        }
    }

    /**
     * Baseline for the sBG fit: one pass over the cohort counts.
     *
     * @return the sum of the counts
     */
    @Benchmark
    public double baselineCohortPass() {
        double s = 0;
        for (double c : cohort) {
            s += c;
        }
        return s;
    }

    /**
     * Maximum-likelihood sBG fit of one cohort.
     *
     * @return the fitted alpha
     */
    @Benchmark
    public double sbgFit() {
        return ShiftedBetaGeometric.fit(cohort).model().alpha();
    }

    /**
     * Baseline for the CDNOW fits: one pass over frequency, recency, age and mean spend.
     *
     * @return the sum of all values
     */
    @Benchmark
    public double baselineCdnowPass() {
        double s = 0;
        for (int i = 0; i < frequency.length; i++) {
            s += frequency[i] + recency[i] + age[i] + meanSpend[i];
        }
        return s;
    }

    /**
     * Maximum-likelihood BG/NBD fit on the 2357 CDNOW customers.
     *
     * @return the fitted r
     */
    @Benchmark
    public double bgNbdFit() {
        return BgNbd.fit(frequency, recency, age).model().r();
    }

    /**
     * Maximum-likelihood Gamma-Gamma fit on the 946 CDNOW repeat customers.
     *
     * @return the fitted p
     */
    @Benchmark
    public double gammaGammaFit() {
        return GammaGamma.fit(frequency, meanSpend).model().p();
    }

    /**
     * Baseline for deterministic CLV: one pass writing margin times retention for every customer.
     *
     * @return the output array
     */
    @Benchmark
    public double[] baselineMillionPass() {
        for (int i = 0; i < CUSTOMERS; i++) {
            out[i] = margins[i] * retentions[i];
        }
        return out;
    }

    /**
     * Deterministic CLV of a million customers, infinite horizon (closed form).
     *
     * @return the output array
     */
    @Benchmark
    public double[] deterministicClvInfinite() {
        return infinite.values(margins, retentions, out);
    }

    /**
     * Baseline for purchase CLV: one pass over the frequency, recency, age and spend of a million customers.
     *
     * @return the output array
     */
    @Benchmark
    public double[] baselineMillionHistoriesPass() {
        for (int i = 0; i < CUSTOMERS; i++) {
            out[i] = millionFrequency[i] + millionRecency[i] + millionAge[i] + millionSpend[i];
        }
        return out;
    }

    /**
     * BG/NBD x Gamma-Gamma CLV over 12 monthly periods, discounted, of a million customers drawn from CDNOW.
     *
     * @return the output array
     */
    @Benchmark
    public double[] purchaseClvMillion() {
        return purchaseClv.values(millionFrequency, millionRecency, millionAge, millionSpend, out);
    }

    /**
     * Deterministic CLV of a million customers over 10 periods, payments at the start of each period.
     *
     * @return the output array
     */
    @Benchmark
    public double[] deterministicClvTenPeriods() {
        return tenPeriods.values(margins, retentions, out);
    }
}
