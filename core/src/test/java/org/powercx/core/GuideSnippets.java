package org.powercx.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Runs the Java snippets of a user-guide page, so that the guide cannot drift from the code.
 *
 * <p>Every fenced block opened with {@code ```java} is compiled as the body of a {@code main} method (its
 * {@code import} lines hoisted); an {@code ```output} block right after it holds the exact text it must print.
 * The snippets of one page run in order in one fresh JVM whose working directory is the project root, as for
 * a reader who runs them from a clone. Shared by every module's {@code UserGuideTest}.
 */
public final class GuideSnippets {
    static final String SEPARATOR = "----8<---- snippet ";

    private GuideSnippets() {
    }

    /** One java block and the output it must print, or null when the page shows none. */
    public record Snippet(int line, List<String> imports, String body, String expectedOutput) {
    }

    /**
     * The guide directory: the {@code powercx.docs.dir} system property, else the nearest {@code docs} folder
     * above the working directory.
     *
     * @return the directory
     */
    public static Path docsDir() {
        String configured = System.getProperty("powercx.docs.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.exists(p.resolve("mvnw"))) {
                return p.resolve("docs");
            }
        }
        throw new IllegalStateException("cannot find the docs folder");
    }

    /**
     * Extracts the snippets of a page.
     *
     * @param markdown the page text
     * @return the snippets in order
     */
    public static List<Snippet> parse(String markdown) {
        List<Snippet> snippets = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            if (lines[i].strip().equals("```java")) {
                int start = i + 1;
                List<String> imports = new ArrayList<>();
                StringBuilder body = new StringBuilder();
                i++;
                while (i < lines.length && !lines[i].strip().equals("```")) {
                    if (lines[i].startsWith("import ")) {
                        imports.add(lines[i]);
                    } else {
                        body.append(lines[i]).append('\n');
                    }
                    i++;
                }
                i++;
                int j = i;
                while (j < lines.length && lines[j].isBlank()) {
                    j++;
                }
                String expected = null;
                if (j < lines.length && lines[j].strip().equals("```output")) {
                    StringBuilder out = new StringBuilder();
                    j++;
                    while (j < lines.length && !lines[j].strip().equals("```")) {
                        out.append(lines[j]).append('\n');
                        j++;
                    }
                    expected = out.toString();
                    i = j + 1;
                }
                snippets.add(new Snippet(start, imports, body.toString(), expected));
            } else {
                i++;
            }
        }
        return snippets;
    }

    /**
     * Compiles and runs every snippet of a guide page and checks the outputs it shows.
     *
     * @param page file name under the docs folder, for example {@code "core.md"}
     * @return the number of snippets run
     * @throws AssertionError if a snippet fails to compile, throws, or prints other than its output block
     */
    public static int verify(String page) {
        Path docs = docsDir();
        Path file = docs.resolve(page);
        try {
            List<Snippet> snippets = parse(Files.readString(file, StandardCharsets.UTF_8));
            if (snippets.isEmpty()) {
                throw new AssertionError(page + " has no java snippets");
            }
            Path work = Files.createTempDirectory("guide-");
            List<Path> sources = new ArrayList<>();
            List<String> classes = new ArrayList<>();
            String prefix = "Guide_" + page.replaceAll("[^A-Za-z0-9]", "_") + "_";
            for (int k = 0; k < snippets.size(); k++) {
                Snippet s = snippets.get(k);
                String name = prefix + s.line();
                StringBuilder src = new StringBuilder();
                for (String imp : s.imports()) {
                    src.append(imp).append('\n');
                }
                src.append("public class ").append(name).append(" {\n")
                    .append("public static void main(String[] args) throws Exception {\n")
                    .append(s.body()).append("}\n}\n");
                Path source = work.resolve(name + ".java");
                Files.writeString(source, src.toString(), StandardCharsets.UTF_8);
                sources.add(source);
                classes.add(name);
            }
            String classPath = System.getProperty("java.class.path");
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-d", work.toString(), "-cp", classPath,
                "-encoding", "UTF-8", "-proc:none"));
            for (Path p : sources) {
                args.add(p.toString());
            }
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int rc = javac.run(null, null, err, args.toArray(new String[0]));
            if (rc != 0) {
                throw new AssertionError(page + ": a snippet does not compile:\n" + err.toString(StandardCharsets.UTF_8));
            }
            String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(javaExe, "-cp",
                work + java.io.File.pathSeparator + classPath, GuideSnippetMain.class.getName()));
            command.addAll(classes);
            Path log = work.resolve("output.txt");
            Process process = new ProcessBuilder(command).directory(docs.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(page + ": snippets did not finish within 300 s");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(page + ": a snippet failed:\n" + output);
            }
            String[] parts = output.split(java.util.regex.Pattern.quote(SEPARATOR) + "\\d+\n", -1);
            for (int k = 0; k < snippets.size(); k++) {
                Snippet s = snippets.get(k);
                if (s.expectedOutput() != null) {
                    String actual = k + 1 < parts.length ? parts[k + 1] : "";
                    if (!normalize(actual).equals(normalize(s.expectedOutput()))) {
                        throw new AssertionError(page + " line " + s.line() + ": the snippet printed\n" + actual
                            + "\nbut the guide shows\n" + s.expectedOutput());
                    }
                }
            }
            return snippets.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String normalize(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n")) {
            sb.append(line.stripTrailing()).append('\n');
        }
        return sb.toString().strip();
    }
}
