package org.powercx.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.powercx.core.IndicatorTable;
import org.powercx.core.internal.Messages;

/**
 * The group of each respondent of a survey table, read as text from one column of its CSV file and matched to
 * the table's rows by respondent id (so rows dropped for missing answers do not shift the labels).
 */
final class GroupLabels {
    final List<String> labels;
    final String groupA;
    final String groupB;

    private GroupLabels(List<String> labels, String groupA, String groupB) {
        this.labels = labels;
        this.groupA = groupA;
        this.groupB = groupB;
    }

    /**
     * Reads the group column.
     *
     * @param file the CSV file the table was read from
     * @param idColumn the id column, or null for the first column
     * @param column the group column
     * @param option the option naming the column, for messages
     * @param table the table read from the file
     * @param groups the two groups to compare, {@code "A,B"}, or null for the two values of the column
     * @return the labels in table row order and the two groups
     * @throws CliException naming the file, line, column or value of any error
     */
    static GroupLabels read(Path file, String idColumn, String column, String option, IndicatorTable table,
            String groups) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setCommentMarker('#').get();
        Map<String, String> byId = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(skipByteOrderMark(reader))) {
            List<String> header = parser.getHeaderNames();
            int id = idColumn == null ? 0 : header.indexOf(idColumn);
            int group = header.indexOf(column);
            if (id < 0) {
                throw new CliException("%s: option --id: no column '%s' in the header", file, idColumn);
            }
            if (group < 0) {
                throw new CliException("%s: option %s: no column '%s' in the header", file, option, column);
            }
            for (CSVRecord row : parser) {
                if (row.size() > Math.max(id, group)) {
                    byId.put(row.get(id), row.get(group));
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new CliException("%s: %s", file, Messages.oneLine(String.valueOf(e.getMessage())));
        }
        List<String> labels = new ArrayList<>(table.rowCount());
        for (int i = 0; i < table.rowCount(); i++) {
            String label = byId.get(table.id(i));
            if (label == null || label.isBlank()) {
                throw new CliException("%s: option %s: respondent '%s' has no value in column '%s'", file, option,
                    table.id(i), column);
            }
            labels.add(label);
        }
        TreeSet<String> values = new TreeSet<>(labels);
        if (groups != null) {
            String[] parts = groups.split(",", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new CliException("option --groups: needs A,B but was '%s'", groups);
            }
            return new GroupLabels(labels, parts[0].strip(), parts[1].strip());
        }
        if (values.size() != 2) {
            throw new CliException("%s: option %s: column '%s' has %d values %s; name the two to compare with "
                + "--groups A,B", file, option, column, values.size(), values);
        }
        return new GroupLabels(labels, values.first(), values.last());
    }

    private static Reader skipByteOrderMark(Reader reader) throws IOException {
        java.io.PushbackReader in = new java.io.PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }
}
