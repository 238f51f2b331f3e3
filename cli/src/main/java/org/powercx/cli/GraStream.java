package org.powercx.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.powercx.core.CsvBlockReader;
import org.powercx.core.IndicatorStatistics;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Weights;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.grey.GreyRelationalModel;

/**
 * {@code powercx gra --stream}: a statistics pass and a scoring pass over the file, one block of rows in memory at
 * a time. The model fitted from the merged statistics equals the in-memory fit bit for bit, so every grade equals
 * the in-memory run's. By default the first pass also spools the parsed blocks (ids and values, in binary) into a
 * temporary file that the scoring pass reads instead of parsing the text again; without a spool the file is
 * parsed twice. Standard input ({@code -}) is read once, so it is always spooled; a file's spool is estimated
 * first ({@link SpoolSpace}) and refused if its disk clearly cannot take it. The scoring pass grades and formats
 * several blocks at once on worker threads and writes them in file order.
 */
final class GraStream {
    private GraStream() {
    }

    static void run(GraCommand command, GreyRelationalAnalysis gra, Writer out) throws IOException {
        Path directory = command.spoolDirectory();
        // created before the first pass, so that a directory that cannot take it fails before any reading
        try (BlockSpool spool = directory == null ? null : BlockSpool.create(directory)) {
            if (spool != null && !Inputs.isStandardInput(command.file())) {
                SpoolSpace.check(directory, command.file(), command.reader());
            }
            run(command, gra, spool, out);
        }
    }

    private static void run(GraCommand command, GreyRelationalAnalysis gra, BlockSpool spool, Writer out)
            throws IOException {
        Weights weights = null;
        // the statistics and the spool take the blocks in file order on one thread behind the reader, so that
        // the merge order (and the fitted model) is that of the in-memory run
        Summary summary = new Summary(spool);
        ExecutorService behind = Executors.newSingleThreadExecutor(daemon("powercx-gra-statistics"));
        try (CsvBlockReader blocks = command.blocks()) {
            Deque<Future<Void>> pending = new ArrayDeque<>();
            while (blocks.hasNext()) {
                IndicatorTable block = blocks.next();
                if (weights == null) {
                    weights = command.weights(block);
                }
                pending.add(behind.submit(() -> summary.add(block)));
                if (pending.size() > IN_FLIGHT) {
                    take(pending.poll());
                }
            }
            while (!pending.isEmpty()) {
                take(pending.poll());
            }
        } finally {
            stop(behind);
        }
        IndicatorStatistics statistics = summary.statistics;
        if (statistics == null || statistics.count() == 0) {
            throw new CliException("%s: no customer rows", command.source());
        }
        GreyRelationalModel model;
        try {
            model = gra.fit(statistics, weights);
        } catch (IllegalArgumentException e) {
            throw new CliException("%s: %s", command.source(), e.getMessage());
        }
        Integer top = command.top();
        if (spool != null) {
            spool.rewind();
            Pass pass = () -> {
                BlockSpool.Block b = spool.next();
                return b == null ? null : () -> format(model, b);
            };
            if (top == null) {
                writeAll(pass, out);
            } else {
                writeTop(top, spool, model, out);
            }
            return;
        }
        try (CsvBlockReader blocks = command.blocks()) {
            if (top == null) {
                writeAll(() -> {
                    if (!blocks.hasNext()) {
                        return null;
                    }
                    IndicatorTable b = blocks.next();
                    return () -> format(model, b);
                }, out);
            } else {
                writeTop(top, blocks, model, out);
            }
        }
    }

    /** The first pass's statistics, and its spool; added to by one thread. */
    private static final class Summary {
        private final BlockSpool spool;
        private IndicatorStatistics statistics;

        Summary(BlockSpool spool) {
            this.spool = spool;
        }

        Void add(IndicatorTable block) {
            if (statistics == null) {
                statistics = IndicatorStatistics.empty(block.indicators());
            }
            statistics = statistics.add(block);
            if (spool != null) {
                spool.write(block);
            }
            return null;
        }
    }

    /** Stops the threads, waiting for a task that is running (one writing to the spool before it is deleted). */
    private static void stop(ExecutorService threads) {
        threads.shutdownNow();
        try {
            threads.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The blocks of the scoring pass, each as the formatting of its lines; null after the last. */
    @FunctionalInterface
    private interface Pass {
        Callable<Lines> next();
    }

    /** Threads formatting blocks of output lines at once, and blocks in flight per thread. */
    private static final int FORMAT_THREADS = 4;
    private static final int IN_FLIGHT = 2;

    /**
     * Writes {@code id,grade} lines in file order. Blocks are graded and formatted on worker threads, several at
     * once, and written in the order read.
     */
    private static void writeAll(Pass pass, Writer out) throws IOException {
        out.write("id,grade\n");
        int threads = Math.max(1, Math.min(FORMAT_THREADS, Runtime.getRuntime().availableProcessors()));
        if (threads == 1) {
            for (Callable<Lines> task = pass.next(); task != null; task = pass.next()) {
                call(task).writeTo(out);
            }
            return;
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemon("powercx-gra-format"));
        try {
            Deque<Future<Lines>> pending = new ArrayDeque<>();
            for (Callable<Lines> task = pass.next(); task != null; task = pass.next()) {
                pending.add(workers.submit(task));
                if (pending.size() >= threads * IN_FLIGHT) {
                    take(pending.poll()).writeTo(out);
                }
            }
            while (!pending.isEmpty()) {
                take(pending.poll()).writeTo(out);
            }
        } finally {
            stop(workers);
        }
    }

    private static Lines call(Callable<Lines> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T take(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while writing grades");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The {@code id,grade} lines of a block read back from the spool. */
    private static Lines format(GreyRelationalModel model, BlockSpool.Block b) {
        int n = b.rows();
        double[] g = new double[n];
        model.grades(b.columns(), 0, n, g, 0);
        char[] ids = b.idChars();
        Lines lines = new Lines();
        for (int i = 0; i < n; i++) {
            int from = b.idStart(i);
            int to = b.idEnds()[i];
            if (plain(ids, from, to)) {
                lines.text.append(ids, from, to - from);
            } else {
                lines.text.append(csvField(b.id(i)));
            }
            DecimalText.append(lines.text.append(','), g[i]).append('\n');
            lines.cut();
        }
        return lines.done();
    }

    /** The {@code id,grade} lines of a block read from the file. */
    private static Lines format(GreyRelationalModel model, IndicatorTable b) {
        double[] g = model.grades(b);
        Lines lines = new Lines();
        for (int i = 0; i < g.length; i++) {
            DecimalText.append(appendField(lines.text, b.id(i)).append(','), g[i]).append('\n');
            lines.cut();
        }
        return lines.done();
    }

    /**
     * A block's output lines in chunks of about {@link #CHUNK} characters, formatted in a builder each worker thread
     * reuses: a block's text in one array would be a large object for the collector of a small heap.
     */
    private static final class Lines {
        private static final ThreadLocal<StringBuilder> BUILDER =
            ThreadLocal.withInitial(() -> new StringBuilder(CHUNK + 512));
        final StringBuilder text = BUILDER.get();
        private final List<char[]> chunks = new ArrayList<>();

        Lines() {
            text.setLength(0);
        }

        /** Moves the text gathered so far into a chunk once it reaches the chunk size. */
        void cut() {
            if (text.length() >= CHUNK) {
                flush();
            }
        }

        private void flush() {
            char[] c = new char[text.length()];
            text.getChars(0, c.length, c, 0);
            chunks.add(c);
            text.setLength(0);
        }

        Lines done() {
            if (text.length() > 0) {
                flush();
            }
            return this;
        }

        void writeTo(Writer out) throws IOException {
            for (char[] c : chunks) {
                out.write(c, 0, c.length);
            }
        }
    }

    /** Characters per chunk of output. */
    private static final int CHUNK = 1 << 15;

    private static boolean plain(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    /** Writes the {@code top} best customers read back from the spool. */
    private static void writeTop(int top, BlockSpool spool, GreyRelationalModel model, Writer out)
            throws IOException {
        Best.Keeper keeper = new Best.Keeper(top);
        for (BlockSpool.Block b = spool.next(); b != null; b = spool.next()) {
            double[] g = new double[b.rows()];
            model.grades(b.columns(), 0, b.rows(), g, 0);
            BlockSpool.Block block = b;
            keeper.offer(g, block::id);
        }
        keeper.write(out);
    }

    /** Writes the {@code top} best customers of the file's blocks. */
    private static void writeTop(int top, CsvBlockReader blocks, GreyRelationalModel model, Writer out)
            throws IOException {
        Best.Keeper keeper = new Best.Keeper(top);
        while (blocks.hasNext()) {
            IndicatorTable b = blocks.next();
            keeper.offer(model.grades(b), b::id);
        }
        keeper.write(out);
    }

    /** One of the best customers so far: grade, file position, id. */
    private record Best(double grade, long position, String id) {
        /** Keeps the best; the worst of the kept ones at the head: lower grade, or equal grade and later. */
        private static final class Keeper {
            private final int top;
            private final PriorityQueue<Best> best;
            private long position;

            Keeper(int top) {
                this.top = top;
                this.best = new PriorityQueue<>(top + 1, (a, b) -> {
                    int c = Double.compare(a.grade(), b.grade());
                    return c != 0 ? c : Long.compare(b.position(), a.position());
                });
            }

            void offer(double[] grades, IntFunction<String> ids) {
                for (int i = 0; i < grades.length; i++) {
                    long at = position++;
                    double grade = grades[i];
                    if (best.size() < top) {
                        best.add(new Best(grade, at, ids.apply(i)));
                    } else if (grade > best.peek().grade()) {
                        best.poll();
                        best.add(new Best(grade, at, ids.apply(i)));
                    }
                }
            }

            void write(Writer out) throws IOException {
                List<Best> sorted = new ArrayList<>(best);
                sorted.sort((a, b) -> {
                    int c = Double.compare(b.grade(), a.grade());
                    return c != 0 ? c : Long.compare(a.position(), b.position());
                });
                out.write("rank,id,grade\n");
                for (int r = 0; r < sorted.size(); r++) {
                    out.write((r + 1) + "," + csvField(sorted.get(r).id()) + "," + sorted.get(r).grade() + "\n");
                }
            }
        }
    }

    /** Appends {@code s} as {@link #csvField} writes it. */
    private static StringBuilder appendField(StringBuilder to, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return to.append(csvField(s));
            }
        }
        return to.append(s);
    }

    private static String csvField(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
