package org.powercx.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Shared plumbing of the subcommands: the {@code --format} and {@code --output} options and printing.
 *
 * @since 0.1.0
 */
abstract class Base implements Callable<Integer> {
    /** The command specification, injected by picocli. */
    @Spec
    protected CommandSpec spec;

    /** The output format. */
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
        description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    protected Format format = Format.TEXT;

    /** Optional output file. */
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Write the result to this file instead of standard output.")
    protected Path output;

    /** For subclasses. */
    protected Base() {
    }

    /**
     * Standard input of this run, for an input file given as {@code -}.
     *
     * @return the stream; not to be closed
     */
    java.io.InputStream standardInput() {
        return spec.root().userObject() instanceof Main m ? m.standardInput() : System.in;
    }

    /**
     * Computes the command's result.
     *
     * @return the tables and notes to print
     * @throws Exception on failure
     */
    protected abstract Output compute() throws Exception;

    /**
     * Runs the command and prints its result.
     *
     * @return exit status 0
     * @throws Exception on failure
     */
    @Override
    public Integer call() throws Exception {
        Output result;
        try {
            result = compute();
        } catch (OutOfMemoryError e) {
            // the early estimate let the input through but the heap ran out: the half-built data is garbage now
            throw outOfMemory("holding the input");
        }
        try {
            if (output != null) {
                try {
                    org.powercx.core.internal.AtomicFiles.write(output, out -> result.render(format, out));
                } catch (IOException e) {
                    throw new CliException("%s: cannot write: %s", output, e.getMessage());
                }
            } else {
                java.io.PrintWriter out = spec.commandLine().getOut();
                result.render(format, out);
                out.flush();
            }
        } catch (OutOfMemoryError e) {
            throw outOfMemory("writing the result");
        }
        return 0;
    }

    /** The one-line error for a heap that ran out while doing something. */
    private static CliException outOfMemory(String doing) {
        return new CliException("out of memory (heap %,d MB) %s; raise the heap (-Xmx) or use the command's --stream "
            + "option where it has one", Runtime.getRuntime().maxMemory() >> 20, doing);
    }
}
