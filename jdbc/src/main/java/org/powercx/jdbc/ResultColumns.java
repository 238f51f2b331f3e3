package org.powercx.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.powercx.core.IndicatorTable;

/**
 * Rows to write to a database table: the customer ids and named columns of numbers (scores, probabilities,
 * lifetime values) or texts (grades, segments, service measures). Each {@code with...} call returns a new
 * instance with one more column. Immutable.
 *
 * @since 0.2.0
 */
public final class ResultColumns {
    private final List<String> ids;
    private final List<String> names;
    private final List<Object> columns;

    private ResultColumns(List<String> ids, List<String> names, List<Object> columns) {
        this.ids = ids;
        this.names = names;
        this.columns = columns;
    }

    /**
     * Rows with these ids and no columns yet.
     *
     * @param ids the customer ids, non-blank and unique
     * @return the rows
     * @throws JdbcException if the list is null or empty, or an id is null, blank or repeated
     */
    public static ResultColumns of(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new JdbcException("id list is %s", ids == null ? "null" : "empty");
        }
        if (org.powercx.core.internal.TableIds.isTableIds(ids)) {
            // a table's ids: non-blank, unique and unmodifiable already
            return new ResultColumns(ids, List.of(), List.of());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank()) {
                throw new JdbcException("id of row %d is %s", i + 1, id == null ? "null" : "blank");
            }
            if (!seen.add(id)) {
                throw new JdbcException("duplicate id '%s' in row %d", id, i + 1);
            }
        }
        return new ResultColumns(List.copyOf(ids), List.of(), List.of());
    }

    /**
     * A table's ids and every indicator as a number column.
     *
     * @param table the table
     * @return the rows
     * @throws JdbcException if the table is null
     */
    public static ResultColumns of(IndicatorTable table) {
        if (table == null) {
            throw new JdbcException("table is null");
        }
        ResultColumns out = of(table.ids());
        for (int j = 0; j < table.indicatorCount(); j++) {
            out = out.withNumbers(table.indicator(j).name(), table.column(j));
        }
        return out;
    }

    /**
     * Adds a column of finite numbers.
     *
     * @param name the column's name: letters, digits and underscores, not starting with a digit
     * @param values one per row; copied, not modified
     * @return new rows
     * @throws JdbcException if the name is invalid or taken, the length differs or a value is not finite
     */
    public ResultColumns withNumbers(String name, double[] values) {
        checkName(name);
        if (values == null || values.length != ids.size()) {
            throw new JdbcException("column '%s' has %s values but there are %d rows", name,
                values == null ? "no" : String.valueOf(values.length), ids.size());
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new JdbcException("column '%s', customer '%s': value %s is not finite", name, ids.get(i),
                    values[i]);
            }
        }
        return with(name, values.clone());
    }

    /**
     * Adds a column of texts; a null is written as SQL NULL.
     *
     * @param name the column's name: letters, digits and underscores, not starting with a digit
     * @param values one per row; copied
     * @return new rows
     * @throws JdbcException if the name is invalid or taken or the length differs
     */
    public ResultColumns withTexts(String name, List<String> values) {
        checkName(name);
        if (values == null || values.size() != ids.size()) {
            throw new JdbcException("column '%s' has %s values but there are %d rows", name,
                values == null ? "no" : String.valueOf(values.size()), ids.size());
        }
        return with(name, Collections.unmodifiableList(new ArrayList<>(values)));
    }

    private ResultColumns with(String name, Object column) {
        List<String> n = new ArrayList<>(names);
        n.add(name);
        List<Object> c = new ArrayList<>(columns);
        c.add(column);
        return new ResultColumns(ids, List.copyOf(n), Collections.unmodifiableList(c));
    }

    private void checkName(String name) {
        SqlNames.checkIdentifier(name, "column");
        for (String existing : names) {
            if (existing.equalsIgnoreCase(name)) {
                throw new JdbcException("column '%s' is given twice", name);
            }
        }
    }

    /**
     * The number of rows.
     *
     * @return the count
     */
    public int rowCount() {
        return ids.size();
    }

    /**
     * The ids, in row order.
     *
     * @return an unmodifiable list
     */
    public List<String> ids() {
        return ids;
    }

    /**
     * The column names, in order (without the id column).
     *
     * @return an unmodifiable list
     */
    public List<String> names() {
        return names;
    }

    boolean isNumber(int column) {
        return columns.get(column) instanceof double[];
    }

    double number(int column, int row) {
        return ((double[]) columns.get(column))[row];
    }

    @SuppressWarnings("unchecked")
    String text(int column, int row) {
        return ((List<String>) columns.get(column)).get(row);
    }

    @Override
    public String toString() {
        return "ResultColumns[" + ids.size() + " rows, " + names + "]";
    }
}
