package org.powercx.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercx.core.CsvReadResult;
import org.powercx.core.IndicatorTable;
import org.powercx.core.MissingValuePolicy;
import org.powercx.clv.BgNbd;
import org.powercx.clv.BgNbdFit;
import org.powercx.clv.CalibrationHoldout;
import org.powercx.clv.DiscountedClv;
import org.powercx.clv.HoldoutResult;
import org.powercx.clv.PaymentTiming;
import org.powercx.clv.ShiftedBetaGeometric;
import org.powercx.clv.ShiftedBetaGeometricFit;
import org.powercx.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code powercx clv}: customer lifetime value, deterministic per customer or from cohort retention (sBG).
 *
 * @since 0.1.0
 */
@Command(name = "clv", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Customer lifetime value.",
    subcommands = {ClvCommand.Discounted.class, ClvCommand.Cohort.class, ClvCommand.Holdout.class})
final class ClvCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    /** Creates the command; picocli calls it. */
    public ClvCommand() {
        // picocli instantiates the command
    }

    /** Prints the usage: a subcommand is required. */
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "missing subcommand: discounted, cohort or holdout");
    }

    /** {@code powercx clv discounted}: discounted-margin CLV of every customer in a CSV file. */
    @Command(name = "discounted", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Discounted-margin CLV of each customer: sum over periods of margin * retention^t / "
            + "(1 + rate)^t, from a margin and a retention column.")
    static final class Discounted extends Base {
        @Parameters(paramLabel = "CSV", description = "Customers with a margin and a retention column.")
        private Path file;

        @Option(names = "--id", paramLabel = "COLUMN", description = "Id column (default: the first column).")
        private String id;

        @Option(names = "--no-id", description = Inputs.NO_ID_HELP)
        private boolean noId;

        /** The id column option as the readers take it: null for the first column. */
        private String idColumn() {
            return Inputs.idColumn(id, noId);
        }

        @Option(names = "--margin", required = true, paramLabel = "COLUMN", description = "Margin per period.")
        private String margin;

        @Option(names = "--retention", required = true, paramLabel = "COLUMN",
            description = "Retention probability per period.")
        private String retention;

        @Option(names = "--rate", required = true, paramLabel = "R", description = "Discount rate per period.")
        private double rate;

        @Option(names = "--horizon", paramLabel = "PERIODS",
            description = "Number of periods (default: infinite, closed form).")
        private Integer horizon;

        @Option(names = "--timing", paramLabel = "WHEN", defaultValue = "END_OF_PERIOD",
            description = "When margins are paid: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        private PaymentTiming timing;

        @Override
        protected Output compute() {
            CsvReadResult read = Inputs.csv(file, idColumn(), List.of(margin, retention), List.of(), Map.of(),
                MissingValuePolicy.REJECT);
            IndicatorTable t = read.table();
            DiscountedClv clv;
            try {
                clv = DiscountedClv.of(rate).with(timing);
                clv = horizon == null ? clv.withInfiniteHorizon() : clv.withHorizon(horizon);
            } catch (IllegalArgumentException e) {
                throw new CliException("options --rate/--horizon: %s", e.getMessage());
            }
            double[] v;
            try {
                v = clv.values(t, margin, retention);
            } catch (IllegalArgumentException e) {
                throw new CliException("%s: %s", file, e.getMessage());
            }
            Output out = new Output().table("clv", "id", margin, retention, "clv");
            double sum = 0;
            for (double value : v) {
                sum += value;
            }
            double[] values = v;
            out.rows(v.length, i -> new Object[] {t.id(i), t.get(i, 0), t.get(i, 1), values[i]});
            out.note("%d customers, total CLV %s, rate %s, horizon %s, %s", v.length,
                org.powercx.core.TextTable.number(sum), org.powercx.core.TextTable.number(rate),
                horizon == null ? "infinite" : horizon.toString(), timing.name().toLowerCase(java.util.Locale.ROOT));
            return out;
        }
    }

    /** {@code powercx clv cohort}: fits the shifted-beta-geometric retention model to cohort survival counts. */
    @Command(name = "cohort", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Contract retention: fits the shifted-beta-geometric model (Fader & Hardie 2007) to "
            + "cohort survival counts and reports alpha, beta, survival, expected lifetime, DEL and DERL.",
            "Counts come from a JSON file {\"cohorts\": {\"name\": [n0, n1, ...]}} or from --counts."})
    static final class Cohort extends Base {
        @Parameters(paramLabel = "JSON", arity = "0..1", description = "Cohorts file (see docs/formats.md).")
        private Path file;

        @Option(names = "--counts", paramLabel = "N0,N1,...",
            description = "Survival counts of one cohort at t = 0, 1, 2, ...")
        private String countsText;

        @Option(names = "--rate", paramLabel = "R", defaultValue = "0.1",
            description = "Discount rate for DEL and DERL (default: ${DEFAULT-VALUE}).")
        private double rate;

        @Option(names = "--periods", paramLabel = "N", defaultValue = "10",
            description = "Periods of the survival curve to print (default: ${DEFAULT-VALUE}).")
        private int periods;

        @Override
        protected Output compute() {
            Map<String, double[]> cohorts = new LinkedHashMap<>();
            if (file != null) {
                Json root = Json.read(file);
                root.allowOnly("cohorts", "description");
                Json c = root.get("cohorts");
                for (String name : c.fieldNames()) {
                    cohorts.put(name, c.get(name).numbers());
                }
                if (cohorts.isEmpty()) {
                    throw c.error("no cohorts given");
                }
            } else if (countsText != null) {
                cohorts.put("cohort", CommaValues.numbers("--counts", countsText));
            } else {
                throw new CliException("give a cohorts file or --counts");
            }
            if (periods < 1 || periods > 1000) {
                throw new CliException("option --periods: must be in [1, 1000] but was %d", periods);
            }
            String where = file == null ? "option --counts" : file.toString();
            Output out = new Output().table("fit", "cohort", "alpha", "beta", "log_likelihood", "customers",
                "expected_lifetime", "DEL", "DERL_1");
            List<ShiftedBetaGeometric> models = new ArrayList<>();
            for (Map.Entry<String, double[]> c : cohorts.entrySet()) {
                ShiftedBetaGeometricFit fit;
                try {
                    fit = ShiftedBetaGeometric.fit(c.getValue());
                } catch (IllegalArgumentException e) {
                    throw new CliException("%s: cohort '%s': %s", where, c.getKey(), e.getMessage());
                }
                ShiftedBetaGeometric m = fit.model();
                models.add(m);
                double del = Checked.option("--rate", () -> m.discountedExpectedLifetime(rate));
                double derl = Checked.option("--rate", () -> m.discountedExpectedResidualLifetime(rate, 1));
                out.row(c.getKey(), m.alpha(), m.beta(), fit.logLikelihood(), fit.customers(),
                    m.hasFiniteExpectedLifetime() ? m.expectedLifetime() : Double.POSITIVE_INFINITY, del, derl);
            }
            List<String> header = new ArrayList<>(List.of("t"));
            cohorts.keySet().forEach(k -> header.add(k));
            out.table("survival", header.toArray(new String[0]));
            for (int t = 0; t <= periods; t++) {
                List<Object> row = new ArrayList<>(List.of(t));
                for (ShiftedBetaGeometric m : models) {
                    row.add(m.survival(t));
                }
                out.row(row.toArray());
            }
            out.note("DEL: discounted expected lifetime in periods at rate %s; DERL_1: discounted expected residual "
                + "lifetime of a customer who has renewed once. An infinite expected lifetime means alpha <= 1.",
                org.powercx.core.TextTable.number(rate));
            return out;
        }
    }

    /**
     * {@code powercx clv holdout}: splits a transaction log by date, fits BG/NBD on the calibration period and
     * compares its predicted repeat purchases in the holdout period with the actual ones per calibration frequency.
     */
    @Command(name = "holdout", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Validates the BG/NBD purchase model on a holdout period (Fader, Hardie & Lee 2005): splits "
            + "a transaction log by date, fits the model to the calibration period and compares predicted with "
            + "actual repeat purchases in the holdout, per number of repeat purchases in the calibration period.",
            "Transactions on the same day count as one; dates are yyyy-mm-dd or yyyymmdd."})
    static final class Holdout extends Base {
        @Parameters(paramLabel = "CSV", description = "Transaction log: one row per transaction, with a header.")
        private Path file;

        @Option(names = "--customer", paramLabel = "COLUMN", defaultValue = "customer",
            description = "Customer id column (default: ${DEFAULT-VALUE}).")
        private String customer;

        @Option(names = "--date", paramLabel = "COLUMN", defaultValue = "date",
            description = "Transaction date column (default: ${DEFAULT-VALUE}).")
        private String date;

        @Option(names = "--calibration-end", required = true, paramLabel = "DATE",
            description = "Last day of the calibration period (yyyy-mm-dd).")
        private String calibrationEnd;

        @Option(names = "--observation-end", required = true, paramLabel = "DATE",
            description = "Last day of the holdout period (yyyy-mm-dd).")
        private String observationEnd;

        @Option(names = "--days-per-unit", paramLabel = "DAYS", defaultValue = "7",
            description = "Days in one time unit of the model (default: ${DEFAULT-VALUE}, weeks).")
        private double daysPerUnit;

        @Option(names = "--groups", paramLabel = "M", defaultValue = "7",
            description = "Calibration frequencies 0..M-1 each in a row, M and more pooled (default: "
                + "${DEFAULT-VALUE}).")
        private int groups;

        @Option(names = "--report", paramLabel = "HTML",
            description = "Also write an HTML report: the validation chart and table, the fit and provenance.")
        private Path report;

        @Override
        protected Output compute() {
            LocalDate calibration = day("--calibration-end", calibrationEnd);
            LocalDate observation = day("--observation-end", observationEnd);
            if (!observation.isAfter(calibration)) {
                throw new CliException("option --observation-end: %s must be after the calibration end %s",
                    observation, calibration);
            }
            if (groups < 1 || groups > 1000) {
                throw new CliException("option --groups: must be in [1, 1000] but was %d", groups);
            }
            if (!(daysPerUnit > 0 && daysPerUnit <= 366)) {
                throw new CliException("option --days-per-unit: must be in (0, 366] but was %s",
                    org.powercx.core.TextTable.number(daysPerUnit));
            }
            TransactionLog log = TransactionLog.read(file, customer, date);
            CalibrationHoldout split = Checked.input(file, () -> CalibrationHoldout.fromTransactions(log.customers(),
                log.dates(), calibration, observation, daysPerUnit));
            BgNbdFit fit;
            try {
                fit = BgNbd.fit(split.frequency(), split.recency(), split.age());
            } catch (IllegalArgumentException e) {
                throw new CliException("%s: calibration period: %s", file, e.getMessage());
            }
            BgNbd m = fit.model();
            HoldoutResult h = split.evaluate(m, groups);
            Output out = new Output().table("fit", "model", "r", "alpha", "a", "b", "log_likelihood", "customers");
            out.row("BG/NBD", m.r(), m.alpha(), m.a(), m.b(), fit.logLikelihood(), fit.customers());
            out.table("holdout", "calibration_purchases", "customers", "actual", "predicted");
            int[] counts = h.customers();
            double[] actual = h.actual();
            double[] predicted = h.predicted();
            for (int g = 0; g < counts.length; g++) {
                out.row(g < counts.length - 1 ? Integer.toString(g) : groups + "+", counts[g], actual[g],
                    predicted[g]);
            }
            double[] holdout = split.holdoutFrequency();
            double total = 0;
            for (double v : holdout) {
                total += v;
            }
            out.note("%d customers in the calibration period (to %s), %s transactions in the holdout of %s "
                + "units of %s days (to %s); actual and predicted are mean repeat purchases per customer in the "
                + "holdout", split.ids().size(), calibration, org.powercx.core.TextTable.number(total),
                org.powercx.core.TextTable.number(split.holdoutLength()),
                org.powercx.core.TextTable.number(daysPerUnit), observation);
            if (report != null) {
                List<List<Object>> figures = new ArrayList<>();
                figures.add(List.of("customers", split.ids().size(), "customers first seen in the calibration "
                    + "period"));
                figures.add(List.of("holdout transactions", total, "repeat transactions observed in the holdout"));
                HtmlReport.create("Purchase model validation: " + file.getFileName()).summary(figures)
                    .holdoutValidation(h, "BG/NBD")
                    .provenance("transactions " + file + ", calibration to " + calibration + ", holdout to "
                        + observation, null).write(report);
            }
            return out;
        }

        private static LocalDate day(String option, String text) {
            try {
                return LocalDate.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CliException("option %s: '%s' is not a date (yyyy-mm-dd)", option, text);
            }
        }
    }
}
