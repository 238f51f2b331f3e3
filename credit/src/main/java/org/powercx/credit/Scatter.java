package org.powercx.credit;

import java.util.List;
import org.powercx.core.Indicator;
import org.powercx.core.internal.ParallelRanges;

/**
 * One pass over column-major data accumulating, per class, the count, the mean and the within-class scatter
 * matrix, in cache-sized row blocks. Package-private kernel.
 *
 * <p>The rows are cut into chunks of {@value #CHUNK} counted from the first row. Each chunk is summed alone
 * about its own means: its shift \( s \) is the mean of its rows, its class means are \( s + e_k \) with
 * \( e_k \) the mean of \( x - s \) over the class, and its class scatter is the sum of the products of
 * \( x - s - e_k \), so that no row's position decides the shift (an outlier in the first row costs no
 * accuracy). The chunks are then combined in chunk order by the pairwise update of Chan, Golub and LeVeque
 * (1979, Updating formulae and a pairwise algorithm for computing sample variances, Stanford report
 * STAN-CS-79-773): with \( \delta = \bar x_b - \bar x_a \),
 * \( W = W_a + W_b + \frac{n_a n_b}{n_a + n_b}\delta\delta^T \). Class means are held relative to the first
 * chunk's shift, so that a large common offset does not round their differences. The chunk cut and the
 * merge order do not depend on the thread count, so the result is bit-identical for any number of threads, and
 * {@link DiscriminantStatistics} reproduces it from blocks of rows.
 */
final class Scatter {
    /** Rows per cache-sized block (a chunk is summed block by block). */
    static final int BLOCK = 256;
    /** Rows per independently summed chunk (a multiple of the block). */
    static final int CHUNK = 1 << 16;

    final int p;
    final int classCount;
    /** The reference of the class means: the first chunk's mean. */
    final double[] shift;
    /** centred[c * p + j] = mean of class c minus shift_j. */
    final double[] centred;
    final long[] counts;
    /** classScatter[c][j * p + l], l &lt;= j: the within-class scatter of class c. */
    final double[][] classScatter;

    private Scatter(int p, int classCount) {
        this.p = p;
        this.classCount = classCount;
        this.shift = new double[p];
        this.centred = new double[classCount * p];
        this.counts = new long[classCount];
        this.classScatter = new double[classCount][p * p];
    }

    /** The sums of one chunk: its shift, and per class the count, the mean offset from the shift, the scatter. */
    static final class Part implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final double[] shift;
        final long[] counts;
        /** offsets[c * p + j] = class mean minus shift. */
        final double[] offsets;
        /** Lower triangles, p * p each. */
        final double[][] scatter;

        private Part(int p, int classCount) {
            this.shift = new double[p];
            this.counts = new long[classCount];
            this.offsets = new double[classCount * p];
            this.scatter = new double[classCount][];
        }

        int classCount() {
            return counts.length;
        }
    }

    /**
     * Folds chunk parts into a scatter, in the given order.
     *
     * @param p indicators
     * @param classCount number of classes
     * @param parts the chunks' sums, in row order
     * @param classOf for each part, the class index (in the result) of each of its classes
     * @return the scatter
     */
    static Scatter merge(int p, int classCount, List<Part> parts, List<int[]> classOf) {
        Scatter s = new Scatter(p, classCount);
        System.arraycopy(parts.get(0).shift, 0, s.shift, 0, p);
        for (int i = 0; i < parts.size(); i++) {
            s.absorb(parts.get(i), classOf.get(i));
        }
        return s;
    }

    /** Adds a chunk's sums, class by class (Chan, Golub and LeVeque's pairwise update). */
    private void absorb(Part b, int[] classOf) {
        double[] delta = new double[p];
        for (int local = 0; local < b.classCount(); local++) {
            long nb = b.counts[local];
            if (nb == 0) {
                continue;
            }
            int c = classOf[local];
            long na = counts[c];
            double[] w = classScatter[c];
            double[] wb = b.scatter[local];
            if (na == 0) {
                for (int j = 0; j < p; j++) {
                    centred[c * p + j] = (b.shift[j] - shift[j]) + b.offsets[local * p + j];
                }
                System.arraycopy(wb, 0, w, 0, wb.length);
            } else {
                for (int j = 0; j < p; j++) {
                    delta[j] = (b.shift[j] - shift[j]) + b.offsets[local * p + j] - centred[c * p + j];
                }
                double f = (double) na * nb / (na + nb);
                double g = (double) nb / (na + nb);
                for (int j = 0; j < p; j++) {
                    double fd = f * delta[j];
                    for (int l = 0; l <= j; l++) {
                        w[j * p + l] += wb[j * p + l] + fd * delta[l];
                    }
                }
                for (int j = 0; j < p; j++) {
                    centred[c * p + j] += delta[j] * g;
                }
            }
            counts[c] = na + nb;
        }
    }

    /**
     * Accumulates. The rows are cut into chunks of {@value #CHUNK} whatever the thread count; each chunk's
     * sums are formed alone and the chunks are merged in chunk order, so the result is bit-identical for
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
        int chunks = (n + CHUNK - 1) / CHUNK;
        Part[] partial = new Part[chunks];
        ParallelRanges.run(chunks, threads, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                int from = c * CHUNK;
                int len = (int) Math.min(n - (long) from, CHUNK);
                int[] cls = new int[len];
                for (int t = 0; t < len; t++) {
                    cls[t] = lookup[labels[from + t] - min];
                }
                partial[c] = chunk(cols, from, len, cls, classCount);
            }
        });
        int[] identity = new int[classCount];
        for (int c = 0; c < classCount; c++) {
            identity[c] = c;
        }
        return merge(p, classCount, List.of(partial), java.util.Collections.nCopies(chunks, identity));
    }

    /**
     * The sums of one chunk, rows {@code from .. from + len - 1} of the columns: the shift is the mean of the
     * chunk's rows (summed in row order); per class, the mean of the shifted values, then the cross-products
     * of the rows centred on their class mean, in blocks of {@value #BLOCK} rows through 2 x 2 register tiles.
     * Each class is summed independently of the others, so the numbering of the classes does not change a bit.
     *
     * @param cols the columns
     * @param from first row
     * @param len rows, at least 1
     * @param cls class index of each row of the chunk, in [0, classCount)
     * @param classCount number of classes
     * @return the sums
     */
    static Part chunk(double[][] cols, int from, int len, int[] cls, int classCount) {
        int p = cols.length;
        Part part = new Part(p, classCount);
        for (int j = 0; j < p; j++) {
            double[] col = cols[j];
            double sum = 0;
            for (int t = 0; t < len; t++) {
                sum += col[from + t];
            }
            part.shift[j] = sum / len;
        }
        for (int t = 0; t < len; t++) {
            part.counts[cls[t]]++;
        }
        double[] sums = part.offsets;
        for (int j = 0; j < p; j++) {
            double[] col = cols[j];
            double sh = part.shift[j];
            for (int t = 0; t < len; t++) {
                sums[cls[t] * p + j] += col[from + t] - sh;
            }
        }
        for (int c = 0; c < classCount; c++) {
            if (part.counts[c] > 0) {
                part.scatter[c] = new double[p * p];
                for (int j = 0; j < p; j++) {
                    sums[c * p + j] /= part.counts[c];
                }
            }
        }
        double[] buf = new double[p * BLOCK];
        double[] quad = new double[4];
        int[] order = new int[BLOCK];
        int[] start = new int[classCount + 1];
        for (int b = 0; b < len; b += BLOCK) {
            int blen = Math.min(BLOCK, len - b);
            // the block's rows grouped by class (a counting sort keeping row order within a class)
            java.util.Arrays.fill(start, 0);
            for (int t = 0; t < blen; t++) {
                start[cls[b + t] + 1]++;
            }
            for (int c = 0; c < classCount; c++) {
                start[c + 1] += start[c];
            }
            int[] next = start.clone();
            for (int t = 0; t < blen; t++) {
                order[next[cls[b + t]]++] = t;
            }
            for (int c = 0; c < classCount; c++) {
                int m = start[c + 1] - start[c];
                if (m == 0) {
                    continue;
                }
                for (int j = 0; j < p; j++) {
                    double[] col = cols[j];
                    double sh = part.shift[j];
                    double e = sums[c * p + j];
                    int base = j * BLOCK;
                    for (int r = 0; r < m; r++) {
                        buf[base + r] = col[from + b + order[start[c] + r]] - sh - e;
                    }
                }
                crossBlock(buf, m, p, part.scatter[c], quad);
            }
        }
        return part;
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
            if (!finiteVariance(j)) {
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
     * The summed within-class scatter matrix \( S_w = \sum_k W_k \), classes added in order, full symmetric.
     *
     * @return S_w
     */
    double[][] withinScatter() {
        double[][] w = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int l = 0; l <= j; l++) {
                double v = 0;
                for (int c = 0; c < classCount; c++) {
                    v += classScatter[c][j * p + l];
                }
                w[j][l] = v;
                w[l][j] = v;
            }
        }
        return w;
    }

    /**
     * The within-class scatter matrix of one class, full symmetric.
     *
     * @param c the class
     * @return W_c
     */
    double[][] classScatter(int c) {
        double[][] w = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int l = 0; l <= j; l++) {
                w[j][l] = classScatter[c][j * p + l];
                w[l][j] = w[j][l];
            }
        }
        return w;
    }

    /**
     * Class means relative to the shift (the first chunk's mean), free of the rounding of a large common offset.
     *
     * @return centred[c][j] = mean of class c minus shift_j
     */
    double[][] centredMeans() {
        double[][] m = new double[classCount][p];
        for (int c = 0; c < classCount; c++) {
            System.arraycopy(centred, c * p, m[c], 0, p);
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
                m[c][j] = shift[j] + centred[c * p + j];
            }
        }
        return m;
    }

    /**
     * Whether indicator j's summed within-class sum of squares is finite.
     *
     * @param j the indicator
     * @return false on overflow or a non-finite value
     */
    boolean finiteVariance(int j) {
        double v = 0;
        for (int c = 0; c < classCount; c++) {
            v += classScatter[c][j * p + j];
        }
        return Double.isFinite(v);
    }
}
