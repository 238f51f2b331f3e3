package org.powercx.credit;

import java.util.List;
import org.powercx.core.Indicator;
import org.powercx.core.internal.ParallelRanges;

/**
 * One pass over column-major data accumulating per-class sums and the total cross-product matrix of the
 * shifted data (shift = first row), in cache-sized row blocks. Package-private kernel.
 */
final class Scatter {
    /** Rows per cache-sized block (a chunk is summed block by block). */
    static final int BLOCK = 256;
    /** Rows per independently summed chunk (a multiple of the block). */
    static final int CHUNK = 1 << 16;

    final int p;
    final int classCount;
    final double[] shift;
    /** classSums[c * p + j] = sum over class c of (x_ij - shift_j). */
    final double[] classSums;
    final long[] counts;
    /** cross[j * p + l], l &lt;= j, = sum over all rows of shifted x_ij * x_il. */
    final double[] cross;

    private Scatter(int p, int classCount) {
        this.p = p;
        this.classCount = classCount;
        this.shift = new double[p];
        this.classSums = new double[classCount * p];
        this.counts = new long[classCount];
        this.cross = new double[p * p];
    }

    /**
     * A scatter from sums accumulated elsewhere (mergeable statistics).
     *
     * @param shift the shift
     * @param classSums class sums, class-major
     * @param counts class counts
     * @param cross the cross-products, lower triangle
     * @param classCount number of classes
     * @return the scatter
     */
    static Scatter of(double[] shift, double[] classSums, long[] counts, double[] cross, int classCount) {
        int p = shift.length;
        Scatter s = new Scatter(p, classCount);
        System.arraycopy(shift, 0, s.shift, 0, p);
        System.arraycopy(classSums, 0, s.classSums, 0, classSums.length);
        System.arraycopy(counts, 0, s.counts, 0, classCount);
        System.arraycopy(cross, 0, s.cross, 0, cross.length);
        return s;
    }

    /**
     * Accumulates. The rows are cut into chunks of {@value #CHUNK} whatever the thread count; each chunk's
     * sums are formed alone and the chunks' sums are added in chunk order, so the result is bit-identical for
     * any number of threads.
     *
     * @param cols columns, not modified
     * @param n rows
     * @param labels labels, not modified
     * @param lookup class index of label {@code min + v} at {@code v}
     * @param min smallest label
     * @param classCount number of classes
     * @param threads worker threads, at least 1
     * @return the sums
     */
    static Scatter accumulate(double[][] cols, int n, int[] labels, int[] lookup, int min, int classCount,
            int threads) {
        int p = cols.length;
        Scatter s = new Scatter(p, classCount);
        for (int j = 0; j < p; j++) {
            s.shift[j] = cols[j][0];
        }
        // rows 0..p-1 of a block hold the shifted data, rows p..p+K-1 the class indicators, so that one
        // Gram kernel yields the cross-products and the class sums together
        int q = p + classCount;
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[][] partial = new double[chunks][];
        ParallelRanges.run(chunks, threads,
            (c0, c1) -> gramChunks(cols, n, labels, lookup, min, s.shift, q, c0, c1, partial));
        double[] gram = partial[0];
        for (int c = 1; c < chunks; c++) {
            double[] g = partial[c];
            for (int k = 0; k < gram.length; k++) {
                gram[k] += g[k];
            }
        }
        for (int j = 0; j < p; j++) {
            System.arraycopy(gram, j * q, s.cross, j * p, j + 1);
        }
        for (int c = 0; c < classCount; c++) {
            s.counts[c] = Math.round(gram[(p + c) * q + p + c]);
            for (int j = 0; j < p; j++) {
                s.classSums[c * p + j] = gram[(p + c) * q + j];
            }
        }
        return s;
    }

    /** Fills partial[c] with the lower-triangle Gram sums of chunks c0 .. c1 - 1. */
    private static void gramChunks(double[][] cols, int n, int[] labels, int[] lookup, int min, double[] shift,
            int q, int c0, int c1, double[][] partial) {
        int p = cols.length;
        double[] buf = new double[q * BLOCK];
        double[] quad = new double[4];
        for (int c = c0; c < c1; c++) {
            double[] gram = new double[q * q];
            int end = (int) Math.min(n, (long) (c + 1) * CHUNK);
            for (int start = c * CHUNK; start < end; start += BLOCK) {
                int len = Math.min(BLOCK, end - start);
                for (int j = 0; j < p; j++) {
                    double[] col = cols[j];
                    double sh = shift[j];
                    int base = j * BLOCK;
                    for (int t = 0; t < len; t++) {
                        buf[base + t] = col[start + t] - sh;
                    }
                }
                java.util.Arrays.fill(buf, p * BLOCK, q * BLOCK, 0.0);
                for (int t = 0; t < len; t++) {
                    int k = lookup[labels[start + t] - min];
                    buf[(p + k) * BLOCK + t] = 1.0;
                }
                crossBlock(buf, len, q, gram, quad);
            }
            partial[c] = gram;
        }
    }

    /** Adds the lower triangle of buf buf' (p rows of len values) to cross, in 2 x 2 register tiles. */
    static void crossBlock(double[] buf, int len, int p, double[] cross, double[] quad) {
        for (int j = 0; j < p; j += 2) {
            int j1 = Math.min(j + 1, p - 1);
            for (int l = 0; l <= j1; l += 2) {
                int l1 = Math.min(l + 1, p - 1);
                tile(buf, j * BLOCK, j1 * BLOCK, l * BLOCK, l1 * BLOCK, len, quad);
                cross[j * p + l] += quad[0];
                if (l1 != l && l1 <= j) {
                    cross[j * p + l1] += quad[1];
                }
                if (j1 != j) {
                    cross[j1 * p + l] += quad[2];
                    if (l1 != l) {
                        cross[j1 * p + l1] += quad[3];
                    }
                }
            }
        }
    }

    private static void tile(double[] b, int x0, int x1, int y0, int y1, int len, double[] quad) {
        double s00 = 0;
        double s01 = 0;
        double s10 = 0;
        double s11 = 0;
        double t00 = 0;
        double t01 = 0;
        double t10 = 0;
        double t11 = 0;
        int t = 0;
        for (; t + 1 < len; t += 2) {
            double a0 = b[x0 + t];
            double a1 = b[x1 + t];
            double c0 = b[y0 + t];
            double c1 = b[y1 + t];
            s00 += a0 * c0;
            s01 += a0 * c1;
            s10 += a1 * c0;
            s11 += a1 * c1;
            double e0 = b[x0 + t + 1];
            double e1 = b[x1 + t + 1];
            double f0 = b[y0 + t + 1];
            double f1 = b[y1 + t + 1];
            t00 += e0 * f0;
            t01 += e0 * f1;
            t10 += e1 * f0;
            t11 += e1 * f1;
        }
        for (; t < len; t++) {
            s00 += b[x0 + t] * b[y0 + t];
            s01 += b[x0 + t] * b[y1 + t];
            s10 += b[x1 + t] * b[y0 + t];
            s11 += b[x1 + t] * b[y1 + t];
        }
        quad[0] = s00 + t00;
        quad[1] = s01 + t01;
        quad[2] = s10 + t10;
        quad[3] = s11 + t11;
    }

    /**
     * Throws if a value was not finite, naming the first offending cell.
     *
     * @param cols the data
     * @param n rows
     * @param indicators names
     */
    void checkFinite(double[][] cols, int n, List<Indicator> indicators) {
        int overflow = -1;
        for (int j = 0; j < p && overflow < 0; j++) {
            if (!Double.isFinite(cross[j * p + j])) {
                overflow = j;
            }
        }
        if (overflow < 0) {
            return;
        }
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(cols[j][i])) {
                    throw new CreditException("indicator '%s' has the non-finite value %s in row %d",
                        indicators.get(j).name(), cols[j][i], i);
                }
            }
        }
        throw new CreditException("indicator '%s' varies too widely for double precision: its sum of squared "
            + "deviations overflows; rescale the indicator (the discriminant is invariant to rescaling)",
            indicators.get(overflow).name());
    }

    /**
     * Whether column j takes one value within each class (its within-class scatter is exactly zero).
     *
     * @param cols the data
     * @param n rows
     * @param labels labels
     * @param lookup class index of label {@code min + v} at {@code v}
     * @param min smallest label
     * @param j the column
     * @return true if constant within every class
     */
    boolean constantWithinClasses(double[][] cols, int n, int[] labels, int[] lookup, int min, int j) {
        double[] first = new double[classCount];
        boolean[] seen = new boolean[classCount];
        double[] col = cols[j];
        for (int i = 0; i < n; i++) {
            int c = lookup[labels[i] - min];
            if (!seen[c]) {
                seen[c] = true;
                first[c] = col[i];
            } else if (col[i] != first[c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The summed within-class scatter matrix, full symmetric.
     *
     * @return S_w
     */
    double[][] withinScatter() {
        double[][] w = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int l = 0; l <= j; l++) {
                double v = cross[j * p + l];
                for (int c = 0; c < classCount; c++) {
                    v -= classSums[c * p + j] * classSums[c * p + l] / counts[c];
                }
                w[j][l] = v;
                w[l][j] = v;
            }
        }
        return w;
    }

    /**
     * Class means relative to the shift (the first row), free of the rounding of a large common offset.
     *
     * @return centred[c][j] = mean of class c minus shift_j
     */
    double[][] centredMeans() {
        double[][] m = new double[classCount][p];
        for (int c = 0; c < classCount; c++) {
            for (int j = 0; j < p; j++) {
                m[c][j] = classSums[c * p + j] / counts[c];
            }
        }
        return m;
    }

    /**
     * Class means.
     *
     * @return means[c][j]
     */
    double[][] means() {
        double[][] m = new double[classCount][p];
        for (int c = 0; c < classCount; c++) {
            for (int j = 0; j < p; j++) {
                m[c][j] = shift[j] + classSums[c * p + j] / counts[c];
            }
        }
        return m;
    }
}
