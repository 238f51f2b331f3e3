package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.CsvTableReader;
import org.powercx.core.IndicatorTable;
import org.powercx.credit.LogisticRegression;
import org.powercx.credit.MonotoneBinning;
import org.powercx.credit.PointsScaling;
import org.powercx.credit.Scorecard;
import org.powercx.credit.ScorecardModel;
import org.powercx.io.ScorecardModelFile;

/** {@code credit scorecard fit --save} and {@code credit scorecard score --model}: the library's bits. */
class ScorecardCommandTest {
    private static final String CSV = Cli.doc("docs/examples/credit.csv").toString();
    private static final String[] X = {"on_time_payment_rate", "arrears_count", "arrears_amount",
        "asset_liability_ratio", "current_ratio", "social_credit_score"};

    @TempDir
    Path dir;

    private static IndicatorTable all() {
        return CsvTableReader.withDefaults().read(Path.of(CSV)).table();
    }

    private static int[] labels() {
        double[] y = all().column("defaulted");
        int[] l = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            l[i] = (int) y[i];
        }
        return l;
    }

    /** The scores CSV's columns after the id, parsed. */
    private static double[][] parse(String csv, int rows) {
        String[] lines = csv.strip().split("\n");
        assertThat(lines[0]).isEqualTo("id,score,default_probability");
        assertThat(lines).hasSize(rows + 1);
        double[][] out = new double[2][rows];
        for (int i = 0; i < rows; i++) {
            String[] f = lines[i + 1].split(",");
            out[0][i] = Double.parseDouble(f[1]);
            out[1][i] = Double.parseDouble(f[2]);
        }
        return out;
    }

    @Test
    void fitSavesTheLibrarysScorecardAndScoreGivesItsScoresBitForBit() throws IOException {
        Path model = dir.resolve("card.json");
        Cli fit = Cli.run("credit", "scorecard", "fit", CSV, "--save", model.toString());
        assertThat(fit.status).as(fit.toString()).isZero();
        IndicatorTable t = all().select(X);
        ScorecardModel expected = Scorecard.withDefaults().fit(t, labels());
        ScorecardModel saved = ScorecardModelFile.read(model);
        assertThat(saved.parameters()).isEqualTo(expected.parameters());
        assertThat(fit.out).contains("Scorecard saved to").contains("information_value");
        for (ScorecardModel.Row r : expected.rows()) {
            assertThat(fit.out).contains(r.indicator()).contains(r.bin());
        }

        Cli score = Cli.run("credit", "scorecard", "score", "--model", model.toString(), CSV, "-f", "csv");
        assertThat(score.status).as(score.toString()).isZero();
        double[][] got = parse(score.out, t.rowCount());
        assertThat(got[0]).containsExactly(expected.scores(t));
        assertThat(got[1]).containsExactly(expected.defaultProbabilities(t));

        Cli streamed = Cli.run("credit", "scorecard", "score", "--model", model.toString(), CSV, "--stream");
        assertThat(streamed.status).as(streamed.toString()).isZero();
        assertThat(streamed.out).isEqualTo(score.out);
        Path out = dir.resolve("scores.csv");
        Cli toFile = Cli.run("credit", "scorecard", "score", "--model", model.toString(), CSV, "--stream", "-o",
            out.toString());
        assertThat(toFile.status).as(toFile.toString()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(score.out);
    }

    @Test
    void everyFitOptionReachesTheLibrarysCalculator() throws IOException {
        Path model = dir.resolve("card.json");
        Cli fit = Cli.run("credit", "scorecard", "fit", CSV, "--columns", String.join(",", X[0], X[1], X[4], X[5]),
            "--start-bins", "8", "--min-bin-share", "0.1", "--min-iv", "0.05", "--penalty", "0.5", "--pdo", "40",
            "--base-points", "500", "--base-odds", "20", "--save", model.toString(), "-f", "json");
        assertThat(fit.status).as(fit.toString()).isZero();
        ScorecardModel expected = Scorecard.withDefaults()
            .withBinning(MonotoneBinning.withDefaults().withStartBins(8).withMinBinShare(0.1))
            .withRegression(LogisticRegression.withDefaults().withPenalty(0.5))
            .withScaling(PointsScaling.of(40, 500, 20)).withMinInformationValue(0.05)
            .fit(all().select(X[0], X[1], X[4], X[5]), labels());
        assertThat(ScorecardModelFile.read(model).parameters()).isEqualTo(expected.parameters());
        assertThat(fit.out).contains("\"woe\"").contains("\"points\"");
    }

    @Test
    void badInputGetsOneLineNamingTheItemAndWritesNothing() throws IOException {
        Path model = dir.resolve("card.json");
        assertThat(Cli.run("credit", "scorecard", "fit", CSV, "--save", model.toString()).status).isZero();
        Path out = dir.resolve("out.csv");
        Path nan = dir.resolve("nan.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(CSV), StandardCharsets.UTF_8));
        lines.set(3, lines.get(3).replaceFirst(",[^,]*,", ",NaN,"));
        Files.write(nan, lines, StandardCharsets.UTF_8);
        Path missing = dir.resolve("missing.csv");
        Files.writeString(missing, "customer_id,current_ratio\nC1,1.5\n", StandardCharsets.UTF_8);
        Path badLabel = dir.resolve("label.csv");
        lines = new ArrayList<>(Files.readAllLines(Path.of(CSV), StandardCharsets.UTF_8));
        lines.set(2, lines.get(2).replaceFirst(",[01]$", ",2"));
        Files.write(badLabel, lines, StandardCharsets.UTF_8);
        String[][] cases = {
            {"--pdo", "fit", CSV, "--pdo", "0"},
            {"--base-odds", "fit", CSV, "--base-odds", "-1"},
            {"--start-bins", "fit", CSV, "--start-bins", "1"},
            {"--min-bin-share", "fit", CSV, "--min-bin-share", "0.7"},
            {"--min-iv", "fit", CSV, "--min-iv", "-1"},
            {"--penalty", "fit", CSV, "--penalty", "NaN"},
            {"no indicator", "fit", CSV, "--min-iv", "100"},
            {"'nope'", "fit", CSV, "--label", "nope"},
            {"must be 0 or 1", "fit", badLabel.toString()},
            {"'unknown'", "fit", CSV, "--columns", "unknown"},
            {"on_time_payment_rate", "score", "--model", model.toString(), nan.toString(), "-o", out.toString()},
            {"unknown column", "score", "--model", model.toString(), missing.toString(), "-o", out.toString()},
            {"unknown column", "score", "--model", model.toString(), missing.toString(), "--stream", "-o",
                out.toString()},
            {"--format json", "score", "--model", model.toString(), CSV, "--stream", "-f", "json"},
            {"absent.json", "score", "--model", dir.resolve("absent.json").toString(), CSV, "-o", out.toString()},
            {"missing subcommand", }};
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("credit", "scorecard"));
            args.addAll(List.of(c).subList(1, c.length));
            Cli r = Cli.run(args.toArray(new String[0]));
            assertThat(r.status).as(r.toString()).isNotZero();
            assertThat(r.err.strip()).as(String.join(" ", args)).contains(c[0]);
            if (!c[0].equals("missing subcommand")) {
                assertThat(r.err.strip()).as(String.join(" ", args)).doesNotContain("\n");
            }
            assertThat(out).doesNotExist();
        }
        Path wrongKind = dir.resolve("lda.json");
        assertThat(Cli.run("credit", "fit", CSV, "--save", wrongKind.toString()).status).isZero();
        Cli kind = Cli.run("credit", "scorecard", "score", "--model", wrongKind.toString(), CSV);
        assertThat(kind.status).isNotZero();
        assertThat(kind.err.strip()).contains(wrongKind.toString()).contains("kind").doesNotContain("\n");
    }
}
