package org.powercx.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.powercx.core.CsvReadResult;
import org.powercx.core.IndicatorTable;
import org.powercx.core.MissingValuePolicy;
import org.powercx.credit.Collinearity;
import org.powercx.credit.ConfusionMatrix;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.CrossValidation;
import org.powercx.credit.CrossValidationResult;
import org.powercx.credit.DiscriminantModel;
import org.powercx.credit.GradeMigration;
import org.powercx.credit.GradeReport;
import org.powercx.credit.LinearDiscriminant;
import org.powercx.credit.PopulationStability;
import org.powercx.credit.RocCurve;
import org.powercx.credit.Shrinkage;
import org.powercx.credit.StabilityReport;
import org.powercx.credit.WilksTest;
import org.powercx.io.CreditModelFile;
import org.powercx.io.Provenance;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code powercx credit}: Fisher discriminant credit scoring on a labelled CSV file: fit, score, grade, validate.
 *
 * @since 0.1.0
 */
@Command(name = "credit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Credit scoring with Fisher's linear discriminant, fitted on customers labelled 1 (defaulted) "
        + "or 0.",
    subcommands = {CreditCommand.Fit.class, CreditCommand.Score.class, CreditCommand.Grade.class,
        CreditCommand.Validate.class, CreditCommand.Monitor.class, ScorecardCommand.class})
final class CreditCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    /** Creates the command; picocli calls it. */
    public CreditCommand() {
        // picocli instantiates the command
    }

    /** A subcommand is required. */
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "missing subcommand: fit, score, grade, validate, monitor or scorecard");
    }

    /** The training data and model options shared by the subcommands. */
    static class Training {
        /** The CSV file: the training customers, or with {@code score --model} the customers to score. */
        Path file;

        @Option(names = "--label", defaultValue = "defaulted", paramLabel = "COLUMN",
            description = "Label column, 1 = defaulted, 0 = not (default: ${DEFAULT-VALUE}).")
        String label;

        @Option(names = "--id", paramLabel = "COLUMN", description = "Id column (default: the first column).")
        String id;

        @Option(names = "--no-id", description = Inputs.NO_ID_HELP)
        boolean noId;

        /** The id column option as the readers take it: null for the first column. */
        String idColumn() {
            return Inputs.idColumn(id, noId);
        }

        @Option(names = "--columns", paramLabel = "NAME,...",
            description = "Indicator columns (default: every column but the id and the label).")
        String columnsText;

        @Option(names = "--shrinkage", paramLabel = "SHRINKAGE",
            description = "Shrink the covariance: LAMBDA in [0, 1] or ledoit-wolf shrink the pooled within-class "
                + "correlations; fixed-by-class:LAMBDA or ledoit-wolf-by-class shrink each class's covariance "
                + "and average them, as scikit-learn's lsqr solver (shrinkage=LAMBDA or 'auto').")
        String shrinkage;

        @Option(names = "--collinearity", paramLabel = "reject|drop",
            description = "Collinear indicators, or one constant within both classes: reject names them "
                + "(default); drop leaves out those directions, as scikit-learn's svd solver.")
        String collinearity;

        @Option(names = "--priors", paramLabel = "P0,P1",
            description = "Class priors (default: the class shares in the training data).")
        String priorsText;

        IndicatorTable table;
        int[] labels;

        /** The training options with the training file as a required argument. */
        static final class RequiredFile extends Training {
            @Parameters(index = "0", paramLabel = "CSV", description = "Training customers with a 0/1 label column.")
            void file(Path value) {
                file = value;
            }
        }

        /** The training options of {@code credit score}, whose file may give way to {@code --jdbc}. */
        static final class OptionalFile extends Training {
            @Parameters(index = "0", arity = "0..1", paramLabel = "CSV",
                description = "Training customers with a 0/1 label column; with --model, the customers to score "
                    + "(or --jdbc with --query).")
            void file(Path value) {
                file = value;
            }
        }

        /** Reads the table and labels. */
        void read() {
            if (file == null) {
                throw new CliException("give the training CSV file (--jdbc reads only the customers to score "
                    + "with --model)");
            }
            CsvReadResult read = Inputs.csv(file, idColumn(), List.of(), List.of(), Map.of(), MissingValuePolicy.REJECT);
            IndicatorTable all = read.table();
            if (!all.contains(label)) {
                throw new CliException("%s: no label column '%s' (columns: %s)", file, label,
                    String.join(", ", all.indicatorNames()));
            }
            double[] y = all.column(label);
            labels = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                if (y[i] != 0 && y[i] != 1) {
                    throw new CliException("%s:%d: column '%s': the label of customer '%s' must be 0 or 1 but is %s",
                        file, read.line(i), label, all.id(i), org.powercx.core.TextTable.number(y[i]));
                }
                labels[i] = (int) y[i];
            }
            List<String> names = new ArrayList<>();
            List<String> columns = CommaValues.names("--columns", columnsText);
            if (columns.isEmpty()) {
                for (String n : all.indicatorNames()) {
                    if (!n.equals(label)) {
                        names.add(n);
                    }
                }
            } else {
                for (String n : columns) {
                    if (!all.contains(n)) {
                        throw new CliException("option --columns: '%s' is not a column of %s", n, file);
                    }
                    names.add(n);
                }
            }
            table = all.select(names.toArray(new String[0]));
        }

        /** The configured discriminant. */
        LinearDiscriminant lda() {
            LinearDiscriminant lda = LinearDiscriminant.withDefaults();
            double[] priors = CommaValues.numbers("--priors", priorsText);
            if (shrinkage != null) {
                lda = lda.withShrinkage(shrinkage(shrinkage));
            }
            if (collinearity != null) {
                lda = lda.withCollinearity(collinearity(collinearity));
            }
            if (priors != null) {
                LinearDiscriminant configured = lda;
                lda = Checked.option("--priors", () -> configured.withPriors(priors));
            }
            return lda;
        }

        /** Parses {@code --shrinkage}: LAMBDA, ledoit-wolf, fixed-by-class:LAMBDA or ledoit-wolf-by-class. */
        static Shrinkage shrinkage(String text) {
            String t = text.strip().toLowerCase(java.util.Locale.ROOT);
            String byClass = "fixed-by-class:";
            try {
                if (t.equals("ledoit-wolf")) {
                    return Shrinkage.ledoitWolf();
                }
                if (t.equals("ledoit-wolf-by-class")) {
                    return Shrinkage.ledoitWolfByClass();
                }
                if (t.startsWith(byClass)) {
                    return Shrinkage.fixedByClass(Double.parseDouble(t.substring(byClass.length())));
                }
                return Shrinkage.fixed(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                throw new CliException("option --shrinkage: '%s' is none of LAMBDA, ledoit-wolf, "
                    + "fixed-by-class:LAMBDA, ledoit-wolf-by-class", text);
            } catch (IllegalArgumentException e) {
                throw new CliException("option --shrinkage: %s", e.getMessage());
            }
        }

        /** Parses {@code --collinearity}: reject or drop. */
        static Collinearity collinearity(String text) {
            switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "reject":
                    return Collinearity.REJECT;
                case "drop":
                    return Collinearity.DROP;
                default:
                    throw new CliException("option --collinearity: '%s' is neither reject nor drop", text);
            }
        }

        /** Reads and fits. */
        DiscriminantModel fit() {
            read();
            LinearDiscriminant lda = lda();
            return Checked.input(file, () -> lda.fit(table, labels));
        }
    }

    /** How grades are cut. */
    static final class GradeScale {
        @Option(names = "--cutoffs", paramLabel = "C1,C2,C3,C4",
            description = "Score cut-offs between AAA, AA, A, B and C (default: score quintiles).")
        String cutoffsText;

        @Option(names = "--target-rates", paramLabel = "R1,R2,R3,R4",
            description = "Highest observed default rate allowed in AAA, AA, A and B (four values, best first; "
                + "C takes the rest).")
        String targetRatesText;

        static CreditGrades of(GradeScale g, double[] scores, int[] labels) {
            double[] cutoffs = g == null ? null : CommaValues.numbers("--cutoffs", g.cutoffsText);
            double[] targetRates = g == null ? null : CommaValues.numbers("--target-rates", g.targetRatesText);
            if (targetRates != null && targetRates.length != CreditGrades.DEFAULT_NAMES.size() - 1) {
                throw new CliException("option --target-rates: %d values needed, the highest default rate "
                    + "allowed in each grade but the last (C takes the rest), got %d",
                    CreditGrades.DEFAULT_NAMES.size() - 1, targetRates.length);
            }
            return Checked.option("--cutoffs/--target-rates", () -> {
                if (cutoffs != null) {
                    return CreditGrades.ofCutoffs(cutoffs);
                }
                if (targetRates != null) {
                    return CreditGrades.byTargetDefaultRates(scores, labels, targetRates);
                }
                return CreditGrades.byQuantiles(scores);
            });
        }
    }

    /** {@code powercx credit fit}. */
    @Command(name = "fit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Fits the discriminant Z = a0 + sum a_i x_i, a = S^-1 (mu_1 - mu_0): coefficients, "
            + "standardised coefficients, Wilks' lambda and the Mahalanobis distance.")
    static final class Fit extends Base {
        @Mixin
        private Training.RequiredFile training = new Training.RequiredFile();

        @ArgGroup(exclusive = true)
        private GradeScale scale;

        @Option(names = "--save", paramLabel = "FILE",
            description = "Also save the model and its grade scale (cut on the training scores) as a credit-model "
                + "file for 'credit score --model'.")
        private Path save;

        @Override
        protected Output compute() {
            DiscriminantModel m = training.fit();
            Output out = describe(m);
            if (save != null) {
                CreditGrades grades = GradeScale.of(scale, m.scores(training.table), training.labels);
                java.util.Map<String, String> config = new java.util.LinkedHashMap<>();
                config.put("training", String.valueOf(training.file.getFileName()));
                config.put("label", training.label);
                config.put("shrinkage", training.shrinkage == null ? "none" : training.shrinkage);
                config.put("collinearity", training.collinearity == null ? "reject" : training.collinearity);
                config.put("priors", training.priorsText == null ? "class shares" : training.priorsText);
                Checked.option("--save",
                    () -> CreditModelFile.write(save, m, grades, Provenance.of(training.table.rowCount(), config)));
                out.note("Model saved to %s", save);
            }
            return out;
        }

        static Output describe(DiscriminantModel m) {
            Output out = new Output();
            out.table("coefficients", "indicator", "coefficient", "standardised", "mean_0", "mean_1");
            double[] a = m.coefficients()[0];
            double[] s = m.standardisedCoefficients()[0];
            double[][] means = m.classMeans();
            for (int j = 0; j < a.length; j++) {
                out.row(m.indicators().get(j).name(), a[j], s[j], means[0][j], means[1][j]);
            }
            out.table("model", "intercept", "wilks_lambda", "chi_square", "df", "p_value", "mahalanobis_D2");
            if (m.droppedDirections().length == 0) {
                WilksTest w = m.wilks();
                out.row(m.intercepts()[0], w.lambda(), w.chiSquare(), w.degreesOfFreedom(), w.pValue(),
                    m.mahalanobisSquared());
            } else {
                // the within-class scatter is singular: Wilks' lambda is undefined
                out.row(m.intercepts()[0], "-", "-", "-", "-", m.mahalanobisSquared());
            }
            long[] counts = m.classCounts();
            out.note("%d customers (%d not defaulted, %d defaulted); Z > 0 leans towards default", counts[0] + counts[1],
                counts[0], counts[1]);
            if (m.droppedDirections().length > 0) {
                out.note("Within-class rank %d of %d: %d collinear direction(s) dropped among %s; Wilks' lambda is "
                    + "undefined", m.withinRank(), m.indicators().size(), m.droppedDirections().length,
                    String.join(", ", m.collinearIndicators()));
            }
            return out;
        }
    }

    /** {@code powercx credit score}. */
    @Command(name = "score", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Scores customers with a model fitted on the training file, or saved by 'credit fit --save' "
            + "and given with --model (then CSV holds the customers to score): decision value Z, default "
            + "probability, predicted class and grade.")
    static final class Score extends Base {
        @Mixin
        private Training.OptionalFile training = new Training.OptionalFile();

        @Mixin
        private DatabaseOptions database = new DatabaseOptions();

        @Option(names = "--data", paramLabel = "CSV", description = "Customers to score (default: the training file).")
        private Path data;

        @ArgGroup(exclusive = true)
        private GradeScale scale;

        @Option(names = "--model", paramLabel = "FILE",
            description = "A credit-model file saved by 'credit fit --save': score CSV without refitting.")
        private Path model;

        @Option(names = "--stream", description = {"With --model: read the CSV in blocks and write each block's "
            + "scores before reading the next, in bounded memory, for files larger than the heap; writes the CSV "
            + "of -f csv, byte for byte."})
        private boolean stream;

        @Override
        public Integer call() throws Exception {
            boolean fromDatabase = database.inUse(training.file);
            if (fromDatabase && model == null) {
                throw new CliException("option --jdbc: scores with a saved model; give --model FILE");
            }
            if (!stream) {
                return super.call();
            }
            if (model == null) {
                throw new CliException("option --stream: scores with a saved model; give --model FILE");
            }
            if (fromDatabase) {
                throw new CliException("option --stream: streams a CSV file; it cannot be combined with --jdbc");
            }
            if (format == Format.JSON) {
                throw new CliException("option --stream: writes CSV; it cannot be combined with --format json");
            }
            CreditModelFile.CreditModel saved = savedModel();
            DiscriminantModel m = saved.discriminant();
            ScoreStreams.write(this, out -> ScoreStreams.credit(Inputs.stream(training.file, standardInput(),
                training.idColumn(), indicatorNames(m), List.of(), Map.of(), MissingValuePolicy.REJECT,
                GraCommand.STREAM_BLOCK), m, saved.grades(), Inputs.source(training.file), out));
            return 0;
        }

        @Override
        protected Output compute() {
            if (model != null) {
                return scoreSaved();
            }
            DiscriminantModel m = training.fit();
            double[] trainScores = m.scores(training.table);
            CreditGrades grades = GradeScale.of(scale, trainScores, training.labels);
            IndicatorTable t = training.table;
            if (data != null) {
                t = Inputs.csv(data, training.idColumn(), indicatorNames(m), List.of(), Map.of(), MissingValuePolicy.REJECT)
                    .table();
            }
            return scores(m, grades, t, data == null ? training.file : data).output();
        }

        /** Reads the saved model, refusing the training options it fixes. */
        private CreditModelFile.CreditModel savedModel() {
            if (data != null || scale != null || training.columnsText != null || training.shrinkage != null
                || training.priorsText != null || training.collinearity != null) {
                throw new CliException("option --model: the saved model fixes the indicators, shrinkage, priors "
                    + "and grades; give only the CSV to score (not --data, --columns, --shrinkage, --collinearity, "
                    + "--priors, --cutoffs or --target-rates)");
            }
            CreditModelFile.CreditModel saved = CreditModelFile.read(model);
            DiscriminantModel m = saved.discriminant();
            if (!m.isBinary()) {
                throw new CliException("%s: the saved model has %d classes; credit scoring needs two", model,
                    m.classes().length);
            }
            return saved;
        }

        /** Scores the positional CSV, or the query's customers, with a saved model. */
        private Output scoreSaved() {
            CreditModelFile.CreditModel saved = savedModel();
            DiscriminantModel m = saved.discriminant();
            boolean fromDatabase = database.url != null;
            IndicatorTable t;
            if (fromDatabase) {
                t = database.read(training.idColumn(), indicatorNames(m), List.of(), Map.of(), MissingValuePolicy.REJECT);
            } else {
                t = Inputs.csv(training.file, training.idColumn(), indicatorNames(m), List.of(), Map.of(),
                    MissingValuePolicy.REJECT, "use --stream").table();
            }
            Scored s = scores(m, saved.grades(), t, fromDatabase ? "query" : training.file);
            if (database.writeTable != null) {
                double[] predicted = new double[s.predicted().length];
                List<String> grades = new ArrayList<>(predicted.length);
                for (int i = 0; i < predicted.length; i++) {
                    predicted[i] = s.predicted()[i];
                    grades.add(saved.grades().name(s.z()[i]));
                }
                org.powercx.jdbc.ResultColumns columns = Checked.option("--write-table",
                    () -> org.powercx.jdbc.ResultColumns.of(t.ids()).withNumbers("score", s.z())
                        .withNumbers("default_probability", s.p()).withNumbers("predicted", predicted)
                        .withTexts("grade", grades));
                long written = database.write(columns);
                s.output().note("%d rows written to table %s", written, database.writeTable);
            }
            return s.output();
        }
    }

    /** The names of a model's indicators, in order. */
    static List<String> indicatorNames(DiscriminantModel m) {
        List<String> cols = new ArrayList<>();
        m.indicators().forEach(i -> cols.add(i.name()));
        return cols;
    }

    /** The scores of a table and their output. */
    private record Scored(double[] z, double[] p, int[] predicted, Output output) {
    }

    /** The scores table and the note on the grade cut-offs. */
    private static Scored scores(DiscriminantModel m, CreditGrades grades, IndicatorTable t, Object source) {
        double[] z;
        double[] p;
        int[] predicted;
        try {
            z = m.scores(t);
            p = m.defaultProbabilities(t);
            predicted = m.predict(t);
        } catch (IllegalArgumentException e) {
            throw new CliException("%s: %s", source, e.getMessage());
        }
        Output out = new Output().table("scores", SCORE_HEADER.toArray(new String[0]));
        double[] zs = z;
        double[] ps = p;
        int[] predictions = predicted;
        out.rows(z.length, i -> new Object[] {t.id(i), zs[i], ps[i], predictions[i], grades.name(zs[i])});
        out.note("%s", cutoffNote(grades));
        return new Scored(z, p, predicted, out);
    }

    /** The columns of the scores table. */
    static final List<String> SCORE_HEADER = List.of("id", "score", "default_probability", "predicted", "grade");

    /** The note under the scores table. */
    static String cutoffNote(CreditGrades grades) {
        return "Grade cut-offs on Z: " + cutoffs(grades);
    }

    static String cutoffs(CreditGrades g) {
        StringBuilder sb = new StringBuilder();
        double[] c = g.cutoffs();
        for (int k = 0; k < g.names().size(); k++) {
            sb.append(g.names().get(k));
            if (k < c.length) {
                sb.append(" <= ").append(org.powercx.core.TextTable.number(c[k])).append(" < ");
            }
        }
        return sb.toString();
    }

    /** {@code powercx credit grade}. */
    @Command(name = "grade", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Grades the training customers (AAA best to C worst) and reports each grade's count and "
            + "observed default rate, and whether default rates rise monotonically.")
    static final class Grade extends Base {
        @Mixin
        private Training.RequiredFile training = new Training.RequiredFile();

        @ArgGroup(exclusive = true)
        private GradeScale scale;

        @Override
        protected Output compute() {
            DiscriminantModel m = training.fit();
            double[] z = m.scores(training.table);
            CreditGrades grades = GradeScale.of(scale, z, training.labels);
            GradeReport rep = grades.report(z, training.labels);
            Output out = new Output().table("grades", "grade", "upper_cutoff", "customers", "defaults",
                "default_rate");
            double[] c = grades.cutoffs();
            double[] rates = rep.defaultRates();
            List<String> empty = new ArrayList<>();
            for (int k = 0; k < rep.names().size(); k++) {
                if (rep.counts()[k] == 0) {
                    empty.add(rep.names().get(k));
                }
                out.row(rep.names().get(k), k < c.length ? (Object) c[k] : "-", rep.counts()[k], rep.defaults()[k],
                    rep.counts()[k] == 0 ? "-" : (Object) rates[k]);
            }
            if (!rep.isMonotone()) {
                out.note("Default rates are NOT monotone across grades");
            } else if (!empty.isEmpty()) {
                out.note("Default rates not compared: %s %s no customers, so no default rate; choose other "
                    + "cut-offs or target rates", String.join(", ", empty), empty.size() == 1 ? "has" : "have");
            } else {
                out.note("Default rates are monotone across grades");
            }
            return out;
        }
    }

    /** {@code powercx credit validate}. */
    @Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Validation on the training file: ROC AUC, Gini, KS, confusion matrix at a threshold, "
            + "and stratified k-fold cross-validation.")
    static final class Validate extends Base {
        @Mixin
        private Training.RequiredFile training = new Training.RequiredFile();

        @Option(names = "--folds", defaultValue = "5", paramLabel = "K",
            description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
        private int folds;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "Seed of the fold assignment (default: ${DEFAULT-VALUE}).")
        private long seed;

        @Option(names = "--threshold", defaultValue = "0", paramLabel = "Z",
            description = "Decision threshold on Z for the confusion matrix (default: ${DEFAULT-VALUE}).")
        private double threshold;

        @Option(names = "--roc", description = "Also print the ROC points.")
        private boolean printRoc;

        @Option(names = "--report", paramLabel = "HTML", description = "Also write an HTML report with charts.")
        private Path report;

        @Override
        protected Output compute() {
            DiscriminantModel m = training.fit();
            double[] z = m.scores(training.table);
            RocCurve roc = RocCurve.of(z, training.labels);
            ConfusionMatrix cm = ConfusionMatrix.of(z, training.labels, threshold);
            CrossValidationResult cv = Checked.option("--folds",
                () -> CrossValidation.stratified(folds, seed).run(training.lda(), training.table, training.labels));
            Output out = new Output().table("in-sample", "AUC", "Gini", "KS", "KS_cutoff", "accuracy", "precision",
                "recall", "F1");
            out.row(roc.auc(), roc.gini(), roc.ks(), roc.ksCutoff(), cm.accuracy(), cm.precision(), cm.recall(),
                cm.f1());
            out.table("confusion matrix", "actual", "predicted_0", "predicted_1");
            out.row("0", cm.trueNegatives(), cm.falsePositives());
            out.row("1", cm.falseNegatives(), cm.truePositives());
            out.table("cross-validation", "fold", "AUC", "accuracy");
            for (int f = 0; f < cv.foldAuc().length; f++) {
                out.row(f + 1, cv.foldAuc()[f], cv.foldAccuracy()[f]);
            }
            out.note("Cross-validated AUC %s +/- %s (mean +/- sd over %d folds, seed %d); pooled out-of-fold AUC %s",
                org.powercx.core.TextTable.number(cv.meanAuc()), org.powercx.core.TextTable.number(cv.sdAuc()),
                cv.foldAuc().length, seed,
                org.powercx.core.TextTable.number(RocCurve.auc(cv.outOfFoldScores(), training.labels)));
            if (report != null) {
                HtmlReport.ofCredit("Credit scoring: " + training.file.getFileName(), roc, z, training.labels,
                    training.file.toString()).write(report);
            }
            if (printRoc) {
                out.table("roc", "threshold", "false_positive_rate", "true_positive_rate");
                // each accessor returns a copy: taken once, not once per point
                double[] th = roc.thresholds();
                double[] fpr = roc.falsePositiveRates();
                double[] tpr = roc.truePositiveRates();
                out.rows(th.length, i -> new Object[] {th[i], fpr[i], tpr[i]});
            }
            return out;
        }
    }

    /** {@code powercx credit monitor}. */
    @Command(name = "monitor", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Compares a new batch of customers with the calibration base under a model saved by "
            + "'credit fit --save': population stability index of the scores (bins cut on the base) and of the "
            + "grades, characteristic stability of each indicator, and the grade migration of customers in both "
            + "files.")
    static final class Monitor extends Base {
        @Parameters(index = "0", paramLabel = "BASE", description = "The calibration customers (CSV).")
        private Path base;

        @Parameters(index = "1", paramLabel = "BATCH", description = "The new customers (CSV).")
        private Path batch;

        @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "A credit-model file saved by 'credit fit --save'.")
        private Path model;

        @Option(names = "--id", paramLabel = "COLUMN", description = "Id column (default: the first column).")
        private String id;

        @Option(names = "--no-id", description = Inputs.NO_ID_HELP)
        private boolean noId;

        /** The id column option as the readers take it: null for the first column. */
        private String idColumn() {
            return Inputs.idColumn(id, noId);
        }

        @Option(names = "--bins", defaultValue = "10", paramLabel = "B",
            description = "Score bins cut on the base (default: ${DEFAULT-VALUE}).")
        private int bins;

        @Option(names = "--epsilon", defaultValue = "1e-4", paramLabel = "EPS",
            description = "Share that replaces an empty bin's 0 (default: ${DEFAULT-VALUE}).")
        private double epsilon;

        @Override
        protected Output compute() {
            PopulationStability psi;
            try {
                psi = PopulationStability.withDefaults().withBins(bins).withEpsilon(epsilon);
            } catch (IllegalArgumentException e) {
                throw new CliException("option --%s: %s", e.getMessage().startsWith("bins") ? "bins" : "epsilon",
                    e.getMessage());
            }
            CreditModelFile.CreditModel saved = CreditModelFile.read(model);
            DiscriminantModel m = saved.discriminant();
            if (!m.isBinary()) {
                throw new CliException("%s: the saved model has %d classes; credit monitoring needs two", model,
                    m.classes().length);
            }
            CreditGrades grades = saved.grades();
            List<String> cols = new ArrayList<>();
            m.indicators().forEach(i -> cols.add(i.name()));
            IndicatorTable t0 = Inputs.csv(base, idColumn(), cols, List.of(), Map.of(), MissingValuePolicy.REJECT).table();
            IndicatorTable t1 = Inputs.csv(batch, idColumn(), cols, List.of(), Map.of(), MissingValuePolicy.REJECT).table();
            double[] z0 = score(m, t0, base);
            double[] z1 = score(m, t1, batch);
            int[] g0 = grades.grades(z0);
            int[] g1 = grades.grades(z1);
            StabilityReport scores;
            StabilityReport gradePsi;
            try {
                scores = psi.evaluate(z0, z1);
                gradePsi = psi.evaluateGrades(grades.names(), g0, g1);
            } catch (IllegalArgumentException e) {
                throw new CliException("%s against %s: %s", batch, base, e.getMessage());
            }
            Output out = new Output().table("stability", "measure", "PSI", "reading");
            out.row("scores", scores.index(), reading(scores.index()));
            out.row("grades", gradePsi.index(), reading(gradePsi.index()));
            out.table("score bins", "bin", "base_share", "batch_share", "contribution");
            rows(out, scores);
            out.table("grades", "grade", "base_share", "batch_share", "contribution");
            rows(out, gradePsi);
            out.table("characteristic stability", "indicator", "PSI", "base_mean", "batch_mean", "score_shift");
            double[] a = m.coefficients()[0];
            for (int j = 0; j < cols.size(); j++) {
                double[] c0 = t0.column(j);
                double[] c1 = t1.column(j);
                double mean0 = mean(c0);
                double mean1 = mean(c1);
                out.row(cols.get(j), psi.evaluate(c0, c1).index(), mean0, mean1, a[j] * (mean1 - mean0));
            }
            java.util.Map<String, Integer> row0 = new java.util.HashMap<>();
            for (int i = 0; i < t0.rowCount(); i++) {
                row0.put(t0.id(i), i);
            }
            List<Integer> from = new ArrayList<>();
            List<Integer> to = new ArrayList<>();
            for (int i = 0; i < t1.rowCount(); i++) {
                Integer r = row0.get(t1.id(i));
                if (r != null) {
                    from.add(g0[r]);
                    to.add(g1[i]);
                }
            }
            if (from.isEmpty()) {
                out.note("No customer id is in both files: no grade migration");
            } else {
                GradeMigration mig = GradeMigration.of(grades.names(), from.stream().mapToInt(Integer::intValue)
                    .toArray(), to.stream().mapToInt(Integer::intValue).toArray());
                List<String> header = new ArrayList<>();
                header.add("from");
                header.addAll(grades.names());
                out.table("grade migration", header.toArray(new String[0]));
                long[][] c = mig.counts();
                for (int g = 0; g < c.length; g++) {
                    Object[] cells = new Object[c.length + 1];
                    cells[0] = grades.names().get(g);
                    for (int h = 0; h < c.length; h++) {
                        cells[h + 1] = c[g][h];
                    }
                    out.row(cells);
                }
                out.note("%d customers in both files: %s unchanged, %s improved, %s deteriorated", from.size(),
                    org.powercx.core.TextTable.number(mig.unchanged()),
                    org.powercx.core.TextTable.number(mig.improved()),
                    org.powercx.core.TextTable.number(mig.deteriorated()));
            }
            out.note("PSI below 0.1: no significant shift; 0.1 to 0.25: some shift; above 0.25: major shift "
                + "(empty bins count as a share of %s); score shift = coefficient x change of mean, in Z",
                org.powercx.core.TextTable.number(epsilon));
            return out;
        }

        private static double[] score(DiscriminantModel m, IndicatorTable t, Path file) {
            return Checked.input(file, () -> m.scores(t));
        }

        private static double mean(double[] v) {
            double s = 0;
            for (double x : v) {
                s += x;
            }
            return s / v.length;
        }

        private static String reading(double psi) {
            return psi < 0.1 ? "stable" : psi <= 0.25 ? "some shift" : "major shift";
        }

        private static void rows(Output out, StabilityReport r) {
            double[] e = r.expectedShares();
            double[] a = r.actualShares();
            double[] c = r.contributions();
            for (int b = 0; b < e.length; b++) {
                out.row(r.labels().get(b), e[b], a[b], c[b]);
            }
        }
    }
}
