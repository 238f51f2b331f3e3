package org.powercx.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.powercx.core.IndicatorTable;
import org.powercx.credit.LogisticModel;
import org.powercx.credit.LogisticRegression;
import org.powercx.credit.ScorecardModel;
import org.powercx.credit.Scorecard;

/**
 * The logistic scorecard on 1,000,000 customers by 20 indicators (X ~ N(0, 1), default drawn from a logistic
 * model with intercept -1, as in benchmarks/peers/logistic_peer.py): the IRLS fit from primitive columns (one
 * fused pass per Newton iteration; the model reports its passes) on one and two threads and from the table, and a
 * fitted scorecard applied to every customer with the primitive kernel and through a table, against in-run
 * baselines over the same column arrays: a plain sum of every value (one read of the data, the memory floor of one
 * pass; also on two threads) and per-customer row sums (the same memory traffic and output as scoring). Two formulations
 * without table gathers score the same card with the same bits, for comparison with the library's grid kernel:
 * a blend chain over each indicator's cut points on the points' bits (XOR of the bit difference of neighbouring
 * bins under the mask of the sign of u - x) and a clamp chain on doubles (the exact step
 * min(max((x - u) 2^2000, lo), hi) added to the first bin's points), both row block by row block.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ScorecardBenchmark {
    /** Rows per block of the chain variants. */
    static final int BLOCK = 1024;

    /** Number of customers. */
    @Param({"1000000"})
    public int rows;

    /** Number of indicators. */
    @Param({"20"})
    public int indicators;

    List<String> names;
    IndicatorTable table;
    double[][] columns;
    int[] labels;
    ScorecardModel card;
    ScorecardModel cardTwoThreads;
    double[] out;
    /** Per indicator on the card: upper bounds, first bin's points and the chains' per-cut tables. */
    double[][] cuts;
    long[] firstBits;
    long[][] bitSteps;
    double[] firstPoints;
    double[][] stepLow;
    double[][] stepHigh;
    double[][] stepScale;

    /** Builds the seeded data and fits the scorecard used for scoring. */
    @Setup(Level.Trial)
    public void setUp() {
        CreditData data = CreditData.generate(rows, indicators);
        names = data.names;
        columns = data.columns;
        labels = data.labels;
        table = data.table;
        card = Scorecard.withDefaults().withMinInformationValue(0).fit(table, labels);
        cardTwoThreads = card.withThreads(2);
        int m = card.bins().size();
        cuts = new double[m][];
        firstBits = new long[m];
        bitSteps = new long[m][];
        firstPoints = new double[m];
        stepLow = new double[m][];
        stepHigh = new double[m][];
        stepScale = new double[m][];
        for (int j = 0; j < m; j++) {
            cuts[j] = card.bins().get(j).upperBounds();
            double[] pts = card.points(card.indicatorNames().get(j));
            int k = cuts[j].length;
            firstBits[j] = Double.doubleToRawLongBits(pts[0]);
            firstPoints[j] = pts[0];
            bitSteps[j] = new long[k];
            stepLow[j] = new double[k];
            stepHigh[j] = new double[k];
            stepScale[j] = new double[k];
            for (int b = 0; b < k; b++) {
                bitSteps[j][b] = Double.doubleToRawLongBits(pts[b]) ^ Double.doubleToRawLongBits(pts[b + 1]);
                double d = pts[b + 1] - pts[b];
                if (pts[b] + d != pts[b + 1] || !(Math.abs(d) < 0x1p900)) {
                    throw new IllegalStateException("the clamp chain is not exact on this card");
                }
                // x > u: (x - u) 2^1000 2^1000 >= 2^926 >= |d| clamps to d; x <= u: to 0
                stepScale[j][b] = d >= 0 ? 0x1p1000 : -0x1p1000;
                stepLow[j][b] = d >= 0 ? 0 : d;
                stepHigh[j][b] = d >= 0 ? d : 0;
            }
        }
        out = new double[rows];
    }

    /**
     * Unpenalised IRLS logistic fit from primitive columns.
     *
     * @return the model
     */
    @Benchmark
    public LogisticModel fitLogistic() {
        return LogisticRegression.withDefaults().fit(names, columns, labels);
    }

    /**
     * The public call from a table: unpenalised IRLS logistic fit of the table's columns (read in place).
     *
     * @return the model
     */
    @Benchmark
    public LogisticModel fitLogisticTable() {
        return LogisticRegression.withDefaults().fit(table, labels);
    }

    /**
     * Unpenalised IRLS logistic fit from primitive columns, each pass on two threads (same bits as one).
     *
     * @return the model
     */
    @Benchmark
    public LogisticModel fitLogisticTwoThreads() {
        return LogisticRegression.withDefaults().withThreads(2).fit(names, columns, labels);
    }

    /**
     * The scorecard applied to every customer with the primitive kernel.
     *
     * @return the scores
     */
    @Benchmark
    public double[] scoreColumns() {
        card.scores(columns, out);
        return out;
    }

    /**
     * The scorecard applied to every customer with the primitive kernel on two threads (fixed row blocks; the
     * same bits).
     *
     * @return the scores
     */
    @Benchmark
    public double[] scoreColumnsTwoThreads() {
        cardTwoThreads.scores(columns, out);
        return out;
    }

    /**
     * The scorecard applied to every customer of the table (its columns read in place).
     *
     * @return the scores
     */
    @Benchmark
    public double[] scoreTable() {
        return card.scores(table);
    }

    /**
     * Variant: the blend chain on the points' bits, one pass per cut over a block of rows.
     *
     * @return the scores
     */
    @Benchmark
    public double[] scoreMaskChain() {
        int n = out.length;
        long[] acc = new long[BLOCK];
        for (int r0 = 0; r0 < n; r0 += BLOCK) {
            int len = Math.min(BLOCK, n - r0);
            java.util.Arrays.fill(out, r0, r0 + len, 0.0);
            for (int j = 0; j < cuts.length; j++) {
                double[] c = columns[j];
                java.util.Arrays.fill(acc, 0, len, firstBits[j]);
                for (int b = 0; b < cuts[j].length; b++) {
                    double u = cuts[j][b] + 0.0;
                    long step = bitSteps[j][b];
                    for (int i = 0; i < len; i++) {
                        acc[i] ^= step & (Double.doubleToRawLongBits(u - c[r0 + i]) >> 63);
                    }
                }
                for (int i = 0; i < len; i++) {
                    out[r0 + i] += Double.longBitsToDouble(acc[i]);
                }
            }
        }
        return out;
    }

    /**
     * Variant: the exact clamp chain on doubles, one pass per cut over a block of rows.
     *
     * @return the scores
     */
    @Benchmark
    public double[] scoreClampChain() {
        int n = out.length;
        double[] acc = new double[BLOCK];
        for (int r0 = 0; r0 < n; r0 += BLOCK) {
            int len = Math.min(BLOCK, n - r0);
            java.util.Arrays.fill(out, r0, r0 + len, 0.0);
            for (int j = 0; j < cuts.length; j++) {
                double[] c = columns[j];
                java.util.Arrays.fill(acc, 0, len, firstPoints[j]);
                for (int b = 0; b < cuts[j].length; b++) {
                    double u = cuts[j][b];
                    double scale = stepScale[j][b];
                    double lo = stepLow[j][b];
                    double hi = stepHigh[j][b];
                    for (int i = 0; i < len; i++) {
                        acc[i] += Math.min(Math.max((c[r0 + i] - u) * scale * 0x1p1000, lo), hi);
                    }
                }
                for (int i = 0; i < len; i++) {
                    out[r0 + i] += acc[i];
                }
            }
        }
        return out;
    }

    /**
     * Baseline: one read of every value.
     *
     * @return the sum
     */
    @Benchmark
    public double baselineSum() {
        return Baselines.sum(columns);
    }

    /**
     * Baseline: one read of every value on two threads (half the columns each).
     *
     * @return the sum
     */
    @Benchmark
    public double baselineSumTwoThreads() {
        return Baselines.sumTwoThreads(columns);
    }

    /**
     * Baseline: per-customer row sums into the output buffer.
     *
     * @return the row sums
     */
    @Benchmark
    public double[] baselineRowSums() {
        return Baselines.rowSums(columns, out);
    }
}
