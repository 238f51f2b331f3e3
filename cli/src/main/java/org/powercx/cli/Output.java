package org.powercx.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.powercx.core.TextTable;

/**
 * What a command prints: titled tables and notes, rendered as text, CSV or JSON. Cells are strings, numbers or
 * booleans: numbers print with {@link TextTable#number} in text, in full in CSV and as JSON numbers in JSON;
 * booleans as yes/NO in text and true/false in CSV and JSON. A cell without a value ({@link #NONE}, "-" in
 * text) and a number that is not finite are null in JSON, as JSON has no infinity; a missing cell is empty in
 * CSV. Notes are comment lines starting with {@code #} in CSV and the {@code notes} array in JSON.
 *
 * <p>A table of one row per customer can take its rows on demand ({@link #rows}); rendering writes line by line,
 * so such a table is never held as text or as boxed cells.
 *
 * @since 0.1.0
 */
final class Output {
    /** Doubles written as {@link DecimalText} writes them, the same text on every Java version. */
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
        .build();

    /** The cell of a value that does not exist (the median of an empty group): "-" in text. */
    static final String NONE = "-";

    private final List<Table> tables = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** A titled table: a header and rows of strings or numbers, held or made on demand. */
    private static final class Table {
        final String title;
        final List<String> header;
        List<List<Object>> rows = new ArrayList<>();

        Table(String title, List<String> header) {
            this.title = title;
            this.header = header;
        }

        /** The cells of a row, if there are as many as the header has. */
        Object[] checkWidth(Object[] cells) {
            if (cells.length != header.size()) {
                throw new IllegalStateException("row of " + cells.length + " cells in table '" + title + "'");
            }
            return cells;
        }
    }

    /**
     * Starts a new table; following {@link #row} calls add to it.
     *
     * @param title the table's title, also its JSON key
     * @param header column titles
     * @return this
     */
    public Output table(String title, String... header) {
        for (Table t : tables) {
            if (t.title.equals(title)) {
                // one JSON key per table
                throw new IllegalStateException("a second table titled '" + title + "'");
            }
        }
        tables.add(new Table(title, List.of(header)));
        return this;
    }

    /**
     * Adds a row to the last table.
     *
     * @param cells strings or numbers, as many as the header
     * @return this
     * @throws IllegalStateException if no table was started or the row length is wrong
     */
    public Output row(Object... cells) {
        Table t = tables.get(tables.size() - 1);
        t.checkWidth(cells);
        t.rows.add(Arrays.asList(cells.clone()));
        return this;
    }

    /**
     * Gives the last table, still empty, rows made on demand: rendering asks for each row twice in text (once for
     * the column widths) and once in CSV and JSON, so the function must return the same cells each time.
     *
     * @param count how many rows
     * @param row the cells of row k in [0, count), as many as the header
     * @return this
     * @throws IllegalStateException if no table was started or it already has rows
     */
    public Output rows(int count, IntFunction<Object[]> row) {
        Table t = tables.get(tables.size() - 1);
        if (!t.rows.isEmpty()) {
            throw new IllegalStateException("table '" + t.title + "' already has rows");
        }
        t.rows = new AbstractList<>() {
            @Override
            public List<Object> get(int k) {
                return Arrays.asList(t.checkWidth(row.apply(k)));
            }

            @Override
            public int size() {
                return count;
            }
        };
        return this;
    }

    /**
     * Adds a note: a line of advice or a summary figure.
     *
     * @param format a pattern, formatted with the root locale
     * @param args its arguments
     * @return this
     */
    public Output note(String format, Object... args) {
        notes.add(String.format(java.util.Locale.ROOT, format, args));
        return this;
    }

    /**
     * The notes so far.
     *
     * @return a copy
     */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Renders everything.
     *
     * @param format the format
     * @return the text, ending in a newline
     */
    public String render(Format format) {
        StringWriter text = new StringWriter();
        try {
            render(format, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * Writes everything, line by line.
     *
     * @param format the format
     * @param out where the text goes, ending in a newline; not closed
     * @throws IOException if writing fails
     */
    public void render(Format format, Writer out) throws IOException {
        switch (format) {
            case CSV:
                csv(out);
                break;
            case JSON:
                json(out);
                break;
            default:
                text(out);
        }
        out.flush();
    }

    private static String cell(Object o) {
        if (o instanceof Boolean) {
            return (Boolean) o ? "yes" : "NO";
        }
        if (o instanceof Number) {
            return TextTable.number(((Number) o).doubleValue());
        }
        return String.valueOf(o);
    }

    private void text(Writer out) throws IOException {
        boolean first = true;
        for (Table t : tables) {
            if (!first) {
                out.write('\n');
            }
            first = false;
            out.write(t.title);
            out.write('\n');
            List<List<Object>> rows = t.rows;
            TextTable.render(t.header, new AbstractList<List<String>>() {
                @Override
                public List<String> get(int k) {
                    List<Object> r = rows.get(k);
                    String[] cells = new String[r.size()];
                    for (int c = 0; c < cells.length; c++) {
                        cells[c] = cell(r.get(c));
                    }
                    return Arrays.asList(cells);
                }

                @Override
                public int size() {
                    return rows.size();
                }
            }, out);
        }
        if (!notes.isEmpty()) {
            if (!first) {
                out.write('\n');
            }
            for (String n : notes) {
                out.write(n);
                out.write('\n');
            }
        }
    }

    private static String csvField(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private void csv(Writer out) throws IOException {
        boolean titled = tables.size() > 1;
        boolean written = false;
        StringBuilder sb = new StringBuilder();
        for (Table t : tables) {
            if (titled) {
                if (written) {
                    out.write('\n');
                }
                out.write("# " + t.title + "\n");
            }
            sb.setLength(0);
            line(sb, new ArrayList<>(t.header));
            out.append(sb);
            for (List<Object> r : t.rows) {
                sb.setLength(0);
                line(sb, r);
                out.append(sb);
            }
            written = true;
        }
        if (!notes.isEmpty() && written) {
            out.write('\n');
        }
        for (String n : notes) {
            // comment lines, which CSV readers told of '#' skip (R read.csv(comment.char = "#"), pandas comment="#")
            for (String part : n.split("\n", -1)) {
                out.write("# " + part + "\n");
            }
        }
    }

    /**
     * Appends one CSV line as {@link Format#CSV} output writes it, for commands that stream their rows.
     *
     * @param sb the text so far
     * @param cells the cells of the row
     */
    static void line(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object o = cells.get(i);
            String text;
            if (o instanceof Integer || o instanceof Long) {
                text = o.toString();
            } else if (o instanceof Number) {
                double d = ((Number) o).doubleValue();
                text = d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : DecimalText.of(d);
            } else if (NONE.equals(o)) {
                text = "";
            } else {
                text = String.valueOf(o);
            }
            sb.append(csvField(text));
        }
        sb.append('\n');
    }

    private void json(Writer out) throws IOException {
        // indented as an ObjectMapper's INDENT_OUTPUT indents (the same DefaultPrettyPrinter)
        JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter();
        g.writeStartObject();
        for (Table t : tables) {
            g.writeArrayFieldStart(t.title);
            for (List<Object> r : t.rows) {
                g.writeStartObject();
                for (int i = 0; i < r.size(); i++) {
                    Object c = r.get(i);
                    g.writeFieldName(t.header.get(i));
                    if (c instanceof Integer || c instanceof Long) {
                        g.writeNumber(((Number) c).longValue());
                    } else if (c instanceof Number) {
                        double d = ((Number) c).doubleValue();
                        if (Double.isFinite(d)) {
                            g.writeNumber(d);
                        } else {
                            // JSON has no infinity or NaN: null, as JavaScript's JSON.stringify writes them
                            g.writeNull();
                        }
                    } else if (c instanceof Boolean) {
                        g.writeBoolean((Boolean) c);
                    } else if (NONE.equals(c)) {
                        g.writeNull();
                    } else {
                        g.writeString(String.valueOf(c));
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!notes.isEmpty()) {
            g.writeArrayFieldStart("notes");
            for (String n : notes) {
                g.writeString(n);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.flush();
        out.write('\n');
    }
}
