package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credit score --model M --stream} and {@code segment apply --model M --stream} write the in-memory run's
 * {@code -f csv} output byte for byte over several blocks, and in a forked JVM with a small heap stream a file
 * whose table does not fit, while the in-memory run is refused in one line naming {@code --stream}.
 */
class ScoringStreamTest {
    private static final String CREDIT = Cli.doc("docs/examples/credit.csv").toString();
    private static final String CONFIG = Cli.doc("docs/examples/sme/sme-configuration.json").toString();
    private static final String SME = Cli.doc("docs/examples/sme/sme-customers.csv").toString();

    @TempDir
    Path dir;

    /** Random customers with the credit example's indicator columns (in another order) and no label. */
    private static void writeCredit(Path file, int rows, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("customer_id,social_credit_score,current_ratio,asset_liability_ratio,arrears_amount,"
                + "arrears_count,on_time_payment_rate\n");
            for (int i = 0; i < rows; i++) {
                out.write("C" + i + "," + rnd.nextDouble(40, 100) + "," + rnd.nextDouble(0.3, 4) + ","
                    + rnd.nextDouble() + "," + rnd.nextInt(5000) + "," + rnd.nextInt(6) + ","
                    + rnd.nextDouble(0.5, 1) + "\n");
            }
        }
    }

    /** The SME example's customers repeated {@code copies} times with new ids. */
    private static void writeSme(Path file, int copies) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(SME), StandardCharsets.UTF_8);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(lines.get(0) + "\n");
            for (int k = 0; k < copies; k++) {
                for (String line : lines.subList(1, lines.size())) {
                    out.write(line.replaceFirst(",", "-" + k + ",") + "\n");
                }
            }
        }
    }

    private Path creditModel() {
        Path model = dir.resolve("credit-model.json");
        Cli fit = Cli.run("credit", "fit", CREDIT, "--shrinkage", "0.1", "--save", model.toString());
        assertThat(fit.status).as(fit.toString()).isZero();
        return model;
    }

    private Path customerModel() {
        Path model = dir.resolve("customer-model.json");
        Cli fit = Cli.run("segment", "fit", "--config", CONFIG, "--save", model.toString(), SME);
        assertThat(fit.status).as(fit.toString()).isZero();
        return model;
    }

    /** The in-memory segment apply CSV up to its segment summary (with the blank line before it). */
    private static String customersAndMeasures(String csv) {
        int end = csv.indexOf("\n# segments\n");
        assertThat(end).isPositive();
        return csv.substring(0, end + 1);
    }

    @Test
    void streamedCreditScoresAreTheInMemoryCsvByteForByte() throws Exception {
        Path model = creditModel();
        Path file = dir.resolve("new.csv");
        writeCredit(file, 40_000, 5);
        Cli memory = Cli.run("credit", "score", "--model", model.toString(), file.toString(), "-f", "csv");
        assertThat(memory.status).as(memory.toString()).isZero();
        Cli streamed = Cli.run("credit", "score", "--model", model.toString(), file.toString(), "--stream");
        assertThat(streamed.status).as(streamed.toString()).isZero();
        assertThat(streamed.out).hasSizeGreaterThan(1_000_000).isEqualTo(memory.out);
        Path out = dir.resolve("scores.csv");
        Cli toFile = Cli.run("credit", "score", "--model", model.toString(), file.toString(), "--stream", "-f",
            "csv", "-o", out.toString());
        assertThat(toFile.status).as(toFile.toString()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(memory.out);
        // refusals
        assertThat(Cli.run("credit", "score", CREDIT, "--stream").err.strip())
            .isEqualTo("powercx credit score: option --stream: scores with a saved model; give --model FILE");
        assertThat(Cli.run("credit", "score", "--model", model.toString(), file.toString(), "--stream", "-f", "json")
            .err.strip()).isEqualTo("powercx credit score: option --stream: writes CSV; it cannot be combined with "
                + "--format json");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "customer_id,social_credit_score,current_ratio,asset_liability_ratio,"
            + "arrears_amount,arrears_count,on_time_payment_rate\n");
        Cli none = Cli.run("credit", "score", "--model", model.toString(), empty.toString(), "--stream", "-o",
            out.toString());
        assertThat(none.err.strip()).isEqualTo("powercx credit score: " + empty + ": no customer rows");
        // a bad cell in a later block: one line naming file and line; -o keeps the earlier complete result
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(30_000, lines.get(30_000).replaceFirst(",[^,]*$", ",x"));
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, lines, StandardCharsets.UTF_8);
        Cli broken = Cli.run("credit", "score", "--model", model.toString(), bad.toString(), "--stream", "-o",
            out.toString());
        assertThat(broken.status).isEqualTo(1);
        assertThat(broken.err.strip()).doesNotContain("\n").contains(bad + ":30001");
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(memory.out);
    }

    @Test
    void streamedSegmentApplyIsTheInMemoryCsvByteForByte() throws Exception {
        Path model = customerModel();
        Path file = dir.resolve("new.csv");
        writeSme(file, 100);
        Cli memory = Cli.run("segment", "apply", "--model", model.toString(), file.toString(), "-f", "csv");
        assertThat(memory.status).as(memory.toString()).isZero();
        Cli streamed = Cli.run("segment", "apply", "--model", model.toString(), file.toString(), "--stream");
        assertThat(streamed.status).as(streamed.toString()).isZero();
        String expected = customersAndMeasures(memory.out);
        assertThat(expected).contains("\n# service measures\nid,measure\nSME0001-0,");
        assertThat(streamed.out).startsWith(expected);
        assertThat(streamed.out.substring(expected.length())).isEqualTo("# 40,000 customers streamed; the segment "
            + "summary (medians) needs them all at once: run without --stream for it\n");
        assertThat(Cli.run("segment", "apply", "--model", model.toString(), file.toString(), "--stream", "--top",
            "3").err.strip()).isEqualTo("powercx segment apply: option --stream: writes every customer as CSV; it "
                + "cannot be combined with --top");
        Path lacking = dir.resolve("lacking.csv");
        Files.writeString(lacking, "id,pow_max\nA,1\n");
        Cli missing = Cli.run("segment", "apply", "--model", model.toString(), lacking.toString(), "--stream");
        assertThat(missing.status).isEqualTo(1);
        assertThat(missing.err.strip()).doesNotContain("\n").contains("lacking.csv").contains("cons_12m");
    }

    @Test
    void scoresFilesLargerThanTheHeapInAForkedJvm() throws Exception {
        Path creditModel = creditModel();
        Path credit = dir.resolve("large-credit.csv");
        writeCredit(credit, 400_000, 11);
        Path scores = dir.resolve("scores.csv");
        Result streamed = fork("credit-streamed", "credit", "score", "--model", creditModel.toString(),
            credit.toString(), "--stream", "-o", scores.toString());
        assertThat(streamed.status).as(streamed.log).isZero();
        Result memory = fork("credit-memory", "credit", "score", "--model", creditModel.toString(),
            credit.toString());
        assertThat(memory.status).isNotZero();
        assertThat(memory.log.strip()).doesNotContain("\n").doesNotContain("OutOfMemoryError").contains("heap")
            .contains("use --stream");
        Cli inProcess = Cli.run("credit", "score", "--model", creditModel.toString(), credit.toString(), "-f", "csv");
        assertThat(inProcess.status).as(inProcess.err).isZero();
        assertThat(Files.readString(scores, StandardCharsets.UTF_8)).isEqualTo(inProcess.out);

        Path customerModel = customerModel();
        Path sme = dir.resolve("large-sme.csv");
        writeSme(sme, 500);
        Path applied = dir.resolve("applied.csv");
        Result segments = fork("segment-streamed", "segment", "apply", "--model", customerModel.toString(),
            sme.toString(), "--stream", "-o", applied.toString());
        assertThat(segments.status).as(segments.log).isZero();
        Result segmentsMemory = fork("segment-memory", "segment", "apply", "--model", customerModel.toString(),
            sme.toString());
        assertThat(segmentsMemory.status).isNotZero();
        assertThat(segmentsMemory.log.strip()).doesNotContain("\n").doesNotContain("OutOfMemoryError")
            .contains("heap").contains("use --stream");
        Cli applyInProcess = Cli.run("segment", "apply", "--model", customerModel.toString(), sme.toString(), "-f",
            "csv");
        assertThat(applyInProcess.status).as(applyInProcess.err).isZero();
        assertThat(Files.readString(applied, StandardCharsets.UTF_8))
            .startsWith(customersAndMeasures(applyInProcess.out));
    }

    private record Result(int status, String log) {
    }

    private Result fork(String name, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx40m", "-XX:+UseSerialGC", "-cp",
            System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not finish in 300 s");
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
