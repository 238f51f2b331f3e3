package org.powercx.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.AbstractList;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.powercx.core.TextTable;

/**
 * The text that commands print for every customer: {@link TextTable#number} on grades in (0, 1], against its
 * definition computed with {@code BigDecimal} (the in-run baseline it replaced) and {@code Double.toString}; and
 * a ranking table of {@code rows} customers written line by line from rows made on demand, against rendering the
 * held rows into one string.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TextTableBenchmark {
    private static final MathContext SIX_DIGITS = new MathContext(6);
    private static final List<String> HEADER = List.of("rank", "id", "grade");

    /** Number of customers. */
    @Param({"100000"})
    public int rows;

    double[] grades;
    String[] ids;

    /** Seeded grades and ids. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        grades = new double[rows];
        ids = new String[rows];
        for (int i = 0; i < rows; i++) {
            grades[i] = 0.3 + 0.7 * rnd.nextDouble();
            ids[i] = "c" + i;
        }
    }

    /** The length of every grade's text, six significant digits. */
    @Benchmark
    public long number() {
        long length = 0;
        for (double g : grades) {
            length += TextTable.number(g).length();
        }
        return length;
    }

    /** The same text from the exact decimal value by {@code BigDecimal}: the definition and former code. */
    @Benchmark
    public long numberByBigDecimal() {
        long length = 0;
        for (double g : grades) {
            length += new BigDecimal(g).round(SIX_DIGITS).stripTrailingZeros().toPlainString().length();
        }
        return length;
    }

    /** The shortest text that reads back as the same double: what CSV output writes. */
    @Benchmark
    public long shortestText() {
        long length = 0;
        for (double g : grades) {
            length += Double.toString(g).length();
        }
        return length;
    }

    /** The ranking table written line by line from rows made on demand, into a writer that counts chars. */
    @Benchmark
    public long renderRowsOnDemand() throws IOException {
        Counter out = new Counter();
        TextTable.render(HEADER, new AbstractList<List<String>>() {
            @Override
            public List<String> get(int k) {
                return List.of(Integer.toString(k + 1), ids[k], TextTable.number(grades[k]));
            }

            @Override
            public int size() {
                return rows;
            }
        }, out);
        return out.chars;
    }

    /** The rows held as strings and rendered into one string, as commands did before. */
    @Benchmark
    public long renderHeldRows() {
        List<List<String>> held = new java.util.ArrayList<>(rows);
        for (int k = 0; k < rows; k++) {
            held.add(List.of(Integer.toString(k + 1), ids[k], TextTable.number(grades[k])));
        }
        return TextTable.render(HEADER, held).length();
    }

    /** A writer that only counts what it is given. */
    static final class Counter extends Writer {
        long chars;

        @Override
        public void write(char[] buf, int off, int len) {
            chars += len;
        }

        @Override
        public Writer append(CharSequence text) {
            chars += text.length();
            return this;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
