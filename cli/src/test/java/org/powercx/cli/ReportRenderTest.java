package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the demo report in headless Chromium: the DOM it builds must hold every chart and the screenshot must
 * be a real image. Skipped, with a message, when no Chromium binary is installed (Debian package chromium).
 * Set the system property {@code powercx.screenshot} to a path to keep the screenshot (the docs use one).
 */
class ReportRenderTest {
    @TempDir
    Path dir;

    static Optional<String> chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!p.isEmpty() && Files.isExecutable(Path.of(p, name))) {
                    return Optional.of(Path.of(p, name).toString());
                }
            }
        }
        return Optional.empty();
    }

    private static String run(List<String> command, Path outFile) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(outFile.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return Files.readString(outFile, StandardCharsets.UTF_8);
    }

    @Test
    void demoReportRendersInHeadlessChromium() throws Exception {
        Optional<String> browser = chromium();
        assumeTrue(browser.isPresent(), "no chromium binary on the PATH: report rendering test skipped "
            + "(install the Debian package chromium to run it)");
        Path html = dir.resolve("report.html");
        Cli r = Cli.run("demo", "--report", html.toString(), "-o", dir.resolve("demo.txt").toString());
        assertThat(r.status).as(r.toString()).isZero();
        List<String> base = new ArrayList<>(List.of(browser.get(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile")));
        List<String> dump = new ArrayList<>(base);
        dump.add("--dump-dom");
        dump.add(html.toUri().toString());
        String dom = run(dump, dir.resolve("dom.html"));
        assertThat(dom).contains("PowerCX demo").contains("Importance-performance map");
        assertThat(dom.split("<svg ", -1).length - 1).isGreaterThanOrEqualTo(9);
        assertThat(dom).contains("<polyline").contains("<circle").contains("marker-end");
        Path png = Optional.ofNullable(System.getProperty("powercx.screenshot")).map(Path::of)
            .orElse(dir.resolve("report.png"));
        List<String> shot = new ArrayList<>(base);
        shot.add("--window-size=1000,4150");
        shot.add("--screenshot=" + png.toAbsolutePath());
        shot.add(html.toUri().toString());
        run(shot, dir.resolve("shot.log"));
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(50_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
}
