package org.powercx.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.sql.types.StructField;
import org.powercx.core.Indicator;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.DiscriminantModel;

/**
 * Credit scores by the discriminant's column kernel {@link DiscriminantModel#scores(double[][], double[])}, the
 * default probability by {@link DiscriminantModel#defaultProbability(double[])} and the grade by
 * {@link CreditGrades#grade(double)}: the grade's name or, in {@link ResultLayout#CODES}, its index in the names.
 */
final class CreditKernel extends BatchKernel {
    private final DiscriminantModel model;
    private final CreditGrades grades;
    private final double[] z;
    private final double[] p;
    private final int[] grade;
    private final double[] row;
    private final UTF8String[] gradeNames;
    private final boolean codes;
    private double[] tail = new double[0];

    CreditKernel(DiscriminantModel model, CreditGrades grades, int capacity, boolean codes) {
        this.model = model;
        this.codes = codes;
        this.grades = grades;
        this.z = new double[capacity];
        this.p = new double[capacity];
        this.grade = new int[capacity];
        this.row = new double[model.indicators().size()];
        this.gradeNames = utf8(grades.names());
    }

    /** The labels as Spark's UTF-8 strings, converted once instead of once a row. */
    static UTF8String[] utf8(List<String> labels) {
        UTF8String[] out = new UTF8String[labels.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = UTF8String.fromString(labels.get(k));
        }
        return out;
    }

    @Override
    List<String> inputs() {
        List<String> names = new ArrayList<>();
        for (Indicator i : model.indicators()) {
            names.add(i.name());
        }
        return names;
    }

    @Override
    List<StructField> outputs(String prefix) {
        return List.of(DataTypes.createStructField(prefix + "credit_score", DataTypes.DoubleType, false),
            DataTypes.createStructField(prefix + "default_probability", DataTypes.DoubleType, false),
            DataTypes.createStructField(prefix + "credit_grade", codes ? DataTypes.IntegerType : DataTypes.StringType,
                false));
    }

    @Override
    void score(double[][] columns, int n) {
        double[][] cols = columns;
        double[] scores = z;
        if (n != z.length) {
            // the kernel takes whole columns: the last, shorter batch of a partition is copied
            cols = new double[columns.length][];
            for (int j = 0; j < cols.length; j++) {
                cols[j] = Arrays.copyOf(columns[j], n);
            }
            if (tail.length != n) {
                tail = new double[n];
            }
            scores = tail;
        }
        model.scores(cols, scores);
        if (scores != z) {
            System.arraycopy(scores, 0, z, 0, n);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < row.length; j++) {
                row[j] = columns[j][i];
            }
            p[i] = model.defaultProbability(row);
            grade[i] = grades.grade(p[i]);
        }
    }

    @Override
    void write(int i, Object[] values, int offset) {
        values[offset] = z[i];
        values[offset + 1] = p[i];
        values[offset + 2] = codes ? (Object) grade[i] : grades.names().get(grade[i]);
    }

    @Override
    void write(int i, InternalRow results) {
        results.setDouble(0, z[i]);
        results.setDouble(1, p[i]);
        if (codes) {
            results.setInt(2, grade[i]);
        } else {
            results.update(2, gradeNames[grade[i]]);
        }
    }
}
