import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Checks what a release would publish, after {@code ./mvnw -Prelease deploy -DskipUpload}. Run from the project
 * root with the JDK's source launcher (no other tool needed):
 *
 * <pre>java .ci/CheckRelease.java [--unsigned]</pre>
 *
 * <ul>
 *   <li>The Central bundle: {@code target/central-publishing/central-bundle.zip} for a release version, or the
 *       staged repository {@code target/central-deferred} for a -SNAPSHOT (the publishing plugin stages a
 *       snapshot without zipping it). It must hold exactly powercx-parent, powercx-bom and every artifact the
 *       BOM manages: each jar module with .pom, .jar, -sources.jar and -javadoc.jar, each file with its .asc
 *       signature (unless --unsigned) and, in a zip, .md5 and .sha1 checksums. Nothing else (benchmarks).</li>
 *   <li>Every jar in it carries META-INF/LICENSE and META-INF/NOTICE; every main jar an Automatic-Module-Name
 *       org.powercx.&lt;module&gt;.</li>
 *   <li>The POM metadata Central requires: name, description, url, licence, developers and SCM.</li>
 *   <li>The runnable cli jar carries LICENSE, NOTICE and THIRD-PARTY.txt, and the latter names every bundled
 *       library that records its Maven coordinates and the group of every bundled package root.</li>
 *   <li>README.md's Maven snippet is, line for line, what examples/consumer/pom.xml uses, with the project's
 *       version.</li>
 * </ul>
 *
 * Prints one line per finding and exits with 1 if there is any.
 */
public final class CheckRelease {

    private static final List<String> problems = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        boolean signed = !List.of(args).contains("--unsigned");
        Path root = Path.of("").toAbsolutePath();
        String version = projectVersion(read(root.resolve("pom.xml")));

        Set<String> expected = new TreeSet<>(managedArtifacts(read(root.resolve("bom/pom.xml"))));
        Set<String> jars = new TreeSet<>(expected);
        expected.add("powercx-parent");
        expected.add("powercx-bom");

        Path zip = root.resolve("target/central-publishing/central-bundle.zip");
        Path deferred = root.resolve("target/central-deferred");
        Map<String, byte[]> bundle;
        boolean zipped;
        if (!version.endsWith("-SNAPSHOT") && Files.isRegularFile(zip)) {
            bundle = readZip(zip);
            zipped = true;
        } else if (Files.isDirectory(deferred)) {
            bundle = readDirectory(deferred);
            zipped = false;
        } else {
            fail("no bundle: neither " + root.relativize(zip) + " nor " + root.relativize(deferred) + " exists");
            finish(version, "nothing");
            return;
        }

        Set<String> staged = new TreeSet<>();
        Pattern path = Pattern.compile("org/powercx/([^/]+)/" + Pattern.quote(version) + "/([^/]+)");
        for (String name : bundle.keySet()) {
            Matcher m = path.matcher(name);
            if (m.matches() && !m.group(2).startsWith("maven-metadata")) {
                staged.add(m.group(1));
            }
        }
        for (String artifact : staged) {
            if (!expected.contains(artifact)) {
                fail(artifact + " is in the bundle but is neither the parent, the BOM nor managed by the BOM");
            }
        }
        for (String artifact : expected) {
            String base = "org/powercx/" + artifact + "/" + version + "/" + artifact + "-" + version;
            List<String> files = new ArrayList<>(List.of(base + ".pom"));
            if (jars.contains(artifact)) {
                files.addAll(List.of(base + ".jar", base + "-sources.jar", base + "-javadoc.jar"));
            }
            for (String file : files) {
                if (!bundle.containsKey(file)) {
                    fail("missing from the bundle: " + file);
                    continue;
                }
                if (signed && !bundle.containsKey(file + ".asc")) {
                    fail("no signature: " + file + ".asc");
                }
                if (zipped && !(bundle.containsKey(file + ".md5") && bundle.containsKey(file + ".sha1"))) {
                    fail("no .md5/.sha1 checksum: " + file);
                }
            }
            if (bundle.containsKey(base + ".pom")) {
                checkPom(artifact, new String(bundle.get(base + ".pom"), StandardCharsets.UTF_8));
            }
            if (bundle.containsKey(base + ".jar")) {
                String module = "org.powercx." + artifact.substring("powercx-".length());
                String name = automaticModuleName(bundle.get(base + ".jar"));
                if (!module.equals(name)) {
                    fail(base + ".jar: Automatic-Module-Name is " + name + ", expected " + module);
                }
            }
        }
        for (Map.Entry<String, byte[]> file : bundle.entrySet()) {
            if (file.getKey().endsWith(".jar")) {
                Set<String> entries = jarEntries(file.getValue());
                for (String legal : List.of("META-INF/LICENSE", "META-INF/NOTICE")) {
                    if (!entries.contains(legal)) {
                        fail(file.getKey() + " has no " + legal);
                    }
                }
            }
        }

        checkRunnableJar(root.resolve("cli/target/powercx.jar"));
        checkReadmeSnippet(read(root.resolve("README.md")), read(root.resolve("examples/consumer/pom.xml")),
                version);
        finish(version, (zipped ? "bundle " + root.relativize(zip) : "staged " + root.relativize(deferred))
                + ", " + expected.size() + " artifacts");
    }

    private static void finish(String version, String what) {
        if (problems.isEmpty()) {
            System.out.println("Release check passed for " + version + ": " + what + ".");
            return;
        }
        System.out.println("Release check failed for " + version + ":");
        problems.forEach(p -> System.out.println("  - " + p));
        System.exit(1);
    }

    private static void fail(String problem) {
        problems.add(problem);
    }

    /** The parent POM's own version: the first version element after its artifactId. */
    private static String projectVersion(String pom) {
        Matcher m = Pattern.compile("<artifactId>powercx-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        if (!m.find()) {
            throw new IllegalStateException("pom.xml: no powercx-parent version");
        }
        return m.group(1).trim();
    }

    private static List<String> managedArtifacts(String bom) {
        int start = bom.indexOf("<dependencyManagement>");
        int end = bom.indexOf("</dependencyManagement>");
        Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(bom.substring(start, end));
        List<String> artifacts = new ArrayList<>();
        while (m.find()) {
            artifacts.add(m.group(1).trim());
        }
        return artifacts;
    }

    private static void checkPom(String artifact, String pom) {
        List<String> required = new ArrayList<>(List.of("name", "description"));
        if (artifact.equals("powercx-parent") || artifact.equals("powercx-bom")) {
            required.addAll(List.of("url", "licenses", "developers", "scm"));
        } else if (!pom.contains("<artifactId>powercx-parent</artifactId>")) {
            required.addAll(List.of("url", "licenses", "developers", "scm"));
        }
        for (String element : required) {
            if (!Pattern.compile("<" + element + ">\\s*\\S").matcher(pom).find()
                    && !Pattern.compile("<" + element + "\\s[^>]*>\\s*\\S").matcher(pom).find()) {
                fail(artifact + ".pom has no <" + element + ">");
            }
        }
    }

    private static void checkRunnableJar(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            fail("no runnable jar " + jar.getFileName() + " (cli/target)");
            return;
        }
        String thirdParty = null;
        Set<String> bundled = new TreeSet<>();
        Set<String> packageRoots = new TreeSet<>();
        Set<String> entries = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().collect(Collectors.toList())) {
                entries.add(entry.getName());
                Matcher m = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties")
                        .matcher(entry.getName());
                if (m.matches() && !m.group(1).equals("org.powercx")) {
                    bundled.add(m.group(1) + ":" + m.group(2));
                }
                // Libraries without Maven metadata in the jar (picocli, EJML) are caught by their package root.
                String[] parts = entry.getName().split("/");
                if (entry.getName().endsWith(".class") && !parts[0].equals("META-INF")) {
                    String packageRoot = parts.length > 2 ? parts[0] + "." + parts[1] : parts[0];
                    if (!packageRoot.equals("org.powercx")) {
                        packageRoots.add(packageRoot);
                    }
                }
                if (entry.getName().equals("META-INF/THIRD-PARTY.txt")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        thirdParty = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        for (String legal : List.of("META-INF/LICENSE", "META-INF/NOTICE", "META-INF/THIRD-PARTY.txt")) {
            if (!entries.contains(legal)) {
                fail("cli/target/powercx.jar has no " + legal);
            }
        }
        if (thirdParty != null) {
            for (String coordinates : bundled) {
                if (!thirdParty.contains(coordinates)) {
                    fail("cli/target/powercx.jar bundles " + coordinates
                            + " but META-INF/THIRD-PARTY.txt (cli/src/legal) does not list it");
                }
            }
            for (String packageRoot : packageRoots) {
                if (!thirdParty.contains(packageRoot)) {
                    fail("cli/target/powercx.jar bundles classes under " + packageRoot
                            + " but META-INF/THIRD-PARTY.txt (cli/src/legal) names no such group");
                }
            }
        }
    }

    private static void checkReadmeSnippet(String readme, String consumerPom, String version) {
        Matcher m = Pattern.compile("## Using it from Maven.*?```xml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        if (!m.find()) {
            fail("README.md: no Maven snippet under '## Using it from Maven'");
            return;
        }
        List<String> snippet = stripped(m.group(1));
        int start = consumerPom.indexOf("<!-- README snippet begins -->");
        int end = consumerPom.indexOf("<!-- README snippet ends -->");
        if (start < 0 || end < start) {
            fail("examples/consumer/pom.xml: no README snippet markers");
            return;
        }
        List<String> block = stripped(consumerPom.substring(start, end));
        List<String> used = block.subList(1, block.size());
        if (!snippet.equals(used)) {
            fail("README.md's Maven snippet and examples/consumer/pom.xml differ:\n      README:   " + snippet
                    + "\n      consumer: " + used);
        }
        if (!snippet.contains("<version>" + version + "</version>")) {
            fail("README.md's Maven snippet does not name the project version " + version);
        }
    }

    private static List<String> stripped(String text) {
        return Stream.of(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    private static String automaticModuleName(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue("Automatic-Module-Name");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> jarEntries(byte[] jar) {
        Set<String> names = new TreeSet<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static Map<String, byte[]> readZip(Path zip) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().collect(Collectors.toList())) {
                if (!entry.isDirectory()) {
                    try (InputStream in = file.getInputStream(entry)) {
                        files.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return files;
    }

    private static Map<String, byte[]> readDirectory(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
