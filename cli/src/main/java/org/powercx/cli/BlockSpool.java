package org.powercx.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.powercx.core.IndicatorTable;
import org.powercx.core.internal.TableColumns;

/**
 * A temporary file holding the parsed blocks of a streaming pass (ids and the indicator values, in binary), so that
 * a second pass reads them back instead of parsing the text again. Each block is stored as its row count, its id
 * characters and the id ends, then its columns one after the other, in the machine's byte order: about
 * {@code 8 * indicators + 4 + 2 * id length} bytes per row.
 *
 * <p>The file is created in a given directory, marked for deletion on exit and deleted by {@link #close()}. Not
 * thread-safe: one thread writes it, then one thread reads it.
 */
final class BlockSpool implements AutoCloseable {
    /** Opens the channel a spool file is written through. */
    @FunctionalInterface
    interface Opener {
        /**
         * Opens the file for writing.
         *
         * @param file the new, empty spool file
         * @return the channel
         * @throws IOException if the file cannot be opened
         */
        WritableByteChannel open(Path file) throws IOException;
    }

    /** How spool files are opened for writing: a seam for tests that fill the disk part way. */
    static final Opener FILES = file -> FileChannel.open(file, StandardOpenOption.WRITE);

    /** Replaced only by tests, on the thread that then runs the command (which creates the spool on it). */
    private static Opener opener = FILES;

    /** Bytes of a block's header: its row count and its id characters. */
    static final long BLOCK_HEADER = 8;

    /**
     * Bytes that rows take in a block, after its header: an id end (4 bytes) and the id's characters (2 bytes
     * each) per row, and 8 bytes per value.
     *
     * @param rows the rows
     * @param idChars the characters of their ids
     * @param columns the indicator columns
     * @return the bytes
     */
    static long rowBytes(long rows, long idChars, int columns) {
        return 4L * rows + 2L * idChars + 8L * rows * columns;
    }

    private final Path directory;
    private final Path file;
    /** Indicator columns per block, set by the first block written. */
    private int columns = -1;
    /** The writing channel until {@link #rewind()}, then null. */
    private WritableByteChannel output;
    /** The reading channel from {@link #rewind()} on. */
    private FileChannel input;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.nativeOrder());
    private long written;

    private BlockSpool(Path directory, Path file, WritableByteChannel output) {
        this.directory = directory;
        this.file = file;
        this.output = output;
    }

    /**
     * Replaces how spool files are opened for writing (tests only).
     *
     * @param replacement the opener, or {@link #FILES}
     * @return the opener it replaces
     */
    static Opener openWith(Opener replacement) {
        Opener before = opener;
        opener = replacement;
        return before;
    }

    /**
     * Creates the spool file.
     *
     * @param directory where to create it
     * @return the open spool
     * @throws CliException naming the directory if it is missing, not a directory or not writable
     */
    static BlockSpool create(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new CliException("spool directory %s: %s", directory,
                Files.exists(directory) ? "not a directory" : "not found");
        }
        Path file;
        try {
            file = Files.createTempFile(directory, "powercx-spool-", ".bin");
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw new CliException("spool directory %s: cannot create a file: %s", directory, reason(e));
        }
        file.toFile().deleteOnExit();
        try {
            return new BlockSpool(directory, file, opener.open(file));
        } catch (IOException e) {
            delete(file);
            throw new CliException("spool directory %s: cannot open %s: %s", directory, file.getFileName(),
                reason(e));
        }
    }

    /** Bytes written so far. */
    long size() {
        return written;
    }

    /**
     * Appends a block.
     *
     * @param block the block; has as many indicators as the first block written
     * @throws CliException naming the directory if the file cannot be written (a full disk)
     */
    void write(IndicatorTable block) {
        if (columns < 0) {
            columns = block.indicatorCount();
        }
        int n = block.rowCount();
        int chars = 0;
        for (int i = 0; i < n; i++) {
            chars += block.id(i).length();
        }
        long bytes = BLOCK_HEADER + rowBytes(n, chars, columns);
        ByteBuffer b = buffer(bytes);
        b.putInt(n).putInt(chars);
        int end = 0;
        for (int i = 0; i < n; i++) {
            end += block.id(i).length();
            b.putInt(end);
        }
        for (int i = 0; i < n; i++) {
            String id = block.id(i);
            for (int k = 0; k < id.length(); k++) {
                b.putChar(id.charAt(k));
            }
        }
        for (int j = 0; j < columns; j++) {
            b.asDoubleBuffer().put(TableColumns.view(block, j), 0, n);
            b.position(b.position() + 8 * n);
        }
        b.flip();
        try {
            while (b.hasRemaining()) {
                output.write(b);
            }
        } catch (IOException e) {
            throw new CliException("spool directory %s: cannot write (%,d bytes written so far; the disk may be full, "
                + "or use --no-spool): %s", directory, written, reason(e));
        }
        written += bytes;
    }

    private ByteBuffer buffer(long bytes) {
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new CliException("spool: a block of %,d bytes is too large", bytes);
        }
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect((int) Math.max(bytes, 2L * buffer.capacity()))
                .order(ByteOrder.nativeOrder());
        }
        buffer.clear();
        return buffer;
    }

    /** One block read back: ids as characters with their ends, and the columns. */
    record Block(int rows, char[] idChars, int[] idEnds, double[][] columns) {
        int idStart(int i) {
            return i == 0 ? 0 : idEnds[i - 1];
        }

        String id(int i) {
            return new String(idChars, idStart(i), idEnds[i] - idStart(i));
        }
    }

    /**
     * Rewinds to the first block, after the last has been written.
     *
     * @throws CliException naming the directory if the file cannot be read
     */
    void rewind() {
        try {
            if (output != null) {
                WritableByteChannel o = output;
                output = null;
                o.close();
            }
            if (input == null) {
                input = FileChannel.open(file, StandardOpenOption.READ);
            } else {
                input.position(0);
            }
        } catch (IOException e) {
            throw failedRead(e);
        }
    }

    /**
     * The next block, in the order written.
     *
     * @return the block, or null after the last
     * @throws CliException naming the directory if the file cannot be read
     */
    Block next() {
        try {
            ByteBuffer head = buffer(8);
            head.limit(8);
            if (!fill(head)) {
                return null;
            }
            head.flip();
            int n = head.getInt();
            int chars = head.getInt();
            long bytes = 4L * n + 2L * chars + 8L * n * columns;
            ByteBuffer b = buffer(bytes);
            b.limit((int) bytes);
            if (!fill(b)) {
                throw new CliException("spool directory %s: %s ends inside a block", directory,
                    file.getFileName());
            }
            b.flip();
            int[] ends = new int[n];
            b.asIntBuffer().get(ends);
            b.position(b.position() + 4 * n);
            char[] idChars = new char[chars];
            b.asCharBuffer().get(idChars);
            b.position(b.position() + 2 * chars);
            double[][] cols = new double[columns][n];
            for (int j = 0; j < columns; j++) {
                b.asDoubleBuffer().get(cols[j]);
                b.position(b.position() + 8 * n);
            }
            return new Block(n, idChars, ends, cols);
        } catch (IOException e) {
            throw failedRead(e);
        }
    }

    /** Reads until the buffer is full; false if the file ends first (at its start only for a clean end). */
    private boolean fill(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (input.read(b) < 0) {
                if (b.position() == 0) {
                    return false;
                }
                throw new CliException("spool directory %s: %s ends inside a block", directory,
                    file.getFileName());
            }
        }
        return true;
    }

    private CliException failedRead(IOException e) {
        return new CliException("spool directory %s: cannot read %s: %s", directory, file.getFileName(),
            reason(e));
    }

    /** Why an operation failed, in words: a file system exception's message is often only the path. */
    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Closes and deletes the file. */
    @Override
    public void close() {
        for (java.nio.channels.Channel c : new java.nio.channels.Channel[] {output, input}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (IOException e) {
                // the file is deleted below whether or not the channel closed cleanly
            }
        }
        output = null;
        input = null;
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // marked for deletion on exit
        }
    }
}
