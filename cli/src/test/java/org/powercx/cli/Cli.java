package org.powercx.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the tool in-process and captures its streams. */
final class Cli {
    /** The project root, seen from the module directory where the tests run. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    final int status;
    final String out;
    final String err;

    private Cli(int status, String out, String err) {
        this.status = status;
        this.out = out;
        this.err = err;
    }

    static Path doc(String relative) {
        return ROOT.resolve(relative);
    }

    static Cli run(String... args) {
        return withInput(new byte[0], args);
    }

    /** Runs the tool with the given bytes on its standard input. */
    static Cli withInput(byte[] in, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = Main.run(args, new java.io.ByteArrayInputStream(in), new PrintStream(o, true,
            StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Cli(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "status " + status + "\nout:\n" + out + "\nerr:\n" + err;
    }
}
