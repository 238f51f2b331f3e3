package org.powercx.core;

import java.io.IOException;
import java.io.Reader;

/**
 * Sits between the text and the CSV parser and follows the RFC 4180 structure character by character, so that
 * the reader knows the physical line on which each record starts (blank lines, which the parser skips, and line
 * breaks inside quoted fields included), and so that a field, a record or a field count too large for the
 * heap is refused before the parser builds it.
 *
 * <p>The parser reads ahead, so the start lines of records this tracker has seen but the parser has not yet
 * returned wait in a small queue; {@link #nextRecordLine()} takes them in order. Not thread-safe.
 */
final class CsvLineTracker extends Reader {
    /** Most fields a record may have. */
    static final int MAX_FIELDS = 100_000;
    /** Most characters a field may have. */
    static final int MAX_FIELD_CHARS = 1_000_000;
    /** Most characters a record may have. */
    static final int MAX_RECORD_CHARS = 10_000_000;

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_SEEN = 3;
    private static final int AFTER_QUOTE = 4;

    private final Reader in;
    private final String source;
    private final char delimiter;
    private long line = 1;
    private boolean lastWasCarriageReturn;
    private boolean inRecord;
    private int state = FIELD_START;
    private int fields;
    private int fieldChars;
    private int recordChars;
    private long recordLine;
    private long[] starts = new long[16];
    private int head;
    private int size;

    CsvLineTracker(Reader in, String source, char delimiter) {
        this.in = in;
        this.source = source;
        this.delimiter = delimiter;
    }

    /**
     * The start line of the next record the parser returns, 1-based.
     *
     * @return the line, or the current line if no record start is queued
     */
    long nextRecordLine() {
        if (size == 0) {
            return line;
        }
        long l = starts[head];
        head = (head + 1) % starts.length;
        size--;
        return l;
    }

    /**
     * The physical line the tracker has reached.
     *
     * @return the line, 1-based
     */
    long line() {
        return line;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            step(buffer[offset + i]);
        }
        return n;
    }

    private void step(char c) {
        if (lastWasCarriageReturn && c == '\n') {
            lastWasCarriageReturn = false;
            return;
        }
        lastWasCarriageReturn = c == '\r';
        boolean lineBreak = c == '\n' || c == '\r';
        if (lineBreak && state != QUOTED) {
            inRecord = false;
            state = FIELD_START;
            line++;
            return;
        }
        if (!inRecord) {
            inRecord = true;
            recordLine = line;
            push(line);
            fields = 1;
            fieldChars = 0;
            recordChars = 0;
        }
        if (lineBreak) {
            line++;
        }
        if (++recordChars > MAX_RECORD_CHARS) {
            throw new CoreException("%s:%d: a record longer than %,d characters", source, recordLine,
                MAX_RECORD_CHARS);
        }
        if (c == delimiter && state != QUOTED) {
            if (++fields > MAX_FIELDS) {
                throw new CoreException("%s:%d: more than %,d fields", source, recordLine, MAX_FIELDS);
            }
            fieldChars = 0;
            state = FIELD_START;
            return;
        }
        if (++fieldChars > MAX_FIELD_CHARS) {
            throw new CoreException("%s:%d: field %d is longer than %,d characters", source, recordLine, fields,
                MAX_FIELD_CHARS);
        }
        switch (state) {
            case FIELD_START -> {
                if (c == '"') {
                    state = QUOTED;
                } else if (!Character.isWhitespace(c)) {
                    state = UNQUOTED;
                }
            }
            case QUOTED -> {
                if (c == '"') {
                    state = QUOTE_SEEN;
                }
            }
            case QUOTE_SEEN -> state = c == '"' ? QUOTED : AFTER_QUOTE;
            default -> {
                // an unquoted field or text after a closing quote runs to the next delimiter or line break
            }
        }
    }

    private void push(long start) {
        if (size == starts.length) {
            long[] grown = new long[size * 2];
            for (int k = 0; k < size; k++) {
                grown[k] = starts[(head + k) % size];
            }
            starts = grown;
            head = 0;
        }
        starts[(head + size) % starts.length] = start;
        size++;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
