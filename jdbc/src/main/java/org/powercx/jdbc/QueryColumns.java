package org.powercx.jdbc;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.powercx.core.Indicator;

/**
 * Where a query's id and indicator columns are in its result, checked against the result's metadata before
 * any row is read: a missing column, a duplicate, or an indicator of a non-numeric SQL type is named at once.
 * Reads one row at a time into a caller's buffer. Not thread-safe.
 */
final class QueryColumns {
    private final ResultSet rows;
    private final int idIndex;
    private final int[] indices;
    private final List<Indicator> indicators;
    private final String[] names;
    private long rowNumber;

    private QueryColumns(ResultSet rows, int idIndex, int[] indices, List<Indicator> indicators) {
        this.rows = rows;
        this.idIndex = idIndex;
        this.indices = indices;
        this.indicators = List.copyOf(indicators);
        this.names = new String[indices.length];
        for (int j = 0; j < names.length; j++) {
            names[j] = indicators.get(j).name();
        }
    }

    /**
     * Resolves the columns of a result.
     *
     * @param rows the result, before its first row
     * @param idColumn the id column's name, {@code null} for the first column, or {@code ""} for row numbers
     * @param selected the indicators wanted, or null for every column but the id, as benefit indicators
     * @return the columns
     * @throws SQLException if the metadata cannot be read
     * @throws JdbcException naming a missing, duplicate or non-numeric column
     */
    static QueryColumns resolve(ResultSet rows, String idColumn, List<Indicator> selected) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int count = meta.getColumnCount();
        List<String> labels = new ArrayList<>(count);
        for (int c = 1; c <= count; c++) {
            String label = meta.getColumnLabel(c);
            if (labels.stream().anyMatch(label::equalsIgnoreCase)) {
                throw new JdbcException("query result: column '%s' appears twice; give each column its own name "
                    + "(AS ...)", label);
            }
            labels.add(label);
        }
        int idIndex = 0;
        if (idColumn == null) {
            idIndex = 1;
        } else if (!idColumn.isEmpty()) {
            idIndex = find(labels, idColumn, "id column");
        }
        List<Indicator> indicators = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        if (selected == null) {
            for (int c = 1; c <= count; c++) {
                if (c != idIndex) {
                    indicators.add(Indicator.benefit(labels.get(c - 1)));
                    indices.add(c);
                }
            }
        } else {
            for (Indicator indicator : selected) {
                int c = find(labels, indicator.name(), "indicator");
                if (c == idIndex) {
                    throw new JdbcException("query result: column '%s' is the id column and cannot also be an "
                        + "indicator", indicator.name());
                }
                indicators.add(indicator);
                indices.add(c);
            }
        }
        if (indicators.isEmpty()) {
            throw new JdbcException("query result: no indicator columns besides the id column '%s'",
                labels.get(idIndex - 1));
        }
        int[] idx = new int[indices.size()];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = indices.get(j);
            int type = meta.getColumnType(idx[j]);
            if (!numeric(type)) {
                throw new JdbcException("query result: column '%s' has SQL type %s; an indicator must be numeric",
                    indicators.get(j).name(), meta.getColumnTypeName(idx[j]));
            }
        }
        return new QueryColumns(rows, idIndex, idx, indicators);
    }

    private static int find(List<String> labels, String name, String what) {
        for (int c = 0; c < labels.size(); c++) {
            if (labels.get(c).equalsIgnoreCase(name)) {
                return c + 1;
            }
        }
        throw new JdbcException("query result: no %s '%s'; the result has %s", what, name, labels);
    }

    private static boolean numeric(int type) {
        switch (type) {
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
            case Types.NUMERIC:
            case Types.DECIMAL:
                return true;
            default:
                return false;
        }
    }

    /**
     * The indicators, in result order.
     *
     * @return an unmodifiable list
     */
    List<Indicator> indicators() {
        return indicators;
    }

    /**
     * Moves to the next row.
     *
     * @return false at the end
     * @throws SQLException if the driver fails
     */
    boolean next() throws SQLException {
        if (rows.next()) {
            rowNumber++;
            return true;
        }
        return false;
    }

    /**
     * The current row's id: the id column's text, or the row number.
     *
     * @return the id
     * @throws SQLException if the driver fails
     * @throws JdbcException if the id is NULL or blank
     */
    String id() throws SQLException {
        if (idIndex == 0) {
            return Long.toString(rowNumber);
        }
        String id = rows.getString(idIndex);
        if (id == null || id.isBlank()) {
            throw new JdbcException("query result row %d: id column is %s", rowNumber, id == null ? "NULL" : "blank");
        }
        return id;
    }

    /**
     * Reads the current row's indicator values; a NULL becomes NaN.
     *
     * @param id the row's id, for messages
     * @param out receives one value per indicator
     * @return the number of NULL cells
     * @throws SQLException if the driver fails
     * @throws JdbcException naming the column and the id of a non-finite value
     */
    int read(String id, double[] out) throws SQLException {
        int missing = 0;
        for (int j = 0; j < indices.length; j++) {
            double v = rows.getDouble(indices[j]);
            if (rows.wasNull()) {
                out[j] = Double.NaN;
                missing++;
            } else if (Double.isFinite(v)) {
                out[j] = v;
            } else {
                throw new JdbcException("customer '%s': column '%s' is %s; indicator values must be finite", id,
                    names[j], v);
            }
        }
        return missing;
    }

    /**
     * The name of indicator {@code j}.
     *
     * @param j the indicator's position
     * @return its name
     */
    String name(int j) {
        return names[j];
    }
}
