package org.powercx.core.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes an output file so that it is either complete or untouched: the text goes to a new temporary file in
 * the same directory, which is renamed over the target only once it is written and closed. A failure or an
 * interruption while writing leaves the previous file (or no file) and deletes the temporary one; a process
 * killed mid-write can leave only a hidden {@code .<name>.<random>.tmp} file, never a truncated target.
 * Internal: used by the CSV writer and the command line.
 */
public final class AtomicFiles {
    /** The text of a file, written to the writer it is given. */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes the text.
         *
         * @param out the writer, closed afterwards by the caller
         * @throws IOException if writing fails
         */
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes a string as UTF-8, replacing the file only once all of it is written.
     *
     * @param file the target
     * @param text the text
     * @throws IOException if the file cannot be written; the target is then unchanged
     */
    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text));
    }

    /**
     * Writes UTF-8 text, replacing the file only once all of it is written.
     *
     * @param file the target
     * @param body what to write
     * @throws IOException if the file cannot be written; the target is then unchanged
     */
    public static void write(Path file, Body body) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = null;
        for (int attempt = 0; temp == null; attempt++) {
            Path candidate = dir.resolve("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
            try {
                Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                temp = candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
        boolean moved = false;
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                body.writeTo(out);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException(file + ": interrupted while writing");
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
