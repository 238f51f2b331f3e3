package org.powercx.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.powercx.core.CsvBlockReader;
import org.powercx.core.IndicatorStatistics;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Weights;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.grey.GreyRelationalModel;

/**
 * {@code powercx gra --stream}: a statistics pass and a scoring pass over the file, one block of rows in memory at
 * a time. The model fitted from the merged statistics equals the in-memory fit bit for bit, so every grade equals
 * the in-memory run's.
 */
final class GraStream {
    private GraStream() {
    }

    /** One of the best customers so far: grade, file position, id. */
    private record Best(double grade, long position, String id) {
    }

    static void run(GraCommand command, GreyRelationalAnalysis gra, Writer out) throws IOException {
        IndicatorStatistics statistics = null;
        Weights weights = null;
        try (CsvBlockReader blocks = command.blocks()) {
            while (blocks.hasNext()) {
                IndicatorTable block = blocks.next();
                if (statistics == null) {
                    statistics = IndicatorStatistics.empty(block.indicators());
                    weights = command.weights(block);
                }
                statistics = statistics.add(block);
            }
        }
        if (statistics == null || statistics.count() == 0) {
            throw new CliException("%s: no customer rows", command.file());
        }
        GreyRelationalModel model;
        try {
            model = gra.fit(statistics, weights);
        } catch (IllegalArgumentException e) {
            throw new CliException("%s: %s", command.file(), e.getMessage());
        }
        Integer top = command.top();
        try (CsvBlockReader blocks = command.blocks()) {
            if (top == null) {
                out.write("id,grade\n");
                // lines are gathered and written a chunk at a time; StringBuilder.append(double) prints what
                // Double.toString prints without making a String per grade
                StringBuilder chunk = new StringBuilder(CHUNK + 256);
                char[] chars = new char[CHUNK + 256];
                model.score(blocks, (id, grade) -> {
                    appendField(chunk, id).append(',').append(grade).append('\n');
                    if (chunk.length() >= CHUNK) {
                        drain(chunk, chars, out);
                    }
                });
                drain(chunk, chars, out);
            } else {
                // worst of the kept ones at the head: lower grade, or equal grade and later in the file
                PriorityQueue<Best> best = new PriorityQueue<>(top + 1, (a, b) -> {
                    int c = Double.compare(a.grade(), b.grade());
                    return c != 0 ? c : Long.compare(b.position(), a.position());
                });
                long[] position = {0};
                model.score(blocks, (id, grade) -> {
                    long at = position[0]++;
                    if (best.size() < top) {
                        best.add(new Best(grade, at, id));
                    } else if (grade > best.peek().grade()) {
                        best.poll();
                        best.add(new Best(grade, at, id));
                    }
                });
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
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Characters gathered before they are handed to the writer. */
    private static final int CHUNK = 1 << 15;

    private static void drain(StringBuilder chunk, char[] chars, Writer out) {
        int n = chunk.length();
        char[] buffer = n <= chars.length ? chars : new char[n];
        chunk.getChars(0, n, buffer, 0);
        chunk.setLength(0);
        try {
            out.write(buffer, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
