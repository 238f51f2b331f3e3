package org.powercx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code powercx} command-line tool: one subcommand per method plus the demo, the HTML report and a JShell
 * launcher. Exit status 0 on success, 1 for bad input (one line naming the file, line and field), 2 for a bad
 * command line.
 *
 * @since 0.1.0
 */
@Command(name = "powercx", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Power-customer analytics: AHP weights, grey relational grades, credit scoring, "
        + "satisfaction index models, lifetime value and segmentation.",
    subcommands = {DemoCommand.class, AhpCommand.class, GraCommand.class, CreditCommand.class, PlsCommand.class,
        ClvCommand.class, SegmentCommand.class, ShellCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Standard input, read by the streaming commands when the file is given as {@code -}. */
    private final InputStream in;

    /** Creates the root command; picocli calls it. */
    public Main() {
        this(System.in);
    }

    private Main(InputStream in) {
        this.in = in;
    }

    /** Standard input of this run. */
    InputStream standardInput() {
        return in;
    }

    /**
     * Prints the usage when no subcommand is given.
     */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the tool and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the tool without exiting, printing to the given streams.
     *
     * @param args the command line
     * @param out standard output
     * @param err standard error
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /**
     * Runs the tool without exiting, reading standard input from the given stream.
     *
     * @param args the command line
     * @param in standard input, read where the file is given as {@code -}
     * @param out standard output
     * @param err standard error
     * @return the exit status
     */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cl = new CommandLine(new Main(in));
        cl.setOut(o);
        cl.setErr(e);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            line.getErr().println(prefix(line) + ": " + oneLine(ex));
            line.getErr().flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args2) -> {
            CommandLine line = ex.getCommandLine();
            line.getErr().println(prefix(line) + ": " + oneLine(ex));
            line.getErr().println("Try '" + prefix(line) + " --help'.");
            line.getErr().flush();
            return 2;
        });
        int status = cl.execute(args);
        o.flush();
        e.flush();
        return status;
    }

    /**
     * The command path that error messages start with: {@code powercx}, {@code powercx ahp},
     * {@code powercx credit fit}.
     */
    static String prefix(CommandLine line) {
        return line.getCommandSpec().qualifiedName(" ");
    }

    private static String oneLine(Throwable ex) {
        String m = ex.getMessage();
        if (ex instanceof CliException || ex instanceof CommandLine.ParameterException) {
            return CliException.oneLine(m);
        }
        if (ex instanceof IllegalArgumentException) {
            return m == null ? ex.getClass().getSimpleName() : CliException.oneLine(m);
        }
        if (ex instanceof IOException || ex instanceof java.io.UncheckedIOException) {
            return "I/O error: " + CliException.oneLine(m);
        }
        return "internal error (" + ex.getClass().getName() + "): " + CliException.oneLine(m);
    }

    /** Reads the version from the jar's resources. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"powercx " + p.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version")};
        }
    }
}
