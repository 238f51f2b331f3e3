package org.powercx.satisfaction;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/**
 * Fuzzes the public path-model factory and the estimation of untrusted survey uploads: a model specification
 * (construct and indicator names, modes, paths) and a block of answers (Likert values, arbitrary doubles,
 * extremes, gaps) go through {@link PathModel.Builder}, {@link MissingAnswers#treat}, {@link PlsPm#fit},
 * {@link SatisfactionIndex} and {@link PlsQuality}. Every input either gives finite, consistent estimates or
 * raises {@link SatisfactionException} with a non-blank message; any other exception, a hang or a non-finite
 * estimate is a failure. In a normal test run the committed corpus under {@code SatisfactionFuzzTestInputs} is
 * replayed (fuzzer-found inputs, hand-written seeds and the regression inputs of the defects fuzzing found:
 * {@code regression_rhoc_opposite_loadings}, {@code regression_score_overflow_near_max_double}); to fuzz longer:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -q -pl satisfaction test -Dtest=SatisfactionFuzzTest -Djacoco.skip=true \
 *     -Djazzer.max_duration=10m
 * </pre>
 */
class SatisfactionFuzzTest {
    private static final String[] NAMES = {"A", "B", "C", "D", "E", "a", "x1", "x2", " ", "A B"};
    private static final double[] SPECIAL = {Double.NaN, 0.0, -0.0, 1e-300, 1e300, -1e300, 0.1, Double.MIN_VALUE,
        Double.MAX_VALUE, 5.0};

    @FuzzTest(maxDuration = "30s")
    void modelAndAnswersEstimateOrFailWithSatisfactionException(FuzzedDataProvider in) {
        try {
            run(in);
        } catch (SatisfactionException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("blank exception message", expected);
            }
        }
    }

    private static IndicatorTable small;

    /** One pool for every execution (daemon threads, created as needed and kept for a minute). */
    private static final java.util.concurrent.ExecutorService POOL =
        java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fuzz-bootstrap");
            t.setDaemon(true);
            return t;
        });

    /**
     * Bootstrap and permutation sizes as a user may type them (any int, 0, negatives, around the cap) and fuzzed
     * shapes for the storage and heap checks: a size is accepted or refused with a one-line message naming the
     * value; the checks run in long arithmetic, in the order {@code run} uses, on huge sizes without running them.
     * Microseconds per input: the high-volume target. {@link #smallBootstrapsDoNotDependOnThreads} runs the
     * bootstraps.
     */
    @FuzzTest(maxDuration = "30s")
    void bootstrapAndPermutationSizes(FuzzedDataProvider in) {
        int[] near = {Integer.MIN_VALUE, -1, 0, 1, 2, 3, PlsBootstrap.MAX_RESAMPLES, PlsBootstrap.MAX_RESAMPLES + 1,
            1_000_000_000, 2_000_000_000, Integer.MAX_VALUE};
        int size = in.consumeBoolean() ? near[in.consumeInt(0, near.length - 1)] : in.consumeInt();
        boolean permutations = in.consumeBoolean();
        try {
            if (permutations) {
                PlsGroups.withDefaults().withPermutations(size);
                check(size >= 1 && size <= PlsBootstrap.MAX_RESAMPLES, "accepted permutations " + size);
            } else {
                PlsBootstrap.withDefaults().withResamples(size);
                check(size >= 2 && size <= PlsBootstrap.MAX_RESAMPLES, "accepted resamples " + size);
            }
        } catch (SatisfactionException e) {
            oneLine(e, size < 2 ? Integer.toString(size) : String.format(java.util.Locale.ROOT, "%,d", size));
        }
        int width = in.consumeInt(1, Integer.MAX_VALUE);
        int respondents = in.consumeInt(1, Integer.MAX_VALUE);
        int resamples = in.consumeInt(2, PlsBootstrap.MAX_RESAMPLES);
        long heap = in.consumeLong(0, Long.MAX_VALUE);
        try {
            PlsBootstrap.checkStored("bootstrap", resamples, "resamples", width);
            PlsBootstrap.checkStored("bootstrap", respondents, "respondents (jackknife)", width);
            check((long) resamples * width <= PlsBootstrap.MAX_STORED_ESTIMATES
                && (long) respondents * width <= PlsBootstrap.MAX_STORED_ESTIMATES, "stored " + width);
            PlsBootstrap.checkHeap(resamples, respondents, width, heap);
            check(8.0 * width * ((double) resamples + respondents) + 64.0 * resamples <= heap * (1 + 1e-12), "heap");
        } catch (SatisfactionException e) {
            oneLine(e, String.format(java.util.Locale.ROOT, "%,d", width));
        }
    }

    /**
     * A tiny bootstrap (2 to 6 resamples of 12 respondents, fuzzed seed) gives the same result, bit for bit, or the
     * same refusal (too few converged resamples), at 1 and at 2 to 4 threads (the parts on one pool shared by every
     * execution). Milliseconds per input: the deep
     * target, fuzzed for a time rather than to a number of executions (a fuzzed byte choosing one input in 16 for
     * the bootstrap inside {@link #bootstrapAndPermutationSizes} did not work: the inputs that reach the bootstrap
     * add coverage, fill the corpus and are mutated most).
     */
    @FuzzTest(maxDuration = "30s")
    void smallBootstrapsDoNotDependOnThreads(FuzzedDataProvider in) {
        int runs = in.consumeInt(2, 6);
        int threads = in.consumeInt(1, 4);
        long seed = in.consumeLong();
        if (small == null) {
            small = RefData.survey("satisfaction").rows(0, 12);
        }
        PlsBootstrap one = PlsBootstrap.withDefaults().withResamples(runs);
        BootstrapResult a = null;
        BootstrapResult b = null;
        String refusedA = null;
        String refusedB = null;
        try {
            a = one.run(PathModel.powerCsi(), small, seed);
        } catch (SatisfactionException e) {
            refusedA = e.getMessage();
        }
        try {
            b = one.withThreads(threads).withExecutor(POOL).run(PathModel.powerCsi(), small, seed);
        } catch (SatisfactionException e) {
            refusedB = e.getMessage();
        }
        // too few converged resamples of 12 respondents is refused: the same way at every thread count
        check(java.util.Objects.equals(refusedA, refusedB), "refused at " + threads + " threads: " + refusedB);
        if (a == null) {
            return;
        }
        check(a.toString().equals(b.toString()) && a.failedResamples() == b.failedResamples(), "threads " + threads);
        for (int k = 0; k < a.paths().size(); k++) {
            BootstrapEstimate x = a.paths().get(k);
            BootstrapEstimate y = b.paths().get(k);
            check(Double.compare(x.mean(), y.mean()) == 0 && Double.compare(x.lower(), y.lower()) == 0
                && Double.compare(x.bcaUpper(), y.bcaUpper()) == 0, "path " + x.name() + " at " + threads + " threads");
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private static void oneLine(SatisfactionException e, String value) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.indexOf('\n') >= 0 || m.length() > 300 || !m.contains(value)) {
            throw new AssertionError("not a one-line message naming " + value + ": " + m, e);
        }
    }

    private static void run(FuzzedDataProvider in) {
        PathModel.Builder builder = PathModel.builder();
        int constructs = in.consumeInt(1, 5);
        List<String> indicatorNames = new ArrayList<>();
        List<String> constructNames = new ArrayList<>();
        for (int j = 0; j < constructs; j++) {
            String name = in.consumeBoolean() ? NAMES[j] : in.consumeString(4);
            int size = in.consumeInt(1, 4);
            String[] items = new String[size];
            for (int k = 0; k < size; k++) {
                items[k] = in.consumeBoolean() ? name.toLowerCase(java.util.Locale.ROOT) + k
                    : NAMES[in.consumeInt(0, NAMES.length - 1)];
            }
            if (in.consumeBoolean()) {
                builder.reflective(name, items);
            } else {
                builder.formative(name, items);
            }
            constructNames.add(name);
            for (String item : items) {
                indicatorNames.add(item);
            }
        }
        int paths = in.consumeInt(0, 8);
        for (int q = 0; q < paths; q++) {
            String from = in.consumeBoolean() ? constructNames.get(in.consumeInt(0, constructs - 1)) : in.consumeString(3);
            String to = in.consumeBoolean() ? constructNames.get(in.consumeInt(0, constructs - 1)) : in.consumeString(3);
            builder.path(from, to);
        }
        PathModel model = builder.build();

        List<Indicator> indicators = new ArrayList<>();
        for (String name : model.indicatorNames()) {
            indicators.add(Indicator.benefit(name));
        }
        int n = in.consumeInt(0, 40);
        int p = indicators.size();
        double[][] rows = new double[n][p];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("r" + i);
            for (int k = 0; k < p; k++) {
                int kind = in.consumeInt(0, 9);
                rows[i][k] = kind < 7 ? in.consumeInt(1, 10)
                    : kind == 7 ? SPECIAL[in.consumeInt(0, SPECIAL.length - 1)] : in.consumeDouble();
            }
        }
        MissingTreatment treatment = in.consumeBoolean() ? MissingTreatment.MEAN_REPLACEMENT
            : MissingTreatment.CASEWISE_DELETION;
        IndicatorTable data = MissingAnswers.treat(indicators, ids, rows, treatment).table();
        PlsPm pls = PlsPm.withDefaults().with(InnerScheme.values()[in.consumeInt(0, 2)])
            .with(in.consumeBoolean() ? Scaling.STANDARDISED : Scaling.CENTRED);
        PlsResult r = pls.fit(model, data);
        try {
            check(r);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + model + "loadings "
                + java.util.Arrays.toString(r.loadings()) + "\nn = " + data.rowCount() + ", " + pls, e);
        }
        if (in.consumeBoolean()) {
            BootstrapResult boot = PlsBootstrap.withDefaults().with(pls).withResamples(4).run(model, data,
                in.consumeLong());
            for (BootstrapEstimate e : boot.paths()) {
                finite(e.original(), "bootstrap original " + e.name());
            }
        }
    }

    private static void check(PlsResult r) {
        finite(r.outerWeights(), "outer weight");
        finite(r.loadings(), "loading");
        for (double l : r.loadings()) {
            if (Math.abs(l) > 1 + 1e-9) {
                throw new AssertionError("loading outside [-1, 1]: " + l);
            }
        }
        for (double[] row : r.scores()) {
            finite(row, "score");
        }
        for (double[] row : r.pathCoefficients()) {
            finite(row, "path coefficient");
        }
        for (double[] row : r.totalEffects()) {
            finite(row, "total effect");
        }
        for (String c : r.model().constructNames()) {
            double r2 = r.rSquared(c);
            if (!(r2 >= -1e-9 && r2 <= 1 + 1e-9)) {
                throw new AssertionError("R2 of " + c + " outside [0, 1]: " + r2);
            }
        }
        PlsQuality q = r.quality();
        finite(q.ave(), "AVE");
        finite(q.rhoC(), "rhoC");
        q.htmt(true);
        q.cronbachAlpha();
        q.rhoA();
        q.fSquared();
        q.innerVif();
        q.indicatorVif();
        q.gof();
        if (r.toString().isBlank()) {
            throw new AssertionError("blank toString");
        }
        SatisfactionIndex index = SatisfactionIndex.of(r, -1e300, 1e300);
        for (double v : index.indices()) {
            if (!Double.isNaN(v) && !Double.isFinite(v)) {
                throw new AssertionError("infinite index " + v);
            }
        }
    }

    private static void finite(double[] values, String what) {
        for (double v : values) {
            finite(v, what);
        }
    }

    private static void finite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new AssertionError(what + " is not finite: " + v);
        }
    }
}
