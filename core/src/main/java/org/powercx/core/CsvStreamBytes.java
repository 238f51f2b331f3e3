package org.powercx.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of a stream (standard input, a socket) made readable at positions, as {@link CsvFileReader} reads a file:
 * what is read from the stream is kept in chunks of {@value #CHUNK} bytes from the oldest position still wanted
 * ({@link #release}) to the furthest one asked for, so that the reader's parts can parse a window in parallel and
 * look back to where a record starts. A read at a position not yet held reads the stream up to it (blocking), and
 * the size is known once the stream has ended. The stream is never closed here. Thread-safe.
 */
final class CsvStreamBytes implements CsvFileReader.ByteSource {
    /** Bytes per chunk. */
    static final int CHUNK = 1 << 20;

    private final InputStream in;
    private final String source;
    /** Bytes per chunk ({@value #CHUNK} but in tests). */
    private final int chunk;
    /** Chunks holding the bytes from {@code base}; all full but the last. */
    private final List<byte[]> chunks = new ArrayList<>();
    /** The stream position of the first byte of the first chunk. */
    private long base;
    /** The stream position after the last byte read. */
    private long held;
    /** The stream's end, or {@link Long#MAX_VALUE} while it has not ended. */
    private volatile long end = Long.MAX_VALUE;

    /**
     * Holds a stream's bytes.
     *
     * @param in the stream; not closed
     * @param source how messages name it
     */
    CsvStreamBytes(InputStream in, String source) {
        this(in, source, CHUNK);
    }

    /** Holds a stream's bytes in chunks of the given size (small in tests, to cross chunks often). */
    CsvStreamBytes(InputStream in, String source, int chunk) {
        this.in = in;
        this.source = source;
        this.chunk = chunk;
    }

    @Override
    public synchronized int read(ByteBuffer dst, long position) throws IOException {
        if (position < base) {
            throw new IllegalStateException("position " + position + " was released (held from " + base + ")");
        }
        fill(position + 1);
        if (position >= held) {
            return -1;
        }
        int n = 0;
        long at = position;
        while (dst.hasRemaining() && at < held) {
            long offset = at - base;
            byte[] bytes = chunks.get((int) (offset / chunk));
            int from = (int) (offset % chunk);
            int count = (int) Math.min(dst.remaining(), Math.min(chunk - from, held - at));
            dst.put(bytes, from, count);
            at += count;
            n += count;
        }
        return n;
    }

    @Override
    public long size() {
        return end;
    }

    /**
     * Reads the stream until it holds the bytes before {@code position} or has ended.
     *
     * @param position a stream position
     * @throws IOException if the stream cannot be read
     */
    @Override
    public synchronized void fill(long position) throws IOException {
        while (held < position && end == Long.MAX_VALUE) {
            int at = (int) ((held - base) % chunk);
            if (at == 0 && held - base == (long) chunks.size() * chunk) {
                chunks.add(new byte[chunk]);
            }
            byte[] last = chunks.get(chunks.size() - 1);
            int n = in.read(last, at, chunk - at);
            if (n < 0) {
                end = held;
            } else {
                held += n;
            }
        }
    }

    /**
     * Lets go of the chunks wholly before a position: nothing before it will be read again.
     *
     * @param position a stream position
     */
    @Override
    public synchronized void release(long position) {
        while (chunks.size() > 1 && base + chunk <= position) {
            chunks.remove(0);
            base += chunk;
        }
    }

    /** Where the bytes come from, for messages. */
    String source() {
        return source;
    }

    /**
     * The bytes from a position on as a stream, for the header's reader (which may read ahead; what it reads stays
     * held until released).
     *
     * @param position where to start
     * @return a stream that is not closed by closing it
     */
    InputStream from(long position) {
        return new InputStream() {
            private long at = position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int n = CsvStreamBytes.this.read(ByteBuffer.wrap(b, off, len), at);
                if (n > 0) {
                    at += n;
                }
                return n;
            }
        };
    }

    /** Leaves the stream open, as its owner opened it. */
    @Override
    public void close() {
        // the stream belongs to the caller
    }
}
