package org.powercx.satisfaction;

/**
 * The PLS path modeling algorithm (Lohm&ouml;ller's simultaneous update of all blocks) working only on the
 * indicator covariance (or correlation) matrix \( S \), so that one estimation costs \( O(p^2) \) per iteration
 * whatever the sample size. All state lives in a {@link Workspace}; nothing is allocated per iteration. Mode B
 * blocks and the structural regressions are solved through EJML's Cholesky factorisation ({@link Cholesky}); a
 * block or a set of predecessors is singular by the rule of {@link org.powercx.core.Singularity}.
 */
final class PlsKernel {
    static final int CONVERGED = 0;
    static final int NOT_CONVERGED = 1;
    static final int SINGULAR = 2;

    final int p;
    final int m;
    final int[] start;
    final int[] blockOf;
    final boolean[] modeB;
    final boolean[][] adj;
    final int[][] preds;
    final InnerScheme scheme;
    final double tolerance;
    final int maxIterations;

    PlsKernel(PathModel model, InnerScheme scheme, double tolerance, int maxIterations) {
        this.m = model.constructCount();
        this.start = new int[m + 1];
        this.modeB = new boolean[m];
        for (int j = 0; j < m; j++) {
            Construct c = model.constructs().get(j);
            start[j + 1] = start[j] + c.size();
            modeB[j] = c.mode() == Mode.B;
        }
        this.p = start[m];
        this.blockOf = new int[p];
        for (int j = 0; j < m; j++) {
            for (int k = start[j]; k < start[j + 1]; k++) {
                blockOf[k] = j;
            }
        }
        this.adj = model.adjacency();
        this.preds = new int[m][];
        for (int j = 0; j < m; j++) {
            int q = 0;
            for (int i = 0; i < m; i++) {
                q += adj[i][j] ? 1 : 0;
            }
            preds[j] = new int[q];
            q = 0;
            for (int i = 0; i < m; i++) {
                if (adj[i][j]) {
                    preds[j][q++] = i;
                }
            }
        }
        this.scheme = scheme;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** Per-thread buffers and the outputs of the last estimation. */
    static final class Workspace {
        final double[] w;
        final double[] wNew;
        /** {@code u[k * m + j]}: covariance of indicator k with score j. */
        final double[] u;
        final double[] ry;
        final double[] e;
        /** Cholesky factor of each Mode B block's indicator matrix (null for Mode A blocks). */
        final Cholesky[] blockFactor;
        /** Cholesky factor of the predecessors' score correlations in the structural regressions. */
        final Cholesky regression;
        final double[] path;
        final double[] r2;
        final double[] a;
        final double[] b;
        int iterations;
        double lastChange;
        int failedBlock;

        Workspace(PlsKernel k) {
            w = new double[k.p];
            wNew = new double[k.p];
            u = new double[k.p * k.m];
            ry = new double[k.m * k.m];
            e = new double[k.m * k.m];
            blockFactor = new Cholesky[k.m];
            for (int j = 0; j < k.m; j++) {
                if (k.modeB[j]) {
                    blockFactor[j] = new Cholesky(k.start[j + 1] - k.start[j]);
                }
            }
            regression = new Cholesky(k.m);
            path = new double[k.m * k.m];
            r2 = new double[k.m];
            a = new double[k.m * k.m];
            b = new double[k.m];
        }
    }

    /**
     * Runs the iterations from unit weights, then applies plspm's sign rule and computes scores' correlations,
     * paths and R2.
     */
    int estimate(double[] s, Workspace ws) {
        ws.failedBlock = -1;
        for (int j = 0; j < m; j++) {
            if (modeB[j] && !ws.blockFactor[j].factor(s, p, start[j], start[j + 1] - start[j])) {
                ws.failedBlock = j;
                return SINGULAR;
            }
        }
        java.util.Arrays.fill(ws.w, 1.0);
        if (!normalise(s, ws.w, ws)) {
            return SINGULAR;
        }
        ws.lastChange = Double.NaN;
        for (int it = 1; it <= maxIterations; it++) {
            scoreMoments(s, ws.w, ws);
            if (!innerWeights(ws)) {
                return SINGULAR;
            }
            outerUpdate(s, ws);
            if (!normalise(s, ws.wNew, ws)) {
                return SINGULAR;
            }
            double change = 0;
            for (int k = 0; k < p; k++) {
                change += Math.abs(ws.wNew[k] - ws.w[k]);
            }
            System.arraycopy(ws.wNew, 0, ws.w, 0, p);
            ws.lastChange = change;
            ws.iterations = it;
            if (change < tolerance) {
                scoreMoments(s, ws.w, ws);
                for (int j = 0; j < m; j++) {
                    int sum = 0;
                    for (int k = start[j]; k < start[j + 1]; k++) {
                        sum += ws.u[k * m + j] < 0 ? -1 : 1;
                    }
                    if (sum < 0) {
                        flip(j, ws);
                    }
                }
                return finish(s, ws) ? CONVERGED : SINGULAR;
            }
        }
        return NOT_CONVERGED;
    }

    void flip(int j, Workspace ws) {
        for (int k = start[j]; k < start[j + 1]; k++) {
            ws.w[k] = -ws.w[k];
        }
    }

    /** Recomputes score moments, path coefficients and R2 from the current weights. */
    boolean finish(double[] s, Workspace ws) {
        scoreMoments(s, ws.w, ws);
        java.util.Arrays.fill(ws.path, 0.0);
        for (int j = 0; j < m; j++) {
            ws.r2[j] = 0;
            int[] pr = preds[j];
            if (pr.length == 0) {
                continue;
            }
            if (!regress(j, pr, ws)) {
                return false;
            }
            double r2 = 0;
            for (int q = 0; q < pr.length; q++) {
                ws.path[pr[q] * m + j] = ws.b[q];
                r2 += ws.b[q] * ws.ry[pr[q] * m + j];
            }
            ws.r2[j] = r2;
        }
        return true;
    }

    private void scoreMoments(double[] s, double[] w, Workspace ws) {
        double[] u = ws.u;
        for (int k = 0; k < p; k++) {
            int row = k * p;
            for (int j = 0; j < m; j++) {
                double acc = 0;
                for (int l = start[j]; l < start[j + 1]; l++) {
                    acc += s[row + l] * w[l];
                }
                u[k * m + j] = acc;
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double acc = 0;
                for (int k = start[i]; k < start[i + 1]; k++) {
                    acc += w[k] * u[k * m + j];
                }
                ws.ry[i * m + j] = acc;
                ws.ry[j * m + i] = acc;
            }
        }
    }

    private boolean innerWeights(Workspace ws) {
        double[] e = ws.e;
        java.util.Arrays.fill(e, 0.0);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (!(adj[i][j] || adj[j][i])) {
                    continue;
                }
                double r = ws.ry[i * m + j];
                switch (scheme) {
                    case CENTROID:
                        e[i * m + j] = r < 0 ? -1 : 1;
                        break;
                    case FACTORIAL:
                        e[i * m + j] = r;
                        break;
                    default:
                        if (adj[j][i]) {
                            e[i * m + j] = r;
                        }
                        break;
                }
            }
        }
        if (scheme == InnerScheme.PATH) {
            for (int j = 0; j < m; j++) {
                int[] pr = preds[j];
                if (pr.length == 0) {
                    continue;
                }
                if (!regress(j, pr, ws)) {
                    return false;
                }
                for (int q = 0; q < pr.length; q++) {
                    e[pr[q] * m + j] = ws.b[q];
                }
            }
        }
        return true;
    }

    /** Regresses score j on scores pr (standardised), coefficients into ws.b. */
    private boolean regress(int j, int[] pr, Workspace ws) {
        int q = pr.length;
        for (int a = 0; a < q; a++) {
            for (int c = 0; c < q; c++) {
                ws.a[a * q + c] = ws.ry[pr[a] * m + pr[c]];
            }
            ws.b[a] = ws.ry[pr[a] * m + j];
        }
        if (!ws.regression.factor(ws.a, q, 0, q)) {
            return false;
        }
        ws.regression.solve(ws.b, 0);
        return true;
    }

    private void outerUpdate(double[] s, Workspace ws) {
        for (int k = 0; k < p; k++) {
            int j = blockOf[k];
            double acc = 0;
            for (int i = 0; i < m; i++) {
                double eij = ws.e[i * m + j];
                if (eij != 0) {
                    acc += eij * ws.u[k * m + i];
                }
            }
            ws.wNew[k] = acc;
        }
        for (int j = 0; j < m; j++) {
            if (modeB[j]) {
                ws.blockFactor[j].solve(ws.wNew, start[j]);
            }
        }
    }

    /** Scales each block so that its score has unit variance: \( w_j^\top S_{jj} w_j = 1 \). */
    private boolean normalise(double[] s, double[] w, Workspace ws) {
        for (int j = 0; j < m; j++) {
            double v = 0;
            for (int k = start[j]; k < start[j + 1]; k++) {
                double acc = 0;
                for (int l = start[j]; l < start[j + 1]; l++) {
                    acc += s[k * p + l] * w[l];
                }
                v += w[k] * acc;
            }
            if (!(v > 0) || !Double.isFinite(v)) {
                ws.failedBlock = j;
                return false;
            }
            double f = 1 / Math.sqrt(v);
            for (int k = start[j]; k < start[j + 1]; k++) {
                w[k] *= f;
            }
        }
        return true;
    }
}
