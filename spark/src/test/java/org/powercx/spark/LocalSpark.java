package org.powercx.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/** The tests' Spark: local[2], no UI, bound to the loopback address; one session per test class. */
final class LocalSpark {
    private LocalSpark() {
    }

    static SparkSession start() {
        return SparkSession.builder().master("local[2]").appName("powercx-spark-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.default.parallelism", "5")
            .config("spark.sql.adaptive.enabled", "false")
            .getOrCreate();
    }

    /**
     * A table as a Dataset: an "id" string column and one double column per indicator, in row order, in as many
     * partitions as the session's default parallelism (the rows travel as Spark's compact rows).
     */
    static Dataset<Row> dataset(SparkSession spark, IndicatorTable table) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("id", DataTypes.StringType, false));
        for (Indicator ind : table.indicators()) {
            fields.add(DataTypes.createStructField(ind.name(), DataTypes.DoubleType, true));
        }
        int p = table.indicatorCount();
        double[][] cols = new double[p][];
        for (int j = 0; j < p; j++) {
            cols[j] = table.column(j);
        }
        List<Row> rows = new ArrayList<>(table.rowCount());
        for (int i = 0; i < table.rowCount(); i++) {
            Object[] v = new Object[p + 1];
            v[0] = table.id(i);
            for (int j = 0; j < p; j++) {
                v[j + 1] = cols[j][i];
            }
            rows.add(RowFactory.create(v));
        }
        return spark.createDataFrame(rows, new StructType(fields.toArray(new StructField[0])));
    }
}
