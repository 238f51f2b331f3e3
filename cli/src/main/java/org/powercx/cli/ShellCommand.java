package org.powercx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code powercx shell}: JShell with the library on the class path and its packages imported.
 *
 * @since 0.1.0
 */
@Command(name = "shell", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Opens JShell with PowerCX on the class path and its packages imported; result objects "
        + "print as tables.", "From the project root the same as: jshell --class-path cli/target/powercx.jar "
            + "--startup DEFAULT --startup docs/examples/powercx.jsh (--print-command prints it with absolute "
            + "paths, to run from anywhere)."})
final class ShellCommand implements Callable<Integer> {
    /** The imports run at start-up. */
    static final String STARTUP = "powercx.jsh";

    @Spec
    private CommandSpec spec;

    @Option(names = "--print-command", description = "Print the equivalent jshell command line and exit.")
    private boolean printCommand;

    /** Creates the command; picocli calls it. */
    public ShellCommand() {
        // picocli instantiates the command
    }

    /**
     * The class path of the running tool: the shaded jar, or the class directories during development.
     *
     * @return the class path
     */
    static String classPath() {
        return System.getProperty("java.class.path");
    }

    /**
     * The class path with every entry absolute, so that the printed command works from any directory.
     *
     * @return the class path
     */
    static String absoluteClassPath() {
        List<String> entries = new java.util.ArrayList<>();
        for (String e : classPath().split(java.io.File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(Path.of(e).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * The start-up script as a file for the printed command: the project's {@code docs/examples/powercx.jsh},
     * found above a class path entry (the jar in {@code cli/target}), by its absolute path; outside a project
     * checkout, a copy in the temporary directory.
     *
     * @return the absolute path of the script
     * @throws IOException if the copy cannot be written
     */
    static Path startupFile() throws IOException {
        String script = startup();
        for (String e : absoluteClassPath().split(java.io.File.pathSeparator)) {
            for (Path dir = Path.of(e).getParent(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("docs").resolve("examples").resolve(STARTUP);
                if (Files.isRegularFile(candidate) && Files.readString(candidate, StandardCharsets.UTF_8)
                    .equals(script)) {
                    return candidate;
                }
            }
        }
        Path copy = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath()
            .resolve("powercx-" + Integer.toHexString(script.hashCode()) + ".jsh");
        if (!Files.isRegularFile(copy) || !Files.readString(copy, StandardCharsets.UTF_8).equals(script)) {
            Files.writeString(copy, script, StandardCharsets.UTF_8);
        }
        return copy;
    }

    /**
     * The start-up script: the imports of every PowerCX package.
     *
     * @return the script text
     * @throws IOException if the resource is missing
     */
    static String startup() throws IOException {
        try (InputStream in = ShellCommand.class.getResourceAsStream(STARTUP)) {
            if (in == null) {
                throw new IOException("resource " + STARTUP + " not found");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Starts JShell in this process and returns when the user leaves it.
     *
     * @return JShell's exit status
     * @throws Exception if JShell cannot start
     */
    @Override
    public Integer call() throws Exception {
        if (printCommand) {
            spec.commandLine().getOut().println(String.join(" ", "jshell", "--class-path",
                quote(absoluteClassPath()), "--startup", "DEFAULT", "--startup", quote(startupFile().toString())));
            spec.commandLine().getOut().flush();
            return 0;
        }
        Path script = Files.createTempFile("powercx", ".jsh");
        try {
            Files.writeString(script, startup(), StandardCharsets.UTF_8);
            List<String> args = List.of("--class-path", classPath(), "--startup", "DEFAULT", "--startup",
                script.toString());
            return JavaShellToolBuilder.builder().start(args.toArray(new String[0]));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** Quotes a path for a POSIX shell when it holds characters the shell would split or expand. */
    static String quote(String path) {
        return path.matches("[A-Za-z0-9_./:@%+=,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }
}
