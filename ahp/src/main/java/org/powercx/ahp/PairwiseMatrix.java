package org.powercx.ahp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.powercx.core.TextTable;

/**
 * A complete, validated pairwise comparison matrix over named criteria: \( a_{ij} \) says how many times
 * criterion \( i \) is preferred to criterion \( j \).
 *
 * <p>Every entry is positive and finite, the diagonal is 1 and the matrix is reciprocal,
 * \( a_{ji} = 1 / a_{ij} \), within a relative tolerance of {@value #RECIPROCAL_TOLERANCE};  every entry must
 * lie in \( [2^{-1022}, 2^{1022}] \) (about \( 2.2 \times 10^{-308} \) to \( 4.5 \times 10^{307} \)), so that
 * it and its reciprocal are finite normal doubles. Saaty's 1-9
 * scale (\( 1/9 \le a_{ij} \le 9 \)) is not required but can be checked with {@link #requireSaatyScale()}.
 * Instances are immutable; NaN and infinite entries are rejected. A matrix is {@link java.io.Serializable}
 * through a serialization proxy holding the names and the entries, which deserializes through
 * {@link #of(List, double[][])}.
 *
 * @since 0.1.0
 * @serial exclude
 */
public final class PairwiseMatrix implements java.io.Serializable {
    /** Relative tolerance of the reciprocity and unit-diagonal checks. */
    public static final double RECIPROCAL_TOLERANCE = 1e-9;

    private final List<String> names;
    private final Map<String, Integer> index;
    private final int n;
    private final double[] a;

    private PairwiseMatrix(List<String> names, double[] a) {
        this.names = names;
        this.n = names.size();
        this.a = a;
        this.index = new HashMap<>();
        for (int k = 0; k < n; k++) {
            index.put(names.get(k), k);
        }
    }

    /**
     * A matrix from all its entries.
     *
     * @param names the criteria, non-blank and unique; not modified
     * @param matrix the square matrix, one row per name; not modified
     * @return the validated matrix
     * @throws AhpException if the sizes differ, an entry is not positive and finite, a diagonal entry is not
     *     1, or \( a_{ij} a_{ji} \ne 1 \) (the message names the pair, e.g.
     *     "a[cost][quality] = 3 but a[quality][cost] = 0.5, expected 0.3333")
     */
    public static PairwiseMatrix of(List<String> names, double[][] matrix) {
        List<String> ns = Check.names(names, "pairwise matrix");
        int n = ns.size();
        if (matrix == null || matrix.length != n) {
            throw new AhpException("pairwise matrix over %d criteria %s needs %d rows but has %s", n, ns, n,
                matrix == null ? "none" : String.valueOf(matrix.length));
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            if (matrix[i] == null || matrix[i].length != n) {
                throw new AhpException("row '%s' of the pairwise matrix must have %d entries but has %s",
                    ns.get(i), n, matrix[i] == null ? "none" : String.valueOf(matrix[i].length));
            }
            System.arraycopy(matrix[i], 0, a, i * n, n);
        }
        validate(ns, a);
        return new PairwiseMatrix(ns, a);
    }

    /**
     * A matrix from the judgments above the diagonal, row by row:
     * \( a_{12}, a_{13}, \dots, a_{1n}, a_{23}, \dots, a_{n-1,n} \); the diagonal is 1 and the lower
     * triangle the reciprocals.
     *
     * @param names the criteria, non-blank and unique; not modified
     * @param upper the \( n(n-1)/2 \) judgments; not modified
     * @return the matrix
     * @throws AhpException if the number of judgments is wrong or one is not positive and finite
     */
    public static PairwiseMatrix fromUpperTriangle(List<String> names, double... upper) {
        List<String> ns = Check.names(names, "pairwise matrix");
        int n = ns.size();
        int expected = n * (n - 1) / 2;
        if (upper == null || upper.length != expected) {
            throw new AhpException("%d criteria %s need %d upper-triangle judgments but %s were given", n, ns,
                expected, upper == null ? "none" : String.valueOf(upper.length));
        }
        double[] a = new double[n * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 1;
            for (int j = i + 1; j < n; j++) {
                double v = upper[k++];
                if (!Check.isJudgment(v)) {
                    throw new AhpException("a[%s][%s] must be positive and finite, between 2.2E-308 and 4.5E307, but was %s",
                        ns.get(i), ns.get(j), v);
                }
                a[i * n + j] = v;
                a[j * n + i] = 1 / v;
            }
        }
        return new PairwiseMatrix(ns, a);
    }

    /** Wraps an already valid row-major array without copying or checking. */
    static PairwiseMatrix trusted(List<String> names, double[] a) {
        return new PairwiseMatrix(names, a);
    }

    private static void validate(List<String> ns, double[] a) {
        int n = ns.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = a[i * n + j];
                if (!Check.isJudgment(v)) {
                    throw new AhpException("a[%s][%s] must be positive and finite, between 2.2E-308 and 4.5E307, but was %s",
                        ns.get(i), ns.get(j), v);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            double d = a[i * n + i];
            if (!(Math.abs(d - 1) <= RECIPROCAL_TOLERANCE)) {
                throw new AhpException("diagonal entry a[%s][%s] must be 1 but was %s", ns.get(i), ns.get(i),
                    Check.fmt(d));
            }
            for (int j = i + 1; j < n; j++) {
                double x = a[i * n + j];
                double y = a[j * n + i];
                if (!(Math.abs(x * y - 1) <= RECIPROCAL_TOLERANCE)) {
                    throw new AhpException("matrix is not reciprocal: a[%s][%s] = %s but a[%s][%s] = %s, expected %s",
                        ns.get(i), ns.get(j), Check.fmt(x), ns.get(j), ns.get(i), Check.fmt(y), Check.fmt(1 / x));
                }
            }
        }
    }

    /**
     * Whether every entry lies on Saaty's scale range \( [1/9, 9] \) (relative tolerance
     * {@value #RECIPROCAL_TOLERANCE}).
     *
     * @return true if it does
     */
    public boolean isSaatyScale() {
        return firstOffScale() < 0;
    }

    /**
     * Checks that every entry lies in \( [1/9, 9] \).
     *
     * @return this matrix
     * @throws AhpException naming the first entry outside the range and its value
     */
    public PairwiseMatrix requireSaatyScale() {
        int k = firstOffScale();
        if (k >= 0) {
            throw new AhpException("a[%s][%s] = %s is outside Saaty's scale 1/9..9", names.get(k / n),
                names.get(k % n), Check.fmt(a[k]));
        }
        return this;
    }

    private int firstOffScale() {
        for (int k = 0; k < a.length; k++) {
            if (a[k] > 9 * (1 + RECIPROCAL_TOLERANCE) || a[k] < (1 - RECIPROCAL_TOLERANCE) / 9) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The same matrix with one judgment replaced: \( a_{ij} = v \) and \( a_{ji} = 1/v \).
     *
     * @param row the preferred criterion \( i \)
     * @param column the other criterion \( j \), different from {@code row}
     * @param value the new judgment, positive and finite
     * @return a new matrix
     * @throws AhpException if a name is unknown, the names are equal or the value invalid
     */
    public PairwiseMatrix with(String row, String column, double value) {
        int i = indexOf(row);
        int j = indexOf(column);
        if (i == j) {
            throw new AhpException("cannot change the diagonal entry a[%s][%s]", row, column);
        }
        Check.judgment(value, "judgment a[" + row + "][" + column + "]");
        double[] b = a.clone();
        b[i * n + j] = value;
        b[j * n + i] = 1 / value;
        return new PairwiseMatrix(names, b);
    }

    /**
     * Number of criteria.
     *
     * @return \( n \ge 1 \)
     */
    public int size() {
        return n;
    }

    /**
     * The criteria, in row order.
     *
     * @return an unmodifiable list
     */
    public List<String> names() {
        return names;
    }

    /**
     * The row of a criterion.
     *
     * @param name a criterion
     * @return its index
     * @throws AhpException if the name is unknown
     */
    public int indexOf(String name) {
        Integer k = index.get(name);
        if (k == null) {
            throw new AhpException("unknown criterion '%s'; the matrix compares %s", name, names);
        }
        return k;
    }

    /**
     * An entry by position.
     *
     * @param i row, \( 0 \le i &lt; n \)
     * @param j column, \( 0 \le j &lt; n \)
     * @return \( a_{ij} \)
     * @throws AhpException if an index is out of range
     */
    public double get(int i, int j) {
        if (i < 0 || i >= n || j < 0 || j >= n) {
            throw new AhpException("entry (%d, %d) is outside the %d x %d matrix", i, j, n, n);
        }
        return a[i * n + j];
    }

    /**
     * An entry by names.
     *
     * @param row criterion \( i \)
     * @param column criterion \( j \)
     * @return \( a_{ij} \)
     * @throws AhpException if a name is unknown
     */
    public double get(String row, String column) {
        return a[indexOf(row) * n + indexOf(column)];
    }

    /**
     * The entries as a new two-dimensional array.
     *
     * @return a copy, one row per criterion
     */
    public double[][] toArray() {
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = Arrays.copyOfRange(a, i * n, i * n + n);
        }
        return m;
    }

    private Object writeReplace() {
        return new SerializedForm(names, toArray());
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("use the serialization proxy");
    }

    /**
     * The serialized form of a matrix: the names and the rows, version 1.
     *
     * @serial exclude
     */
    private static final class SerializedForm implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        /** The criteria. */
        private final String[] names;
        /** The entries, one row per criterion. */
        private final double[][] rows;

        SerializedForm(List<String> names, double[][] rows) {
            this.names = names.toArray(new String[0]);
            this.rows = rows;
        }

        private Object readResolve() {
            return of(java.util.Arrays.asList(names), rows);
        }
    }

    /** The row-major entries without copying; callers must not modify them. */
    double[] data() {
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PairwiseMatrix other && names.equals(other.names) && Arrays.equals(a, other.a);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.hashCode(a);
    }

    /**
     * The matrix as an aligned text table.
     *
     * @return a readable rendering
     */
    @Override
    public String toString() {
        return render(names, a);
    }

    static String render(List<String> names, double[] a) {
        int n = names.size();
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(names);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>();
            row.add(names.get(i));
            for (int j = 0; j < n; j++) {
                row.add(Double.isNaN(a[i * n + j]) ? "" : TextTable.number(a[i * n + j]));
            }
            rows.add(row);
        }
        return TextTable.render(header, rows);
    }
}
