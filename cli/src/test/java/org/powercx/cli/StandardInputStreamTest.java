package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming commands read standard input when the file is given as {@code -}: {@code gra --stream} spools it
 * in its first pass and scores from the spool, the commands that score with a saved model read it in one pass;
 * the output is that of the same file, byte for byte.
 */
class StandardInputStreamTest {
    private static final String CREDIT = Cli.doc("docs/examples/credit.csv").toString();
    private static final String CONFIG = Cli.doc("docs/examples/sme/sme-configuration.json").toString();
    private static final String SME = Cli.doc("docs/examples/sme/sme-customers.csv").toString();

    @TempDir
    Path dir;

    private static List<String> args(String... a) {
        return new ArrayList<>(List.of(a));
    }

    /** Runs the command on the file, then with the file's bytes on standard input and {@code -} in its place. */
    private static void assertSameFromStandardInput(Path file, List<String> args) throws Exception {
        String[] fromFile = args.stream().map(a -> a.equals("FILE") ? file.toString() : a).toArray(String[]::new);
        String[] fromStdin = args.stream().map(a -> a.equals("FILE") ? "-" : a).toArray(String[]::new);
        Cli a = Cli.run(fromFile);
        assertThat(a.status).as(a.toString()).isZero();
        Cli b = Cli.withInput(Files.readAllBytes(file), fromStdin);
        assertThat(b.status).as(b.toString()).isZero();
        assertThat(b.out).isNotEmpty().isEqualTo(a.out);
        assertThat(b.err).isEqualTo(a.err);
    }

    @Test
    void graStreamReadsStandardInputOnceAndScoresFromTheSpool() throws Exception {
        Path file = dir.resolve("customers.csv");
        GraStreamTest.write(file, 2 * GraCommand.STREAM_BLOCK + 777, 41);
        Path spool = Files.createDirectory(dir.resolve("spool"));
        List<String> common = args("gra", "FILE", "--stream", "--cost", "arrears", "--target", "tenure=20",
            "--weight", "kwh=3,fee=2,arrears=2,tenure=1,load=1", "--spool-dir", spool.toString());
        assertSameFromStandardInput(file, common);
        common.addAll(List.of("--top", "30"));
        assertSameFromStandardInput(file, common);
        assertSameFromStandardInput(file, args("gra", "FILE", "--stream", "--missing", "DROP_ROWS", "--columns",
            "kwh,arrears,load", "--cost", "arrears", "--spool-dir", spool.toString()));
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left).as("spool files left behind").isEmpty();
        }
        // -o from standard input: the same file as from the file
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        assertThat(Cli.run("gra", file.toString(), "--stream", "-o", a.toString()).status).isZero();
        Cli c = Cli.withInput(Files.readAllBytes(file), "gra", "-", "--stream", "-o", b.toString());
        assertThat(c.status).as(c.toString()).isZero();
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    }

    @Test
    void standardInputRefusesWhatNeedsASecondReading() throws Exception {
        Path file = dir.resolve("customers.csv");
        GraStreamTest.write(file, 50, 3);
        byte[] bytes = Files.readAllBytes(file);
        Cli twice = Cli.withInput(bytes, "gra", "-", "--stream", "--no-spool");
        assertThat(twice.status).isEqualTo(1);
        assertThat(twice.err).isEqualTo("powercx gra: option --no-spool: parses the input twice, but standard "
            + "input (-) can be read only once; spool it, or give a file\n");
        assertThat(twice.out).isEmpty();
        Cli means = Cli.withInput(bytes, "gra", "-", "--stream", "--missing", "COLUMN_MEAN");
        assertThat(means.status).isEqualTo(1);
        assertThat(means.err.strip()).doesNotContain("\n").startsWith("powercx gra: standard input: ")
            .contains("COLUMN_MEAN");
        Cli memory = Cli.withInput(bytes, "gra", "-");
        assertThat(memory.status).isEqualTo(1);
        assertThat(memory.err.strip()).isEqualTo("powercx gra: standard input (-): read only by the streaming "
            + "commands (--stream); give a file");
        Cli empty = Cli.withInput("id,a,b\n".getBytes(StandardCharsets.UTF_8), "gra", "-", "--stream");
        assertThat(empty.err.strip()).isEqualTo("powercx gra: standard input: no customer rows");
        Cli bad = Cli.withInput("id,a,b\nc1,1,2\nc2,3,x\n".getBytes(StandardCharsets.UTF_8), "gra", "-",
            "--stream");
        assertThat(bad.status).isEqualTo(1);
        assertThat(bad.err.strip()).doesNotContain("\n").startsWith("powercx gra: standard input:3:");
        Cli latin1 = Cli.withInput("id,a,b\nc\u00e9,1,2\n".getBytes(StandardCharsets.ISO_8859_1), "gra", "-",
            "--stream");
        assertThat(latin1.status).isEqualTo(1);
        assertThat(latin1.err.strip()).doesNotContain("\n").contains("standard input").contains("not UTF-8");
    }

    @Test
    void theSavedModelStreamsReadStandardInput() throws Exception {
        Path creditModel = dir.resolve("credit-model.json");
        assertThat(Cli.run("credit", "fit", CREDIT, "--save", creditModel.toString()).status).isZero();
        assertSameFromStandardInput(Path.of(CREDIT), args("credit", "score", "--model", creditModel.toString(),
            "FILE", "--stream"));
        Path card = dir.resolve("card.json");
        assertThat(Cli.run("credit", "scorecard", "fit", CREDIT, "--save", card.toString()).status).isZero();
        assertSameFromStandardInput(Path.of(CREDIT), args("credit", "scorecard", "score", "--model",
            card.toString(), "FILE", "--stream"));
        Path customerModel = dir.resolve("customer-model.json");
        assertThat(Cli.run("segment", "fit", "--config", CONFIG, "--save", customerModel.toString(), SME).status)
            .isZero();
        assertSameFromStandardInput(Path.of(SME), args("segment", "apply", "--model", customerModel.toString(),
            "FILE", "--stream"));
        Cli none = Cli.withInput("customer_id,social_credit_score,current_ratio,asset_liability_ratio,"
            .concat("arrears_amount,arrears_count,on_time_payment_rate\n").getBytes(StandardCharsets.UTF_8),
            "credit", "score", "--model", creditModel.toString(), "-", "--stream");
        assertThat(none.err.strip()).isEqualTo("powercx credit score: standard input: no customer rows");
    }
}
