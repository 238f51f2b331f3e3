package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class MainTest {
    @Test
    void versionNamesTheProjectVersion() {
        Cli r = Cli.run("--version");
        assertThat(r.status).isZero();
        assertThat(r.out).startsWith("powercx 0.1.0");
    }

    @Test
    void noSubcommandPrintsUsage() {
        Cli r = Cli.run();
        assertThat(r.status).isZero();
        assertThat(r.out).contains("Usage: powercx").contains("ahp").contains("gra").contains("clv");
    }

    /**
     * Picocli formats each description line with {@code String.format} and, when that fails, only warns on the
     * JVM's standard error and prints the raw text: a lone '%' (as in "80% of") must be written '%%'. Checked on
     * the annotations' own text, before picocli formats it.
     */
    @Test
    void everyDescriptionIsAValidFormat() {
        java.util.List<String> bad = new java.util.ArrayList<>();
        java.util.ArrayDeque<CommandLine> todo = new java.util.ArrayDeque<>();
        todo.add(new CommandLine(new Main()));
        int lines = 0;
        while (!todo.isEmpty()) {
            CommandLine line = todo.poll();
            todo.addAll(line.getSubcommands().values());
            for (Class<?> c = line.getCommandSpec().userObject().getClass(); c != Object.class; c = c.getSuperclass()) {
                java.util.List<String> texts = new java.util.ArrayList<>();
                CommandLine.Command command = c.getAnnotation(CommandLine.Command.class);
                if (command != null) {
                    texts.addAll(java.util.List.of(command.description()));
                }
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    CommandLine.Option option = f.getAnnotation(CommandLine.Option.class);
                    CommandLine.Parameters parameters = f.getAnnotation(CommandLine.Parameters.class);
                    if (option != null) {
                        texts.addAll(java.util.List.of(option.description()));
                    }
                    if (parameters != null) {
                        texts.addAll(java.util.List.of(parameters.description()));
                    }
                }
                for (String text : texts) {
                    lines++;
                    try {
                        String.format(text);
                    } catch (java.util.IllegalFormatException e) {
                        bad.add(c.getSimpleName() + ": " + e.getMessage() + " in '" + text + "'");
                    }
                }
            }
        }
        assertThat(lines).isGreaterThan(100);
        assertThat(bad).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "ahp", "gra", "pls", "clv discounted", "clv cohort", "credit fit", "credit score", "credit grade", "credit validate", "credit monitor", "segment"})
    void everySubcommandHasHelp(String command) {
        String[] words = (command + " --help").split(" ");
        Cli r = Cli.run(words);
        assertThat(r.status).as(r.toString()).isZero();
        assertThat(r.out).contains("Usage: powercx " + command).contains("--format");
    }

    @Test
    void groupCommandWithoutSubcommandIsAUsageError() {
        Cli r = Cli.run("clv");
        assertThat(r.status).isEqualTo(2);
        assertThat(r.err).contains("missing subcommand: discounted, cohort or holdout");
        assertThat(Cli.run("clv", "--help").out).contains("discounted").contains("cohort");
    }

    @Test
    void unknownOptionIsAOneLineUsageError() {
        Cli r = Cli.run("ahp", "--bogus", "x.json");
        assertThat(r.status).isEqualTo(2);
        assertThat(r.err).contains("Unknown option: '--bogus'").contains("Try 'powercx ahp --help'");
        assertThat(r.out).isEmpty();
    }

    @Test
    void badEnumValueNamesTheOption() {
        Cli r = Cli.run("ahp", "--method", "magic", Cli.doc("docs/examples/ahp-matrix.json").toString());
        assertThat(r.status).isEqualTo(2);
        assertThat(r.err).contains("--method").contains("magic");
    }

    @Test
    void everyErrorStartsWithItsFullCommandPath() throws java.io.IOException {
        Cli unknown = Cli.run("bogus");
        assertThat(unknown.status).isEqualTo(2);
        assertThat(unknown.err).startsWith("powercx: ").doesNotContain("powercx powercx")
            .contains("Try 'powercx --help'.");
        java.nio.file.Path empty = java.nio.file.Files.createTempFile("credit", ".csv");
        try {
            java.nio.file.Files.writeString(empty, "id,x,defaulted\n");
            Cli fit = Cli.run("credit", "fit", empty.toString());
            assertThat(fit.status).isEqualTo(1);
            assertThat(fit.err).startsWith("powercx credit fit: ");
        } finally {
            java.nio.file.Files.delete(empty);
        }
        Cli option = Cli.run("credit", "grade", "--bogus");
        assertThat(option.err).startsWith("powercx credit grade: ").contains("Try 'powercx credit grade --help'.");
        assertThat(Cli.run("clv", "cohort").err).startsWith("powercx clv cohort: ");
    }

    @Test
    void jsonSyntaxErrorsShowNoParserInternals() throws java.io.IOException {
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("matrix", ".json");
        try {
            java.nio.file.Files.writeString(bad, "{\n \"criteria\": [\"a\", \"b\"],\n \"upper\": [2]\n");
            Cli r = Cli.run("ahp", bad.toString());
            assertThat(r.status).isEqualTo(1);
            assertThat(r.err.strip()).startsWith("powercx ahp: " + bad + ":4: invalid JSON: ")
                .endsWith("(opened on line 1)").doesNotContain("Source").doesNotContain("REDACTED");
        } finally {
            java.nio.file.Files.delete(bad);
        }
    }
}
