package org.powercx.segmentation;

import java.util.List;

/**
 * A caller-owned output buffer of {@link CustomerModel#apply(double[][], int, int, ScoringBuffer)}: every score of
 * up to {@link #capacity()} customers, overwritten by each call, and the scratch space of the derived columns,
 * so that scoring allocates nothing. Created by {@link CustomerModel#newBuffer(int)} for one model. Mutable and
 * not thread-safe: one buffer per thread. Index {@code i} is the {@code i}-th row of the last call's range.
 *
 * @since 0.2.0
 */
public final class ScoringBuffer {
    private static final ValueSegment[] SEGMENTS = ValueSegment.values();

    final CustomerModel model;
    final int capacity;
    int size;
    final double[][] currentColumns;
    final double[][] potentialColumns;
    final double[][] series;
    final double[] projected;
    final double[] current;
    final double[] potential;
    final double[] combined;
    final byte[] segment;
    final double[] defaultProbability;
    final int[] grade;
    final double[][] riskScore;
    final byte[][] riskGroup;
    final double[] retention;
    final double[] lifetime;
    final int[] measureSet;
    final double[] creditRow;
    final double[] churnRow;

    ScoringBuffer(CustomerModel model, int capacity, int currentCount, int potentialCount, int topics, int creditLength,
            int churnLength) {
        this.model = model;
        this.capacity = capacity;
        currentColumns = new double[currentCount][capacity];
        potentialColumns = new double[potentialCount][capacity];
        series = new double[model.parameters().series().size()][];
        projected = new double[model.parameters().series().isEmpty() ? 0 : capacity];
        current = new double[capacity];
        potential = new double[capacity];
        combined = new double[capacity];
        segment = new byte[capacity];
        defaultProbability = new double[capacity];
        grade = new int[capacity];
        riskScore = new double[topics][capacity];
        riskGroup = new byte[topics][capacity];
        retention = new double[capacity];
        lifetime = new double[capacity];
        measureSet = new int[capacity];
        creditRow = new double[creditLength];
        churnRow = new double[churnLength];
    }

    /**
     * The most rows one call may score.
     *
     * @return the capacity
     */
    public int capacity() {
        return capacity;
    }

    /**
     * The rows of the last call.
     *
     * @return {@code to - from} of the last call, 0 before any
     */
    public int size() {
        return size;
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new SegmentationException("buffer index %d is not within [0, %d)", i, size);
        }
        return i;
    }

    /**
     * Current value.
     *
     * @param i index in the last range
     * @return \( V^c_i \)
     * @throws SegmentationException if the index is out of range
     */
    public double current(int i) {
        return current[check(i)];
    }

    /**
     * Potential value.
     *
     * @param i index in the last range
     * @return \( V^p_i \)
     * @throws SegmentationException if the index is out of range
     */
    public double potential(int i) {
        return potential[check(i)];
    }

    /**
     * Combined value.
     *
     * @param i index in the last range
     * @return \( g_c V^c_i + g_p V^p_i \)
     * @throws SegmentationException if the index is out of range
     */
    public double combined(int i) {
        return combined[check(i)];
    }

    /**
     * The GM(1,1) consumption projection, when the model computes one.
     *
     * @param i index in the last range
     * @return the projection, or NaN when the model reads the projected consumption as a column or not at all
     * @throws SegmentationException if the index is out of range
     */
    public double projectedConsumption(int i) {
        check(i);
        return projected.length == 0 ? Double.NaN : projected[i];
    }

    /**
     * Value segment.
     *
     * @param i index in the last range
     * @return the segment
     * @throws SegmentationException if the index is out of range
     */
    public ValueSegment segment(int i) {
        return SEGMENTS[segment[check(i)]];
    }

    /**
     * Default probability.
     *
     * @param i index in the last range
     * @return the posterior probability of default
     * @throws SegmentationException if the index is out of range
     */
    public double defaultProbability(int i) {
        return defaultProbability[check(i)];
    }

    /**
     * Credit grade index, 0 the best.
     *
     * @param i index in the last range
     * @return the index into the grade names
     * @throws SegmentationException if the index is out of range
     */
    public int grade(int i) {
        return grade[check(i)];
    }

    /**
     * Risk score on a topic.
     *
     * @param topic topic index, as {@link CustomerModel#topics()}
     * @param i index in the last range
     * @return the score
     * @throws SegmentationException if an index is out of range
     */
    public double riskScore(int topic, int i) {
        return riskScore[topic(topic)][check(i)];
    }

    /**
     * Risk group on a topic.
     *
     * @param topic topic index, as {@link CustomerModel#topics()}
     * @param i index in the last range
     * @return the label index
     * @throws SegmentationException if an index is out of range
     */
    public int riskGroup(int topic, int i) {
        return riskGroup[topic(topic)][check(i)];
    }

    private int topic(int t) {
        if (t < 0 || t >= riskScore.length) {
            throw new SegmentationException("topic index %d is not within [0, %d)", t, riskScore.length);
        }
        return t;
    }

    /**
     * Yearly retention used by the lifetime value.
     *
     * @param i index in the last range
     * @return the retention
     * @throws SegmentationException if the index is out of range
     */
    public double retention(int i) {
        return retention[check(i)];
    }

    /**
     * Lifetime value.
     *
     * @param i index in the last range
     * @return the CLV
     * @throws SegmentationException if the index is out of range
     */
    public double lifetimeValue(int i) {
        return lifetime[check(i)];
    }

    /**
     * Index of the customer's measure list in {@link CustomerModel#measureSets()}.
     *
     * @param i index in the last range
     * @return the set index
     * @throws SegmentationException if the index is out of range
     */
    public int measureSet(int i) {
        return measureSet[check(i)];
    }

    /**
     * The customer's service measures.
     *
     * @param i index in the last range
     * @return an unmodifiable list, shared
     * @throws SegmentationException if the index is out of range
     */
    public List<String> measures(int i) {
        return model.measureSets().get(measureSet[check(i)]);
    }
}
