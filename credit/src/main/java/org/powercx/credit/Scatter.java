package org.powercx.credit;

import java.util.List;
import org.powercx.core.Indicator;

/**
 * One pass over column-major data accumulating per-class sums and the total cross-product matrix of the
 * shifted data (shift = first row), in cache-sized row blocks. Package-private kernel.
 */
final class Scatter {
    private static final int BLOCK = 256;

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
     * Accumulates.
     *
     * @param cols columns, not modified
     * @param n rows
     * @param labels labels, not modified
     * @param lookup class index of label {@code min + v} at {@code v}
     * @param min smallest label
     * @param classCount number of classes
     */
    static Scatter accumulate(double[][] cols, int n, int[] labels, int[] lookup, int min, int classCount) {
        int p = cols.length;
        Scatter s = new Scatter(p, classCount);
        for (int j = 0; j < p; j++) {
            s.shift[j] = cols[j][0];
        }
        double[] buf = new double[p * BLOCK];
        int[] cls = new int[BLOCK];
        double[] cross = s.cross;
        double[] sums = s.classSums;
        for (int start = 0; start < n; start += BLOCK) {
            int len = Math.min(BLOCK, n - start);
            for (int j = 0; j < p; j++) {
                double[] col = cols[j];
                double sh = s.shift[j];
                int base = j * BLOCK;
                for (int t = 0; t < len; t++) {
                    buf[base + t] = col[start + t] - sh;
                }
            }
            for (int t = 0; t < len; t++) {
                int c = lookup[labels[start + t] - min];
                cls[t] = c;
                s.counts[c]++;
            }
            for (int j = 0; j < p; j++) {
                int bj = j * BLOCK;
                for (int t = 0; t < len; t++) {
                    sums[cls[t] * p + j] += buf[bj + t];
                }
                for (int l = 0; l <= j; l++) {
                    cross[j * p + l] += dot(buf, bj, l * BLOCK, len);
                }
            }
        }
        return s;
    }

    private static double dot(double[] b, int x, int y, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = 0;
        for (; t + 3 < len; t += 4) {
            s0 += b[x + t] * b[y + t];
            s1 += b[x + t + 1] * b[y + t + 1];
            s2 += b[x + t + 2] * b[y + t + 2];
            s3 += b[x + t + 3] * b[y + t + 3];
        }
        for (; t < len; t++) {
            s0 += b[x + t] * b[y + t];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Throws if a value was not finite, naming the first offending cell.
     *
     * @param cols the data
     * @param n rows
     * @param indicators names
     */
    void checkFinite(double[][] cols, int n, List<Indicator> indicators) {
        boolean ok = true;
        for (int j = 0; j < p && ok; j++) {
            ok = Double.isFinite(cross[j * p + j]);
        }
        if (ok) {
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
        throw new CreditException("the data overflow double precision: cross-products are not finite");
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
