package org.powercx.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorStatistics;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Weights;
import org.powercx.credit.DiscriminantModel;
import org.powercx.credit.DiscriminantStatistics;
import org.powercx.credit.LinearDiscriminant;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.grey.GreyRelationalModel;

/**
 * A timed harness (not JMH: one run is minutes long) of fitting and scoring through the public API in bounded
 * memory: customers are generated block by block (65,536 rows of 16 indicators, each block from its own seed,
 * never the whole data at once), a first pass adds every block to the mergeable statistics of grey relational
 * analysis ({@link IndicatorStatistics}) and of the linear discriminant ({@link DiscriminantStatistics}), both
 * models are fitted from the statistics, and a second pass regenerates the blocks and scores them with both
 * models' column kernels. It prints each pass's time and rate, the checksums of the scores and the heap and
 * resident-memory peaks. Arguments: rows (default 10^8). Run it with a small heap, as docs/performance.md shows;
 * it is not part of the test phase (a test runs it on a few blocks against the in-memory fit).
 */
public final class StreamingFitHarness {
    /** Rows per generated block, the statistics' chunk size, so that the merged fits equal the in-memory ones. */
    static final int BLOCK_ROWS = 65_536;
    /** Indicators per customer. */
    static final int INDICATORS = 16;

    private StreamingFitHarness() {
    }

    /** What a run produced: the two fitted models and the sums of their scores. */
    record Outcome(GreyRelationalModel grey, DiscriminantModel discriminant, double gradeSum, double scoreSum) {
    }

    /** The indicators x0..x15, benefit type. */
    static List<Indicator> indicators() {
        List<Indicator> list = new ArrayList<>();
        for (int j = 0; j < INDICATORS; j++) {
            list.add(Indicator.benefit("x" + j));
        }
        return list;
    }

    /**
     * Block k of the customers: values uniform on [0, 10) and a default label from the first three indicators
     * plus noise, all from seed 12345 + k.
     *
     * @param k the block
     * @param rows rows in the block
     * @param columns receives the values, one array per indicator of at least rows
     * @param labels receives the labels, at least rows
     */
    static void block(long k, int rows, double[][] columns, int[] labels) {
        SplittableRandom random = new SplittableRandom(12345L + k);
        for (int i = 0; i < rows; i++) {
            double risk = 0;
            for (int j = 0; j < INDICATORS; j++) {
                double v = random.nextDouble() * 10;
                columns[j][i] = v;
                if (j < 3) {
                    risk += v;
                }
            }
            labels[i] = risk + random.nextDouble() * 10 > 20 ? 1 : 0;
        }
    }

    /**
     * The block as a table (ids c&lt;row&gt;) of the first {@code rows} values; the table copies the columns, so
     * only a partial block is cut to length first.
     */
    static IndicatorTable table(List<Indicator> indicators, long firstRow, int rows, double[][] columns) {
        List<String> ids = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            ids.add("c" + (firstRow + i));
        }
        double[][] cols = columns;
        if (columns[0].length != rows) {
            cols = new double[INDICATORS][];
            for (int j = 0; j < INDICATORS; j++) {
                cols[j] = java.util.Arrays.copyOf(columns[j], rows);
            }
        }
        return IndicatorTable.ofColumns(indicators, ids, cols);
    }

    /**
     * Fits both models over the generated rows and scores every row, in two passes of blocks.
     *
     * @param rows customers, at least one
     * @param log where progress lines go, or null
     * @return the models and score sums
     */
    static Outcome run(long rows, java.io.PrintStream log) {
        List<Indicator> indicators = indicators();
        double[][] columns = new double[INDICATORS][BLOCK_ROWS];
        int[] labels = new int[BLOCK_ROWS];
        long blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
        long t0 = System.nanoTime();
        IndicatorStatistics grey = IndicatorStatistics.empty(indicators);
        DiscriminantStatistics lda = DiscriminantStatistics.empty(indicators);
        for (long k = 0; k < blocks; k++) {
            int n = (int) Math.min(BLOCK_ROWS, rows - k * BLOCK_ROWS);
            block(k, n, columns, labels);
            IndicatorTable t = table(indicators, k * BLOCK_ROWS, n, columns);
            grey = grey.add(t);
            lda = lda.add(t, n == BLOCK_ROWS ? labels : java.util.Arrays.copyOf(labels, n));
        }
        GreyRelationalModel greyModel = GreyRelationalAnalysis.withDefaults().fit(grey,
            Weights.equal(names(indicators)));
        DiscriminantModel ldaModel = LinearDiscriminant.withDefaults().fit(lda);
        long t1 = System.nanoTime();
        double[] grades = new double[BLOCK_ROWS];
        double[] scores = new double[BLOCK_ROWS];
        double gradeSum = 0;
        double scoreSum = 0;
        double[][] view = new double[INDICATORS][];
        for (long k = 0; k < blocks; k++) {
            int n = (int) Math.min(BLOCK_ROWS, rows - k * BLOCK_ROWS);
            block(k, n, columns, labels);
            greyModel.grades(columns, 0, n, grades, 0);
            for (int j = 0; j < INDICATORS; j++) {
                view[j] = n == BLOCK_ROWS ? columns[j] : java.util.Arrays.copyOf(columns[j], n);
            }
            double[] blockScores = n == BLOCK_ROWS ? scores : new double[n];
            ldaModel.scores(view, blockScores);
            for (int i = 0; i < n; i++) {
                gradeSum += grades[i];
                scoreSum += blockScores[i];
            }
        }
        long t2 = System.nanoTime();
        if (log != null) {
            log.printf(Locale.ROOT, "rows %d in %d blocks: fit pass %.1f s (%.0f rows/s), score pass %.1f s "
                + "(%.0f rows/s)%n", rows, blocks, (t1 - t0) / 1e9, rows / ((t1 - t0) / 1e9), (t2 - t1) / 1e9,
                rows / ((t2 - t1) / 1e9));
        }
        return new Outcome(greyModel, ldaModel, gradeSum, scoreSum);
    }

    private static List<String> names(List<Indicator> indicators) {
        List<String> names = new ArrayList<>();
        for (Indicator i : indicators) {
            names.add(i.name());
        }
        return names;
    }

    /** The resident-set peak of this process in kB from /proc/self/status, or -1 where there is none. */
    static long peakResidentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Runs the two passes and prints times, checksums and memory peaks.
     *
     * @param args rows (default 100,000,000)
     */
    public static void main(String[] args) {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 100_000_000L;
        Outcome o = run(rows, System.out);
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "grade sum %.6f, discriminant score sum %.6f; max heap %d MB, "
            + "peak resident %d MB%n", o.gradeSum(), o.scoreSum(), rt.maxMemory() >> 20, peakResidentKb() >> 10);
    }
}
