package org.powercx.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.powercx.ahp.HierarchyResult;
import org.powercx.core.CoreException;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorStatistics;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Normalisation;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.DiscriminantModel;
import org.powercx.credit.DiscriminantStatistics;
import org.powercx.credit.LinearDiscriminant;
import org.powercx.credit.Shrinkage;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.segmentation.ConsumptionProjection;
import org.powercx.segmentation.CreditScoring;
import org.powercx.segmentation.CustomerAnalysis;
import org.powercx.segmentation.CustomerModel;
import org.powercx.segmentation.CutoffMethod;
import org.powercx.segmentation.Retention;
import org.powercx.segmentation.RiskRule;
import org.powercx.segmentation.ScoringBuffer;
import org.powercx.segmentation.ValueEvaluation;
import org.powercx.segmentation.ValueIndexSystem;
import org.powercx.segmentation.ValueSegmentation;

/**
 * {@link SparkFitter#fit(Dataset, CustomerAnalysis, List, ColumnMapping)}: the steps of
 * {@link CustomerAnalysis#fit(IndicatorTable)} on a Dataset. Pass 1 counts each partition's rows and summarises the
 * derived value columns ({@link ValueEvaluation#derivedColumns}) into bounds statistics, from which the driver fits
 * the two grey relational models; pass 2 summarises the credit (and churn) discriminant statistics from each
 * partition's first row, from which the driver fits the discriminants; the quantile passes score the rows with the
 * model so far and select the exact order statistics of the current and potential values and default
 * probabilities that the cut-offs are.
 */
final class CustomerFit {
    private final CustomerAnalysis analysis;
    private final int batchRows;
    /** The columns every pass reads: the analysis' inputs, then its labels; and the reader of them. */
    private final List<String> inputs;
    private final List<String> labels;
    private final List<Indicator> inputIndicators;
    private final RowReader reader;
    private final Dataset<Row> narrow;
    private final boolean project;

    private CustomerFit(Dataset<Row> data, CustomerAnalysis analysis, List<Indicator> described, ColumnMapping mapping,
            int batchRows) {
        this.analysis = analysis;
        this.batchRows = batchRows;
        ValueEvaluation value = analysis.valueEvaluation();
        ValueIndexSystem system = value.system();
        GreyRelationalAnalysis gra = value.greyRelationalAnalysis();
        if (gra.normalisation() != Normalisation.MIN_MAX && gra.normalisation() != Normalisation.INITIAL_VALUE) {
            throw new SparkException("the value evaluation's %s normalisation needs the whole table: a fit on Spark"
                + " takes MIN_MAX or INITIAL_VALUE", gra.normalisation());
        }
        if (analysis.valueSegmentation().method() == CutoffMethod.MEAN) {
            throw new SparkException("mean value cut-offs cannot be reproduced bit for bit on Spark (their sum"
                + " depends on the order in which partitions are added): use quantile or given cut-offs");
        }
        Shrinkage shrinkage = analysis.creditScoring().discriminant().shrinkage();
        if (shrinkage.isLedoitWolf()) {
            throw new SparkException("credit scoring: %s needs a second pass over the rows, which a fit from merged"
                + " statistics does not make: use Shrinkage.fixed(lambda) or Shrinkage.fixedByClass(lambda)", shrinkage);
        }
        List<String> schema = Arrays.asList(data.schema().fieldNames());
        boolean hasProjection = system.potentialIndicators().contains(ConsumptionProjection.PROJECTED_CONSUMPTION)
            && schema.contains(mapping.column(ConsumptionProjection.PROJECTED_CONSUMPTION));
        this.project = system.potentialIndicators().contains(ConsumptionProjection.PROJECTED_CONSUMPTION)
            && !hasProjection;
        Set<String> in = new LinkedHashSet<>(system.currentIndicators());
        for (String name : system.potentialIndicators()) {
            if (name.equals(ConsumptionProjection.PROJECTED_CONSUMPTION) && project) {
                in.addAll(system.series());
            } else {
                in.add(name);
            }
        }
        CreditScoring credit = analysis.creditScoring();
        in.addAll(credit.indicators());
        for (RiskRule rule : analysis.riskSegmentation().rules()) {
            in.addAll(rule.coefficients().keySet());
        }
        in.add(analysis.marginColumn());
        in.addAll(analysis.retention().indicators());
        Set<String> lab = new LinkedHashSet<>();
        lab.add(credit.labelColumn());
        if (analysis.retention().source() == Retention.Source.CHURN_MODEL) {
            lab.add(analysis.retention().churnColumn());
        }
        this.inputs = List.copyOf(in);
        this.labels = List.copyOf(lab);
        List<String> mappedLabels = labels.stream().map(mapping::column).toList();
        // the schema first (a missing or non-numeric column, named), then only the columns read
        RowReader.withLabels(data, inputs, mappedLabels, mapping);
        Set<String> read = new LinkedHashSet<>();
        inputs.forEach(i -> read.add(mapping.column(i)));
        read.addAll(mappedLabels);
        if (mapping.key() != null) {
            read.add(mapping.key());
        }
        this.narrow = data.select(read.stream().map(c -> data.col("`" + c.replace("`", "``") + "`"))
            .toArray(Column[]::new));
        this.reader = RowReader.withLabels(narrow, inputs, mappedLabels, mapping);
        Map<String, Indicator> byName = new HashMap<>();
        for (Indicator i : described) {
            if (i == null) {
                throw new SparkException("indicator list holds null");
            }
            byName.putIfAbsent(i.name(), i);
        }
        List<Indicator> ind = new ArrayList<>();
        for (String name : inputs) {
            Indicator i = byName.get(name);
            if (i == null) {
                throw new SparkException("no indicator describes the column '%s' the analysis reads (described: %s)",
                    name, byName.keySet().stream().sorted().toList());
            }
            ind.add(i);
        }
        this.inputIndicators = List.copyOf(ind);
    }

    static CustomerModel fit(Dataset<Row> data, CustomerAnalysis analysis, List<Indicator> described,
            ColumnMapping mapping, int batchRows) {
        if (data == null || analysis == null || described == null || mapping == null) {
            throw new SparkException("data, analysis, indicators and column mapping must not be null");
        }
        try {
            return new CustomerFit(data, analysis, described, mapping, batchRows).run();
        } catch (Exception e) {
            throw unwrapped(e);
        }
    }

    /** A failed job's cause as one line: the first IllegalArgumentException in the chain, else the exception. */
    private static RuntimeException unwrapped(Exception e) {
        if (e instanceof IllegalArgumentException a) {
            return a;
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IllegalArgumentException a) {
                return new SparkException("fitting the customer model on Spark", a);
            }
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    }

    private CustomerModel run() {
        // the configuration against the columns, as CustomerAnalysis.fit checks it against the table
        List<Indicator> checkIndicators = new ArrayList<>(inputIndicators);
        for (String l : labels) {
            if (!inputs.contains(l)) {
                checkIndicators.add(Indicator.benefit(l));
            }
        }
        IndicatorTable empty = IndicatorTable.ofColumns(checkIndicators, List.of(),
            new double[checkIndicators.size()][0]);
        analysis.check(empty, null);
        ValueEvaluation value = analysis.valueEvaluation();
        ValueIndexSystem system = value.system();
        HierarchyResult h = value.weights();
        CreditScoring credit = analysis.creditScoring();
        double[] gradeQuantiles = credit.gradeQuantiles();
        CreditGrades givenGrades = gradeQuantiles == null
            ? CreditGrades.ofCutoffs(credit.gradeNames(), credit.gradeCutoffs()) : null;
        IndicatorTable derived = value.derivedColumns(empty);
        List<Indicator> currentIndicators = derived.select(system.currentIndicators().toArray(new String[0]))
            .indicators();
        List<Indicator> potentialIndicators = derived.select(system.potentialIndicators().toArray(new String[0]))
            .indicators();

        // pass 1: rows per partition and the bounds of the derived value columns
        List<PartitionSummary> bounds = SparkFitter.collect(narrow, new Bounds(this, currentIndicators,
            potentialIndicators));
        long[] offsets = new long[bounds.size()];
        long rows = 0;
        IndicatorStatistics current = IndicatorStatistics.empty(currentIndicators);
        IndicatorStatistics potential = IndicatorStatistics.empty(potentialIndicators);
        for (PartitionSummary part : bounds) {
            offsets[part.partition()] = rows;
            rows += part.rows();
            IndicatorStatistics[] s = (IndicatorStatistics[]) part.statistics();
            current = current.merge(s[0]);
            potential = potential.merge(s[1]);
        }
        if (rows == 0) {
            throw new SparkException("no rows to fit: the Dataset is empty or every row was dropped");
        }
        GreyRelationalAnalysis gra = value.greyRelationalAnalysis();
        GreyRelationalModel currentModel;
        GreyRelationalModel potentialModel;
        try {
            currentModel = gra.fit(current, h.local(ValueIndexSystem.CURRENT).weights());
            potentialModel = gra.fit(potential, h.local(ValueIndexSystem.POTENTIAL).weights());
        } catch (IllegalArgumentException e) {
            throw new SparkException("value evaluation", e);
        }

        // pass 2: the discriminants' statistics, each partition's chunks counted from the data's first row
        boolean churn = analysis.retention().source() == Retention.Source.CHURN_MODEL;
        List<PartitionSummary> sums = SparkFitter.collect(narrow, new Discriminants(this, offsets));
        DiscriminantStatistics creditSums = null;
        DiscriminantStatistics churnSums = null;
        for (PartitionSummary part : sums) {
            if (part.rows() != bounds.get(part.partition()).rows()) {
                throw new SparkException("partition %d gave %d rows in the first pass and %d in the second: the"
                    + " Dataset must give the same rows each time it is read (cache it)", part.partition(),
                    bounds.get(part.partition()).rows(), part.rows());
            }
            DiscriminantStatistics[] s = (DiscriminantStatistics[]) part.statistics();
            creditSums = creditSums == null ? s[0] : creditSums.merge(s[0]);
            if (churn) {
                churnSums = churnSums == null ? s[1] : churnSums.merge(s[1]);
            }
        }
        DiscriminantModel creditModel;
        DiscriminantModel churnModel = null;
        try {
            creditModel = credit.discriminant().fit(creditSums);
        } catch (IllegalArgumentException e) {
            throw new SparkException("credit scoring", e);
        }
        if (churn) {
            try {
                churnModel = LinearDiscriminant.withDefaults().fit(churnSums);
            } catch (IllegalArgumentException e) {
                throw new SparkException("churn model", e);
            }
        }

        // the quantile passes: the rows scored by the model so far (its cut-offs do not enter the values read)
        ValueSegmentation segmentation = analysis.valueSegmentation();
        boolean valueQuantiles = segmentation.method() == CutoffMethod.QUANTILE;
        double currentCutoff = valueQuantiles ? 0 : segmentation.currentParameter();
        double potentialCutoff = valueQuantiles ? 0 : segmentation.potentialParameter();
        CreditGrades grades = givenGrades != null ? givenGrades
            : CreditGrades.ofCutoffs(credit.gradeNames(), gradeQuantiles);
        double gc = h.globalWeight(ValueIndexSystem.CURRENT);
        double gp = h.globalWeight(ValueIndexSystem.POTENTIAL);
        List<String> series = project ? system.series() : List.of();
        if (valueQuantiles || givenGrades == null) {
            CustomerModel provisional = CustomerModel.of(new CustomerModel.Parameters(currentModel, potentialModel,
                system.logScale(), series, gc, gp, currentCutoff, potentialCutoff, creditModel, grades,
                analysis.riskSegmentation().rules(), analysis.servicePolicy(), analysis.marginColumn(),
                analysis.marginRate(), analysis.clv(), analysis.retention(), churnModel));
            double[][] probabilities = {
                valueQuantiles ? new double[] {segmentation.currentParameter()} : new double[0],
                valueQuantiles ? new double[] {segmentation.potentialParameter()} : new double[0],
                givenGrades == null ? gradeQuantiles : new double[0]};
            // scored once, kept for the four passes
            JavaRDD<double[][]> scores = narrow.javaRDD().mapPartitions(new Scores(this, provisional))
                .persist(StorageLevel.MEMORY_AND_DISK());
            double[][] q;
            try {
                q = ExactQuantiles.of(scores, new ExactQuantiles.ColumnBlocks(3), probabilities);
            } finally {
                scores.unpersist(false);
            }
            if (valueQuantiles) {
                currentCutoff = q[0][0];
                potentialCutoff = q[1][0];
            }
            if (givenGrades == null) {
                grades = CreditGrades.ofCutoffs(credit.gradeNames(), q[2]);
            }
        }
        return CustomerModel.of(new CustomerModel.Parameters(currentModel, potentialModel, system.logScale(),
            series, gc, gp, currentCutoff, potentialCutoff, creditModel, grades, analysis.riskSegmentation().rules(),
            analysis.servicePolicy(), analysis.marginColumn(), analysis.marginRate(), analysis.clv(),
            analysis.retention(), churnModel));
    }

    /** What the tasks need: the reader, the inputs and labels, the analysis. */
    private static final class Plan implements Serializable {
        private static final long serialVersionUID = 1L;
        final List<String> inputs;
        final List<String> labels;
        final List<Indicator> indicators;
        final List<String> currentNames;
        final List<String> potentialNames;
        final String creditLabel;
        final List<String> creditIndicators;
        final String churnLabel;
        final List<String> churnIndicators;

        Plan(CustomerFit fit) {
            this.inputs = fit.inputs;
            this.labels = fit.labels;
            this.indicators = fit.inputIndicators;
            this.currentNames = fit.analysis.valueEvaluation().system().currentIndicators();
            this.potentialNames = fit.analysis.valueEvaluation().system().potentialIndicators();
            this.creditLabel = fit.analysis.creditScoring().labelColumn();
            this.creditIndicators = fit.analysis.creditScoring().indicators();
            Retention r = fit.analysis.retention();
            this.churnLabel = r.source() == Retention.Source.CHURN_MODEL ? r.churnColumn() : null;
            this.churnIndicators = r.indicators();
        }
    }

    /** Reads rows in blocks of the inputs, checking the labels are 0 or 1. */
    private abstract static class Blocks extends PartitionSummary.Blocks {
        private static final long serialVersionUID = 1L;
        final Plan plan;
        final int creditSlot;
        final int churnSlot;

        Blocks(CustomerFit fit) {
            super(fit.inputIndicators, fit.reader, fit.batchRows);
            this.plan = new Plan(fit);
            this.creditSlot = plan.labels.indexOf(plan.creditLabel);
            this.churnSlot = plan.churnLabel == null ? -1 : plan.labels.indexOf(plan.churnLabel);
        }

        /** The labels of one label column of a block, each checked to be 0 or 1. */
        int[] labels(int[] all, List<String> ids, int n, int slot, String what) {
            int width = plan.labels.size();
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                int v = all[i * width + slot];
                if (v != 0 && v != 1) {
                    throw new SparkException("%s: customer '%s' has %s = %s; expected 0 or 1", what, ids.get(i),
                        plan.labels.get(slot), v);
                }
                out[i] = v;
            }
            return out;
        }

        static String[] names(List<String> names) {
            return names.toArray(new String[0]);
        }
    }

    /**
     * Pass 1: the bounds of the derived current- and potential-value columns, derived as
     * {@link ValueEvaluation#derivedColumns} derives them (the projection by {@link ConsumptionProjection}, the log
     * scale by {@link Math#log}), with its indicators.
     */
    private static final class Bounds extends Blocks {
        private static final long serialVersionUID = 1L;
        private final List<Indicator> currentIndicators;
        private final List<Indicator> potentialIndicators;
        private final List<String> logScale;
        private final List<String> series;
        private transient IndicatorStatistics current;
        private transient IndicatorStatistics potential;

        Bounds(CustomerFit fit, List<Indicator> currentIndicators, List<Indicator> potentialIndicators) {
            super(fit);
            this.currentIndicators = List.copyOf(currentIndicators);
            this.potentialIndicators = List.copyOf(potentialIndicators);
            ValueIndexSystem system = fit.analysis.valueEvaluation().system();
            this.logScale = system.logScale();
            this.series = fit.project ? system.series() : List.of();
        }

        @Override
        void start(int partition) {
            current = IndicatorStatistics.empty(currentIndicators);
            potential = IndicatorStatistics.empty(potentialIndicators);
        }

        @Override
        void block(double[][] cols, List<String> ids, int[] labels, int n) {
            IndicatorTable t = table(cols, ids, n);
            labels(labels, ids, n, creditSlot, "credit scoring");
            if (churnSlot >= 0) {
                labels(labels, ids, n, churnSlot, "churn model");
            }
            double[] projected = series.isEmpty() ? null : ConsumptionProjection.project(t, series, 1);
            try {
                current = current.add(IndicatorTable.ofColumns(currentIndicators, t.ids(),
                    derive(t, plan.currentNames, projected)));
                potential = potential.add(IndicatorTable.ofColumns(potentialIndicators, t.ids(),
                    derive(t, plan.potentialNames, projected)));
            } catch (CoreException e) {
                throw new SparkException("summarising a block of rows", e);
            }
        }

        private double[][] derive(IndicatorTable t, List<String> names, double[] projected) {
            double[][] out = new double[names.size()][];
            for (int j = 0; j < out.length; j++) {
                String name = names.get(j);
                double[] c = projected != null && name.equals(ConsumptionProjection.PROJECTED_CONSUMPTION)
                    ? projected.clone() : t.column(name);
                if (logScale.contains(name)) {
                    for (int i = 0; i < c.length; i++) {
                        if (!(c[i] > 0)) {
                            throw new SparkException("value index system: customer '%s', indicator '%s' is on a log"
                                + " scale and must be positive but was %s", t.id(i), name, c[i]);
                        }
                        c[i] = Math.log(c[i]);
                    }
                }
                out[j] = c;
            }
            return out;
        }

        @Override
        Serializable result() {
            return new IndicatorStatistics[] {current, potential};
        }
    }

    /** Pass 2: the credit (and churn) discriminant statistics from the partition's first row. */
    private static final class Discriminants extends Blocks {
        private static final long serialVersionUID = 1L;
        private final long[] offsets;
        private final List<Indicator> creditIndicators;
        private final List<Indicator> churnIndicators;
        private transient DiscriminantStatistics credit;
        private transient DiscriminantStatistics churn;

        Discriminants(CustomerFit fit, long[] offsets) {
            super(fit);
            this.offsets = offsets.clone();
            this.creditIndicators = pick(fit, plan.creditIndicators);
            this.churnIndicators = pick(fit, plan.churnIndicators);
        }

        private static List<Indicator> pick(CustomerFit fit, List<String> names) {
            List<Indicator> out = new ArrayList<>();
            for (String name : names) {
                out.add(fit.inputIndicators.get(fit.inputs.indexOf(name)));
            }
            return out;
        }

        @Override
        void start(int partition) {
            credit = DiscriminantStatistics.startingAt(creditIndicators, offsets[partition]);
            churn = churnSlot < 0 ? null : DiscriminantStatistics.startingAt(churnIndicators, offsets[partition]);
        }

        @Override
        void block(double[][] cols, List<String> ids, int[] labels, int n) {
            IndicatorTable t = table(cols, ids, n);
            try {
                credit = credit.add(t.select(names(plan.creditIndicators)),
                    labels(labels, ids, n, creditSlot, "credit scoring"));
                if (churn != null) {
                    churn = churn.add(t.select(names(plan.churnIndicators)),
                        labels(labels, ids, n, churnSlot, "churn model"));
                }
            } catch (IllegalArgumentException e) {
                throw new SparkException("summarising a block of rows", e);
            }
        }

        @Override
        Serializable result() {
            return new DiscriminantStatistics[] {credit, churn};
        }
    }

    /**
     * The current and potential values and default probabilities of a partition's kept rows, scored by a model, in
     * blocks of three columns.
     */
    private static final class Scores implements FlatMapFunction<Iterator<Row>, double[][]> {
        private static final long serialVersionUID = 1L;
        private final RowReader reader;
        private final CustomerModel model;
        private final int[] modelIn;
        private final int width;
        private final int labelWidth;
        private final int batchRows;

        Scores(CustomerFit fit, CustomerModel model) {
            this.reader = fit.reader;
            this.model = model;
            List<String> needed = model.inputColumns();
            this.modelIn = new int[needed.size()];
            for (int k = 0; k < modelIn.length; k++) {
                modelIn[k] = fit.inputs.indexOf(needed.get(k));
            }
            this.width = fit.inputs.size();
            this.labelWidth = fit.labels.size();
            this.batchRows = fit.batchRows;
        }

        @Override
        public Iterator<double[][]> call(Iterator<Row> rows) {
            List<double[][]> blocks = new ArrayList<>();
            double[][] cols = new double[width][batchRows];
            double[][] in = new double[modelIn.length][];
            for (int k = 0; k < in.length; k++) {
                in[k] = cols[modelIn[k]];
            }
            double[] values = new double[width];
            int[] labels = new int[batchRows * labelWidth];
            String[] ids = new String[batchRows];
            ScoringBuffer buffer = model.newBuffer(batchRows);
            long position = 0;
            int n = 0;
            while (rows.hasNext()) {
                Row r = rows.next();
                if (reader.read(r, position, values, labels, n)) {
                    for (int j = 0; j < width; j++) {
                        cols[j][n] = values[j];
                    }
                    ids[n] = reader.id(r, position);
                    n++;
                    if (n == batchRows) {
                        blocks.add(score(in, ids, n, buffer));
                        n = 0;
                    }
                }
                position++;
            }
            if (n > 0) {
                blocks.add(score(in, ids, n, buffer));
            }
            return blocks.iterator();
        }

        private double[][] score(double[][] in, String[] ids, int n, ScoringBuffer buffer) {
            try {
                model.apply(in, 0, n, buffer);
            } catch (IllegalArgumentException e) {
                // the row the model refuses, by its name
                for (int i = 0; i < n; i++) {
                    try {
                        model.apply(in, i, i + 1, buffer);
                    } catch (IllegalArgumentException row) {
                        throw new SparkException("scoring the customer '" + ids[i] + "'", row);
                    }
                }
                throw e;
            }
            double[][] out = new double[3][n];
            for (int i = 0; i < n; i++) {
                out[0][i] = buffer.current(i);
                out[1][i] = buffer.potential(i);
                out[2][i] = buffer.defaultProbability(i);
            }
            return out;
        }
    }
}
