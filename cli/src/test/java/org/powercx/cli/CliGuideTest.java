package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import jdk.jshell.tool.JavaShellToolBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs what docs/cli.md shows: every {@code $ ./powercx ...} command of its console blocks must print the output
 * shown (stdout then stderr; a line {@code ...} ends a prefix comparison), and the JShell session is fed to the
 * real JShell tool with the start-up imports, each snippet's feedback compared with the page.
 */
class CliGuideTest {
    @TempDir
    Path dir;

    private static String page() throws IOException {
        return page("docs/cli.md");
    }

    private static String page(String relative) throws IOException {
        return Files.readString(Cli.doc(relative), StandardCharsets.UTF_8);
    }

    private static List<String> blocks(String page, String language) {
        List<String> out = new ArrayList<>();
        String open = "```" + language + "\n";
        int at = page.indexOf(open);
        while (at >= 0) {
            int end = page.indexOf("\n```", at + open.length());
            out.add(page.substring(at + open.length(), end + 1));
            at = page.indexOf(open, end + 4);
        }
        return out;
    }

    private static String strip(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            sb.append(line.stripTrailing()).append('\n');
        }
        return sb.toString().strip();
    }

    @Test
    void everyCommandOnThePagePrintsWhatIsShown() throws IOException {
        int commands = 0;
        for (String block : blocks(page(), "console")) {
            String[] lines = block.split("\n");
            int i = 0;
            while (i < lines.length) {
                // as a newcomer types it at the project root
                assertThat(lines[i]).startsWith("$ ./powercx");
                String command = lines[i].substring("$ ./".length());
                StringBuilder expected = new StringBuilder();
                i++;
                while (i < lines.length && !lines[i].startsWith("$ ./powercx")) {
                    expected.append(lines[i]).append('\n');
                    i++;
                }
                check(command, expected.toString());
                commands++;
            }
        }
        assertThat(commands).isGreaterThanOrEqualTo(14);
    }

    @Test
    void everyCommandOfTheCreditGuidePrintsWhatIsShown() throws IOException {
        int commands = 0;
        for (String block : blocks(page("docs/credit.md"), "console")) {
            String[] lines = block.split("\n");
            int i = 0;
            while (i < lines.length) {
                assertThat(lines[i]).startsWith("$ ./powercx");
                String command = lines[i].substring("$ ./".length());
                StringBuilder expected = new StringBuilder();
                i++;
                while (i < lines.length && !lines[i].startsWith("$ ./powercx")) {
                    expected.append(lines[i]).append('\n');
                    i++;
                }
                check(command, expected.toString());
                commands++;
            }
        }
        assertThat(commands).isGreaterThanOrEqualTo(2);
    }

    private void check(String command, String expected) {
        List<String> args = new ArrayList<>(List.of(command.substring("powercx".length()).trim().split(" +")));
        if (args.size() == 1 && args.get(0).isEmpty()) {
            args.clear();
        }
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (a.endsWith(".html") || a.endsWith(".json") && !a.startsWith("docs/")) {
                // files the commands write go to a temporary directory, as names the next command reads
                args.set(k, dir.resolve(a).toString());
            } else if (a.startsWith("docs/")) {
                args.set(k, Cli.doc(a).toString());
            }
        }
        Cli r = Cli.run(args.toArray(new String[0]));
        String actual = (r.out + r.err).replace(Cli.ROOT + "/", "").replace(dir + "/", "");
        String want = strip(expected);
        if (want.endsWith("\n...") || want.equals("...")) {
            String prefix = want.substring(0, want.length() - 3).strip();
            assertThat(strip(actual)).as(command).startsWith(prefix);
        } else {
            assertThat(strip(actual)).as(command).isEqualTo(want);
        }
    }

    @Test
    void jshellSessionReplays() throws Exception {
        List<String> sessions = blocks(page(), "jshell");
        assertThat(sessions).hasSize(1);
        List<String> snippets = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        StringBuilder current = null;
        for (String line : sessions.get(0).split("\n")) {
            if (line.startsWith("jshell> ")) {
                if (current != null) {
                    expected.add(strip(current.toString()));
                }
                snippets.add(line.substring("jshell> ".length()));
                current = new StringBuilder();
            } else {
                current.append(line).append('\n');
            }
        }
        expected.add(strip(current.toString()));
        Path startup = dir.resolve("startup.jsh");
        Files.writeString(startup, ShellCommand.startup());
        StringBuilder input = new StringBuilder();
        snippets.forEach(s -> input.append(s).append('\n'));
        input.append("/exit\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        JavaShellToolBuilder.builder().in(new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)),
            null).out(ps).err(ps).persistence(new HashMap<>()).start("--class-path", ShellCommand.classPath(),
            "--startup", "DEFAULT", "--startup", startup.toString());
        String out = bytes.toString(StandardCharsets.UTF_8).replace("\b", "");
        String[] chunks = out.split("jshell> ", -1);
        assertThat(chunks.length).as(out).isGreaterThan(snippets.size());
        for (int k = 0; k < snippets.size(); k++) {
            String chunk = chunks[k + 1].strip();
            // the tool echoes input that does not come from a terminal
            if (chunk.startsWith(snippets.get(k))) {
                chunk = chunk.substring(snippets.get(k).length());
            }
            assertThat(strip(chunk)).as(snippets.get(k)).isEqualTo(expected.get(k));
        }
    }

    @Test
    void startupResourceIsTheDocumentedFile() throws IOException {
        assertThat(ShellCommand.startup()).isEqualTo(Files.readString(Cli.doc("docs/examples/powercx.jsh")));
        Cli r = Cli.run("shell", "--print-command");
        // absolute paths, so that the printed command runs from any directory
        assertThat(r.out.strip()).startsWith("jshell --class-path ")
            .endsWith("--startup DEFAULT --startup " + Cli.doc("docs/examples/powercx.jsh"));
        String classPath = r.out.strip().split(" ")[2];
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            assertThat(Path.of(entry)).as(entry).isAbsolute().exists();
        }
        assertThat(ShellCommand.quote("/home/a b/x.jar")).isEqualTo("'/home/a b/x.jar'");
        assertThat(ShellCommand.quote("/opt/powercx/cli/target/powercx.jar")).isEqualTo(
            "/opt/powercx/cli/target/powercx.jar");
    }

    @Test
    void formatsPageNamesEveryExampleFile() throws IOException {
        String formats = Files.readString(Cli.doc("docs/formats.md"));
        try (var files = Files.list(Cli.doc("docs/examples"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!name.equals("bad-matrix.json")) {
                    assertThat(formats).as(name).contains(name.replaceAll("\\..*", ""));
                }
            }
        }
    }
}
