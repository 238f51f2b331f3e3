package org.powercx.segmentation;

import java.util.List;
import org.powercx.core.TextTable;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.DiscriminantModel;
import org.powercx.credit.GradeReport;
import org.powercx.credit.RocCurve;

/**
 * The result of {@link CreditScoring#assess}: the fitted discriminant, each customer's default probability
 * and grade, the per-grade default rates and the in-sample AUC. Immutable; accessors return copies.
 *
 * @since 0.1.0
 */
public final class CreditAssessment {
    private final DiscriminantModel model;
    private final CreditGrades grades;
    private final double[] defaultProbabilities;
    private final int[] assigned;
    private final GradeReport report;
    private final int[] labels;

    CreditAssessment(DiscriminantModel model, CreditGrades grades, double[] defaultProbabilities, int[] assigned,
            GradeReport report, int[] labels) {
        this.model = model;
        this.grades = grades;
        this.defaultProbabilities = defaultProbabilities;
        this.assigned = assigned;
        this.report = report;
        this.labels = labels;
    }

    /**
     * The fitted discriminant; it scores new customers.
     *
     * @return the model
     */
    public DiscriminantModel model() {
        return model;
    }

    /**
     * The grade scale.
     *
     * @return the scale
     */
    public CreditGrades scale() {
        return grades;
    }

    /**
     * The grade names, best first.
     *
     * @return an unmodifiable list
     */
    public List<String> gradeNames() {
        return grades.names();
    }

    /**
     * Each customer's default probability, in row order.
     *
     * @return a new array
     */
    public double[] defaultProbabilities() {
        return defaultProbabilities.clone();
    }

    /**
     * Each customer's grade index (0 = best).
     *
     * @return a new array
     */
    public int[] grades() {
        return assigned.clone();
    }

    int[] gradesView() {
        return assigned;
    }

    /**
     * A customer's grade name.
     *
     * @param row row index
     * @return the grade
     * @throws SegmentationException if the row is out of range
     */
    public String grade(int row) {
        if (row < 0 || row >= assigned.length) {
            throw new SegmentationException("row %d is not within [0, %d)", row, assigned.length);
        }
        return grades.names().get(assigned[row]);
    }

    /**
     * Customers and observed default rate per grade, and whether the rates rise monotonically.
     *
     * @return the report
     */
    public GradeReport report() {
        return report;
    }

    /**
     * The in-sample area under the ROC curve of the default probabilities against the labels, by the credit
     * module's {@link RocCurve#auc} (computed on each call, in \( O(n \log n) \)).
     *
     * @return the AUC
     */
    public double auc() {
        return RocCurve.auc(defaultProbabilities, labels);
    }

    /**
     * The AUC and the grade report.
     *
     * @return a readable rendering
     */
    @Override
    public String toString() {
        return "CreditAssessment " + assigned.length + " customers, in-sample AUC " + TextTable.number(auc()) + "\n"
            + report;
    }
}
