package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-estimates a model on a reweighted sample (bootstrap counts, jackknife deletion, group subsets) and writes
 * the parameter vector [weights, loadings, paths, total effects, R2, HTMT] into a caller's array; an extended
 * engine (the bootstrap's) adds [total indirect effects, specific indirect effects, signed HTMT, f2], and a
 * consistent one replaces loadings, paths, total effects, R2 and f2 by their PLSc values (Dijkstra and Henseler
 * 2015). Buffers are per thread; one evaluation allocates nothing.
 */
final class ResampleEngine {
    /** Most specific indirect effects (chains of two or more paths) an extended engine reports. */
    static final int MAX_SPECIFIC_INDIRECT = 1000;
    /** Number of groups of estimates. */
    static final int GROUPS = 10;

    final PlsKernel kernel;
    final double[] x;
    final int n;
    final boolean standardise;
    final SignChange signChange;
    final double[] originalLoadings;
    final boolean extended;
    final boolean consistent;
    final int[] pathFrom;
    final int[] pathTo;
    final int[] totalFrom;
    final int[] totalTo;
    final int[] endogenous;
    final int[] htmtI;
    final int[] htmtJ;
    final int[] indirectFrom;
    final int[] indirectTo;
    /** Construct chains of the specific indirect effects, empty if there are more than the cap. */
    final int[][] chains;
    /** Whether the model has more chains than {@link #MAX_SPECIFIC_INDIRECT} (none are then reported). */
    final boolean tooManyChains;
    final int width;
    final List<String> names = new ArrayList<>();
    final int[] groupStart = new int[GROUPS + 1];
    /** Position of each name within its group. */
    final List<Map<String, Integer>> index = new ArrayList<>();

    ResampleEngine(PlsResult original, double[] x, int n, SignChange signChange) {
        this(original, x, n, signChange, false, false);
    }

    ResampleEngine(PlsResult original, double[] x, int n, SignChange signChange, boolean extended,
            boolean consistent) {
        PathModel model = original.model();
        this.kernel = original.kernel();
        this.x = x;
        this.n = n;
        this.standardise = original.estimator().scaling() == Scaling.STANDARDISED;
        this.signChange = signChange;
        this.originalLoadings = original.loadings();
        this.extended = extended;
        this.consistent = consistent;
        int m = kernel.m;
        List<String> cn = model.constructNames();
        names.addAll(model.indicatorNames());
        groupStart[1] = names.size();
        names.addAll(model.indicatorNames());
        groupStart[2] = names.size();
        List<int[]> paths = new ArrayList<>();
        List<int[]> totals = new ArrayList<>();
        List<int[]> indirect = new ArrayList<>();
        boolean[][] reach = reachability(kernel.adj);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (kernel.adj[i][j]) {
                    paths.add(new int[] {i, j});
                }
                if (reach[i][j]) {
                    totals.add(new int[] {i, j});
                }
                boolean viaOthers = false;
                for (int k = 0; k < m; k++) {
                    viaOthers |= kernel.adj[i][k] && reach[k][j];
                }
                if (viaOthers) {
                    indirect.add(new int[] {i, j});
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
        List<int[]> found = new ArrayList<>();
        boolean overflow = false;
        if (extended) {
            for (int[] pt : indirect) {
                names.add(cn.get(pt[0]) + " -> " + cn.get(pt[1]));
            }
            indirectFrom = column(indirect, 0);
            indirectTo = column(indirect, 1);
            groupStart[7] = names.size();
            int[] chain = new int[m];
            for (int i = 0; i < m && !overflow; i++) {
                chain[0] = i;
                overflow = chains(kernel.adj, chain, 1, found);
            }
            if (overflow) {
                found.clear();
            }
            for (int[] c : found) {
                StringBuilder name = new StringBuilder(cn.get(c[0]));
                for (int k = 1; k < c.length; k++) {
                    name.append(" -> ").append(cn.get(c[k]));
                }
                names.add(name.toString());
            }
            groupStart[8] = names.size();
            for (int[] pt : pairs) {
                names.add(cn.get(pt[0]) + " -> " + cn.get(pt[1]));
            }
            groupStart[9] = names.size();
            for (int[] pt : paths) {
                names.add(cn.get(pt[0]) + " -> " + cn.get(pt[1]));
            }
        } else {
            indirectFrom = new int[0];
            indirectTo = new int[0];
            groupStart[7] = names.size();
            groupStart[8] = names.size();
            groupStart[9] = names.size();
        }
        groupStart[10] = names.size();
        chains = found.toArray(new int[0][]);
        tooManyChains = overflow;
        width = names.size();
        for (int g = 0; g < GROUPS; g++) {
            Map<String, Integer> positions = new HashMap<>();
            for (int c = groupStart[g]; c < groupStart[g + 1]; c++) {
                positions.put(names.get(c), c - groupStart[g]);
            }
            index.add(Map.copyOf(positions));
        }
    }

    /**
     * Adds every chain of two or more paths that extends {@code chain[0..len)}; returns true as soon as more than
     * {@link #MAX_SPECIFIC_INDIRECT} are found.
     */
    private static boolean chains(boolean[][] adj, int[] chain, int len, List<int[]> out) {
        int last = chain[len - 1];
        for (int next = 0; next < adj.length; next++) {
            if (adj[last][next]) {
                chain[len] = next;
                if (len >= 2) {
                    if (out.size() == MAX_SPECIFIC_INDIRECT) {
                        return true;
                    }
                    out.add(java.util.Arrays.copyOf(chain, len + 1));
                }
                if (chains(adj, chain, len + 1, out)) {
                    return true;
                }
            }
        }
        return false;
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
        final PlscKernel plsc = new PlscKernel(kernel);
        final double[] loadings = new double[kernel.p];
        final Cholesky chol = new Cholesky(Math.max(1, kernel.m));
        final double[] a = new double[kernel.m * kernel.m];
        final double[] b = new double[kernel.m];
        final double[] rhs = new double[kernel.m];
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
        double[] path = ws.path;
        double[] corr = ws.ry;
        double[] r2 = ws.r2;
        if (consistent) {
            System.arraycopy(out, off + p, b.loadings, 0, p);
            if (b.plsc.correct(b.s, ws.w, b.loadings, ws.ry) != PlscKernel.OK
                    || !b.plsc.admissible(PlscResult.ADMISSIBLE_SLACK)) {
                return PlsKernel.SINGULAR;
            }
            System.arraycopy(b.plsc.lambda, 0, out, off + p, p);
            path = b.plsc.path;
            corr = b.plsc.corr;
            r2 = b.plsc.r2;
        }
        int o = off + 2 * p;
        for (int q = 0; q < pathFrom.length; q++) {
            out[o++] = path[pathFrom[q] * m + pathTo[q]];
        }
        PlsMeasures.totalEffects(m, path, b.total, b.power, b.next);
        for (int q = 0; q < totalFrom.length; q++) {
            out[o++] = b.total[totalFrom[q] * m + totalTo[q]];
        }
        for (int j : endogenous) {
            out[o++] = r2[j];
        }
        for (int q = 0; q < htmtI.length; q++) {
            out[o++] = PlsMeasures.htmt(kernel, b.s, htmtI[q], htmtJ[q], true);
        }
        if (!extended) {
            return PlsKernel.CONVERGED;
        }
        for (int q = 0; q < indirectFrom.length; q++) {
            int at = indirectFrom[q] * m + indirectTo[q];
            out[o++] = b.total[at] - path[at];
        }
        for (int[] c : chains) {
            double product = 1;
            for (int k = 1; k < c.length; k++) {
                product *= path[c[k - 1] * m + c[k]];
            }
            out[o++] = product;
        }
        for (int q = 0; q < htmtI.length; q++) {
            out[o++] = PlsMeasures.htmt(kernel, b.s, htmtI[q], htmtJ[q], false);
        }
        for (int q = 0; q < pathFrom.length; q++) {
            int j = pathTo[q];
            double excluded = PlsMeasures.rSquaredWithout(kernel, corr, j, pathFrom[q], b.chol, b.a, b.b, b.rhs);
            out[o++] = (r2[j] - excluded) / (1 - r2[j]);
        }
        return PlsKernel.CONVERGED;
    }
}
