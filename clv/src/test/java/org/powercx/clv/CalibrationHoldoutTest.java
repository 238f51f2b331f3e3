package org.powercx.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The calibration/holdout split of the CDNOW transaction log (CDNOW_sample.txt, 6919 transactions of 2357
 * customers) at the dates of Fader, Hardie and Lee (2005): calibration to 1997-09-30 (39 weeks after the cohort's
 * first day), holdout to 1998-06-30 (39 weeks more). The calibration summary must be the published one
 * (cdnow_customers_summary.csv, recency and age to two decimals of a week).
 */
class CalibrationHoldoutTest {
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final LocalDate OBSERVATION_END = LocalDate.of(1998, 6, 30);

    static CalibrationHoldout cdnow() {
        List<String> ids = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        try (InputStream in = CalibrationHoldoutTest.class.getResourceAsStream("/clv/CDNOW_sample.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.strip().split("\\s+");
                if (f.length < 3) {
                    continue;
                }
                ids.add(Integer.toString(Integer.parseInt(f[1])));
                String d = f[2];
                dates.add(LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                        Integer.parseInt(d.substring(6, 8))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CalibrationHoldout.fromTransactions(ids.toArray(String[]::new), dates.toArray(LocalDate[]::new),
                CALIBRATION_END, OBSERVATION_END, 7);
    }

    @Test
    void reproducesThePublishedCalibrationSummary() {
        CalibrationHoldout split = cdnow();
        double[][] published = ClvTestData.columns("cdnow_customers_summary.csv");
        assertThat(split.ids()).hasSize(2357);
        double[] x = split.frequency();
        double[] tx = split.recency();
        double[] age = split.age();
        for (int i = 0; i < 2357; i++) {
            assertThat(split.ids().get(i)).isEqualTo(Long.toString((long) published[0][i]));
            assertThat(x[i]).as("customer %s frequency", split.ids().get(i)).isEqualTo(published[1][i]);
            assertThat(tx[i]).as("customer %s recency", split.ids().get(i)).isCloseTo(published[2][i], within(5e-3));
            assertThat(age[i]).as("customer %s age", split.ids().get(i)).isCloseTo(published[3][i], within(5e-3));
        }
        assertThat(split.holdoutLength()).isEqualTo(39.0);
        double holdout = 0;
        for (double h : split.holdoutFrequency()) {
            holdout += h;
        }
        assertThat(holdout).isEqualTo(1882.0);
        assertThat(split.toString()).contains("2357", "1882", "39");
    }

    @Test
    void validationTableAveragesTheConditionalExpectations() {
        CalibrationHoldout split = cdnow();
        BgNbd model = BgNbd.fit(split.frequency(), split.recency(), split.age()).model();
        HoldoutResult table = split.evaluate(model, 7);
        int[] customers = table.customers();
        double[] actual = table.actual();
        double[] predicted = table.predicted();
        assertThat(customers).hasSize(8);
        double[] x = split.frequency();
        double[] h = split.holdoutFrequency();
        double[] e = model.conditionalExpectedTransactions(39, x, split.recency(), split.age(), null);
        double[] sumActual = new double[8];
        double[] sumPredicted = new double[8];
        int[] count = new int[8];
        for (int i = 0; i < x.length; i++) {
            int g = (int) Math.min(x[i], 7);
            count[g]++;
            sumActual[g] += h[i];
            sumPredicted[g] += e[i];
        }
        int total = 0;
        for (int g = 0; g < 8; g++) {
            assertThat(customers[g]).isEqualTo(count[g]);
            assertThat(actual[g]).isCloseTo(sumActual[g] / count[g], within(1e-12));
            assertThat(predicted[g]).isCloseTo(sumPredicted[g] / count[g], within(1e-12));
            total += customers[g];
        }
        assertThat(total).isEqualTo(2357);
        assertThat(customers[0]).isEqualTo(1411);
        assertThat(table.toString()).contains("frequency", "7+", "predicted");
        HoldoutResult pareto = split.evaluate(ParetoNbd.of(0.553, 10.578, 0.606, 11.669), 3);
        assertThat(pareto.customers()).hasSize(4);
        assertThat(pareto.actual()[0]).isEqualTo(actual[0]);
        HoldoutResult sparse = split.evaluate(model, 60);
        assertThat(sparse.actual()[59]).isNaN();
    }

    @Test
    void rejectsInvalidInput() {
        LocalDate d = LocalDate.of(2020, 1, 1);
        String[] one = {"a"};
        LocalDate[] day = {d};
        assertThatThrownBy(() -> CalibrationHoldout.fromTransactions(one, new LocalDate[2], d, d.plusDays(1), 7))
                .isInstanceOf(ClvException.class).hasMessageContaining("dates has 2");
        assertThatThrownBy(() -> CalibrationHoldout.fromTransactions(one, day, d, d, 7))
                .hasMessageContaining("observation end");
        assertThatThrownBy(() -> CalibrationHoldout.fromTransactions(new String[] {" "}, day, d, d.plusDays(1), 7))
                .hasMessageContaining("transaction 0");
        assertThatThrownBy(() -> CalibrationHoldout.fromTransactions(one, new LocalDate[1], d, d.plusDays(1), 7))
                .hasMessageContaining("date must not be null");
        assertThatThrownBy(() -> CalibrationHoldout.fromTransactions(one, day, d, d.plusDays(1), 0))
                .hasMessageContaining("days per time unit");
        assertThatThrownBy(() -> CalibrationHoldout.fromTransactions(one, day, d.minusDays(1), d.plusDays(1), 7))
                .hasMessageContaining("no customer");
        assertThatThrownBy(() -> CalibrationHoldout.fromTransactions(null, day, d, d.plusDays(1), 7))
                .hasMessageContaining("null");
        CalibrationHoldout split = CalibrationHoldout.fromTransactions(new String[] {"a", "a", "a", "b"},
                new LocalDate[] {d, d, d.plusDays(14), d.plusDays(3)}, d.plusDays(7), d.plusDays(21), 7);
        assertThat(split.frequency()).containsExactly(0, 0);
        assertThat(split.holdoutFrequency()).containsExactly(1, 0);
        assertThat(split.age()).containsExactly(1, 4.0 / 7);
        assertThatThrownBy(() -> split.evaluate((BgNbd) null, 2)).hasMessageContaining("model");
        assertThatThrownBy(() -> split.evaluate((ParetoNbd) null, 2)).hasMessageContaining("model");
        assertThatThrownBy(() -> split.evaluate(BgNbd.of(0.243, 4.414, 0.793, 2.426), 0))
                .hasMessageContaining("at least 1");
    }
}
