package org.powercx.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.powercx.core.CsvBlockReader;
import org.powercx.core.IndicatorTable;
import org.powercx.core.internal.AtomicFiles;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.DiscriminantModel;
import org.powercx.credit.ScorecardModel;
import org.powercx.segmentation.CustomerModel;
import org.powercx.segmentation.CustomerScores;

/**
 * The {@code --stream} paths of the commands that score with a saved model ({@code credit score --model},
 * {@code credit scorecard score --model}, {@code segment apply --model}): the CSV file is read in blocks of rows,
 * each block is scored and its lines are written before the next block is read, so memory holds one block
 * whatever the file's size. Each row is scored by itself, so the lines are those of the in-memory run's
 * {@code -f csv} output, byte for byte.
 */
final class ScoreStreams {
    /** Characters gathered before they are handed to the writer. */
    private static final int FLUSH_CHARS = 1 << 16;

    private ScoreStreams() {
    }

    /**
     * Writes a streamed result to the command's {@code -o} file (replaced only once all of it is written) or to
     * its standard output.
     *
     * @param command the command, for its output options
     * @param body what to write
     * @throws IOException if standard output cannot be written
     * @throws CliException if the output file cannot be written
     */
    static void write(Base command, AtomicFiles.Body body) throws IOException {
        if (command.output != null) {
            try {
                AtomicFiles.write(command.output, body);
            } catch (IOException e) {
                throw new CliException("%s: cannot write: %s", command.output, e.getMessage());
            }
        } else {
            java.io.PrintWriter out = command.spec.commandLine().getOut();
            body.writeTo(out);
            out.flush();
        }
    }

    /**
     * {@code credit score --model --stream}: the scores table and the cut-off note of {@code -f csv}.
     *
     * @param opened the blocks of the file, closed here
     * @param m the saved discriminant
     * @param grades the saved grade scale
     * @param file the file (or standard input), for messages
     * @param out where the CSV goes
     * @throws IOException if writing fails
     * @throws CliException naming the file if it has no rows or a row cannot be scored
     */
    static void credit(CsvBlockReader opened, DiscriminantModel m, CreditGrades grades, Object file, Writer out)
            throws IOException {
        try (CsvBlockReader blocks = opened) {
            StringBuilder sb = new StringBuilder(FLUSH_CHARS + 4096);
            List<Object> row = Arrays.asList(new Object[CreditCommand.SCORE_HEADER.size()]);
            long rows = 0;
            while (blocks.hasNext()) {
                IndicatorTable t = blocks.next();
                if (rows == 0) {
                    Output.line(sb, CreditCommand.SCORE_HEADER);
                }
                double[] z;
                double[] p;
                int[] predicted;
                try {
                    z = m.scores(t);
                    p = m.defaultProbabilities(t);
                    predicted = m.predict(t);
                } catch (IllegalArgumentException e) {
                    throw new CliException("%s: %s", file, e.getMessage());
                }
                for (int i = 0; i < z.length; i++) {
                    row.set(0, t.id(i));
                    row.set(1, z[i]);
                    row.set(2, p[i]);
                    row.set(3, predicted[i]);
                    row.set(4, grades.name(z[i]));
                    Output.line(sb, row);
                    flushIfFull(sb, out);
                }
                rows += z.length;
            }
            if (rows == 0) {
                throw new CliException("%s: no customer rows", file);
            }
            sb.append("\n# ").append(CreditCommand.cutoffNote(grades)).append('\n');
            out.append(sb);
        }
    }

    /**
     * {@code credit scorecard score --model --stream}: the scores table of {@code -f csv}.
     *
     * @param opened the blocks of the file, closed here
     * @param m the saved scorecard
     * @param file the file (or standard input), for messages
     * @param out where the CSV goes
     * @throws IOException if writing fails
     * @throws CliException naming the file if it has no rows or a row cannot be scored
     */
    static void scorecard(CsvBlockReader opened, ScorecardModel m, Object file, Writer out) throws IOException {
        try (CsvBlockReader blocks = opened) {
            StringBuilder sb = new StringBuilder(FLUSH_CHARS + 4096);
            List<Object> row = Arrays.asList(new Object[ScorecardCommand.SCORE_HEADER.size()]);
            long rows = 0;
            while (blocks.hasNext()) {
                IndicatorTable t = blocks.next();
                if (rows == 0) {
                    Output.line(sb, ScorecardCommand.SCORE_HEADER);
                }
                double[][] scored = ScorecardCommand.scoresAndProbabilities(m, t, file);
                double[] score = scored[0];
                double[] p = scored[1];
                for (int i = 0; i < score.length; i++) {
                    row.set(0, t.id(i));
                    row.set(1, score[i]);
                    row.set(2, p[i]);
                    Output.line(sb, row);
                    flushIfFull(sb, out);
                }
                rows += score.length;
            }
            if (rows == 0) {
                throw new CliException("%s: no customer rows", file);
            }
            out.append(sb);
        }
    }

    /**
     * {@code segment apply --model --stream}: the customers and service measures tables of {@code -f csv}; the
     * measure rows are kept in a temporary file until the customers are written.
     *
     * @param opened the blocks of the file, closed here
     * @param m the saved model
     * @param file the file (or standard input), for messages
     * @param out where the CSV goes
     * @throws IOException if writing or the temporary file fails
     * @throws CliException naming the file if it has no rows or a row cannot be scored
     */
    static void segments(CsvBlockReader opened, CustomerModel m, Object file, Writer out) throws IOException {
        Path spool = Files.createTempFile("powercx-measures", ".csv");
        try {
            long rows = 0;
            try (CsvBlockReader blocks = opened;
                 BufferedWriter measures = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
                StringBuilder sb = new StringBuilder(FLUSH_CHARS + 4096);
                StringBuilder ms = new StringBuilder(FLUSH_CHARS + 4096);
                List<Object> pair = Arrays.asList(new Object[2]);
                while (blocks.hasNext()) {
                    IndicatorTable t = blocks.next();
                    CustomerScores s;
                    try {
                        s = m.apply(t);
                    } catch (IllegalArgumentException e) {
                        throw new CliException("%s: %s", file, e.getMessage());
                    }
                    SegmentCommand.CustomerRows c = SegmentCommand.CustomerRows.of(s);
                    if (rows == 0) {
                        sb.append("# customers\n");
                        Output.line(sb, c.header());
                    }
                    for (int i = 0; i < c.size(); i++) {
                        Output.line(sb, c.row(i));
                        flushIfFull(sb, out);
                        pair.set(0, c.id(i));
                        for (String measure : c.measures(i)) {
                            pair.set(1, measure);
                            Output.line(ms, pair);
                        }
                        flushIfFull(ms, measures);
                    }
                    rows += c.size();
                }
                if (rows == 0) {
                    throw new CliException("%s: no customer rows", file);
                }
                out.append(sb);
                measures.append(ms);
            }
            out.write("\n# service measures\nid,measure\n");
            try (Reader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
                in.transferTo(out);
            }
            out.write("\n# " + String.format(java.util.Locale.ROOT, "%,d customers streamed; the segment summary "
                + "(medians) needs them all at once: run without --stream for it", rows) + "\n");
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private static void flushIfFull(StringBuilder sb, Writer out) throws IOException {
        if (sb.length() >= FLUSH_CHARS) {
            out.append(sb);
            sb.setLength(0);
        }
    }
}
