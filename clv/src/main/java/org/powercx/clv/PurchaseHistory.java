package org.powercx.clv;

import java.util.HashMap;
import java.util.Map;

/**
 * Validated frequency, recency and age of customers, compressed to distinct triples with weights for fast
 * likelihood evaluation (package-private).
 */
final class PurchaseHistory {
    final double[] x;
    final double[] tx;
    final double[] age;
    final double[] weight;
    final int[] xIndex;
    final int maxX;
    final int customers;

    private PurchaseHistory(double[] x, double[] tx, double[] age, double[] weight, int maxX, int customers) {
        this.x = x;
        this.tx = tx;
        this.age = age;
        this.weight = weight;
        this.maxX = maxX;
        this.customers = customers;
        this.xIndex = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            xIndex[i] = (int) x[i];
        }
    }

    static PurchaseHistory of(double[] frequency, double[] recency, double[] age) {
        if (frequency == null || recency == null || age == null) {
            throw new ClvException("frequency, recency and age must not be null");
        }
        Checks.sameLength("frequency", frequency, "recency", recency);
        Checks.sameLength("frequency", frequency, "age", age);
        if (frequency.length == 0) {
            throw new ClvException("no customers: frequency, recency and age are empty");
        }
        for (int i = 0; i < frequency.length; i++) {
            check(i, frequency[i], recency[i], age[i]);
        }
        Map<Triple, Integer> index = new HashMap<>();
        int n = frequency.length;
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] w = new double[n];
        int m = 0;
        int maxX = 0;
        for (int i = 0; i < n; i++) {
            Triple key = new Triple(frequency[i], recency[i], age[i]);
            Integer k = index.putIfAbsent(key, m);
            if (k == null) {
                x[m] = frequency[i];
                tx[m] = recency[i];
                t[m] = age[i];
                w[m] = 1;
                maxX = Math.max(maxX, (int) frequency[i]);
                m++;
            } else {
                w[k]++;
            }
        }
        return new PurchaseHistory(java.util.Arrays.copyOf(x, m), java.util.Arrays.copyOf(tx, m),
                java.util.Arrays.copyOf(t, m), java.util.Arrays.copyOf(w, m), maxX, n);
    }

    /**
     * Checks one customer's frequency \(x\), recency \(t_x\) and age \(T\).
     */
    static void check(int i, double x, double tx, double age) {
        if (!(x >= 0 && x <= Integer.MAX_VALUE && x == Math.rint(x))) {
            throw new ClvException("customer %d: frequency must be a non-negative whole number, got %s", i, x);
        }
        if (!(age > 0 && age < Double.POSITIVE_INFINITY)) {
            throw new ClvException("customer %d: age T must be positive and finite, got %s", i, age);
        }
        if (!(tx >= 0 && tx <= age)) {
            throw new ClvException("customer %d: recency must satisfy 0 <= recency <= age, got recency %s, age %s",
                    i, tx, age);
        }
        if (x == 0 && tx != 0) {
            throw new ClvException("customer %d: recency must be 0 when frequency is 0, got %s", i, tx);
        }
    }

    private record Triple(double x, double tx, double age) {
    }
}
