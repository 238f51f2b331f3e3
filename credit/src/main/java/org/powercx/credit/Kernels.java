package org.powercx.credit;

/** Primitive scoring kernels. Package-private. */
final class Kernels {
    private static final int BLOCK = 2048;

    private Kernels() {
    }

    /** out[i] = b + sum_j a_j cols[j][i], in row blocks so that out stays in cache. */
    static void score(double[] a, double b, double[][] cols, double[] out) {
        int n = out.length;
        int p = a.length;
        for (int start = 0; start < n; start += BLOCK) {
            int end = Math.min(n, start + BLOCK);
            for (int i = start; i < end; i++) {
                out[i] = b;
            }
            for (int j = 0; j < p; j++) {
                double aj = a[j];
                double[] col = cols[j];
                for (int i = start; i < end; i++) {
                    out[i] += aj * col[i];
                }
            }
        }
    }
}
