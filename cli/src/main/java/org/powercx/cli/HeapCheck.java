package org.powercx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses, before reading starts, a CSV table that could not be held in the Java heap, so that the command says so
 * in one line instead of ending in an {@link OutOfMemoryError}.
 *
 * <p>The estimate extrapolates the first {@value #SAMPLE_BYTES} bytes of the file to its size: rows from the line
 * breaks, cells from the line breaks and the delimiters ({@code , ; tab}), then
 * \( \text{need} = 200\,\text{rows} + 24\,\text{cells} \) bytes: an id string with its lookup entry per row, and
 * per cell the double, the spare capacity of a growing column and the final copy. Measured on 40 MB files it is
 * 5 to 30 % above the smallest heap that reads them (ten 6-character numbers per line, a hundred 1-digit ones,
 * one short id and one digit), so a file it refuses would not have fitted. Delimiters inside quoted text count
 * as cells, which only makes it more cautious.
 */
final class HeapCheck {
    /** Bytes sampled from the start of the file. */
    static final int SAMPLE_BYTES = 1 << 16;
    /** Heap per row (id and its entry in the id index), bytes. */
    static final long BYTES_PER_ROW = 200;
    /** Heap per cell, bytes. */
    static final long BYTES_PER_CELL = 24;
    private static final long MB = 1L << 20;

    private HeapCheck() {
    }

    /**
     * Checks that a CSV table fits in this JVM's heap.
     *
     * @param file the CSV file, a regular file
     * @throws CliException if the estimate exceeds {@link Runtime#maxMemory()}
     */
    static void csv(Path file) {
        csv(file, null);
    }

    /**
     * Checks that a CSV table fits in this JVM's heap, naming an alternative in the refusal.
     *
     * @param file the CSV file, a regular file
     * @param advice what else the user can do (such as "use --stream"), or null
     * @throws CliException if the estimate exceeds {@link Runtime#maxMemory()}
     */
    static void csv(Path file, String advice) {
        long size;
        byte[] sample = new byte[SAMPLE_BYTES];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            int k;
            while (n < sample.length && (k = in.read(sample, n, sample.length - n)) > 0) {
                n += k;
            }
        } catch (IOException e) {
            return; // the reader reports what cannot be read
        }
        String problem = problem(file.toString(), size, sample, n, Runtime.getRuntime().maxMemory());
        if (problem != null) {
            throw new CliException("%s", advice == null ? problem : problem.replace("; start Java", "; " + advice
                + ", or start Java"));
        }
    }

    /**
     * The one-line refusal for a file, or null if it fits.
     *
     * @param name the file name for the message
     * @param size the file size in bytes
     * @param sample the first bytes of the file
     * @param length how many bytes of the sample are filled
     * @param maxHeap the heap limit in bytes
     * @return the message, or null
     */
    static String problem(String name, long size, byte[] sample, int length, long maxHeap) {
        long need = estimate(size, sample, length);
        if (need <= maxHeap) {
            return null;
        }
        return org.powercx.core.internal.Messages.format("%s: a table of %,d bytes needs about %,d MB of memory, "
            + "more than the %,d MB the Java heap may use; start Java with a larger -Xmx or split the file", name,
            size, (need + MB - 1) / MB, maxHeap / MB);
    }

    /** Estimated heap in bytes to read a file of {@code size} bytes whose first bytes are the sample. */
    static long estimate(long size, byte[] sample, int length) {
        if (length <= 0) {
            return 0;
        }
        long breaks = 0;
        long delimiters = 0;
        for (int i = 0; i < length; i++) {
            byte b = sample[i];
            if (b == '\n') {
                breaks++;
            } else if (b == ',' || b == ';' || b == '\t') {
                delimiters++;
            }
        }
        double scale = (double) size / length;
        double rows = Math.max(1, breaks * scale);
        double cells = rows + delimiters * scale;
        double need = BYTES_PER_ROW * rows + BYTES_PER_CELL * cells;
        return need >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) need;
    }
}
