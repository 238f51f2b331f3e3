package org.powercx.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.MissingValuePolicy;

/**
 * Blocks of rows of a query's result, from {@link JdbcTableReader#stream}. Only the current block is held in
 * memory (and the driver's fetch buffer), so a result larger than the heap can be scored block by block. Ids
 * are unique within a block; the query should make them unique overall (a primary key).
 *
 * <p>Not thread-safe: one consumer reads it, then closes it (try-with-resources), which ends the read.
 *
 * @since 0.2.0
 */
public final class JdbcBlockReader implements Iterator<IndicatorTable>, AutoCloseable {
    private final QuerySession session;
    private final QueryColumns columns;
    private final int blockRows;
    private final MissingValuePolicy policy;
    private final double[] means;
    private final double[] row;
    private IndicatorTable pending;
    private boolean exhausted;
    private long rowsRead;
    private long rowsDropped;
    private long cellsFilled;

    JdbcBlockReader(QuerySession session, int blockRows, MissingValuePolicy policy, double[] means) {
        this.session = session;
        this.columns = session.columns();
        this.blockRows = blockRows;
        this.policy = policy;
        this.means = means;
        this.row = new double[columns.indicators().size()];
    }

    /**
     * The indicators every block has.
     *
     * @return an unmodifiable list
     */
    public List<Indicator> indicators() {
        return columns.indicators();
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !exhausted) {
            pending = readBlock();
        }
        return pending != null;
    }

    @Override
    public IndicatorTable next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows");
        }
        IndicatorTable block = pending;
        pending = null;
        return block;
    }

    private IndicatorTable readBlock() {
        int m = row.length;
        List<String> ids = new ArrayList<>(Math.min(blockRows, 65_536));
        double[][] data = new double[m][Math.min(blockRows, 65_536)];
        try {
            while (ids.size() < blockRows && columns.next()) {
                rowsRead++;
                String id = columns.id();
                int missing = columns.read(id, row);
                if (missing > 0) {
                    if (policy == MissingValuePolicy.DROP_ROWS) {
                        rowsDropped++;
                        continue;
                    }
                    if (policy == MissingValuePolicy.REJECT) {
                        throw JdbcTableReader.rejected(columns, id, row);
                    }
                    for (int j = 0; j < m; j++) {
                        if (Double.isNaN(row[j])) {
                            row[j] = means[j];
                        }
                    }
                    cellsFilled += missing;
                }
                int i = ids.size();
                if (i == data[0].length) {
                    for (int j = 0; j < m; j++) {
                        data[j] = java.util.Arrays.copyOf(data[j], Math.min(blockRows, 2 * i));
                    }
                }
                for (int j = 0; j < m; j++) {
                    data[j][i] = row[j];
                }
                ids.add(id);
            }
        } catch (SQLException e) {
            throw new JdbcException(e, "reading the query result failed after %d rows: %s", rowsRead,
                JdbcException.reason(e));
        }
        if (ids.size() < blockRows) {
            exhausted = true;
        }
        if (ids.isEmpty()) {
            return null;
        }
        int n = ids.size();
        for (int j = 0; j < m; j++) {
            if (data[j].length != n) {
                data[j] = java.util.Arrays.copyOf(data[j], n);
            }
        }
        return JdbcTableReader.table(columns.indicators(), ids, data);
    }

    /**
     * Rows read from the result so far.
     *
     * @return the count
     */
    public long rowsRead() {
        return rowsRead;
    }

    /**
     * Rows left out for a NULL so far.
     *
     * @return the count
     */
    public long rowsDropped() {
        return rowsDropped;
    }

    /**
     * NULL cells filled with their column's mean so far.
     *
     * @return the count
     */
    public long cellsFilled() {
        return cellsFilled;
    }

    @Override
    public void close() {
        exhausted = true;
        pending = null;
        session.close();
    }
}
