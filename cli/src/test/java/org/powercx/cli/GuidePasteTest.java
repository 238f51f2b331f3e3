package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;
import org.powercx.core.GuideSnippets;

/**
 * Pastes every {@code ```java} example of the README and of the guide pages into JShell line by line, exactly as
 * printed, as a reader does in {@code powercx shell}: JShell evaluates a snippet as soon as the lines read so far
 * make one complete, so an example whose next line starts with {@code .} or an operator breaks there. No snippet
 * may be rejected or throw, and an example followed by an {@code ```output} block must print that output.
 *
 * <p>The pages run in one forked JVM whose working directory is the project root, as the guide's examples
 * assume (they read {@code docs/data/...}); each page gets one JShell, executing in that JVM with its class
 * path and the start-up imports of {@code powercx shell}.
 */
class GuidePasteTest {
    /** The pages whose examples the modules' {@code UserGuideTest}s run, and the README. */
    static final List<String> PAGES = List.of("README.md", "docs/core.md", "docs/clv.md", "docs/ahp.md",
        "docs/grey.md", "docs/credit.md", "docs/satisfaction.md", "docs/formats.md", "docs/segmentation.md",
        "docs/jdbc.md", "docs/production.md");

    /** One {@code ```java} block: its first line in the page, its lines, and the output block after it or null. */
    record Example(int line, List<String> lines, String expectedOutput) {
    }

    static List<Example> examples(String markdown) {
        List<Example> out = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].strip().equals("```java")) {
                i++;
                continue;
            }
            int start = i + 2;
            List<String> body = new ArrayList<>();
            i++;
            while (i < lines.length && !lines[i].strip().equals("```")) {
                body.add(lines[i]);
                i++;
            }
            i++;
            int j = i;
            while (j < lines.length && lines[j].isBlank()) {
                j++;
            }
            String expected = null;
            if (j < lines.length && lines[j].strip().equals("```output")) {
                StringBuilder sb = new StringBuilder();
                j++;
                while (j < lines.length && !lines[j].strip().equals("```")) {
                    sb.append(lines[j]).append('\n');
                    j++;
                }
                expected = sb.toString();
                i = j + 1;
            }
            out.add(new Example(start, body, expected));
        }
        return out;
    }

    @Test
    void everyGuideExamplePastesIntoJShellLineByLine() throws IOException, InterruptedException {
        Path docs = GuideSnippets.docsDir();
        Path root = docs.getParent();
        int examples = 0;
        for (String page : PAGES) {
            examples += examples(Files.readString(root.resolve(page), StandardCharsets.UTF_8)).size();
        }
        assertThat(examples).as("java examples on the pages").isGreaterThanOrEqualTo(50);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
            Replay.class.getName()));
        command.addAll(PAGES);
        Path log = Files.createTempFile("guide-paste", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
            if (!process.waitFor(600, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the JShell replay did not finish within 600 s");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).as(output).contains("replayed " + examples + " examples");
            assertThat(process.exitValue()).as(output).isZero();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void aLeadingDotBreaksThePaste() {
        List<String> failures = Replay.page("test.md", String.join("\n", "```java",
            "var s = new StringBuilder(\"a\")", "    .append(\"b\");", "```", ""));
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).startsWith("test.md line 3: JShell rejects");
        assertThat(Replay.page("test.md", String.join("\n", "```java",
            "var s = new StringBuilder(\"a\").", "    append(\"b\");", "System.out.println(s);", "```", "",
            "```output", "ab", "```", ""))).isEmpty();
    }

    /** Runs in the forked JVM: replays the pages named as arguments, prints each failure, exits 1 if any. */
    static final class Replay {
        private Replay() {
        }

        public static void main(String[] args) throws IOException {
            List<String> failures = new ArrayList<>();
            int examples = 0;
            for (String page : args) {
                String text = Files.readString(Path.of(page), StandardCharsets.UTF_8);
                examples += examples(text).size();
                failures.addAll(page(page, text));
            }
            failures.forEach(System.out::println);
            System.out.println("replayed " + examples + " examples, " + failures.size() + " failure(s)");
            System.out.flush();
            System.exit(failures.isEmpty() ? 0 : 1);
        }

        /**
         * Replays the examples of one page in one JShell.
         *
         * @return one message per failure
         */
        static List<String> page(String name, String markdown) {
            List<String> failures = new ArrayList<>();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
            PrintStream stdout = System.out;
            try (JShell shell = JShell.builder().executionEngine("local").out(capture).err(capture).build()) {
                for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                    shell.addToClasspath(entry);
                }
                SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
                // the imports that powercx shell runs at start-up, which the README's quick start relies on
                String startup = startup();
                while (!startup.isBlank()) {
                    SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(startup);
                    if (!info.completeness().isComplete()) {
                        break;
                    }
                    String problem = eval(shell, info.source());
                    if (problem != null) {
                        failures.add(name + ": the start-up script fails: " + problem);
                    }
                    startup = info.remaining();
                }
                System.setOut(capture);
                for (Example example : examples(markdown)) {
                    printed.reset();
                    String pending = "";
                    int lineNo = example.line();
                    boolean failed = false;
                    for (String line : example.lines()) {
                        pending = pending.isEmpty() ? line : pending + "\n" + line;
                        while (!pending.isBlank()) {
                            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending);
                            if (!info.completeness().isComplete()) {
                                break;
                            }
                            String problem = eval(shell, info.source());
                            if (problem != null && !failed) {
                                failures.add(name + " line " + lineNo + ": " + problem);
                                failed = true;
                            }
                            pending = info.remaining();
                        }
                        lineNo++;
                    }
                    if (!failed && !pending.isBlank()
                        && analysis.analyzeCompletion(pending).completeness() != SourceCodeAnalysis.Completeness.EMPTY) {
                        failures.add(name + " line " + example.line() + ": the example ends incomplete: " + pending);
                        failed = true;
                    }
                    capture.flush();
                    String actual = printed.toString(StandardCharsets.UTF_8);
                    if (!failed && example.expectedOutput() != null
                        && !normalise(actual).equals(normalise(example.expectedOutput()))) {
                        failures.add(name + " line " + example.line() + ": JShell printed\n" + actual
                            + "\nbut the page shows\n" + example.expectedOutput());
                    }
                }
            } finally {
                System.setOut(stdout);
            }
            return failures;
        }

        private static String startup() {
            try {
                return ShellCommand.startup();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static String eval(JShell shell, String source) {
            for (SnippetEvent event : shell.eval(source)) {
                if (event.causeSnippet() != null) {
                    continue;
                }
                if (event.exception() != null) {
                    return "JShell throws " + event.exception() + " at: " + source;
                }
                Snippet.Status status = event.status();
                if (status == Snippet.Status.REJECTED || status == Snippet.Status.RECOVERABLE_NOT_DEFINED
                    || status == Snippet.Status.RECOVERABLE_DEFINED) {
                    String diagnostics = shell.diagnostics(event.snippet()).map(d -> d.getMessage(null))
                        .collect(Collectors.joining("; "));
                    return "JShell rejects (" + status + ": " + diagnostics + "): " + source;
                }
            }
            return null;
        }

        private static String normalise(String text) {
            StringBuilder sb = new StringBuilder();
            for (String line : text.replace("\r\n", "\n").split("\n")) {
                sb.append(line.stripTrailing()).append('\n');
            }
            return sb.toString().strip();
        }
    }
}
