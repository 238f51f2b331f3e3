package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

/** The permutation parts of MICOM, checked by their properties (the statistics are in MicomMgaReferenceTest). */
class MicomTest {
    private static final IndicatorTable DATA = RefData.survey("satisfaction");
    private static final List<String> GENDER = Arrays.asList(RefData.gender());

    @Test
    void seededAndBitIdenticalAtAnyThreadCountOrExecutor() throws Exception {
        Micom micom = Micom.withDefaults().withPermutations(150);
        MicomResult one = micom.test(PathModel.powerCsi(), DATA, GENDER, "female", "male", 42);
        MicomResult three = micom.withThreads(3).test(PathModel.powerCsi(), DATA, GENDER, "female", "male", 42);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            MicomResult pooled = micom.withThreads(4).withExecutor(pool).test(PathModel.powerCsi(), DATA, GENDER,
                "female", "male", 42);
            assertThat(pooled).isEqualTo(one);
        } finally {
            pool.shutdown();
        }
        assertThat(three).isEqualTo(one).hasSameHashCodeAs(one);
        assertThat(three.compositeCorrelationQuantiles()).containsExactly(one.compositeCorrelationQuantiles());
        assertThat(three.meanDifferencePValues()).containsExactly(one.meanDifferencePValues());
        MicomResult other = micom.test(PathModel.powerCsi(), DATA, GENDER, "female", "male", 43);
        assertThat(other.meanDifferencePValues()).isNotEqualTo(one.meanDifferencePValues());
        assertThat(other.compositeCorrelations()).containsExactly(one.compositeCorrelations());
        assertThat(one.sizeA()).isEqualTo(148);
        assertThat(one.sizeB()).isEqualTo(102);
        assertThat(one.permutations()).isEqualTo(150);
        assertThat(one.failed()).isZero();
        assertThat(one.significanceLevel()).isEqualTo(0.05);
        assertThat(one.scoreVariance()).isEqualTo(ScoreVariance.POPULATION);
        assertThat(one.groupA()).isEqualTo("female");
        assertThat(one.groupB()).isEqualTo("male");
        for (int j = 0; j < 6; j++) {
            assertThat(one.meanDifferenceLower()[j]).isLessThan(0).isLessThan(one.meanDifferenceUpper()[j]);
            assertThat(one.logVarianceRatioLower()[j]).isLessThan(0).isLessThan(one.logVarianceRatioUpper()[j]);
            assertThat(one.compositeCorrelationPValues()[j]).isBetween(1.0 / 151, 1.0);
            assertThat(one.logVarianceRatioPValues()[j]).isBetween(1.0 / 151, 1.0);
            assertThat(one.compositeCorrelationQuantiles()[j]).isLessThanOrEqualTo(1.0).isGreaterThan(0.9);
        }
        String text = one.toString();
        assertThat(text).contains("MICOM female (n = 148) vs male (n = 102), 150 permutations (0 failed)")
            .contains("Step 2").contains("Step 3").contains("5% quantile");
    }

    @Test
    void pValuesAreRoughlyUniformUnderATrueNull() {
        // labels drawn at random: no group differs, so the p values of every step should be about uniform
        SplittableRandom rng = new SplittableRandom(2016);
        List<Double> step2 = new ArrayList<>();
        List<Double> step3 = new ArrayList<>();
        Micom micom = Micom.withDefaults().withPermutations(99).withThreads(2);
        for (int run = 0; run < 30; run++) {
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < DATA.rowCount(); i++) {
                labels.add(rng.nextInt(2) == 0 ? "a" : "b");
            }
            MicomResult r = micom.test(PathModel.powerCsi(), DATA, labels, "a", "b", run);
            for (int j = 0; j < 6; j++) {
                step2.add(r.compositeCorrelationPValues()[j]);
                step3.add(r.meanDifferencePValues()[j]);
                step3.add(r.logVarianceRatioPValues()[j]);
            }
        }
        for (List<Double> ps : List.of(step2, step3)) {
            double small = ps.stream().filter(p -> p <= 0.05).count() / (double) ps.size();
            double half = ps.stream().filter(p -> p <= 0.5).count() / (double) ps.size();
            double mean = ps.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertThat(small).isLessThan(0.12);
            assertThat(half).isBetween(0.35, 0.65);
            assertThat(mean).isBetween(0.4, 0.6);
        }
    }

    @Test
    void detectsACompositionChangeAndAMeanShift() {
        double[][] rows = new double[DATA.rowCount()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = DATA.row(i);
        }
        // among the men: qual1 is shuffled (its weight collapses, so QUAL is composed differently) and every
        // satisfaction answer is two points higher (SAT's mean differs, its composition does not)
        List<Integer> men = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (GENDER.get(i).equals("male")) {
                men.add(i);
            }
        }
        int qual1 = DATA.indexOf("qual1");
        int sat1 = DATA.indexOf("sat1");
        SplittableRandom rng = new SplittableRandom(9);
        for (int a = men.size() - 1; a > 0; a--) {
            int b = rng.nextInt(a + 1);
            double t = rows[men.get(a)][qual1];
            rows[men.get(a)][qual1] = rows[men.get(b)][qual1];
            rows[men.get(b)][qual1] = t;
        }
        for (int i : men) {
            for (int c = sat1; c < sat1 + 4; c++) {
                rows[i][c] += 2;
            }
        }
        IndicatorTable changed = IndicatorTable.ofRows(DATA.indicators(), DATA.ids(), rows);
        MicomResult r = Micom.withDefaults().withPermutations(300).withThreads(2).test(PathModel.powerCsi(), changed,
            GENDER, "female", "male", 5);
        int qual = r.constructs().indexOf("QUAL");
        int sat = r.constructs().indexOf("SAT");
        assertThat(r.compositionallyInvariant("QUAL")).isFalse();
        assertThat(r.invariance("QUAL")).isEqualTo("none");
        assertThat(r.compositeCorrelationPValues()[qual]).isLessThan(0.01);
        assertThat(r.compositionallyInvariant("SAT")).isTrue();
        assertThat(r.equalMeansAndVariances("SAT")).isFalse();
        assertThat(r.invariance("SAT")).isEqualTo("partial");
        assertThat(r.meanDifferencePValues()[sat]).isLessThan(0.01);
        assertThat(r.meanDifferences()[sat]).isLessThan(r.meanDifferenceLower()[sat]);
        assertThat(r.compositionallyInvariant("IMAG")).isTrue();
    }

    @Test
    void validation() {
        Micom m = Micom.withDefaults();
        assertThat(m.toString()).contains("5000").contains("POPULATION");
        assertThatThrownBy(() -> m.withPermutations(0)).isInstanceOf(SatisfactionException.class)
            .hasMessage("permutations must be at least 1 but was 0");
        assertThatThrownBy(() -> m.withPermutations(1_000_001))
            .hasMessage("MICOM takes at most 1,000,000 permutations but was given 1,000,001");
        assertThatThrownBy(() -> m.withThreads(0)).hasMessageContaining("threads must be at least 1");
        assertThatThrownBy(() -> m.with((PlsPm) null)).hasMessage("estimator is null");
        assertThatThrownBy(() -> m.with((ScoreVariance) null)).hasMessage("score variance is null");
        assertThatThrownBy(() -> m.withExecutor(null)).hasMessage("executor is null");
        assertThatThrownBy(() -> m.withSignificanceLevel(0.5))
            .hasMessage("significance level must be in (0, 0.5) but was 0.5");
        assertThatThrownBy(() -> m.withSignificanceLevel(Double.NaN)).hasMessageContaining("NaN");
        assertThat(m.withSignificanceLevel(0.1).toString()).contains("level=0.1");
        assertThatThrownBy(() -> m.test(PathModel.powerCsi(), DATA, GENDER.subList(0, 3), "female", "male", 1))
            .hasMessage("3 group labels for 250 respondents");
        assertThatThrownBy(() -> m.test(PathModel.powerCsi(), null, GENDER, "female", "male", 1))
            .hasMessageContaining("null");
        assertThatThrownBy(() -> m.test(PathModel.powerCsi(), DATA, GENDER, "male", "male", 1))
            .hasMessage("compare two different groups, not 'male' and 'male'");
        assertThatThrownBy(() -> m.test(PathModel.powerCsi(), DATA, GENDER, null, "male", 1))
            .hasMessageContaining("two different groups");
        assertThatThrownBy(() -> m.test(PathModel.powerCsi(), DATA, GENDER, "female", "other", 1))
            .hasMessage("group 'female' has 148 respondents and group 'other' has 0");
        List<String> blank = new ArrayList<>(GENDER);
        blank.set(2, "");
        assertThatThrownBy(() -> m.test(PathModel.powerCsi(), DATA, blank, "female", "male", 1))
            .hasMessage("respondent '3' has no group label");
        List<String> tiny = new ArrayList<>(GENDER);
        tiny.set(0, "solo");
        tiny.set(1, "solo");
        assertThatThrownBy(() -> m.test(PathModel.powerCsi(), DATA, tiny, "solo", "male", 1))
            .hasMessageStartingWith("group 'solo': ").hasMessageContaining("at least 3 respondents");
        MicomResult r = m.withPermutations(2).test(PathModel.powerCsi(), DATA, GENDER, "female", "male", 1);
        assertThatThrownBy(() -> r.invariance("X")).hasMessageStartingWith("no construct named 'X'");
        assertThat(r).isNotEqualTo(null).isNotEqualTo("MICOM");
    }
}
