package org.powercx.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Blocks of rows read from a CSV source by {@link CsvTableReader#stream(java.nio.file.Path, int)}. Only the
 * current block is held in memory, so a file larger than the heap can be scored block by block.
 *
 * <p>Not thread-safe: one consumer reads it, then closes it (try-with-resources).
 *
 * @since 0.1.0
 */
public final class CsvBlockReader implements Iterator<IndicatorTable>, AutoCloseable {
    private final CsvRowSource rows;
    private String source;
    private final List<Indicator> indicators;
    private final int blockRows;
    private final MissingValuePolicy policy;
    private final double[] means;
    private boolean pending;
    private boolean exhausted;
    private long rowsRead;
    private long rowsDropped;
    private long cellsFilled;

    /** The windows of a file parsed from its bytes, or null when reading record by record from {@link #rows}. */
    private final CsvFileReader.Windows windows;
    /** The current window and the next of its rows to hand out. */
    private CsvFileReader.Rows window;
    private int offset;

    CsvBlockReader(CsvRowSource rows, List<Indicator> indicators, int blockRows, MissingValuePolicy policy,
            double[] means) {
        this.rows = rows;
        this.windows = null;
        this.indicators = indicators;
        this.blockRows = blockRows;
        this.policy = policy;
        this.means = means;
    }

    /** Blocks cut from the windows of a file parsed from its bytes; same rows, blocks and errors. */
    CsvBlockReader(CsvFileReader.Windows windows, String source, List<Indicator> indicators, int blockRows,
            MissingValuePolicy policy) {
        this.rows = null;
        this.windows = windows;
        this.source = source;
        this.indicators = indicators;
        this.blockRows = blockRows;
        this.policy = policy;
        this.means = null;
    }

    /**
     * The indicators every block has.
     *
     * @return an unmodifiable list
     */
    public List<Indicator> indicators() {
        return indicators;
    }

    @Override
    public boolean hasNext() {
        if (windows != null) {
            while (!exhausted && (window == null || offset == window.ids.size())) {
                if (window != null && window.error != null) {
                    throw window.error;
                }
                window = windows.next();
                offset = 0;
                exhausted = window == null;
                rowsRead = windows.records;
                rowsDropped = windows.dropped;
                cellsFilled = windows.filled;
            }
            return !exhausted;
        }
        if (!pending && !exhausted) {
            advance();
        }
        return pending;
    }

    private void advance() {
        while (rows.next()) {
            rowsRead++;
            if (acceptRow()) {
                pending = true;
                return;
            }
        }
        exhausted = true;
    }

    private boolean acceptRow() {
        double[] v = rows.values;
        for (int k = 0; k < v.length; k++) {
            if (Double.isNaN(v[k])) {
                switch (policy) {
                    case REJECT -> throw new CoreException("%s (missing value policy REJECT)", rows.missingCell(k));
                    case DROP_ROWS -> {
                        rowsDropped++;
                        return false;
                    }
                    default -> {
                        v[k] = means[k];
                        cellsFilled++;
                    }
                }
            }
        }
        return true;
    }

    /**
     * The next block of at most the block size rows.
     *
     * @return a table with at least one row
     * @throws NoSuchElementException if there are no more rows
     * @throws CoreException if a row is malformed (naming line and column)
     */
    @Override
    public IndicatorTable next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows in " + (windows != null ? source : rows.source()));
        }
        if (windows != null) {
            return nextFromWindows();
        }
        int m = indicators.size();
        // grown as rows arrive, so that a large block size reserves nothing for rows the source does not have
        int capacity = Math.min(blockRows, 1024);
        double[][] cols = new double[m][capacity];
        List<String> ids = new ArrayList<>(capacity);
        Map<String, Long> lines = new HashMap<>(capacity * 2);
        int n = 0;
        while (pending && n < blockRows) {
            if (n == capacity) {
                capacity = (int) Math.min(blockRows, 2L * capacity);
                for (int j = 0; j < m; j++) {
                    cols[j] = java.util.Arrays.copyOf(cols[j], capacity);
                }
            }
            Long previous = lines.put(rows.id, rows.line);
            if (previous != null) {
                throw new CoreException("%s:%d: duplicate customer id '%s' (first on line %d)",
                    rows.source(), rows.line, rows.id, previous);
            }
            ids.add(rows.id);
            for (int j = 0; j < m; j++) {
                cols[j][n] = rows.values[j];
            }
            n++;
            pending = false;
            if (n < blockRows) {
                advance();
            }
        }
        if (n < capacity) {
            for (int j = 0; j < m; j++) {
                cols[j] = java.util.Arrays.copyOf(cols[j], n);
            }
        }
        return IndicatorTable.ofColumns(indicators, ids, cols);
    }

    private IndicatorTable nextFromWindows() {
        int m = indicators.size();
        int capacity = Math.min(blockRows, window.ids.size() - offset);
        double[][] cols = new double[m][capacity];
        String[] ids = new String[capacity];
        long[] lines = new long[capacity];
        IdIndex seen = new IdIndex(capacity);
        int n = 0;
        while (n < blockRows && hasNext()) {
            int take = Math.min(blockRows - n, window.ids.size() - offset);
            if (n + take > capacity) {
                capacity = (int) Math.min(blockRows, Math.max(2L * capacity, n + take));
                ids = java.util.Arrays.copyOf(ids, capacity);
                lines = java.util.Arrays.copyOf(lines, capacity);
                for (int j = 0; j < m; j++) {
                    cols[j] = java.util.Arrays.copyOf(cols[j], capacity);
                }
            }
            for (int r = 0; r < take; r++) {
                String id = window.ids.get(offset + r);
                ids[n + r] = id;
                long line = window.lines[offset + r];
                lines[n + r] = line;
                int previous = seen.add(id);
                if (previous >= 0) {
                    throw new CoreException("%s:%d: duplicate customer id '%s' (first on line %d)", source, line, id,
                        lines[previous]);
                }
            }
            for (int j = 0; j < m; j++) {
                System.arraycopy(window.columns[j], offset, cols[j], n, take);
            }
            offset += take;
            n += take;
        }
        if (n < capacity) {
            ids = java.util.Arrays.copyOf(ids, n);
            for (int j = 0; j < m; j++) {
                cols[j] = java.util.Arrays.copyOf(cols[j], n);
            }
        }
        // the windows hold non-blank ids and finite values (missing cells are rejected, dropped or filled)
        return IndicatorTable.owning(indicators, CustomerIds.of(ids), cols);
    }

    /**
     * Data rows read so far, header excluded.
     *
     * @return the count
     */
    public long rowsRead() {
        return rowsRead;
    }

    /**
     * Rows left out so far under {@link MissingValuePolicy#DROP_ROWS}.
     *
     * @return the count
     */
    public long rowsDropped() {
        return rowsDropped;
    }

    /**
     * Cells filled so far under {@link MissingValuePolicy#COLUMN_MEAN}.
     *
     * @return the count
     */
    public long cellsFilled() {
        return cellsFilled;
    }

    /** Closes the underlying source. */
    @Override
    public void close() {
        if (windows != null) {
            windows.close();
        } else {
            rows.close();
        }
    }
}
