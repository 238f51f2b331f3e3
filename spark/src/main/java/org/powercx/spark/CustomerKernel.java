package org.powercx.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.sql.types.StructField;
import org.powercx.segmentation.CustomerModel;
import org.powercx.segmentation.RiskRule;
import org.powercx.segmentation.ScoringBuffer;
import org.powercx.segmentation.ValueSegment;

/**
 * The whole segmentation pipeline by {@link CustomerModel#apply(double[][], int, int, ScoringBuffer)}; the category
 * columns as labels or, in {@link ResultLayout#CODES}, as the codes the buffer holds (the labels' indices).
 */
final class CustomerKernel extends BatchKernel {
    private final CustomerModel model;
    private final ScoringBuffer buffer;
    private final boolean projected;
    private final List<RiskRule> rules;
    private final List<String> gradeNames;
    private final UTF8String[] segmentText;
    private final UTF8String[] gradeText;
    private final UTF8String[][] riskText;
    private final ArrayData[] measureText;
    private final boolean codes;

    CustomerKernel(CustomerModel model, int capacity, boolean codes) {
        this.model = model;
        this.codes = codes;
        this.buffer = model.newBuffer(capacity);
        this.projected = !model.parameters().series().isEmpty();
        this.rules = model.parameters().riskRules();
        this.gradeNames = model.parameters().creditGrades().names();
        ValueSegment[] segments = ValueSegment.values();
        this.segmentText = new UTF8String[segments.length];
        for (ValueSegment s : segments) {
            segmentText[s.ordinal()] = UTF8String.fromString(s.label());
        }
        this.gradeText = CreditKernel.utf8(gradeNames);
        this.riskText = new UTF8String[rules.size()][];
        for (int t = 0; t < riskText.length; t++) {
            riskText[t] = CreditKernel.utf8(rules.get(t).labels());
        }
        List<List<String>> sets = model.measureSets();
        this.measureText = new ArrayData[sets.size()];
        // each set in Spark's compact array form, which the scan's row encoder copies whole (a generic array it
        // would write element by element)
        UnsafeProjection compact = UnsafeProjection.create(new DataType[] {
            DataTypes.createArrayType(DataTypes.StringType, false)});
        for (int m = 0; m < measureText.length; m++) {
            GenericArrayData set = new GenericArrayData((Object[]) CreditKernel.utf8(sets.get(m)));
            measureText[m] = compact.apply(new GenericInternalRow(new Object[] {set})).getArray(0).copy();
        }
    }

    @Override
    List<String> inputs() {
        return model.inputColumns();
    }

    @Override
    List<StructField> outputs(String prefix) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField(prefix + "current_value", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(prefix + "potential_value", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(prefix + "value", DataTypes.DoubleType, false));
        if (projected) {
            f.add(DataTypes.createStructField(prefix + "projected_consumption", DataTypes.DoubleType, false));
        }
        DataType label = codes ? DataTypes.IntegerType : DataTypes.StringType;
        f.add(DataTypes.createStructField(prefix + "value_segment", label, false));
        f.add(DataTypes.createStructField(prefix + "default_probability", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(prefix + "credit_grade", label, false));
        for (RiskRule r : rules) {
            f.add(DataTypes.createStructField(prefix + "risk_score_" + r.topic(), DataTypes.DoubleType, false));
            f.add(DataTypes.createStructField(prefix + "risk_group_" + r.topic(), label, false));
        }
        f.add(DataTypes.createStructField(prefix + "retention", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(prefix + "lifetime_value", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(prefix + "measures",
            codes ? DataTypes.IntegerType : DataTypes.createArrayType(DataTypes.StringType, false), false));
        return f;
    }

    @Override
    void score(double[][] columns, int n) {
        model.apply(columns, 0, n, buffer);
    }

    @Override
    void write(int i, Object[] values, int offset) {
        ScoringBuffer b = buffer;
        int k = offset;
        values[k++] = b.current(i);
        values[k++] = b.potential(i);
        values[k++] = b.combined(i);
        if (projected) {
            values[k++] = b.projectedConsumption(i);
        }
        values[k++] = codes ? (Object) b.segment(i).ordinal() : b.segment(i).label();
        values[k++] = b.defaultProbability(i);
        values[k++] = codes ? (Object) b.grade(i) : gradeNames.get(b.grade(i));
        for (int t = 0; t < rules.size(); t++) {
            values[k++] = b.riskScore(t, i);
            values[k++] = codes ? (Object) b.riskGroup(t, i) : rules.get(t).labels().get(b.riskGroup(t, i));
        }
        values[k++] = b.retention(i);
        values[k++] = b.lifetimeValue(i);
        values[k] = codes ? (Object) b.measureSet(i) : b.measures(i).toArray(new String[0]);
    }

    @Override
    void write(int i, InternalRow results) {
        ScoringBuffer b = buffer;
        int k = 0;
        results.setDouble(k++, b.current(i));
        results.setDouble(k++, b.potential(i));
        results.setDouble(k++, b.combined(i));
        if (projected) {
            results.setDouble(k++, b.projectedConsumption(i));
        }
        category(results, k++, b.segment(i).ordinal(), segmentText);
        results.setDouble(k++, b.defaultProbability(i));
        category(results, k++, b.grade(i), gradeText);
        for (int t = 0; t < riskText.length; t++) {
            results.setDouble(k++, b.riskScore(t, i));
            category(results, k++, b.riskGroup(t, i), riskText[t]);
        }
        results.setDouble(k++, b.retention(i));
        results.setDouble(k++, b.lifetimeValue(i));
        // a shared array: the row's encoder copies it into each output row
        category(results, k, b.measureSet(i), measureText);
    }

    /** Writes a category as its code or, in the labels layout, as its label's prepared value. */
    private void category(InternalRow results, int k, int code, Object[] labels) {
        if (codes) {
            results.setInt(k, code);
        } else {
            results.update(k, labels[code]);
        }
    }
}
