package org.powercx.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercx.core.IndicatorTable;
import org.powercx.core.MissingValuePolicy;
import org.powercx.core.TextTable;
import org.powercx.credit.BinnedIndicator;
import org.powercx.credit.LogisticModel;
import org.powercx.credit.LogisticRegression;
import org.powercx.credit.MonotoneBinning;
import org.powercx.credit.PointsScaling;
import org.powercx.credit.Scorecard;
import org.powercx.credit.ScorecardModel;
import org.powercx.io.Provenance;
import org.powercx.io.ScorecardModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code powercx credit scorecard}: the logistic scorecard (monotone WoE bins, logistic regression on WoE, points
 * scaled by PDO) fitted on a labelled CSV file and saved, then applied to new customers.
 *
 * @since 0.2.0
 */
@Command(name = "scorecard", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "The logistic scorecard: monotone WoE bins per indicator, logistic regression of default on the "
        + "WoE values, points scaled by PDO; fit and save it, then score new customers with it.",
    subcommands = {ScorecardCommand.Fit.class, ScorecardCommand.Score.class})
final class ScorecardCommand implements Runnable {
    /** The columns of the scores table. */
    static final List<String> SCORE_HEADER = List.of("id", "score", "default_probability");

    /**
     * The scores and default probabilities of a table's customers, for the in-memory and the streamed output.
     *
     * @throws CliException naming the file if a row cannot be scored
     */
    static double[][] scoresAndProbabilities(ScorecardModel m, IndicatorTable t, Object source) {
        return Checked.input(source, () -> new double[][] {m.scores(t), m.defaultProbabilities(t)});
    }

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    /** Creates the command; picocli calls it. */
    public ScorecardCommand() {
        // picocli instantiates the command
    }

    /** A subcommand is required. */
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: fit or score");
    }

    /** {@code powercx credit scorecard fit}. */
    @Command(name = "fit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Fits the scorecard: bins, WoE and information value per indicator, the logistic regression "
            + "on WoE and the points of every bin, points = -(beta_j WoE + beta_0/m) factor + offset/m with "
            + "factor = PDO/ln 2 and offset = base points - factor ln(base odds).")
    static final class Fit extends Base {
        @Parameters(index = "0", paramLabel = "CSV", description = "Training customers with a 0/1 label column.")
        private Path file;

        @Option(names = "--label", defaultValue = "defaulted", paramLabel = "COLUMN",
            description = "Label column, 1 = defaulted, 0 = not (default: ${DEFAULT-VALUE}).")
        private String label;

        @Option(names = "--id", paramLabel = "COLUMN", description = "Id column (default: the first column).")
        private String id;

        @Option(names = "--no-id", description = Inputs.NO_ID_HELP)
        private boolean noId;

        @Option(names = "--columns", paramLabel = "NAME,...",
            description = "Candidate indicator columns (default: every column but the id and the label).")
        private String columnsText;

        @Option(names = "--start-bins", defaultValue = "20", paramLabel = "Q",
            description = "Quantile bins each indicator starts from, 2 to 1000 (default: ${DEFAULT-VALUE}).")
        private int startBins;

        @Option(names = "--min-bin-share", defaultValue = "0.05", paramLabel = "SHARE",
            description = "Smallest share of customers a bin may hold, 0 to 0.5 (default: ${DEFAULT-VALUE}).")
        private double minBinShare;

        @Option(names = "--min-iv", defaultValue = "0.02", paramLabel = "IV",
            description = "Smallest information value an indicator needs to enter the card (default: "
                + "${DEFAULT-VALUE}).")
        private double minIv;

        @Option(names = "--penalty", defaultValue = "0", paramLabel = "LAMBDA",
            description = "L2 penalty of the logistic regression (default: ${DEFAULT-VALUE}, unpenalised).")
        private double penalty;

        @Option(names = "--pdo", defaultValue = "20", paramLabel = "POINTS",
            description = "Points to double the good:bad odds (default: ${DEFAULT-VALUE}).")
        private double pdo;

        @Option(names = "--base-points", defaultValue = "600", paramLabel = "POINTS",
            description = "Score at the base odds (default: ${DEFAULT-VALUE}).")
        private double basePoints;

        @Option(names = "--base-odds", defaultValue = "50", paramLabel = "ODDS",
            description = "Good:bad odds of the base points (default: ${DEFAULT-VALUE}).")
        private double baseOdds;

        @Option(names = "--save", paramLabel = "FILE",
            description = "Also save the scorecard as a scorecard-model file for 'credit scorecard score --model'.")
        private Path save;

        /** The calculator the options configure. */
        Scorecard calculator() {
            MonotoneBinning starting = Checked.option("--start-bins",
                () -> MonotoneBinning.withDefaults().withStartBins(startBins));
            MonotoneBinning binning = Checked.option("--min-bin-share", () -> starting.withMinBinShare(minBinShare));
            LogisticRegression regression = Checked.option("--penalty",
                () -> LogisticRegression.withDefaults().withPenalty(penalty));
            PointsScaling scaling = Checked.option("--pdo/--base-points/--base-odds",
                () -> PointsScaling.of(pdo, basePoints, baseOdds));
            return Checked.option("--min-iv", () -> Scorecard.withDefaults().withBinning(binning)
                .withRegression(regression).withScaling(scaling).withMinInformationValue(minIv));
        }

        @Override
        protected Output compute() {
            Scorecard calculator = calculator();
            CreditCommand.Training training = new CreditCommand.Training.RequiredFile();
            training.file = file;
            training.label = label;
            training.id = id;
            training.noId = noId;
            training.columnsText = columnsText;
            training.read();
            ScorecardModel m = Checked.input(file, () -> calculator.fit(training.table, training.labels));
            Output out = describe(m);
            if (save != null) {
                Map<String, String> config = new LinkedHashMap<>();
                config.put("training", String.valueOf(file.getFileName()));
                config.put("label", label);
                config.put("startBins", Integer.toString(startBins));
                config.put("minBinShare", TextTable.number(minBinShare));
                config.put("minInformationValue", TextTable.number(minIv));
                Checked.option("--save",
                    () -> ScorecardModelFile.write(save, m, Provenance.of(training.table.rowCount(), config)));
                out.note("Scorecard saved to %s", save);
            }
            return out;
        }

        /** The scorecard table, the indicators' information values and the regression. */
        static Output describe(ScorecardModel m) {
            Output out = new Output().table("scorecard", "indicator", "bin", "woe", "points");
            for (ScorecardModel.Row r : m.rows()) {
                out.row(r.indicator(), r.bin(), r.woe(), r.points());
            }
            out.table("indicators", "indicator", "bins", "information_value", "on_card");
            for (BinnedIndicator b : m.bins()) {
                out.row(b.name(), b.binCount(), b.informationValue(), "yes");
            }
            for (BinnedIndicator b : m.dropped()) {
                out.row(b.name(), b.binCount(), b.informationValue(), "no");
            }
            LogisticModel r = m.regression();
            out.table("regression", "term", "coefficient");
            out.row("intercept", r.intercept());
            double[] beta = r.coefficients();
            for (int j = 0; j < beta.length; j++) {
                out.row(m.indicatorNames().get(j), beta[j]);
            }
            PointsScaling s = m.scaling();
            out.note("%d indicator(s) on the card, %d left off; %s points at odds %s:1, %s points to double the "
                + "odds; the logistic fit took %d iteration(s)", m.bins().size(), m.dropped().size(),
                TextTable.number(s.basePoints()), TextTable.number(s.baseOdds()), TextTable.number(s.pdo()),
                r.iterations());
            return out;
        }
    }

    /** {@code powercx credit scorecard score}. */
    @Command(name = "score", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Scores customers with a scorecard saved by 'credit scorecard fit --save': the score (sum of "
            + "the points of each indicator's bin, higher = better) and the default probability.")
    static final class Score extends Base {
        @Parameters(index = "0", paramLabel = "CSV",
            description = "Customers to score, with every indicator on the card (other columns are ignored).")
        private Path file;

        @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "A scorecard-model file saved by 'credit scorecard fit --save'.")
        private Path model;

        @Option(names = "--id", paramLabel = "COLUMN", description = "Id column (default: the first column).")
        private String id;

        @Option(names = "--no-id", description = Inputs.NO_ID_HELP)
        private boolean noId;

        /** The id column option as the readers take it: null for the first column. */
        private String idColumn() {
            return Inputs.idColumn(id, noId);
        }

        @Option(names = "--stream", description = {"Read the CSV in blocks and write each block's scores before "
            + "reading the next, in bounded memory, for files larger than the heap; writes the CSV of -f csv, "
            + "byte for byte."})
        private boolean stream;

        @Override
        public Integer call() throws Exception {
            if (!stream) {
                return super.call();
            }
            if (format == Format.JSON) {
                throw new CliException("option --stream: writes CSV; it cannot be combined with --format json");
            }
            ScorecardModel m = ScorecardModelFile.read(model);
            ScoreStreams.write(this, out -> ScoreStreams.scorecard(Inputs.stream(file, standardInput(), idColumn(),
                m.indicatorNames(), List.of(), Map.of(), MissingValuePolicy.REJECT, GraCommand.STREAM_BLOCK), m,
                Inputs.source(file), out));
            return 0;
        }

        @Override
        protected Output compute() {
            ScorecardModel m = ScorecardModelFile.read(model);
            IndicatorTable t = Inputs.csv(file, idColumn(), m.indicatorNames(), List.of(), Map.of(),
                MissingValuePolicy.REJECT, "use --stream").table();
            double[][] scored = scoresAndProbabilities(m, t, file);
            double[] score = scored[0];
            double[] p = scored[1];
            Output out = new Output().table("scores", SCORE_HEADER.toArray(new String[0]));
            out.rows(score.length, i -> new Object[] {t.id(i), score[i], p[i]});
            return out;
        }
    }
}
