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
        + "print as tables.", "The same as: jshell --class-path cli/target/powercx.jar --startup DEFAULT "
            + "--startup docs/examples/powercx.jsh"})
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
        Path script = Files.createTempFile("powercx", ".jsh");
        try {
            Files.writeString(script, startup(), StandardCharsets.UTF_8);
            List<String> args = List.of("--class-path", classPath(), "--startup", "DEFAULT", "--startup",
                script.toString());
            if (printCommand) {
                spec.commandLine().getOut().println("jshell " + String.join(" ", args).replace(script.toString(),
                    "docs/examples/powercx.jsh"));
                spec.commandLine().getOut().flush();
                return 0;
            }
            return JavaShellToolBuilder.builder().start(args.toArray(new String[0]));
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
