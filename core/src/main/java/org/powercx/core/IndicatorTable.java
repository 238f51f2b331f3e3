package org.powercx.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * An immutable table of {@code n} customers (rows) by {@code m} {@link Indicator indicators} (columns).
 *
 * <p>Values are stored column-major in primitive arrays, so a method that works column by column (a
 * normalisation, a weighted score) reads memory in order. Every value is finite; missing or non-numeric
 * cells are dealt with when the table is read (see {@link CsvTableReader}). Customer ids are non-blank and
 * unique; indicator names are unique.
 *
 * <p>No accessor exposes an internal array: {@link #column(int)} and {@link #row(int)} return copies, and
 * {@link #copyColumn(int, double[], int)} fills a caller's buffer for code that must not allocate.
 * Instances are thread-safe.
 *
 * @since 0.1.0
 */
public final class IndicatorTable {
    private static final int PRINTED_ROWS = 10;

    static {
        org.powercx.core.internal.TableColumns.install(IndicatorTable::columnView);
        org.powercx.core.internal.TableIds.install(list -> CustomerIds.behind(list) != null,
            (list, positions) -> CustomerIds.behind(list).select(positions).asList());
    }

    private final List<Indicator> indicators;
    private final CustomerIds ids;
    private final double[][] columns;
    private final Map<String, Integer> columnIndex;
    /** Built on first look-up by id; a benign race builds equal maps. */
    private volatile Map<String, Integer> rowIndex;

    private IndicatorTable(List<Indicator> indicators, CustomerIds ids, double[][] columns) {
        this.indicators = indicators;
        this.ids = ids;
        this.columns = columns;
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < indicators.size(); j++) {
            index.put(indicators.get(j).name(), j);
        }
        this.columnIndex = index;
    }

    /**
     * Creates a table from rows.
     *
     * @param indicators the columns, with unique names; not modified
     * @param ids the customer ids, one per row, non-blank and unique; not modified
     * @param rows {@code rows[i][j]} is customer {@code i}'s value of indicator {@code j}; copied, not modified
     * @return the table
     * @throws CoreException if there are no indicators, the sizes disagree, an id or indicator name is
     *     blank or repeated, or a value is not finite (the message names customer and indicator)
     */
    public static IndicatorTable ofRows(List<Indicator> indicators, List<String> ids, double[][] rows) {
        List<Indicator> cols = checkIndicators(indicators);
        CustomerIds idList = checkIds(ids);
        if (rows == null) {
            throw new CoreException("rows are null");
        }
        if (rows.length != idList.size()) {
            throw new CoreException("%d ids but %d rows", idList.size(), rows.length);
        }
        int m = cols.size();
        double[][] columns = new double[m][idList.size()];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != m) {
                throw new CoreException("customer '%s' (row %d) has %s values but there are %d indicators",
                    idList.get(i), i, rows[i] == null ? "no" : String.valueOf(rows[i].length), m);
            }
            for (int j = 0; j < m; j++) {
                columns[j][i] = rows[i][j];
            }
        }
        checkFinite(cols, idList, columns);
        return new IndicatorTable(cols, idList, columns);
    }

    /**
     * Creates a table from columns.
     *
     * @param indicators the columns, with unique names; not modified
     * @param ids the customer ids, one per row, non-blank and unique; not modified
     * @param columns {@code columns[j][i]} is customer {@code i}'s value of indicator {@code j}; copied,
     *     not modified
     * @return the table
     * @throws CoreException as {@link #ofRows(List, List, double[][])}
     */
    public static IndicatorTable ofColumns(List<Indicator> indicators, List<String> ids, double[][] columns) {
        List<Indicator> cols = checkIndicators(indicators);
        CustomerIds idList = checkIds(ids);
        double[][] copy = copyColumns(cols, idList.size(), columns);
        checkFinite(cols, idList, copy);
        return new IndicatorTable(cols, idList, copy);
    }

    /**
     * A table owning the given ids and columns (not copied or re-validated): for the CSV reader, which has checked
     * that ids are non-blank and unique and values finite as it parsed them.
     */
    static IndicatorTable owning(List<Indicator> indicators, CustomerIds ids, double[][] ownedColumns) {
        List<Indicator> cols = checkIndicators(indicators);
        if (ownedColumns.length != cols.size()) {
            throw new CoreException("%d indicators but %d columns", cols.size(), ownedColumns.length);
        }
        return new IndicatorTable(cols, ids, ownedColumns);
    }

    /**
     * Starts a table built row by row, convenient in JShell and in tests.
     *
     * @param indicators the columns
     * @return a builder
     */
    public static Builder builder(Indicator... indicators) {
        return new Builder(checkIndicators(Arrays.asList(indicators)));
    }

    /** Collects rows for {@link IndicatorTable#builder(Indicator...)}. Not thread-safe. */
    public static final class Builder {
        private final List<Indicator> indicators;
        private final List<String> ids = new ArrayList<>();
        private final List<double[]> rows = new ArrayList<>();

        private Builder(List<Indicator> indicators) {
            this.indicators = indicators;
        }

        /**
         * Adds a customer.
         *
         * @param id customer id
         * @param values one value per indicator; copied
         * @return this builder
         */
        public Builder row(String id, double... values) {
            ids.add(id);
            rows.add(values == null ? null : values.clone());
            return this;
        }

        /**
         * Builds the table.
         *
         * @return the table
         * @throws CoreException as {@link IndicatorTable#ofRows(List, List, double[][])}
         */
        public IndicatorTable build() {
            return ofRows(indicators, ids, rows.toArray(new double[0][]));
        }
    }

    private static List<Indicator> checkIndicators(List<Indicator> indicators) {
        if (indicators == null || indicators.isEmpty()) {
            throw new CoreException("a table needs at least one indicator");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < indicators.size(); j++) {
            Indicator ind = indicators.get(j);
            if (ind == null) {
                throw new CoreException("indicator %d is null", j);
            }
            Integer previous = seen.put(ind.name(), j);
            if (previous != null) {
                throw new CoreException("duplicate indicator '%s' (columns %d and %d)", ind.name(), previous, j);
            }
        }
        return List.copyOf(indicators);
    }

    /** Checks one column of {@code rows} values per indicator and copies them. */
    private static double[][] copyColumns(List<Indicator> indicators, int rows, double[][] columns) {
        if (columns == null) {
            throw new CoreException("columns are null");
        }
        if (columns.length != indicators.size()) {
            throw new CoreException("%d indicators but %d columns", indicators.size(), columns.length);
        }
        double[][] copy = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            if (columns[j] == null || columns[j].length != rows) {
                throw new CoreException("indicator '%s' has %s values but there are %d customers",
                    indicators.get(j).name(), columns[j] == null ? "no" : String.valueOf(columns[j].length), rows);
            }
            copy[j] = columns[j].clone();
        }
        return copy;
    }

    /** The ids of a list, checked unless it is another table's (whose ids were checked when it was made). */
    private static CustomerIds checkIds(List<String> ids) {
        if (ids == null) {
            throw new CoreException("customer ids are null");
        }
        CustomerIds checked = CustomerIds.behind(ids);
        if (checked != null) {
            return checked;
        }
        String[] array = ids.toArray(new String[0]);
        Map<String, Integer> seen = new HashMap<>(array.length * 2);
        for (int i = 0; i < array.length; i++) {
            String id = array[i];
            if (id == null || id.isBlank()) {
                throw new CoreException("customer id in row %d is blank", i);
            }
            Integer previous = seen.put(id, i);
            if (previous != null) {
                throw new CoreException("duplicate customer id '%s' (rows %d and %d)", id, previous, i);
            }
        }
        return CustomerIds.of(array);
    }

    private static void checkFinite(List<Indicator> indicators, CustomerIds ids, double[][] columns) {
        for (int j = 0; j < columns.length; j++) {
            double[] col = columns[j];
            for (int i = 0; i < col.length; i++) {
                if (!Double.isFinite(col[i])) {
                    throw new CoreException("customer '%s', indicator '%s': value must be finite but was %s",
                        ids.get(i), indicators.get(j).name(), col[i]);
                }
            }
        }
    }

    /**
     * Number of customers.
     *
     * @return {@code n}, possibly 0
     */
    public int rowCount() {
        return ids.size();
    }

    /**
     * Number of indicators.
     *
     * @return {@code m}, at least 1
     */
    public int indicatorCount() {
        return indicators.size();
    }

    /**
     * The indicators in column order.
     *
     * @return an unmodifiable list
     */
    public List<Indicator> indicators() {
        return indicators;
    }

    /**
     * The indicator names in column order.
     *
     * @return an unmodifiable list
     */
    public List<String> indicatorNames() {
        List<String> names = new ArrayList<>(indicators.size());
        for (Indicator ind : indicators) {
            names.add(ind.name());
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * The indicator of a column.
     *
     * @param column column index
     * @return the indicator
     * @throws CoreException if the index is out of range
     */
    public Indicator indicator(int column) {
        checkColumn(column);
        return indicators.get(column);
    }

    /**
     * The indicator of the given name.
     *
     * @param name indicator name
     * @return the indicator
     * @throws CoreException if there is no such indicator (the message lists the known ones)
     */
    public Indicator indicator(String name) {
        return indicators.get(indexOf(name));
    }

    /**
     * Column index of an indicator.
     *
     * @param name indicator name
     * @return the column index
     * @throws CoreException if there is no such indicator (the message lists the known ones)
     */
    public int indexOf(String name) {
        Integer j = columnIndex.get(name);
        if (j == null) {
            throw new CoreException("unknown indicator '%s'; the table has %s", name, indicatorNames());
        }
        return j;
    }

    /**
     * Whether the table has an indicator of that name.
     *
     * @param name indicator name
     * @return true if present
     */
    public boolean contains(String name) {
        return columnIndex.containsKey(name);
    }

    /**
     * The customer ids in row order. The list is a view of the table's own ids, made without a copy; ids read
     * from a file are held as their UTF-8 bytes, and each string is made when it is asked for.
     *
     * @return an unmodifiable list
     */
    public List<String> ids() {
        return ids.asList();
    }

    /**
     * The id of a row.
     *
     * @param row row index
     * @return the customer id
     * @throws CoreException if the index is out of range
     */
    public String id(int row) {
        checkRow(row);
        return ids.get(row);
    }

    /**
     * Row index of a customer.
     *
     * @param id customer id
     * @return the row index
     * @throws CoreException if there is no such customer
     */
    public int rowIndexOf(String id) {
        Map<String, Integer> index = rowIndex;
        if (index == null) {
            index = new HashMap<>(ids.size() * 2);
            for (int i = 0; i < ids.size(); i++) {
                index.put(ids.get(i), i);
            }
            rowIndex = index;
        }
        Integer i = index.get(id);
        if (i == null) {
            throw new CoreException("unknown customer id '%s'", id);
        }
        return i;
    }

    /**
     * One value.
     *
     * @param row row index
     * @param column column index
     * @return the value
     * @throws CoreException if an index is out of range
     */
    public double get(int row, int column) {
        checkRow(row);
        checkColumn(column);
        return columns[column][row];
    }

    /**
     * One value, by customer id and indicator name.
     *
     * @param id customer id
     * @param indicatorName indicator name
     * @return the value
     * @throws CoreException if the customer or indicator is unknown
     */
    public double get(String id, String indicatorName) {
        return columns[indexOf(indicatorName)][rowIndexOf(id)];
    }

    /**
     * A copy of one column.
     *
     * @param column column index
     * @return a new array of length {@link #rowCount()}
     * @throws CoreException if the index is out of range
     */
    public double[] column(int column) {
        checkColumn(column);
        return columns[column].clone();
    }

    /**
     * A copy of one column.
     *
     * @param name indicator name
     * @return a new array of length {@link #rowCount()}
     * @throws CoreException if the indicator is unknown
     */
    public double[] column(String name) {
        return columns[indexOf(name)].clone();
    }

    /**
     * Copies a column into a caller's buffer, without allocating.
     *
     * @param column column index
     * @param dest destination; modified
     * @param destPos where the first value goes
     * @throws CoreException if the index is out of range or the buffer too small
     */
    public void copyColumn(int column, double[] dest, int destPos) {
        checkColumn(column);
        if (dest == null || destPos < 0 || dest.length - destPos < ids.size()) {
            throw new CoreException("buffer of length %s from position %d cannot hold %d values",
                dest == null ? "null" : String.valueOf(dest.length), destPos, ids.size());
        }
        System.arraycopy(columns[column], 0, dest, destPos, ids.size());
    }

    /**
     * Copies part of a column into a caller's buffer, without allocating: the block-wise access of kernels
     * that stream a large table through a small buffer.
     *
     * @param column column index
     * @param fromRow first row
     * @param length number of rows
     * @param dest destination; modified at {@code dest[destPos .. destPos + length)}
     * @param destPos where the first value goes
     * @throws CoreException if the index is out of range or the rows or the buffer do not fit
     * @since 0.2.0
     */
    public void copyColumn(int column, int fromRow, int length, double[] dest, int destPos) {
        checkColumn(column);
        if (fromRow < 0 || length < 0 || fromRow > ids.size() - length || dest == null || destPos < 0
                || dest.length - destPos < length) {
            throw new CoreException("rows [%d, %d + %d) of %d do not fit a buffer of length %s at %d", fromRow,
                fromRow, length, ids.size(), dest == null ? "null" : String.valueOf(dest.length), destPos);
        }
        System.arraycopy(columns[column], fromRow, dest, destPos, length);
    }

    /** The column's own array, for read-only use inside core. */
    double[] columnView(int column) {
        return columns[column];
    }

    /**
     * A copy of one customer's values, in column order.
     *
     * @param row row index
     * @return a new array of length {@link #indicatorCount()}
     * @throws CoreException if the index is out of range
     */
    public double[] row(int row) {
        checkRow(row);
        double[] values = new double[columns.length];
        for (int j = 0; j < columns.length; j++) {
            values[j] = columns[j][row];
        }
        return values;
    }

    /**
     * A copy of one customer's values, in column order.
     *
     * @param id customer id
     * @return a new array of length {@link #indicatorCount()}
     * @throws CoreException if the customer is unknown
     */
    public double[] row(String id) {
        return row(rowIndexOf(id));
    }

    /**
     * A table with only the named indicators, in the order given.
     *
     * @param names indicator names, at least one, no repeats
     * @return a new table
     * @throws CoreException if a name is unknown or repeated
     */
    public IndicatorTable select(String... names) {
        if (names == null || names.length == 0) {
            throw new CoreException("select needs at least one indicator name");
        }
        List<Indicator> chosen = new ArrayList<>(names.length);
        double[][] cols = new double[names.length][];
        for (int k = 0; k < names.length; k++) {
            int j = indexOf(names[k]);
            chosen.add(indicators.get(j));
            cols[k] = columns[j];
        }
        return new IndicatorTable(checkIndicators(chosen), ids, cols);
    }

    /**
     * A table with the rows whose index passes the predicate, in their order.
     *
     * @param rowPredicate tested with each row index
     * @return a new table, possibly with no rows
     */
    public IndicatorTable filter(IntPredicate rowPredicate) {
        int[] keep = new int[ids.size()];
        int count = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (rowPredicate.test(i)) {
                keep[count++] = i;
            }
        }
        return selectRows(Arrays.copyOf(keep, count));
    }

    /**
     * The rows from {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @param from first row
     * @param to one past the last row
     * @return a new table
     * @throws CoreException if the range is not within the table
     */
    public IndicatorTable rows(int from, int to) {
        if (from < 0 || to > ids.size() || from > to) {
            throw new CoreException("row range [%d, %d) is not within [0, %d)", from, to, ids.size());
        }
        double[][] cols = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            cols[j] = Arrays.copyOfRange(columns[j], from, to);
        }
        return new IndicatorTable(indicators, ids.range(from, to), cols);
    }

    private IndicatorTable selectRows(int[] rows) {
        double[][] cols = new double[columns.length][rows.length];
        for (int k = 0; k < rows.length; k++) {
            for (int j = 0; j < columns.length; j++) {
                cols[j][k] = columns[j][rows[k]];
            }
        }
        return new IndicatorTable(indicators, ids.select(rows), cols);
    }

    /**
     * The same values under other indicator definitions (for example other directions), matched by position.
     *
     * @param newIndicators one indicator per column, unique names
     * @return a new table sharing nothing mutable with this one
     * @throws CoreException if the number of indicators differs or a name repeats
     */
    public IndicatorTable withIndicators(List<Indicator> newIndicators) {
        List<Indicator> cols = checkIndicators(newIndicators);
        if (cols.size() != columns.length) {
            throw new CoreException("%d indicators given for a table of %d columns", cols.size(), columns.length);
        }
        return new IndicatorTable(cols, ids, columns);
    }

    /**
     * Other columns for the same customers: a table with this table's ids (in the same order) and the given
     * indicators and values. The ids are shared, not re-validated, which makes this much cheaper than
     * {@link #ofColumns} on large tables.
     *
     * @param newIndicators one indicator per column, unique names
     * @param newColumns one column per indicator, each with one finite value per customer of this table; copied
     * @return the new table
     * @throws CoreException if the counts or lengths disagree, a name repeats or a value is not finite (naming
     *     the customer and indicator)
     */
    public IndicatorTable withColumns(List<Indicator> newIndicators, double[][] newColumns) {
        List<Indicator> cols = checkIndicators(newIndicators);
        return sharingIds(cols, copyColumns(cols, ids.size(), newColumns));
    }

    /**
     * A table over this table's ids owning the given columns (not copied): for code in this package that has
     * just filled them. Indicators must already be checked.
     */
    IndicatorTable sharingIds(List<Indicator> checkedIndicators, double[][] ownedColumns) {
        checkFinite(checkedIndicators, ids, ownedColumns);
        return sharingIdsFinite(checkedIndicators, ownedColumns);
    }

    /** As {@link #sharingIds}, for columns whose values the caller has already checked finite. */
    IndicatorTable sharingIdsFinite(List<Indicator> checkedIndicators, double[][] ownedColumns) {
        IndicatorTable table = new IndicatorTable(checkedIndicators, ids, ownedColumns);
        table.rowIndex = rowIndex;
        return table;
    }

    private void checkRow(int row) {
        if (row < 0 || row >= ids.size()) {
            throw new CoreException("row %d is not within [0, %d)", row, ids.size());
        }
    }

    private void checkColumn(int column) {
        if (column < 0 || column >= columns.length) {
            throw new CoreException("column %d is not within [0, %d)", column, columns.length);
        }
    }

    /**
     * The first rows as an aligned text table, for JShell and logs.
     *
     * @return a readable rendering
     */
    @Override
    public String toString() {
        List<String> header = new ArrayList<>();
        header.add("id");
        header.addAll(indicatorNames());
        int shown = Math.min(PRINTED_ROWS, ids.size());
        List<List<String>> body = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            List<String> line = new ArrayList<>();
            line.add(ids.get(i));
            for (double[] col : columns) {
                line.add(TextTable.number(col[i]));
            }
            body.add(line);
        }
        String text = TextTable.render(header, body);
        String title = "IndicatorTable " + ids.size() + " customers x " + columns.length + " indicators\n";
        return ids.size() > shown ? title + text + "... " + (ids.size() - shown) + " more rows\n" : title + text;
    }
}
