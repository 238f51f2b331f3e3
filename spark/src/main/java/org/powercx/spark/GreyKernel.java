package org.powercx.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.powercx.core.Indicator;
import org.powercx.grey.GreyRelationalModel;

/** Grey relational grades by {@link GreyRelationalModel#grades(double[][], int, int, double[], int)}. */
final class GreyKernel extends BatchKernel {
    private final GreyRelationalModel model;
    private final double[] out;

    GreyKernel(GreyRelationalModel model, int capacity) {
        this.model = model.withThreads(1);
        this.out = new double[capacity];
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
        return List.of(DataTypes.createStructField(prefix + "value", DataTypes.DoubleType, false));
    }

    @Override
    void score(double[][] columns, int n) {
        model.grades(columns, 0, n, out, 0);
    }

    @Override
    void write(int i, Object[] values, int offset) {
        values[offset] = out[i];
    }

    @Override
    void write(int i, InternalRow results) {
        results.setDouble(0, out[i]);
    }
}
