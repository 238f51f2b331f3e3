package org.powercx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.powercx.core.CsvTableReader;
import org.powercx.core.IndicatorTable;

/**
 * Refuses, before the first pass of {@code gra --stream}, a spool that the disk of the spool directory clearly
 * cannot take, so that the command stops at once in one line instead of part way through a long pass.
 *
 * <p>The spool holds \( 4 + 2\,\text{id characters} + 8\,\text{indicators} \) bytes per row (plus 8 per block of
 * rows; {@link BlockSpool#rowBytes}), whatever the text of the numbers: the number of rows, and so the
 * spool's size, cannot be told from the file's size alone. Sixteen numbers in shortest representation (about 19 characters each) make a spool about
 * half the file's size; one-digit numbers, whose cell and comma are 2 bytes of text and 8 of spool, make it up
 * to 4 times the file's size (8 times for empty cells filled by {@code COLUMN_MEAN}); a column left out by
 * {@code --columns} makes it smaller. So the estimate is measured: the first {@value #SAMPLE_BYTES} bytes of the file, cut at the last line break outside quotes, are
 * read with the command's options and their spool bytes per file byte are scaled to the file's size (exact when
 * the sample is the whole file). The command refuses only when the free space for the spool directory
 * ({@link java.nio.file.FileStore#getUsableSpace()}) is below {@value #REFUSE_BELOW} of that estimate, so that
 * a file whose first rows take more spool per byte of text than the rest is not refused by mistake; a spool
 * that the disk cannot take after all stops with the write error of {@link BlockSpool}. A sample that cannot be
 * read, or has no whole row, is left to the first pass to report, without an estimate.
 */
final class SpoolSpace {
    /** Bytes sampled from the start of the file. */
    static final int SAMPLE_BYTES = 1 << 18;
    /** Share of the estimate below which the free space is refused. */
    static final double REFUSE_BELOW = 0.8;
    private static final long MB = 1L << 20;

    private SpoolSpace() {
    }

    /**
     * Checks that the spool directory has room for a file's spool.
     *
     * @param directory the spool directory
     * @param file the CSV file, a regular file
     * @param reader the reader with the command's column options
     * @throws CliException naming the directory, the estimate and the free space if the free space is below
     *     {@value #REFUSE_BELOW} of the estimate
     */
    static void check(Path directory, Path file, CsvTableReader reader) {
        long size;
        byte[] sample = new byte[SAMPLE_BYTES];
        int n = 0;
        long usable;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            int k;
            while (n < sample.length && (k = in.read(sample, n, sample.length - n)) > 0) {
                n += k;
            }
            usable = Files.getFileStore(directory).getUsableSpace();
        } catch (IOException | SecurityException e) {
            return; // the passes report what cannot be read or written
        }
        Estimate e = estimate(reader, size, sample, n);
        String problem = e == null ? null : problem(directory, e, usable);
        if (problem != null) {
            throw new CliException("%s", problem);
        }
    }

    /** The estimated spool size in bytes, and the rows of the sample it was scaled from. */
    record Estimate(long bytes, int sampleRows) {
    }

    /**
     * Estimates the spool of a file from its first bytes.
     *
     * @param reader the reader with the command's column options
     * @param size the file's size in bytes
     * @param sample the first bytes of the file
     * @param length how many bytes of the sample are filled
     * @return the estimate, or null if the sample has no whole row or cannot be read
     */
    static Estimate estimate(CsvTableReader reader, long size, byte[] sample, int length) {
        int header = recordEnd(sample, length, true);
        // the whole file was read: its last row needs no line break
        int end = length >= size ? length : recordEnd(sample, length, false);
        if (header <= 0 || end <= header) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(sample, 0, end)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        IndicatorTable t;
        try {
            t = reader.read(new StringReader(text), "sample").table();
        } catch (RuntimeException e) {
            return null; // the first pass names the bad cell
        }
        int rows = t.rowCount();
        if (rows == 0) {
            return null;
        }
        long chars = 0;
        for (int i = 0; i < rows; i++) {
            chars += t.id(i).length();
        }
        double sampleSpool = BlockSpool.rowBytes(rows, chars, t.indicatorCount());
        double scale = (double) (size - header) / (end - header);
        double blocks = Math.ceil(rows * scale / GraCommand.STREAM_BLOCK);
        return new Estimate((long) Math.ceil(sampleSpool * scale + BlockSpool.BLOCK_HEADER * blocks), rows);
    }

    /**
     * The end of the first or the last record of the sample: the index after a line break outside quotes.
     *
     * @return the index, or -1 if there is none
     */
    private static int recordEnd(byte[] sample, int length, boolean first) {
        boolean quoted = false;
        int end = -1;
        for (int i = 0; i < length; i++) {
            byte b = sample[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (b == '\n' && !quoted) {
                end = i + 1;
                if (first) {
                    return end;
                }
            }
        }
        return end;
    }

    /**
     * The one-line refusal, or null if the free space is enough.
     *
     * @param directory the spool directory
     * @param estimate the spool's estimate
     * @param usable the free space for the directory, bytes
     * @return the message, or null
     */
    static String problem(Path directory, Estimate estimate, long usable) {
        if (usable >= REFUSE_BELOW * estimate.bytes()) {
            return null;
        }
        return org.powercx.core.internal.Messages.format("spool directory %s: %s free but the parsed rows need "
            + "about %s (the first %,d rows scaled to the file size); use --spool-dir on a larger disk, or "
            + "--no-spool", directory, bytes(usable), bytes(estimate.bytes()), estimate.sampleRows());
    }

    private static String bytes(long n) {
        return n >= 10 * MB ? String.format(java.util.Locale.ROOT, "%,d MB", n / MB)
            : String.format(java.util.Locale.ROOT, "%,d bytes", n);
    }
}
