package org.powercx.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.powercx.core.IndicatorTable;
import org.powercx.segmentation.AnalysisReport;
import org.powercx.segmentation.CreditAssessment;
import org.powercx.segmentation.CreditScoring;
import org.powercx.segmentation.CustomerAnalysis;
import org.powercx.samples.CustomerGenerator;
import org.powercx.segmentation.RiskSegmentation;
import org.powercx.segmentation.RiskSegments;
import org.powercx.samples.SurveyGenerator;
import org.powercx.segmentation.ValueEvaluation;
import org.powercx.segmentation.ValueScores;

/**
 * The whole segmentation pipeline (value evaluation by AHP-weighted GRA with GM(1,1) projections, value
 * segments, lifetime values, LDA credit scoring and grading, risk topics, service plan) over 1,000,000 generated
 * customers, the same with the satisfaction step (PLS customer satisfaction index per value segment) on a
 * generated survey of {@value #RESPONDENTS} of them, and the main steps alone, against an in-run baseline: a
 * plain sum over the same primitive customer columns.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PipelineBenchmark {
    /** Number of customers. */
    @Param({"1000000"})
    public int customers;

    /** Survey respondents in the satisfaction variant. */
    static final int RESPONDENTS = 5_000;

    IndicatorTable table;
    IndicatorTable survey;
    double[][] columns;

    /** Generates the customers with a fixed seed. */
    @Setup(Level.Trial)
    public void setUp() {
        table = CustomerGenerator.withDefaults().generate(customers, 20261123L).table();
        survey = SurveyGenerator.withDefaults().generate(table, Math.min(RESPONDENTS, customers), 7L);
        columns = new double[table.indicatorCount()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = table.column(j);
        }
    }

    /**
     * Baseline: one plain pass summing every value of the same columns.
     *
     * @return the sum
     */
    @Benchmark
    public double baselineSum() {
        return Baselines.sum(columns);
    }

    /**
     * The whole pipeline on customers only.
     *
     * @return the report
     */
    @Benchmark
    public AnalysisReport pipeline() {
        return CustomerAnalysis.withDefaults().analyse(table);
    }

    /**
     * The whole pipeline with the satisfaction step on the survey.
     *
     * @return the report
     */
    @Benchmark
    public AnalysisReport pipelineWithSurvey() {
        return CustomerAnalysis.withDefaults().analyse(table, survey);
    }

    /**
     * Value evaluation alone.
     *
     * @return the values
     */
    @Benchmark
    public ValueScores valueEvaluation() {
        return ValueEvaluation.withDefaults().evaluate(table);
    }

    /**
     * Credit scoring and grading alone.
     *
     * @return the assessment
     */
    @Benchmark
    public CreditAssessment creditScoring() {
        return CreditScoring.withDefaults().assess(table);
    }

    /**
     * Risk topics alone.
     *
     * @return the groups
     */
    @Benchmark
    public RiskSegments riskSegmentation() {
        return RiskSegmentation.withDefaults().apply(table);
    }
}
