package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.CsvTableReader;
import org.powercx.core.IndicatorTable;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.CrossValidation;
import org.powercx.credit.DiscriminantModel;
import org.powercx.credit.LinearDiscriminant;
import org.powercx.credit.RocCurve;
import org.powercx.credit.Shrinkage;

/** The credit commands against the credit module's own API on docs/examples/credit.csv. */
class CreditCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    @Test
    void fitPrintsTheLibrarysCoefficients() throws IOException {
        Cli r = Cli.run("credit", "fit", CSV, "-f", "json");
        assertThat(r.status).as(r.toString()).isZero();
        DiscriminantModel m = LinearDiscriminant.withDefaults().fit(all().select(X), labels());
        JsonNode root = JSON.readTree(r.out);
        for (int j = 0; j < X.length; j++) {
            JsonNode row = root.get("coefficients").get(j);
            assertThat(row.get("indicator").asText()).isEqualTo(X[j]);
            assertThat(row.get("coefficient").asDouble()).isEqualTo(m.coefficients()[0][j]);
        }
        JsonNode model = root.get("model").get(0);
        assertThat(model.get("intercept").asDouble()).isEqualTo(m.intercepts()[0]);
        assertThat(model.get("wilks_lambda").asDouble()).isEqualTo(m.wilks().lambda());
        assertThat(model.get("mahalanobis_D2").asDouble()).isEqualTo(m.mahalanobisSquared());
    }

    @Test
    void shrinkageAndColumnsOptions() throws IOException {
        Cli r = Cli.run("credit", "fit", CSV, "--shrinkage", "ledoit-wolf", "--columns",
            "on_time_payment_rate,arrears_count", "-f", "json");
        assertThat(r.status).as(r.toString()).isZero();
        DiscriminantModel m = LinearDiscriminant.withDefaults().withShrinkage(Shrinkage.ledoitWolf())
            .fit(all().select("on_time_payment_rate", "arrears_count"), labels());
        JsonNode c = JSON.readTree(r.out).get("coefficients");
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.get(1).get("coefficient").asDouble()).isEqualTo(m.coefficients()[0][1]);
    }

    @Test
    void scoreAndGradeUseQuintilesOfTheTrainingScores() throws IOException {
        DiscriminantModel m = LinearDiscriminant.withDefaults().fit(all().select(X), labels());
        double[] z = m.scores(all().select(X));
        CreditGrades g = CreditGrades.byQuantiles(z);
        Cli score = Cli.run("credit", "score", CSV, "-f", "json");
        assertThat(score.status).as(score.toString()).isZero();
        JsonNode rows = JSON.readTree(score.out).get("scores");
        assertThat(rows.size()).isEqualTo(600);
        for (int i : new int[] {0, 1, 599}) {
            assertThat(rows.get(i).get("score").asDouble()).isEqualTo(z[i]);
            assertThat(rows.get(i).get("grade").asText()).isEqualTo(g.name(z[i]));
        }
        Cli grade = Cli.run("credit", "grade", CSV, "-f", "json");
        JsonNode grades = JSON.readTree(grade.out).get("grades");
        long[] counts = g.report(z, labels()).counts();
        for (int k = 0; k < 5; k++) {
            assertThat(grades.get(k).get("customers").asLong()).isEqualTo(counts[k]);
        }
        Cli cut = Cli.run("credit", "grade", CSV, "--cutoffs", "-5,-4,-3,-2");
        assertThat(cut.out).contains("AAA              -5");
    }

    @Test
    void targetRatesNeedFourValuesAndAnEmptyGradeIsNeverCalledMonotone() {
        Cli five = Cli.run("credit", "grade", CSV, "--target-rates", "0.01,0.02,0.05,0.1,0.2");
        assertThat(five.status).isEqualTo(1);
        assertThat(five.err.strip()).doesNotContain("\n").contains("option --target-rates: 4 values needed")
            .contains("got 5");
        assertThat(Cli.run("credit", "score", CSV, "--target-rates", "0.1").err).contains("4 values needed");
        assertThat(Cli.run("credit", "grade", "--help").out).contains("R1,R2,R3,R4").doesNotContain("R5");
        Cli empty = Cli.run("credit", "grade", CSV, "--target-rates", "0,0,0.05,0.1");
        assertThat(empty.status).as(empty.toString()).isZero();
        assertThat(empty.out).doesNotContain("NaN").doesNotContain("are monotone")
            .contains("Default rates not compared: AA has no customers");
    }

    @Test
    void scoreNewCustomers() throws IOException {
        Path f = dir.resolve("new.csv");
        Files.writeString(f, "customer_id,on_time_payment_rate,arrears_count,arrears_amount,asset_liability_ratio,"
            + "current_ratio,social_credit_score\nN1,0.99,0,0,0.2,2.5,90\nN2,0.5,6,40,0.9,0.6,30\n");
        Cli r = Cli.run("credit", "score", CSV, "--data", f.toString(), "-f", "csv");
        assertThat(r.status).as(r.toString()).isZero();
        DiscriminantModel m = LinearDiscriminant.withDefaults().fit(all().select(X), labels());
        double z2 = m.decisionValue(new double[] {0.5, 6, 40, 0.9, 0.6, 30});
        assertThat(r.out).contains("\nN2," + z2 + ",");
    }

    @Test
    void validateReportsAucAndFolds() throws IOException {
        Cli r = Cli.run("credit", "validate", CSV, "--folds", "4", "--seed", "7", "-f", "json");
        assertThat(r.status).as(r.toString()).isZero();
        DiscriminantModel m = LinearDiscriminant.withDefaults().fit(all().select(X), labels());
        RocCurve roc = RocCurve.of(m.scores(all().select(X)), labels());
        JsonNode root = JSON.readTree(r.out);
        assertThat(root.get("in-sample").get(0).get("AUC").asDouble()).isEqualTo(roc.auc());
        assertThat(root.get("in-sample").get(0).get("KS").asDouble()).isEqualTo(roc.ks());
        double[] folds = CrossValidation.stratified(4, 7).run(LinearDiscriminant.withDefaults(), all().select(X),
            labels()).foldAuc();
        assertThat(root.get("cross-validation").size()).isEqualTo(4);
        for (int f = 0; f < 4; f++) {
            assertThat(root.get("cross-validation").get(f).get("AUC").asDouble()).isEqualTo(folds[f]);
        }
        JsonNode cm = root.get("confusion matrix");
        assertThat(cm.get(0).get("predicted_0").asLong() + cm.get(0).get("predicted_1").asLong()
            + cm.get(1).get("predicted_0").asLong() + cm.get(1).get("predicted_1").asLong()).isEqualTo(600);
    }

    @Test
    void badLabelsAndColumnsAreNamed() throws IOException {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "id,x,defaulted\nA,1,0\nB,2,2\nC,3,1\n");
        Cli r = Cli.run("credit", "fit", f.toString());
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err.strip()).endsWith("c.csv:3: column 'defaulted': the label of customer 'B' must be 0 or 1 but is 2");
        Files.writeString(f, "id,x,defaulted\nA,1,0\n\n\"B\n\",2,1\n\n\nC,3,0\n\nD,4,7\n");
        Cli blank = Cli.run("credit", "fit", f.toString());
        assertThat(blank.err.strip()).endsWith("c.csv:10: column 'defaulted': the label of customer 'D' must be 0 or 1 but is 7");
        Files.writeString(f, "id,x,defaulted\nA,1,0\nB,2,2\nC,3,1\n");
        Cli nolabel = Cli.run("credit", "fit", f.toString(), "--label", "bad");
        assertThat(nolabel.err).contains("no label column 'bad'");
        Files.writeString(f, "id,x,y,defaulted\nA,1,1,0\nB,1,2,1\nC,1,3,0\nD,1,4,1\n");
        Cli singular = Cli.run("credit", "fit", f.toString());
        assertThat(singular.status).isEqualTo(1);
        assertThat(singular.err).contains("c.csv").contains("x");
        Cli shrink = Cli.run("credit", "fit", CSV, "--shrinkage", "lots");
        assertThat(shrink.err.strip()).doesNotContain("\n").contains("option --shrinkage: 'lots' is none of LAMBDA, "
            + "ledoit-wolf, fixed-by-class:LAMBDA, ledoit-wolf-by-class");
        assertThat(Cli.run("credit", "fit", CSV, "--shrinkage", "fixed-by-class:1.5").err)
            .contains("option --shrinkage: ").contains("1.5");
        assertThat(Cli.run("credit", "fit", CSV, "--shrinkage", "fixed-by-class:").err)
            .contains("option --shrinkage: 'fixed-by-class:' is none of");
        assertThat(Cli.run("credit", "fit", CSV, "--collinearity", "ignore").err.strip())
            .isEqualTo("powercx credit fit: option --collinearity: 'ignore' is neither reject nor drop");
        assertThat(Cli.run("credit").err).contains("missing subcommand: fit, score, grade, validate, monitor or scorecard");
    }

    @Test
    void byClassShrinkageOptionsMatchTheLibrary() throws IOException {
        Shrinkage[] expected = {Shrinkage.ledoitWolfByClass(), Shrinkage.fixedByClass(0.3)};
        String[] option = {"ledoit-wolf-by-class", "Fixed-By-Class:0.3"};
        for (int t = 0; t < 2; t++) {
            LinearDiscriminant lda = LinearDiscriminant.withDefaults().withShrinkage(expected[t]);
            DiscriminantModel m = lda.fit(all().select(X), labels());
            Cli fit = Cli.run("credit", "fit", CSV, "--shrinkage", option[t], "-f", "json");
            assertThat(fit.status).as(fit.toString()).isZero();
            JsonNode c = JSON.readTree(fit.out).get("coefficients");
            for (int j = 0; j < X.length; j++) {
                assertThat(c.get(j).get("coefficient").asDouble()).isEqualTo(m.coefficients()[0][j]);
            }
            Cli score = Cli.run("credit", "score", CSV, "--shrinkage", option[t], "-f", "json");
            assertThat(JSON.readTree(score.out).get("scores").get(5).get("score").asDouble())
                .isEqualTo(m.scores(all().select(X))[5]);
            Cli validate = Cli.run("credit", "validate", CSV, "--shrinkage", option[t], "--folds", "3", "-f", "json");
            assertThat(validate.status).as(validate.toString()).isZero();
            double[] folds = CrossValidation.stratified(3, 1).run(lda, all().select(X), labels()).foldAuc();
            for (int f = 0; f < 3; f++) {
                assertThat(JSON.readTree(validate.out).get("cross-validation").get(f).get("AUC").asDouble())
                    .isEqualTo(folds[f]);
            }
        }
    }

    /** The example file with a copy of arrears_count and a column constant within each class. */
    private Path collinearFile() throws IOException {
        String[] lines = Files.readString(Path.of(CSV)).strip().split("\n");
        String[] header = lines[0].split(",");
        int arrears = java.util.Arrays.asList(header).indexOf("arrears_count");
        StringBuilder sb = new StringBuilder(lines[0]).append(",arrears_copy,segment\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            sb.append(lines[i]).append(',').append(f[arrears]).append(',')
                .append("1".equals(f[f.length - 1]) ? "4" : "2").append('\n');
        }
        Path f = dir.resolve("collinear.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void collinearityDropFitsWhatTheDefaultRefuses() throws IOException {
        Path f = collinearFile();
        Cli refused = Cli.run("credit", "fit", f.toString());
        assertThat(refused.status).isEqualTo(1);
        assertThat(refused.err.strip()).doesNotContain("\n").contains("collinear.csv")
            .contains("'segment' is constant within every class");
        Cli fit = Cli.run("credit", "fit", f.toString(), "--collinearity", "drop");
        assertThat(fit.status).as(fit.toString()).isZero();
        assertThat(fit.out).contains("Within-class rank 6 of 8: 2 collinear direction(s) dropped among "
            + "arrears_count, arrears_copy, segment; Wilks' lambda is undefined");
        String[] cols = {"on_time_payment_rate", "arrears_count", "arrears_amount", "asset_liability_ratio",
            "current_ratio", "social_credit_score", "arrears_copy", "segment"};
        IndicatorTable table = CsvTableReader.withDefaults().read(f).table().select(cols);
        DiscriminantModel m = LinearDiscriminant.withDefaults().withCollinearity(
            org.powercx.credit.Collinearity.DROP).fit(table, labels());
        JsonNode json = JSON.readTree(Cli.run("credit", "fit", f.toString(), "--collinearity", "DROP", "-f", "json")
            .out);
        for (int j = 0; j < cols.length; j++) {
            assertThat(json.get("coefficients").get(j).get("coefficient").asDouble())
                .isEqualTo(m.coefficients()[0][j]);
        }
        assertThat(json.get("model").get(0).get("wilks_lambda").isNull()).isTrue();
        // saved with --collinearity drop, scored from the file without refitting
        Path model = dir.resolve("m.json");
        Cli save = Cli.run("credit", "fit", f.toString(), "--collinearity", "drop", "--save", model.toString());
        assertThat(save.status).as(save.toString()).isZero();
        Cli scored = Cli.run("credit", "score", "--model", model.toString(), f.toString(), "-f", "json");
        assertThat(scored.status).as(scored.toString()).isZero();
        double[] z = m.scores(table);
        JsonNode rows = JSON.readTree(scored.out).get("scores");
        for (int i : new int[] {0, 17, 599}) {
            assertThat(rows.get(i).get("score").asDouble()).isEqualTo(z[i]);
        }
        assertThat(Cli.run("credit", "score", "--model", model.toString(), f.toString(), "--collinearity", "drop")
            .err).contains("--collinearity");
        assertThat(Files.readString(model)).contains("\"collinearity\"");
    }
}
