package org.powercx.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    private static long files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void aFailureHalfWayLeavesTheOldFileAndNoTemporaryOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.txt");
        Files.writeString(file, "old");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("new text that never completes".repeat(10_000));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(files(dir)).isEqualTo(1);
        Path absent = dir.resolve("new.txt");
        assertThatThrownBy(() -> AtomicFiles.write(absent, out -> {
            out.write("partial");
            throw new IllegalStateException("stopped");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(absent).doesNotExist();
        assertThat(files(dir)).isEqualTo(1);
    }

    @Test
    void anInterruptedWriteReplacesNothing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "old");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> AtomicFiles.writeString(file, "new"))
                .isInstanceOf(java.io.InterruptedIOException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(files(dir)).isEqualTo(1);
        AtomicFiles.writeString(file, "new \u00e9");
        assertThat(Files.readString(file)).isEqualTo("new \u00e9");
        AtomicFiles.writeString(file, "again");
        assertThat(Files.readString(file)).isEqualTo("again");
        assertThat(files(dir)).isEqualTo(1);
    }
}
