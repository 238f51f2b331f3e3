package org.powercx.core;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.powercx.core.internal.ParallelRanges;

/**
 * The data rows of a CSV file (or of a byte stream held window by window, {@link CsvStreamBytes}) parsed straight
 * from its bytes, in parallel: numbers are parsed from the bytes by a
 * correctly rounded parser (the same bits as {@link Double#parseDouble}), only ids are decoded from UTF-8, and
 * columns not selected are skipped without being looked at.
 *
 * <p>The data is cut into one part per thread at line breaks. A part's first line is only a guess (a line break
 * inside a quoted field looks like any other), so every part records where its last record ended; walking the
 * parts in order, a part whose guessed start differs from where the previous one ended is parsed again from the
 * right place. Errors found in a part are kept until the part's start is confirmed, and the first in file order
 * is thrown: the result, and the error, are the same as a sequential read for every thread count.
 *
 * <p>The header has already been read (by {@link CsvRowSource}, whose checks and messages it shares); this class
 * finds where it ends and applies the same limits, policies and messages to the rows. Not thread-safe; one
 * instance reads one file once.
 */
final class CsvFileReader {
    private static final int BUFFER = 1 << 20;
    /** A record is never held in more bytes than this: by then a limit in characters has been passed. */
    private static final int MAX_RECORD_BYTES = 4 * CsvLineTracker.MAX_RECORD_CHARS + 16;
    /** Parts smaller than this are not worth a thread. */
    static final long MIN_PART_BYTES = 1 << 18;
    private static final int SKIP = -1;
    private static final int ID = -2;
    /** Longest record {@code Part.plainRecord} reads, far below the limits on fields and records. */
    private static final int PLAIN_RECORD_BYTES = 1 << 16;

    private final Path file;
    /** The stream read instead of a file, or null. */
    private final CsvStreamBytes stream;
    private final String source;
    private final byte delimiter;
    private final int headerSize;
    private final int idColumn;
    private final int[] roles;
    private final List<String> names;
    private final byte[][] tokens;
    private final boolean ragged;
    private final MissingValuePolicy policy;
    private final int threads;
    private final int m;
    private final long minPartBytes;
    private final int longestToken;
    /** Whether the delimiter cannot be part of a number, so that a number's end can be found as it is parsed. */
    private final boolean fastNumbers;
    /** For each value column, its position in the record. */
    private final int[] columnPositions;

    CsvFileReader(Path file, String source, char delimiter, CsvRowSource header, Set<String> missingTokens,
            boolean ragged, MissingValuePolicy policy, int threads, long minPartBytes) {
        this(file, null, source, delimiter, header, missingTokens, ragged, policy, threads, minPartBytes);
    }

    /** Reads a stream's bytes (held as {@link CsvStreamBytes} holds them) instead of a file. */
    CsvFileReader(CsvStreamBytes stream, char delimiter, CsvRowSource header, Set<String> missingTokens,
            boolean ragged, MissingValuePolicy policy, int threads, long minPartBytes) {
        this(null, stream, stream.source(), delimiter, header, missingTokens, ragged, policy, threads, minPartBytes);
    }

    private CsvFileReader(Path file, CsvStreamBytes stream, String source, char delimiter, CsvRowSource header,
            Set<String> missingTokens, boolean ragged, MissingValuePolicy policy, int threads, long minPartBytes) {
        this.minPartBytes = minPartBytes;
        this.file = file;
        this.stream = stream;
        this.source = source;
        this.delimiter = (byte) delimiter;
        this.headerSize = header.headerSize();
        this.idColumn = header.idColumn();
        this.names = header.names();
        this.m = names.size();
        this.roles = new int[headerSize];
        Arrays.fill(roles, SKIP);
        if (idColumn >= 0) {
            roles[idColumn] = ID;
        }
        int[] values = header.valueColumns();
        for (int k = 0; k < values.length; k++) {
            roles[values[k]] = k;
        }
        this.columnPositions = values;
        this.tokens = new byte[missingTokens.size()][];
        int t = 0;
        for (String token : missingTokens) {
            tokens[t++] = token.getBytes(StandardCharsets.UTF_8);
        }
        int longest = 0;
        for (byte[] token : tokens) {
            longest = Math.max(longest, token.length);
        }
        this.longestToken = longest;
        this.fastNumbers = "0123456789+-.eE".indexOf(delimiter) < 0;
        this.ragged = ragged;
        this.policy = policy;
        this.threads = threads;
    }

    /** Whether the delimiter, a single byte in UTF-8, can be matched byte by byte. */
    static boolean handles(char delimiter) {
        return delimiter < 0x80;
    }

    /**
     * Where the bytes come from: a file, or a stream held from the current window on ({@link CsvStreamBytes}).
     */
    interface ByteSource extends java.io.Closeable {
        /**
         * Reads bytes from a position.
         *
         * @param dst where they go
         * @param position where they start
         * @return how many were read, or -1 at the end
         * @throws IOException if reading fails
         */
        int read(ByteBuffer dst, long position) throws IOException;

        /**
         * The number of bytes, or {@link Long#MAX_VALUE} while not known (a stream that has not ended).
         *
         * @return the size
         */
        long size();

        /**
         * Makes the bytes before a position readable without waiting, or the end known (a stream reads ahead).
         *
         * @param position a position
         * @throws IOException if reading fails
         */
        default void fill(long position) throws IOException {
            // a file holds all of its bytes
        }

        /**
         * Says that no byte before a position will be read again.
         *
         * @param position a position
         */
        default void release(long position) {
            // a file keeps its bytes
        }
    }

    /** A file's bytes. */
    private static final class FileSource implements ByteSource {
        private final FileChannel channel;
        private final long size;

        FileSource(FileChannel channel) throws IOException {
            this.channel = channel;
            this.size = channel.size();
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return channel.read(dst, position);
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** The file's or the stream's bytes, to be closed (which leaves a stream open). */
    private ByteSource open() throws IOException {
        return stream != null ? stream : new FileSource(FileChannel.open(file, StandardOpenOption.READ));
    }

    /** What the rows became: columns, ids, lines and counts. */
    static final class Rows {
        double[][] columns;
        CustomerIds ids;
        long[] lines;
        BitSet[] missing;
        long read;
        long dropped;
        long filled;
        /** In a window, the error after its rows (they come first, as from a record-by-record reader); or null. */
        CoreException error;
        /** Where the next record after these rows starts, and its line. */
        long end;
        long endLine;
    }

    Rows read() {
        try (ByteSource channel = open()) {
            long size = channel.size();
            long[] start = dataStart(channel);
            long dataStart = start[0];
            long firstLine = start[1];
            long span = size - dataStart;
            int parts = (int) Math.max(1, Math.min(threads, span / minPartBytes));
            long[] bounds = new long[parts + 1];
            for (int c = 0; c <= parts; c++) {
                bounds[c] = dataStart + span * c / parts;
            }
            Part[] results = new Part[parts];
            ParallelRanges.run(parts, parts, (from, to) -> {
                for (int c = from; c < to; c++) {
                    results[c] = new Part(channel).parse(bounds[c], c > 0, bounds[c + 1]);
                }
            });
            return assemble(channel, results, bounds, firstLine, 0, false, null);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the data rows for reading window by window (for {@link CsvBlockReader}).
     *
     * @param windowBytes bytes of the file per window, each cut into parts parsed in parallel
     * @param means under {@link MissingValuePolicy#COLUMN_MEAN}, the means of a first pass; else null
     * @return the windows, to be closed
     */
    Windows windows(long windowBytes, double[] means) {
        return new Windows(windowBytes, means);
    }

    /**
     * The rows of a file window by window: each window holds the records that start in the next
     * {@code windowBytes} bytes (the last one read to its end), parsed in parallel parts like {@link #read()}, so
     * that memory holds one window whatever the file's size. Ids are not compared across rows here; line numbers,
     * row-number ids, policies and errors are those of {@link #read()}.
     */
    final class Windows implements java.io.Closeable {
        private final ByteSource channel;
        private final long windowBytes;
        private final double[] means;
        private long next;
        private long line;
        /** Whether the rows have ended (at an error or at the end of the data). */
        private boolean ended;
        /** Records read, rows dropped and cells filled so far. */
        long records;
        long dropped;
        long filled;

        Windows(long windowBytes, double[] means) {
            this.windowBytes = windowBytes;
            this.means = means;
            try {
                channel = open();
                long[] start = dataStart(channel);
                next = start[0];
                line = start[1];
            } catch (IOException e) {
                throw new UncheckedIOException(source + ": " + e.getMessage(), e);
            }
        }

        /**
         * The rows of the next window that keeps any.
         *
         * @return the rows, or null at the end of the file
         */
        Rows next() {
            while (!ended) {
                try {
                    // a stream is read through the window first, so that its end is known if it falls inside
                    channel.fill(next + windowBytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(source + ": " + e.getMessage(), e);
                }
                long size = channel.size();
                if (next >= size) {
                    ended = true;
                    break;
                }
                long span = Math.min(windowBytes, size - next);
                int parts = (int) Math.max(1, Math.min(threads, span / minPartBytes));
                long[] bounds = new long[parts + 1];
                for (int c = 0; c <= parts; c++) {
                    bounds[c] = next + span * c / parts;
                }
                Part[] results = new Part[parts];
                ParallelRanges.run(parts, parts, (from, to) -> {
                    for (int c = from; c < to; c++) {
                        results[c] = new Part(channel).parse(bounds[c], c > 0, bounds[c + 1]);
                    }
                });
                Rows rows = assemble(channel, results, bounds, line, records, true, means);
                records += rows.read;
                dropped += rows.dropped;
                filled += rows.filled;
                if (rows.error != null) {
                    ended = true;
                    return rows;
                }
                next = rows.end;
                line = rows.endLine;
                channel.release(next);
                if (rows.ids.size() > 0) {
                    return rows;
                }
            }
            return null;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(source + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Confirms each part's start in order (parsing again where the guess was wrong), then builds the columns and,
     * for a whole file, checks the ids for repeats ({@link IdDuplicates}, on this reader's threads); of a repeated
     * id and an error in a part, the one earlier in the file is thrown, as a sequential read would.
     *
     * @param firstRecord records before the first part, for row-number ids
     * @param window false for a whole file (ids are checked for duplicates, COLUMN_MEAN fills with the means of
     *     these rows), true for a window (ids are not checked; COLUMN_MEAN fills with {@code streamMeans})
     * @param streamMeans for a window under COLUMN_MEAN, the means of the whole file
     */
    private Rows assemble(ByteSource channel, Part[] parts, long[] bounds, long firstLine,
            long firstRecord, boolean window, double[] streamMeans) {
        long expected = bounds[0];
        long line = firstLine;
        long records = firstRecord;
        int kept = 0;
        long[] recordBase = new long[parts.length];
        int[] rowBase = new int[parts.length];
        long[] lineBase = new long[parts.length];
        CoreException error = null;
        // for a whole file, the error to throw once the rows before it are known to have no repeated id
        CoreException failure = null;
        int used = parts.length;
        for (int c = 0; c < parts.length; c++) {
            Part p = parts[c];
            if (p.start != expected) {
                p = new Part(channel).parse(expected, false, Math.max(expected, bounds[c + 1]));
                parts[c] = p;
            }
            recordBase[c] = records;
            rowBase[c] = kept;
            lineBase[c] = line;
            if (p.error != null) {
                // in a window the rows before the error are handed out first, as a record-by-record reader would
                p.recordsBefore = records;
                CoreException at = p.error.at(line + p.errorLine);
                used = (long) kept + p.rows > Integer.MAX_VALUE - 8 ? c : c + 1;
                if (window) {
                    error = at;
                } else {
                    failure = at;
                }
                kept += used > c ? p.rows : 0;
                records += p.records;
                break;
            }
            if ((long) kept + p.rows > Integer.MAX_VALUE - 8) {
                failure = new CoreException(
                    "%s: more than %,d rows do not fit in one table; stream the file in blocks", source,
                    Integer.MAX_VALUE - 8);
                used = c;
                break;
            }
            kept += p.rows;
            records += p.records;
            line += p.breaks;
            expected = p.end;
        }
        if (failure != null && window) {
            throw failure;
        }
        Part[] assembled = Arrays.copyOf(parts, used);
        Rows rows = new Rows();
        rows.error = error;
        rows.read = records - firstRecord;
        rows.dropped = rows.read - kept;
        rows.end = expected;
        rows.endLine = line;
        int n = kept;
        // the columns are built only for rows handed out
        boolean build = failure == null;
        double[][] cols = new double[m][];
        if (build && assembled.length == 1) {
            // one part: its columns, trimmed, are the table's (no zeroed arrays to fill)
            for (int j = 0; j < m; j++) {
                double[] part = assembled[0].values[j];
                cols[j] = part.length == n ? part : Arrays.copyOf(part, n);
            }
        } else if (build) {
            for (int j = 0; j < m; j++) {
                cols[j] = new double[n];
            }
        }
        boolean check = idColumn >= 0 && !window;
        int[] hashes = !check ? null : assembled.length == 1 ? assembled[0].hashes : new int[n];
        long[] lines = new long[n];
        ParallelRanges.run(assembled.length, assembled.length, (from, to) -> {
            for (int c = from; c < to; c++) {
                Part p = assembled[c];
                int base = rowBase[c];
                for (int r = 0; r < p.rows; r++) {
                    lines[base + r] = lineBase[c] + p.lines[r];
                }
                if (check && assembled.length > 1) {
                    System.arraycopy(p.hashes, 0, hashes, base, p.rows);
                }
                if (build && assembled.length > 1) {
                    for (int j = 0; j < m; j++) {
                        System.arraycopy(p.values[j], 0, cols[j], base, p.rows);
                    }
                }
            }
        });
        IdDuplicates repeats = check ? new IdDuplicates(hashes, n) : null;
        CustomerIds ids = idColumn >= 0 ? utf8Ids(assembled) : numberIds(assembled, recordBase, rowBase, n);
        Arrays.fill(parts, 0, used, null);
        if (check) {
            int[] repeat = repeats.first(ids, threads);
            if (repeat != null) {
                throw new CoreException("%s:%d: duplicate customer id '%s' (first on line %d)", source,
                    lines[repeat[0]], ids.get(repeat[0]), lines[repeat[1]]);
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (policy == MissingValuePolicy.COLUMN_MEAN && window) {
            rows.missing = CsvTableReader.missingMask(cols);
            rows.filled = CsvTableReader.fillMissing(cols, streamMeans);
        } else if (policy == MissingValuePolicy.COLUMN_MEAN) {
            double[] means = new double[m];
            for (int j = 0; j < m; j++) {
                CsvTableReader.ColumnMean mean = new CsvTableReader.ColumnMean();
                for (double v : cols[j]) {
                    mean.add(v);
                }
                means[j] = mean.value(source, names.get(j));
            }
            rows.missing = CsvTableReader.missingMask(cols);
            rows.filled = CsvTableReader.fillMissing(cols, means);
        }
        rows.columns = cols;
        rows.ids = ids;
        rows.lines = lines;
        return rows;
    }

    /** The parts' ids as they were read, in UTF-8; the bytes and ends are trimmed where much is unused. */
    private static CustomerIds utf8Ids(Part[] parts) {
        byte[][] bytes = new byte[parts.length][];
        int[][] ends = new int[parts.length][];
        int[] rows = new int[parts.length];
        for (int c = 0; c < parts.length; c++) {
            Part p = parts[c];
            rows[c] = p.rows;
            bytes[c] = p.idBytes.length - p.idLength > p.idLength / 8 + 64 ? Arrays.copyOf(p.idBytes, p.idLength)
                : p.idBytes;
            ends[c] = p.idEnds.length - p.rows > p.rows / 8 + 16 ? Arrays.copyOf(p.idEnds, p.rows) : p.idEnds;
        }
        return CustomerIds.utf8(bytes, ends, rows);
    }

    /** Row-number ids: each row's record number in the file, counted from 1. */
    private static CustomerIds numberIds(Part[] parts, long[] recordBase, int[] rowBase, int n) {
        long[] numbers = new long[n];
        for (int c = 0; c < parts.length; c++) {
            Part p = parts[c];
            for (int r = 0; r < p.rows; r++) {
                numbers[rowBase[c] + r] = recordBase[c] + p.numbers[r] + 1;
            }
        }
        return CustomerIds.numbers(numbers);
    }

    /** The offset at which the data rows start (after byte-order mark, blank lines and header) and its line. */
    private long[] dataStart(ByteSource channel) throws IOException {
        byte[] buf = new byte[1 << 16];
        long pos = 0;
        long line = 1;
        boolean started = false;
        boolean quoted = false;
        boolean lastCr = false;
        boolean first = true;
        while (pos < channel.size()) {
            int n = channel.read(ByteBuffer.wrap(buf), pos);
            if (n <= 0) {
                break;
            }
            int i = 0;
            if (first) {
                first = false;
                if (n >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
                    i = 3;
                }
            }
            for (; i < n; i++) {
                byte b = buf[i];
                if (lastCr && b == '\n') {
                    lastCr = false;
                    continue;
                }
                lastCr = b == '\r';
                if (b == '\n' || b == '\r') {
                    line++;
                    if (started && !quoted) {
                        long end = pos + i + 1;
                        if (b == '\r' && byteAt(channel, end) == '\n') {
                            end++;
                        }
                        return new long[] {end, line};
                    }
                } else {
                    started = true;
                    if (b == '"') {
                        quoted = !quoted;
                    }
                }
            }
            pos += n;
        }
        return new long[] {pos, line};
    }

    /** The byte at a position, or 0 at the end. */
    private static byte byteAt(ByteSource channel, long pos) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        return channel.read(one, pos) == 1 ? one.get(0) : 0;
    }

    /** An error found in a part, made into an exception once its absolute line is known. */
    @FunctionalInterface
    private interface Deferred {
        CoreException at(long line);
    }

    /** Thrown inside a part to stop it; carries the error. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Deferred error;

        Stop(Deferred error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    /**
     * One part of the file: the records that start in [start, stop), parsed into one array per column. Lines are
     * counted from the part's start.
     */
    private final class Part {
        private final ByteSource channel;
        private byte[] buf = new byte[BUFFER];
        /** File offset of buf[0]. */
        private long bufPos;
        private int limit;
        private byte[] scratch = new byte[64];
        private int scratchLength;
        private CharsetDecoder decoder;

        long start;
        long stop;
        long end;
        long breaks;
        long records;
        int rows;
        /** values[j][r]: value column j of the part's row r. */
        double[][] values;
        /**
         * The ids' UTF-8 bytes, one after the other: row r's from idEnds[r - 1] (0 for row 0) to idEnds[r]. The
         * table keeps them as they are ({@link CustomerIds}): no string is made for an id until it is asked for,
         * which keeps a million strings out of every collection made while reading and after.
         */
        byte[] idBytes;
        int idLength;
        int[] idEnds;
        /** hashes[r]: the {@link String#hashCode} of row r's id, computed as the ids are read. */
        int[] hashes;
        long[] lines;
        int[] numbers;
        Deferred error;
        long errorLine;
        /** Records before this part in the file, set when the parts are assembled (for row-number ids). */
        long recordsBefore;

        /** The record being parsed: where it starts in buf, its field, the start of that field, its line breaks. */
        private int recStart;
        private int fieldIndex;
        private int fieldStart;
        private long recBreaks;
        private boolean rowMissing;
        /** Whether the current field's number was parsed by the fast path. */
        private boolean parsed;
        private final DecimalParser number = new DecimalParser();

        Part(ByteSource channel) {
            this.channel = channel;
        }

        /** The file offset of buf index i. */
        private long at(int i) {
            return bufPos + i;
        }

        /**
         * Loads more bytes, keeping buf[keep..limit) at the front (growing the buffer if it is full).
         *
         * @return false at the end of the file
         */
        private boolean more(int keep) {
            int held = limit - keep;
            try {
                // a stream finds out here whether a byte follows, so that its end is known before the buffer moves
                channel.fill(bufPos + limit + 1);
            } catch (IOException e) {
                throw new UncheckedIOException(source + ": " + e.getMessage(), e);
            }
            if (bufPos + limit >= channel.size()) {
                return false;
            }
            if (held >= buf.length / 2) {
                if (buf.length >= MAX_RECORD_BYTES) {
                    // not reached: a record this long has passed a limit in characters already
                    throw new Stop(line -> new CoreException("%s:%d: a record longer than %,d characters",
                        source, line, CsvLineTracker.MAX_RECORD_CHARS));
                }
                buf = Arrays.copyOfRange(buf, keep, keep + Math.min(MAX_RECORD_BYTES, 2 * buf.length));
            } else {
                System.arraycopy(buf, keep, buf, 0, held);
            }
            bufPos += keep;
            limit = held;
            try {
                while (limit < buf.length && bufPos + limit < channel.size()) {
                    int n = channel.read(ByteBuffer.wrap(buf, limit, buf.length - limit), bufPos + limit);
                    if (n <= 0) {
                        break;
                    }
                    limit += n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(source + ": " + e.getMessage(), e);
            }
            return true;
        }

        Part parse(long from, boolean guess, long stop) {
            values = new double[m][16];
            lines = new long[16];
            idEnds = idColumn >= 0 ? new int[16] : null;
            idBytes = idColumn >= 0 ? new byte[256] : null;
            idLength = 0;
            hashes = idColumn >= 0 ? new int[16] : null;
            numbers = idColumn >= 0 ? null : new int[16];
            // a guessed start is the first line break at or after from - 1: it ends the previous part's lines
            bufPos = guess ? from - 1 : from;
            limit = 0;
            more(0);
            int p = guess ? skipToLineStart() : 0;
            start = at(p);
            this.stop = stop;
            try {
                parseRecords(p, stop);
            } catch (Stop s) {
                error = s.error;
                errorLine = breaks;
            }
            return this;
        }

        private int skipToLineStart() {
            int p = 0;
            while (true) {
                while (p < limit && buf[p] != '\n' && buf[p] != '\r') {
                    p++;
                }
                if (p < limit) {
                    break;
                }
                if (!more(limit)) {
                    return limit;
                }
                p = 0;
            }
            if (buf[p] == '\r') {
                if (p + 1 >= limit) {
                    if (!more(p)) {
                        return limit;
                    }
                    p = 0;
                }
                if (p + 1 < limit && buf[p + 1] == '\n') {
                    return p + 2;
                }
            }
            return p + 1;
        }

        private void parseRecords(int from, long stop) {
            int p = from;
            while (true) {
                if (p >= limit) {
                    if (!more(limit)) {
                        p = limit;
                        break;
                    }
                    p = 0;
                }
                if (at(p) >= stop) {
                    break;
                }
                byte b = buf[p];
                if (b == '\n' || b == '\r') {
                    // a blank line
                    if (b == '\r') {
                        if (p + 1 >= limit && more(p)) {
                            p = 0;
                        }
                        if (p + 1 < limit && buf[p + 1] == '\n') {
                            p++;
                        }
                    }
                    p++;
                    breaks++;
                    continue;
                }
                int next = fastNumbers ? plainRecord(p) : -1;
                p = next >= 0 ? next : record(p);
            }
            end = at(p);
        }

        /** Parses the record starting at buf[p], reloading and starting again if it runs past the buffer. */
        private int record(int p) {
            recStart = p;
            boolean endKnown = false;
            while (true) {
                int next = tryRecord(recStart);
                if (next >= 0) {
                    return next;
                }
                // ran out of buffer: check the limits on what is held, then load more and start again
                checkLimitsSoFar();
                if (!more(recStart)) {
                    // a stream's end found just now (a file's is known, and tryRecord ends the record there):
                    // parse the record again, knowing it
                    if (endKnown) {
                        throw new IllegalStateException("end of the data inside a record");
                    }
                    endKnown = true;
                    continue;
                }
                recStart = 0;
            }
        }

        private void checkLimitsSoFar() {
            if (limit - fieldStart > CsvLineTracker.MAX_FIELD_CHARS
                && chars(fieldStart, limit) > CsvLineTracker.MAX_FIELD_CHARS) {
                throw fieldTooLong(fieldIndex + 1);
            }
            if (limit - recStart > CsvLineTracker.MAX_RECORD_CHARS
                && chars(recStart, limit) > CsvLineTracker.MAX_RECORD_CHARS) {
                throw recordTooLong();
            }
        }

        private long chars(int from, int to) {
            long n = 0;
            for (int i = from; i < to; i++) {
                if ((buf[i] & 0xC0) != 0x80) {
                    n++;
                }
            }
            return n;
        }

        private Stop fieldTooLong(int field) {
            return new Stop(line -> new CoreException("%s:%d: field %d is longer than %,d characters", source,
                line, field, CsvLineTracker.MAX_FIELD_CHARS));
        }

        private Stop recordTooLong() {
            return new Stop(line -> new CoreException("%s:%d: a record longer than %,d characters", source, line,
                CsvLineTracker.MAX_RECORD_CHARS));
        }

        /**
         * Makes room for one more row. Past the first rows the part's remaining size gives an estimate of its row
         * count, so that a large part is not copied over and over as it grows.
         */
        private void ensureRow(int p) {
            if (rows == lines.length) {
                long used = at(p) - start;
                long estimate = rows >= 256 && used > 0 ? (long) (rows * ((double) (stop - start) / used) * 1.05) + 64
                    : 0;
                long wanted = Math.max(2L * rows, Math.min(estimate, 16L * rows));
                long cap = (Integer.MAX_VALUE - 16) / Math.max(1, m);
                if (rows >= cap) {
                    throw new Stop(line -> new CoreException(
                        "%s:%d: more than %,d rows of %d values do not fit in one table; stream the file in blocks",
                        source, line, cap, m));
                }
                int grown = (int) Math.min(wanted, cap);
                lines = Arrays.copyOf(lines, grown);
                for (int j = 0; j < m; j++) {
                    values[j] = Arrays.copyOf(values[j], grown);
                }
                if (idEnds != null) {
                    idEnds = Arrays.copyOf(idEnds, grown);
                    hashes = Arrays.copyOf(hashes, grown);
                } else {
                    numbers = Arrays.copyOf(numbers, grown);
                }
            }
        }

        /**
         * Appends row {@code rows}' id, its UTF-8 bytes b[s, e), growing the bytes at the rate so far (as
         * {@link #ensureRow} grows the rows).
         *
         * @param position the file offset of the record, for the estimate
         */
        private void addId(byte[] b, int s, int e, long position) {
            int len = e - s;
            if (idBytes.length - idLength < len) {
                long needed = (long) idLength + len;
                long cap = Integer.MAX_VALUE - 16;
                if (needed > cap) {
                    throw new Stop(line -> new CoreException(
                        "%s:%d: more than %,d bytes of customer ids do not fit in one table; stream the file in "
                            + "blocks",
                        source, line, cap));
                }
                long used = Math.max(1, position - start);
                long estimate = (long) ((double) needed * (stop - start) / used * 1.05) + 64;
                long wanted = Math.max(2L * idBytes.length, Math.min(estimate, 16L * idBytes.length));
                idBytes = Arrays.copyOf(idBytes, (int) Math.min(cap, Math.max(wanted, needed)));
            }
            System.arraycopy(b, s, idBytes, idLength, len);
            idLength += len;
            idEnds[rows] = idLength;
        }

        /**
         * The index after the line break at b[q] (a '\n', or a '\r' taken together with a '\n' after it), or -1 when a
         * '\r' ends the bytes read before the end of the file, so that its '\n' may still follow.
         */
        private static int afterBreak(byte[] b, int q, int limit, boolean eof) {
            if (b[q] != '\r') {
                return q + 1;
            }
            if (q + 1 >= limit) {
                return eof ? q + 1 : -1;
            }
            return b[q + 1] == '\n' ? q + 2 : q + 1;
        }

        /**
         * Parses the record at buf[p] if it is plain: as many fields as the header, none quoted or starting with a
         * space, the id ASCII without surrounding spaces, every value a number {@link DecimalParser} decides that
         * is not a missing token, and the line break that ends it within the next 64 KB held in the buffer. Such a
         * record is recorded exactly as {@link #tryRecord} records it (each number parsed as that method's fast
         * path parses it, the id copied as {@link #decode} copies it and hashed as {@link String#hashCode}
         * hashes it), in one tight pass; anything else is left to {@link #tryRecord}, which then reads the record
         * from its start (values written here are overwritten).
         *
         * @return the index after the record's line break, or -1 if the record is not plain (nothing recorded)
         */
        private int plainRecord(int p) {
            ensureRow(p);
            byte[] b = buf;
            int lim = (int) Math.min(limit, (long) p + PLAIN_RECORD_BYTES);
            byte d = delimiter;
            int row = rows;
            int last = headerSize - 1;
            int[] role = roles;
            double[][] vals = values;
            DecimalParser parser = number;
            int s0 = 0;
            int e0 = 0;
            int hash = 0;
            int q = p;
            for (int f = 0;; f++) {
                int r = role[f];
                byte c;
                if (r >= 0) {
                    double v = parser.parse(b, q, lim);
                    int t = parser.end();
                    if (v != v || t >= lim) {
                        return -1;
                    }
                    if (t - q <= longestToken && isToken(b, q, t)) {
                        return -1;
                    }
                    vals[r][row] = v;
                    q = t;
                    c = b[q];
                } else {
                    int s = q;
                    int h = 0;
                    int bytes = 0;
                    while (q < lim && (c = b[q]) != d && c != '\n' && c != '\r') {
                        h = 31 * h + c;
                        bytes |= c;
                        q++;
                    }
                    if (q >= lim) {
                        return -1;
                    }
                    c = b[q];
                    if (r == ID) {
                        // an ASCII id without spaces around it: decode would copy it as it is
                        if (q == s || b[s] <= ' ' || b[s] == '"' || b[q - 1] <= ' ' || bytes < 0) {
                            return -1;
                        }
                        s0 = s;
                        e0 = q;
                        hash = h;
                    } else if (q > s && (b[s] == '"' || b[s] >= 0 && b[s] <= ' ')) {
                        return -1;
                    }
                }
                if (c == d) {
                    if (f == last) {
                        return -1;
                    }
                    q++;
                    continue;
                }
                // c is a line break (the number's end was checked, the other fields scanned to one)
                if (f != last) {
                    return -1;
                }
                if (c != '\n' && c != '\r') {
                    return -1;
                }
                q = afterBreak(b, q, limit, false);
                if (q < 0) {
                    return -1;
                }
                break;
            }
            lines[rows] = breaks;
            if (idEnds != null) {
                addId(b, s0, e0, at(p));
                hashes[rows] = hash;
            } else {
                numbers[rows] = (int) records;
            }
            records++;
            breaks++;
            rows++;
            return q;
        }

        /**
         * Parses one record from buf[p].
         *
         * @return the index after its line break, or -1 if the buffer ended first (and more of the file remains)
         */
        private int tryRecord(int p) {
            ensureRow(p);
            recBreaks = 0;
            rowMissing = false;
            int row = rows;
            int f = 0;
            Deferred valueError = null;
            String id = null;
            boolean eof = bufPos + limit >= channel.size();
            while (true) {
                fieldIndex = f;
                fieldStart = p;
                int s = p;
                while (s < limit && isSpace(buf[s])) {
                    s++;
                }
                byte[] cell;
                int cs;
                int ce;
                int q;
                if (s < limit && buf[s] == '"') {
                    int r = quoted(s + 1, f);
                    if (r < 0) {
                        return -1;
                    }
                    q = r;
                    cell = scratch;
                    cs = 0;
                    ce = scratchLength;
                } else {
                    q = s;
                    byte d = delimiter;
                    int numberRole = f < headerSize ? roles[f] : SKIP;
                    if (numberRole >= 0 && valueError == null && fastNumbers) {
                        // the common case: a plain number ended by the delimiter or a line break, parsed as it is
                        // scanned (the same bits as the general path, which handles everything else)
                        double v = number.parse(buf, s, limit);
                        int t = number.end();
                        if (v == v && t < limit && (buf[t] == d || buf[t] == '\n' || buf[t] == '\r')
                            && !isToken(buf, s, t)) {
                            values[numberRole][row] = v;
                            parsed = true;
                            q = t;
                        }
                    }
                    while (!parsed && q < limit) {
                        byte c = buf[q];
                        if (c == d || c == '\n' || c == '\r') {
                            break;
                        }
                        q++;
                    }
                    if (q == limit && !eof) {
                        return -1;
                    }
                    int e = q;
                    while (e > s && isSpace(buf[e - 1])) {
                        e--;
                    }
                    cell = buf;
                    cs = s;
                    ce = e;
                }
                if (q - p > CsvLineTracker.MAX_FIELD_CHARS && chars(p, q) > CsvLineTracker.MAX_FIELD_CHARS) {
                    throw fieldTooLong(f + 1);
                }
                if (q - recStart > CsvLineTracker.MAX_RECORD_CHARS
                    && chars(recStart, q) > CsvLineTracker.MAX_RECORD_CHARS) {
                    throw recordTooLong();
                }
                int role = f < headerSize ? roles[f] : SKIP;
                if (parsed) {
                    parsed = false;
                } else if (role >= 0) {
                    if (valueError == null) {
                        valueError = value(cell, cs, ce, row, role);
                    }
                } else if (role == ID) {
                    id = decode(cell, cs, ce);
                }
                if (q < limit && buf[q] == delimiter) {
                    f++;
                    if (f >= CsvLineTracker.MAX_FIELDS) {
                        throw new Stop(line -> new CoreException("%s:%d: more than %,d fields", source, line,
                            CsvLineTracker.MAX_FIELDS));
                    }
                    p = q + 1;
                    continue;
                }
                // end of record: a line break, or the end of the file
                int next = q < limit ? afterBreak(buf, q, limit, eof) : q;
                if (next < 0) {
                    return -1;
                }
                finishRecord(f + 1, id, valueError, row);
                if (q < limit) {
                    breaks++;
                }
                return next;
            }
        }

        /**
         * Reads a quoted field whose content starts at buf[p] into the scratch array, then the spaces after it.
         *
         * @return the index of the delimiter, line break or end after it, or -1 if the buffer ended first
         */
        private int quoted(int p, int field) {
            int n = 0;
            int i = p;
            boolean eof = bufPos + limit >= channel.size();
            long inner = 0;
            boolean lastCr = false;
            while (true) {
                if (i >= limit) {
                    if (!eof) {
                        return -1;
                    }
                    throw new Stop(line -> new CoreException(
                        "%s near line %d: malformed CSV: the file ends inside the quoted field %d", source, line,
                        field + 1));
                }
                byte c = buf[i];
                if (c == '"') {
                    if (i + 1 >= limit && !eof) {
                        return -1;
                    }
                    if (i + 1 < limit && buf[i + 1] == '"') {
                        n = put(n, c);
                        i += 2;
                        lastCr = false;
                        continue;
                    }
                    i++;
                    break;
                }
                if (c == '\n' && !lastCr || c == '\r') {
                    inner++;
                }
                lastCr = c == '\r';
                n = put(n, c);
                i++;
                if (i - fieldStart > CsvLineTracker.MAX_FIELD_CHARS
                    && chars(fieldStart, i) > CsvLineTracker.MAX_FIELD_CHARS) {
                    throw fieldTooLong(field + 1);
                }
            }
            while (i < limit && isSpace(buf[i])) {
                i++;
            }
            if (i >= limit && !eof) {
                return -1;
            }
            if (i < limit && buf[i] != delimiter && buf[i] != '\n' && buf[i] != '\r') {
                throw new Stop(line -> new CoreException(
                    "%s near line %d: malformed CSV: invalid char between encapsulated token and delimiter in field %d",
                    source, line, field + 1));
            }
            recBreaks += inner;
            scratchLength = n;
            return i;
        }

        private int put(int n, byte c) {
            if (n == scratch.length) {
                scratch = Arrays.copyOf(scratch, n * 2);
            }
            scratch[n] = c;
            return n + 1;
        }

        private void finishRecord(int fields, String id, Deferred valueError, int row) {
            long recordLine = breaks;
            if (fields != headerSize && (!ragged || fields > headerSize)) {
                throw new Stop(line -> new CoreException("%s:%d: %d fields but the header has %d", source, line,
                    fields, headerSize));
            }
            if (idColumn >= 0 && (id == null || id.isBlank())) {
                throw new Stop(line -> new CoreException("%s:%d: customer id (column %d) is blank", source, line,
                    idColumn + 1));
            }
            if (valueError != null) {
                throw new Stop(valueError);
            }
            if (fields < headerSize) {
                for (int j = 0; j < m; j++) {
                    if (fields <= columnOf(j)) {
                        values[j][row] = Double.NaN;
                        rowMissing = true;
                    }
                }
            }
            records++;
            breaks += recBreaks;
            if (rowMissing) {
                if (policy == MissingValuePolicy.REJECT) {
                    breaks -= recBreaks;
                    int k = firstMissing(row);
                    long number = records;
                    // a row-number id counts the records before this part, known once the parts are assembled
                    throw new Stop(line -> new CoreException(
                        "%s:%d: column '%s': value is missing (customer '%s') (missing value policy REJECT)",
                        source, line, names.get(k), id != null ? id : Long.toString(recordsBefore + number)));
                }
                if (policy == MissingValuePolicy.DROP_ROWS) {
                    return;
                }
            }
            lines[rows] = recordLine;
            if (idEnds != null) {
                byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
                addId(utf8, 0, utf8.length, at(recStart));
                hashes[rows] = id.hashCode();
            } else {
                numbers[rows] = (int) (records - 1);
            }
            rows++;
        }

        private int firstMissing(int row) {
            for (int j = 0; j < m; j++) {
                if (Double.isNaN(values[j][row])) {
                    return j;
                }
            }
            return 0;
        }

        private Deferred value(byte[] b, int s, int e, int slot, int k) {
            if (s == e || isToken(b, s, e)) {
                values[k][slot] = Double.NaN;
                rowMissing = true;
                return null;
            }
            double v;
            try {
                v = parsePlain(b, s, e);
            } catch (NumberFormatException ex) {
                String cell = text(b, s, e);
                if (cell == null) {
                    return notUtf8();
                }
                return line -> new CoreException("%s:%d: column '%s': '%s' is not a number", source, line,
                    names.get(k), cell);
            }
            if (v == 0 && hasNonZeroDigit(b, s, e)) {
                String cell = text(b, s, e);
                return line -> new CoreException(
                    "%s:%d: column '%s': '%s' is too small for a double (it would be read as 0)", source, line,
                    names.get(k), cell);
            }
            if (!Double.isFinite(v)) {
                String cell = text(b, s, e);
                return line -> new CoreException("%s:%d: column '%s': '%s' is out of the range of a double",
                    source, line, names.get(k), cell);
            }
            values[k][slot] = v;
            return null;
        }

        private Deferred notUtf8() {
            return line -> new CoreException("%s: not UTF-8 text (an undecodable byte after line %d)", source,
                line - 1);
        }

        private boolean isToken(byte[] b, int s, int e) {
            int len = e - s;
            if (len > longestToken) {
                return false;
            }
            for (byte[] t : tokens) {
                if (t.length == len && Arrays.equals(t, 0, len, b, s, e)) {
                    return true;
                }
            }
            return false;
        }

        /** The id, decoded; ASCII is copied, anything else decoded strictly. */
        private String decode(byte[] b, int s, int e) {
            for (int i = s; i < e; i++) {
                if (b[i] < 0) {
                    String text = text(b, s, e);
                    if (text == null) {
                        throw new Stop(notUtf8());
                    }
                    return text.strip();
                }
            }
            return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        }

        /** The cell's text, or null if it is not UTF-8. */
        private String text(byte[] b, int s, int e) {
            if (decoder == null) {
                decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            }
            try {
                CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(b, s, e - s));
                return chars.toString();
            } catch (CharacterCodingException ex) {
                return null;
            }
        }
    }

    private int columnOf(int j) {
        return columnPositions[j];
    }

    private boolean isSpace(byte b) {
        return (b == ' ' || b == '\t' || b == 0x0B || b == 0x0C || b >= 0x1C && b <= 0x1F) && b != delimiter;
    }

    /**
     * Parses a decimal number (digits with optional sign, point and exponent, as {@link CsvRowSource#isPlainNumber})
     * from bytes, to the same bits as {@link Double#parseDouble}.
     *
     * @throws NumberFormatException if the bytes are not such a number
     */
    static double parsePlain(byte[] b, int s, int e) {
        if (e <= s) {
            throw new NumberFormatException("empty");
        }
        byte first = b[s];
        byte last = b[e - 1];
        if (!(isDigit(first) || first == '+' || first == '-' || first == '.') || !(isDigit(last) || last == '.')) {
            throw new NumberFormatException("not decimal");
        }
        int i = first == '+' || first == '-' ? s + 1 : s;
        if (i + 1 < e && b[i] == '0' && (b[i + 1] == 'x' || b[i + 1] == 'X')) {
            throw new NumberFormatException("hexadecimal");
        }
        return JavaDoubleParser.parseDouble(b, s, e - s);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean hasNonZeroDigit(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
