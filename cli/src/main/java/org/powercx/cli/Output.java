package org.powercx.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * What a command prints: titled tables and notes, rendered as text, CSV or JSON. Cells are strings, numbers or
 * booleans: numbers print with {@link TextTable#number} in text, in full in CSV and as JSON numbers in JSON;
 * booleans as yes/NO in text and true/false in CSV and JSON. A cell without a value ({@link #NONE}, "-" in
 * text) and a number that is not finite are null in JSON, as JSON has no infinity; a missing cell is empty in
 * CSV. Notes are comment lines starting with {@code #} in CSV and the {@code notes} array in JSON.
 *
 * @since 0.1.0
 */
final class Output {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The cell of a value that does not exist (the median of an empty group): "-" in text. */
    static final String NONE = "-";

    private final List<Table> tables = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** A titled table: a header and rows of strings or numbers. */
    private static final class Table {
        final String title;
        final List<String> header;
        final List<List<Object>> rows = new ArrayList<>();

        Table(String title, List<String> header) {
            this.title = title;
            this.header = header;
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
        if (cells.length != t.header.size()) {
            throw new IllegalStateException("row of " + cells.length + " cells in table '" + t.title + "'");
        }
        t.rows.add(Arrays.asList(cells.clone()));
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
        switch (format) {
            case CSV:
                return csv();
            case JSON:
                return json();
            default:
                return text();
        }
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

    private String text() {
        StringBuilder sb = new StringBuilder();
        for (Table t : tables) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(t.title).append('\n');
            List<List<String>> rows = new ArrayList<>();
            for (List<Object> r : t.rows) {
                List<String> cells = new ArrayList<>();
                for (Object o : r) {
                    cells.add(cell(o));
                }
                rows.add(cells);
            }
            sb.append(TextTable.render(t.header, rows));
        }
        if (!notes.isEmpty()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            for (String n : notes) {
                sb.append(n).append('\n');
            }
        }
        return sb.toString();
    }

    private static String csvField(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private String csv() {
        StringBuilder sb = new StringBuilder();
        boolean titled = tables.size() > 1;
        for (Table t : tables) {
            if (titled) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append("# ").append(t.title).append('\n');
            }
            line(sb, new ArrayList<>(t.header));
            for (List<Object> r : t.rows) {
                line(sb, r);
            }
        }
        if (!notes.isEmpty() && sb.length() > 0) {
            sb.append('\n');
        }
        for (String n : notes) {
            // comment lines, which CSV readers told of '#' skip (R read.csv(comment.char = "#"), pandas comment="#")
            for (String part : n.split("\n", -1)) {
                sb.append("# ").append(part).append('\n');
            }
        }
        return sb.toString();
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
                text = d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
            } else if (NONE.equals(o)) {
                text = "";
            } else {
                text = String.valueOf(o);
            }
            sb.append(csvField(text));
        }
        sb.append('\n');
    }

    private String json() {
        ObjectNode root = MAPPER.createObjectNode();
        for (Table t : tables) {
            ArrayNode arr = root.putArray(t.title);
            for (List<Object> r : t.rows) {
                ObjectNode o = arr.addObject();
                for (int i = 0; i < r.size(); i++) {
                    Object c = r.get(i);
                    String key = t.header.get(i);
                    if (c instanceof Integer || c instanceof Long) {
                        o.put(key, ((Number) c).longValue());
                    } else if (c instanceof Number) {
                        double d = ((Number) c).doubleValue();
                        if (Double.isFinite(d)) {
                            o.put(key, d);
                        } else {
                            // JSON has no infinity or NaN: null, as JavaScript's JSON.stringify writes them
                            o.putNull(key);
                        }
                    } else if (c instanceof Boolean) {
                        o.put(key, (Boolean) c);
                    } else if (NONE.equals(c)) {
                        o.putNull(key);
                    } else {
                        o.put(key, String.valueOf(c));
                    }
                }
            }
        }
        if (!notes.isEmpty()) {
            ArrayNode arr = root.putArray("notes");
            notes.forEach(arr::add);
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
