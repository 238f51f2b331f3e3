package org.powercx.grey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorStatistics;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Weights;

/**
 * A generated stream of rows whose table would not fit the heap is fitted from statistics and scored block by
 * block in a forked JVM with a 16 MB heap; its grades equal, bit for bit, those of the in-memory evaluation in
 * this JVM.
 */
class GreyStreamingMemoryTest {
    private static final int ROWS = 600_000;
    private static final int COLUMNS = 16;
    private static final int BLOCK = 4_096;
    private static final long SEED = 20261204L;

    /** The rows [from, from + len) of the generated data, as a table. */
    static IndicatorTable block(int from, int len) {
        List<Indicator> inds = new ArrayList<>();
        double[][] cols = new double[COLUMNS][len];
        for (int j = 0; j < COLUMNS; j++) {
            inds.add(j % 4 == 1 ? Indicator.cost("x" + j) : j % 4 == 3 ? Indicator.target("x" + j, 50)
                : Indicator.benefit("x" + j));
            // each column's values come from its own generator split off by row, so blocks regenerate exactly
            for (int i = 0; i < len; i++) {
                SplittableRandom r = new SplittableRandom(SEED * 31 + (long) (from + i) * COLUMNS + j);
                cols[j][i] = Math.floor(r.nextDouble(0, 100) * 1000) / 1000;
            }
        }
        List<String> ids = new ArrayList<>(len);
        for (int i = 0; i < len; i++) {
            ids.add("c" + (from + i));
        }
        return IndicatorTable.ofColumns(inds, ids, cols);
    }

    /** Entry point of the forked JVM: fits from statistics, scores, prints count and a digest of the grades. */
    public static final class Main {
        private Main() {
        }

        /**
         * Runs the two passes.
         *
         * @param args none
         */
        public static void main(String[] args) {
            IndicatorStatistics s = null;
            for (int from = 0; from < ROWS; from += BLOCK) {
                IndicatorTable b = block(from, Math.min(BLOCK, ROWS - from));
                s = s == null ? IndicatorStatistics.of(b) : s.add(b);
            }
            GreyRelationalModel model = GreyRelationalAnalysis.withDefaults()
                .fit(s, Weights.equal(s.indicators().stream().map(Indicator::name).toList()));
            long digest = 0;
            for (int from = 0; from < ROWS; from += BLOCK) {
                for (double g : model.grades(block(from, Math.min(BLOCK, ROWS - from)))) {
                    digest = digest * 31 + Double.doubleToLongBits(g);
                }
            }
            System.out.println(s.count() + " " + digest + " " + Runtime.getRuntime().maxMemory());
        }
    }

    @Test
    void fitsAndScoresAStreamLargerThanTheHeap(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("fork.log");
        Process p = new ProcessBuilder(java, "-Xmx16m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
            Main.class.getName()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        IndicatorTable whole = block(0, ROWS);
        double[] grades = GreyRelationalAnalysis.withDefaults().evaluate(whole).grades();
        long digest = 0;
        for (double g : grades) {
            digest = digest * 31 + Double.doubleToLongBits(g);
        }
        long columnBytes = 8L * ROWS * COLUMNS;
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the streaming fit did not finish in 300 s");
        }
        String out = Files.readString(log, StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).as(out).isZero();
        String[] parts = out.split(" ");
        assertThat(parts[0]).isEqualTo(String.valueOf(ROWS));
        assertThat(parts[1]).as("digest of all grades").isEqualTo(String.valueOf(digest));
        // the columns alone are several times the forked heap: the passes held one block at a time
        assertThat(Long.parseLong(parts[2])).isLessThan(columnBytes / 3);
    }
}
