package org.powercx.segmentation;

import org.powercx.core.CustomerIndicators;
import org.powercx.samples.CustomerGenerator;
import org.powercx.samples.SurveyGenerator;
import org.powercx.samples.CustomerClass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;
import org.powercx.satisfaction.PathModel;
import org.powercx.satisfaction.PlsPm;
import org.powercx.satisfaction.PlsResult;

class SatisfactionSegmentationTest {
    private static final IndicatorTable CUSTOMERS = CustomerGenerator.withDefaults().generate(20_000, 31L).table();
    private static final IndicatorTable SURVEY = SurveyGenerator.withDefaults().generate(CUSTOMERS, 5000, 32L);

    private static List<String> classLabels(IndicatorTable survey) {
        List<String> labels = new ArrayList<>();
        for (double c : survey.column(CustomerIndicators.CUSTOMER_CLASS)) {
            labels.add(CustomerClass.ofCode(c).label());
        }
        return labels;
    }

    /**
     * Consistent PLS (Dijkstra and Henseler 2015, doi:10.25300/MISQ/2015/39.2.02): construct correlations
     * disattenuated by rho_A, then each structural equation by least squares on them.
     */
    private static double consistentPath(PlsResult r, String from, String to) {
        List<String> names = r.model().constructNames();
        double[] rhoA = r.quality().rhoA();
        double[][] corr = r.constructCorrelations();
        List<String> pred = r.model().predecessors(to);
        int k = pred.size();
        double[][] a = new double[k][k];
        double[] b = new double[k];
        int t = names.indexOf(to);
        for (int u = 0; u < k; u++) {
            int iu = names.indexOf(pred.get(u));
            b[u] = corr[iu][t] / Math.sqrt(rhoA[iu] * rhoA[t]);
            for (int v = 0; v < k; v++) {
                int iv = names.indexOf(pred.get(v));
                a[u][v] = iu == iv ? 1 : corr[iu][iv] / Math.sqrt(rhoA[iu] * rhoA[iv]);
            }
        }
        double[] beta = new LUDecomposition(new Array2DRowRealMatrix(a)).getSolver()
            .solve(new ArrayRealVector(b)).toArray();
        return beta[pred.indexOf(from)];
    }

    @Test
    void pathCoefficientsRecoverTheGeneratorsModelWithinSamplingError() {
        SatisfactionSegments s = SatisfactionSegmentation.withDefaults().analyse(SURVEY,
            Collections.nCopies(SURVEY.rowCount(), "all"));
        PlsResult r = s.overall();
        for (Map.Entry<String, Double> e : SurveyGenerator.truePaths().entrySet()) {
            String[] p = e.getKey().split(" -> ");
            assertThat(r.model().hasPath(p[0], p[1])).as(e.getKey()).isTrue();
            // n = 5000: standard errors of the consistent paths are about 0.015; 0.05 is over three of them
            assertThat(consistentPath(r, p[0], p[1])).as(e.getKey()).isCloseTo(e.getValue(), within(0.05));
            // plain PLS is attenuated by measurement error but keeps the sign and rough size
            assertThat(r.pathCoefficient(p[0], p[1])).as(e.getKey()).isCloseTo(e.getValue(), within(0.08));
        }
    }

    @Test
    void indicesDifferByCustomerClassAsTheImageShiftSays() {
        SatisfactionSegments s = SatisfactionSegmentation.withDefaults().analyse(SURVEY, classLabels(SURVEY));
        double large = s.index(CustomerClass.LARGE_INDUSTRY.label(), "SAT");
        double agri = s.index(CustomerClass.AGRICULTURE.label(), "SAT");
        double res = s.index(CustomerClass.RESIDENTIAL.label(), "IMAG");
        assertThat(large).isGreaterThan(agri + 2);
        // the latent mean of a residential customer's image is 0: answers centre on 7, index 100 (7 - 1) / 9
        assertThat(res).isCloseTo(100 * 6.0 / 9, within(2.0));
        assertThat(s.segments()).hasSize(4);
        SatisfactionSegments.Segment resid = s.segment(CustomerClass.RESIDENTIAL.label());
        assertThat(resid.isEstimated()).isTrue();
        assertThat(resid.fit().pathCoefficient("SAT", "LOY")).isCloseTo(s.overall().pathCoefficient("SAT", "LOY"),
            within(0.05));
        assertThat(resid.indices()).hasSize(6);
        assertThat(s.toString()).contains("residential", "SAT", "0-100");
    }

    @Test
    void segmentsAreComparedByTheSatisfactionModulesPermutationTest() {
        IndicatorTable part = SURVEY.rows(0, 1500);
        List<String> labels = classLabels(part);
        SatisfactionSegmentation sat = SatisfactionSegmentation.withDefaults();
        var a = sat.compare(part, labels, CustomerClass.RESIDENTIAL.label(), CustomerClass.COMMERCE_INDUSTRY.label(), 40, 5L);
        var b = sat.compare(part, labels, CustomerClass.RESIDENTIAL.label(), CustomerClass.COMMERCE_INDUSTRY.label(), 40, 5L);
        assertThat(a.pValues()).isEqualTo(b.pValues());
        assertThat(a.paths()).hasSize(10);
        // the generator uses the same paths in every class: no difference should be significant at 0.1 %
        for (double p : a.pValues()) {
            assertThat(p).isGreaterThan(0.001).isLessThanOrEqualTo(1.0);
        }
        assertThatThrownBy(() -> sat.compare(part, labels, "residential", "residential", 10, 1L))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("segment comparison");
    }

    @Test
    void smallSegmentsAreNotEstimatedButIndexed() {
        IndicatorTable small = SURVEY.rows(0, 300);
        SatisfactionSegments s = SatisfactionSegmentation.withDefaults().withMinimumSegment(100)
            .analyse(small, classLabels(small));
        SatisfactionSegments.Segment large = s.segment(CustomerClass.LARGE_INDUSTRY.label());
        assertThat(large.isEstimated()).isFalse();
        assertThat(large.note()).contains("fewer than 100");
        assertThat(large.indices()[0]).isBetween(0.0, 100.0);
    }

    @Test
    void badInputIsNamed() {
        SatisfactionSegmentation sat = SatisfactionSegmentation.withDefaults();
        List<String> labels = classLabels(SURVEY);
        IndicatorTable noLoy = SURVEY.select("imag1", "imag2");
        assertThatThrownBy(() -> sat.analyse(noLoy, labels)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("unknown indicator 'imag3'");
        assertThatThrownBy(() -> sat.analyse(SURVEY, labels.subList(0, 10))).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("5000 respondents but 10 segment labels");
        assertThatThrownBy(() -> sat.withScale(1, 5).analyse(SURVEY, labels)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("outside the scale");
        assertThatThrownBy(() -> sat.withScale(5, 1)).isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> sat.withMinimumSegment(2)).isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> sat.with((PathModel) null)).isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> sat.with((PlsPm) null)).isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> sat.analyse(null, labels)).isInstanceOf(SegmentationException.class);
        List<String> withNull = new ArrayList<>(labels);
        withNull.set(3, null);
        assertThatThrownBy(() -> sat.analyse(SURVEY, withNull)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("no segment label");
        SatisfactionSegments s = sat.analyse(SURVEY.rows(0, 200), classLabels(SURVEY.rows(0, 200)));
        assertThatThrownBy(() -> s.segment("nobody")).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("'nobody'");
        assertThatThrownBy(() -> s.index("residential", "TRUST")).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("'TRUST'");
        assertThat(sat.model().constructNames()).containsExactly("IMAG", "EXPE", "QUAL", "VAL", "SAT", "LOY");
    }
}
