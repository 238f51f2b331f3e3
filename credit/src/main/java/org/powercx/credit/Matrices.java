package org.powercx.credit;

/** Array helpers. Package-private. */
final class Matrices {
    private Matrices() {
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
