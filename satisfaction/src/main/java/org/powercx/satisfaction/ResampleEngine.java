package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.List;

/**
 * Re-estimates a model on a reweighted sample (bootstrap counts, jackknife deletion, group subsets) and writes
 * the parameter vector [weights, loadings, paths, total effects, R2, HTMT] into a caller's array. Buffers are
 * per thread; one evaluation allocates nothing.
 */
final class ResampleEngine {
    final PlsKernel kernel;
    final double[] x;
    final int n;
    final boolean standardise;
    final SignChange signChange;
    final double[] originalLoadings;
    final int[] pathFrom;
    final int[] pathTo;
    final int[] totalFrom;
    final int[] totalTo;
    final int[] endogenous;
    final int[] htmtI;
    final int[] htmtJ;
    final int width;
    final List<String> names = new ArrayList<>();
    final int[] groupStart = new int[7];

    ResampleEngine(PlsResult original, double[] x, int n, SignChange signChange) {
        PathModel model = original.model();
        this.kernel = original.kernel();
        this.x = x;
        this.n = n;
        this.standardise = original.estimator().scaling() == Scaling.STANDARDISED;
        this.signChange = signChange;
        this.originalLoadings = original.loadings();
        int m = kernel.m;
        List<String> cn = model.constructNames();
        names.addAll(model.indicatorNames());
        groupStart[1] = names.size();
        for (String ind : model.indicatorNames()) {
            names.add(ind);
        }
        groupStart[2] = names.size();
        List<int[]> paths = new ArrayList<>();
        List<int[]> totals = new ArrayList<>();
        boolean[][] reach = reachability(kernel.adj);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (kernel.adj[i][j]) {
                    paths.add(new int[] {i, j});
                }
                if (reach[i][j]) {
                    totals.add(new int[] {i, j});
                }
            }
        }
        pathFrom = column(paths, 0);
        pathTo = column(paths, 1);
        for (int[] pt : paths) {
            names.add(cn.get(pt[0]) + " -> " + cn.get(pt[1]));
        }
        groupStart[3] = names.size();
        totalFrom = column(totals, 0);
        totalTo = column(totals, 1);
        for (int[] pt : totals) {
            names.add(cn.get(pt[0]) + " -> " + cn.get(pt[1]));
        }
        groupStart[4] = names.size();
        List<int[]> endo = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            if (kernel.preds[j].length > 0) {
                endo.add(new int[] {j});
                names.add(cn.get(j));
            }
        }
        endogenous = column(endo, 0);
        groupStart[5] = names.size();
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                pairs.add(new int[] {i, j});
                names.add(cn.get(i) + " -> " + cn.get(j));
            }
        }
        htmtI = column(pairs, 0);
        htmtJ = column(pairs, 1);
        groupStart[6] = names.size();
        width = names.size();
    }

    private static int[] column(List<int[]> rows, int c) {
        int[] out = new int[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }

    static boolean[][] reachability(boolean[][] adj) {
        int m = adj.length;
        boolean[][] r = new boolean[m][];
        for (int i = 0; i < m; i++) {
            r[i] = adj[i].clone();
        }
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < m; i++) {
                if (r[i][k]) {
                    for (int j = 0; j < m; j++) {
                        r[i][j] |= r[k][j];
                    }
                }
            }
        }
        return r;
    }

    /** Per-thread buffers. */
    final class Buffers {
        final double[] s = new double[kernel.p * kernel.p];
        final double[] mean = new double[kernel.p];
        final double[] sd = new double[kernel.p];
        final double[] centred = new double[n * kernel.p];
        final double[] total = new double[kernel.m * kernel.m];
        final double[] power = new double[kernel.m * kernel.m];
        final double[] next = new double[kernel.m * kernel.m];
        final PlsKernel.Workspace ws = new PlsKernel.Workspace(kernel);
        final int[] counts = new int[n];
        final double[] weight = new double[n];
    }

    Buffers buffers() {
        return new Buffers();
    }

    /**
     * Estimates on the sample with the given row multiplicities and writes the parameters at {@code out[off..]}.
     *
     * @return the kernel status ({@link PlsKernel#CONVERGED} on success)
     */
    int evaluate(int[] counts, Buffers b, double[] out, int off) {
        int p = kernel.p;
        int m = kernel.m;
        if (Moments.compute(x, n, p, counts, standardise, b.s, b.mean, b.sd, b.centred, b.weight) != -1) {
            return PlsKernel.SINGULAR;
        }
        PlsKernel.Workspace ws = b.ws;
        int status = kernel.estimate(b.s, ws);
        if (status != PlsKernel.CONVERGED) {
            return status;
        }
        PlsMeasures.loadings(kernel, b.s, ws.u, out, off + p);
        if (signChange == SignChange.CONSTRUCT) {
            boolean flipped = false;
            for (int j = 0; j < m; j++) {
                double dot = 0;
                for (int k = kernel.start[j]; k < kernel.start[j + 1]; k++) {
                    dot += out[off + p + k] * originalLoadings[k];
                }
                if (dot < 0) {
                    kernel.flip(j, ws);
                    flipped = true;
                }
            }
            if (flipped) {
                if (!kernel.finish(b.s, ws)) {
                    return PlsKernel.SINGULAR;
                }
                PlsMeasures.loadings(kernel, b.s, ws.u, out, off + p);
            }
        }
        for (int k = 0; k < p; k++) {
            out[off + k] = ws.w[k];
        }
        int o = off + 2 * p;
        for (int q = 0; q < pathFrom.length; q++) {
            out[o++] = ws.path[pathFrom[q] * m + pathTo[q]];
        }
        PlsMeasures.totalEffects(m, ws.path, b.total, b.power, b.next);
        for (int q = 0; q < totalFrom.length; q++) {
            out[o++] = b.total[totalFrom[q] * m + totalTo[q]];
        }
        for (int j : endogenous) {
            out[o++] = ws.r2[j];
        }
        for (int q = 0; q < htmtI.length; q++) {
            out[o++] = PlsMeasures.htmt(kernel, b.s, htmtI[q], htmtJ[q], true);
        }
        return PlsKernel.CONVERGED;
    }
}
