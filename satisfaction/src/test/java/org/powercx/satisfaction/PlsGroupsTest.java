package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

class PlsGroupsTest {
    private static final IndicatorTable DATA = RefData.survey("satisfaction");
    private static final List<String> GENDER = Arrays.asList(RefData.gender());

    @Test
    void fitsEachGroupLikeTheFilteredTable() {
        Map<String, PlsResult> fits = PlsGroups.withDefaults().fit(PathModel.powerCsi(), DATA, GENDER);
        assertThat(fits.keySet()).containsExactly("female", "male");
        PlsResult female = PlsPm.withDefaults().fit(PathModel.powerCsi(),
            DATA.filter(i -> GENDER.get(i).equals("female")));
        assertThat(fits.get("female").pathCoefficients()).isDeepEqualTo(female.pathCoefficients());
        assertThat(fits.get("female").sampleSize() + fits.get("male").sampleSize()).isEqualTo(250);
    }

    @Test
    void permutationTestIsSeededAndThreadIndependent() {
        PlsGroups g = PlsGroups.withDefaults().withPermutations(200);
        GroupComparison one = g.compare(PathModel.powerCsi(), DATA, GENDER, "female", "male", 11);
        GroupComparison two = g.withThreads(2).compare(PathModel.powerCsi(), DATA, GENDER, "female", "male", 11);
        assertThat(two.pValues()).containsExactly(one.pValues());
        assertThat(one.paths()).hasSize(10).contains("SAT -> LOY");
        assertThat(one.failed()).isZero();
        assertThat(one.permutations()).isEqualTo(200);
        Map<String, PlsResult> fits = g.fit(PathModel.powerCsi(), DATA, GENDER);
        int q = one.paths().indexOf("SAT -> LOY");
        assertThat(one.coefficientsA()[q]).isCloseTo(fits.get("female").pathCoefficient("SAT", "LOY"),
            within(1e-15));
        assertThat(one.differences()[q]).isEqualTo(one.coefficientsA()[q] - one.coefficientsB()[q]);
        for (double p : one.pValues()) {
            assertThat(p).isGreaterThanOrEqualTo(1.0 / 201).isLessThanOrEqualTo(1.0);
        }
        assertThat(one.pValue("SAT -> LOY")).isEqualTo(one.pValues()[q]);
        assertThat(one.toString()).contains("female").contains("200 permutations");
        assertThat(one.sizeA() + one.sizeB()).isEqualTo(250);
        assertThatThrownBy(() -> one.pValue("X -> Y")).hasMessageContaining("'X -> Y'");
    }

    @Test
    void detectsABrokenPathInOneGroup() {
        double[][] rows = new double[250][];
        for (int i = 0; i < 250; i++) {
            rows[i] = DATA.row(i);
        }
        SplittableRandom rng = new SplittableRandom(3);
        List<Integer> group = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            if (i % 2 == 0) {
                group.add(i);
            }
        }
        int loy = DATA.indexOf("loy1");
        for (int a = group.size() - 1; a > 0; a--) {
            int b = rng.nextInt(a + 1);
            int ia = group.get(a);
            int ib = group.get(b);
            for (int c = loy; c < loy + 4; c++) {
                double t = rows[ia][c];
                rows[ia][c] = rows[ib][c];
                rows[ib][c] = t;
            }
        }
        IndicatorTable broken = IndicatorTable.ofRows(DATA.indicators(), DATA.ids(), rows);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            labels.add(i % 2 == 0 ? "shuffled" : "intact");
        }
        GroupComparison c = PlsGroups.withDefaults().withPermutations(200).compare(PathModel.powerCsi(), broken,
            labels, "intact", "shuffled", 5);
        assertThat(c.pValue("SAT -> LOY")).isLessThan(0.05);
        assertThat(c.pValue("IMAG -> LOY")).isLessThan(0.05);
        assertThat(c.pValue("EXPE -> QUAL")).isGreaterThan(0.05);
    }

    @Test
    void validation() {
        PlsGroups g = PlsGroups.withDefaults();
        assertThat(g.toString()).contains("1000");
        assertThatThrownBy(() -> g.withPermutations(0)).hasMessageContaining("at least 1 but was 0");
        assertThatThrownBy(() -> g.withPermutations(2_000_000_000)).isInstanceOf(SatisfactionException.class)
            .hasMessage("group comparison takes at most 1,000,000 permutations but was given 2,000,000,000");
        assertThatThrownBy(() -> g.withThreads(0)).hasMessageContaining("threads");
        assertThatThrownBy(() -> g.with(null)).hasMessageContaining("estimator");
        assertThatThrownBy(() -> g.fit(PathModel.powerCsi(), DATA, GENDER.subList(0, 10)))
            .hasMessageContaining("10 group labels for 250 respondents");
        assertThatThrownBy(() -> g.fit(PathModel.powerCsi(), null, GENDER)).hasMessageContaining("null");
        List<String> blank = new ArrayList<>(GENDER);
        blank.set(4, " ");
        assertThatThrownBy(() -> g.fit(PathModel.powerCsi(), DATA, blank))
            .hasMessageContaining("respondent '5' has no group label");
        assertThatThrownBy(() -> g.compare(PathModel.powerCsi(), DATA, GENDER, "male", "male", 1))
            .hasMessageContaining("two different groups");
        assertThatThrownBy(() -> g.compare(PathModel.powerCsi(), DATA, GENDER, "male", "other", 1))
            .hasMessageContaining("group 'other' has 0");
        List<String> tiny = new ArrayList<>(GENDER);
        tiny.set(0, "solo");
        assertThatThrownBy(() -> g.fit(PathModel.powerCsi(), DATA, tiny)).hasMessageContaining("group 'solo'");
        assertThatThrownBy(() -> new GroupComparison("a", "b", 1, 1, List.of("x"), new double[0], new double[1],
            new double[1], 1, 0)).hasMessageContaining("1 paths");
        assertThatThrownBy(() -> new GroupComparison(null, "b", 1, 1, List.of(), new double[0], new double[0],
            new double[0], 1, 0)).hasMessageContaining("null");
    }
}
