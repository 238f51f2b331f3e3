package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PLS path model: constructs with their blocks of indicators (the outer model) and directed structural paths
 * between constructs (the inner model). The model is validated on creation: names are unique, every indicator
 * belongs to one block, every construct takes part in at least one path, paths name known constructs, are not
 * repeated and form no cycle.
 *
 * <p>Templates: {@link #powerCsi()} (image, expectation, quality, value, satisfaction, loyalty; the model of
 * Tenenhaus et al. 2005 on the indicator names of the plspm {@code satisfaction} data) and {@link #ecsi()} (the
 * European CSI with complaints, on the indicator names of the {@code mobi} data).
 *
 * @since 0.1.0
 */
public final class PathModel {
    private final List<Construct> constructs;
    private final Map<String, Integer> index;
    /** {@code path[i][j]}: construct i drives construct j. */
    private final boolean[][] path;

    private PathModel(List<Construct> constructs, Map<String, Integer> index, boolean[][] path) {
        this.constructs = constructs;
        this.index = index;
        this.path = path;
    }

    /**
     * Starts a model.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The power-industry customer satisfaction index model: image drives expectation, satisfaction and loyalty;
     * expectation drives quality, value and satisfaction; quality drives value and satisfaction; value drives
     * satisfaction; satisfaction drives loyalty. All blocks are reflective, with indicators {@code imag1-5},
     * {@code expe1-5}, {@code qual1-5}, {@code val1-4}, {@code sat1-4}, {@code loy1-4}.
     *
     * @return the model with constructs IMAG, EXPE, QUAL, VAL, SAT, LOY
     */
    public static PathModel powerCsi() {
        return builder()
            .reflective("IMAG", "imag1", "imag2", "imag3", "imag4", "imag5")
            .reflective("EXPE", "expe1", "expe2", "expe3", "expe4", "expe5")
            .reflective("QUAL", "qual1", "qual2", "qual3", "qual4", "qual5")
            .reflective("VAL", "val1", "val2", "val3", "val4")
            .reflective("SAT", "sat1", "sat2", "sat3", "sat4")
            .reflective("LOY", "loy1", "loy2", "loy3", "loy4")
            .path("IMAG", "EXPE").path("IMAG", "SAT").path("IMAG", "LOY")
            .path("EXPE", "QUAL").path("EXPE", "VAL").path("EXPE", "SAT")
            .path("QUAL", "VAL").path("QUAL", "SAT").path("VAL", "SAT").path("SAT", "LOY")
            .build();
    }

    /**
     * The European customer satisfaction index model with complaints (Tenenhaus et al. 2005): as
     * {@link #powerCsi()} plus satisfaction drives complaints and complaints drive loyalty. Indicators follow the
     * ECSI questionnaire names {@code IMAG1-5}, {@code CUEX1-3}, {@code PERQ1-7}, {@code PERV1-2},
     * {@code CUSA1-3}, {@code CUSCO}, {@code CUSL1-3}.
     *
     * @return the model with constructs Image, Expectation, Quality, Value, Satisfaction, Complaints, Loyalty
     */
    public static PathModel ecsi() {
        return builder()
            .reflective("Image", "IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5")
            .reflective("Expectation", "CUEX1", "CUEX2", "CUEX3")
            .reflective("Quality", "PERQ1", "PERQ2", "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7")
            .reflective("Value", "PERV1", "PERV2")
            .reflective("Satisfaction", "CUSA1", "CUSA2", "CUSA3")
            .reflective("Complaints", "CUSCO")
            .reflective("Loyalty", "CUSL1", "CUSL2", "CUSL3")
            .path("Image", "Expectation").path("Image", "Satisfaction").path("Image", "Loyalty")
            .path("Expectation", "Quality").path("Expectation", "Value").path("Expectation", "Satisfaction")
            .path("Quality", "Value").path("Quality", "Satisfaction").path("Value", "Satisfaction")
            .path("Satisfaction", "Complaints").path("Satisfaction", "Loyalty").path("Complaints", "Loyalty")
            .build();
    }

    /**
     * The constructs in declaration order.
     *
     * @return an unmodifiable list
     */
    public List<Construct> constructs() {
        return constructs;
    }

    /**
     * Number of constructs.
     *
     * @return \( J \ge 2 \)
     */
    public int constructCount() {
        return constructs.size();
    }

    /**
     * The construct names in declaration order.
     *
     * @return a new list
     */
    public List<String> constructNames() {
        List<String> names = new ArrayList<>(constructs.size());
        for (Construct c : constructs) {
            names.add(c.name());
        }
        return names;
    }

    /**
     * All indicator names, block by block in declaration order.
     *
     * @return a new list
     */
    public List<String> indicatorNames() {
        List<String> names = new ArrayList<>();
        for (Construct c : constructs) {
            names.addAll(c.indicators());
        }
        return names;
    }

    /**
     * Position of a construct.
     *
     * @param name the construct name
     * @return its index in {@link #constructs()}
     * @throws SatisfactionException if the model has no such construct
     */
    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new SatisfactionException("unknown construct '%s'; the model has %s", name, constructNames());
        }
        return i;
    }

    /**
     * Whether a direct path leads from one construct to another.
     *
     * @param from the source construct
     * @param to the target construct
     * @return true if the model has the path {@code from -> to}
     * @throws SatisfactionException if a construct is unknown
     */
    public boolean hasPath(String from, String to) {
        return path[indexOf(from)][indexOf(to)];
    }

    /**
     * The structural paths as a boolean adjacency matrix, {@code m[i][j]} true when construct i drives j.
     *
     * @return a new matrix
     */
    public boolean[][] adjacency() {
        boolean[][] copy = new boolean[path.length][];
        for (int i = 0; i < path.length; i++) {
            copy[i] = path[i].clone();
        }
        return copy;
    }

    /**
     * The predecessors (direct drivers) of a construct.
     *
     * @param name the construct
     * @return their names in declaration order, empty for an exogenous construct
     * @throws SatisfactionException if the construct is unknown
     */
    public List<String> predecessors(String name) {
        int j = indexOf(name);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < path.length; i++) {
            if (path[i][j]) {
                result.add(constructs.get(i).name());
            }
        }
        return result;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PathModel\n");
        for (Construct c : constructs) {
            sb.append("  ").append(c.name()).append(" (Mode ").append(c.mode()).append("): ")
                .append(String.join(", ", c.indicators())).append('\n');
        }
        for (int i = 0; i < path.length; i++) {
            for (int j = 0; j < path.length; j++) {
                if (path[i][j]) {
                    sb.append("  ").append(constructs.get(i).name()).append(" -> ")
                        .append(constructs.get(j).name()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /**
     * Collects constructs and paths; {@link #build()} validates them.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final Map<String, Construct> constructs = new LinkedHashMap<>();
        private final List<String[]> paths = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a construct.
         *
         * @param construct the construct; its name must be new
         * @return this builder
         * @throws SatisfactionException if the construct is null or its name is already used
         */
        public Builder construct(Construct construct) {
            if (construct == null) {
                throw new SatisfactionException("construct is null");
            }
            if (constructs.putIfAbsent(construct.name(), construct) != null) {
                throw new SatisfactionException("construct '%s' is declared twice", construct.name());
            }
            return this;
        }

        /**
         * Adds a reflective (Mode A) construct.
         *
         * @param name the construct name
         * @param indicators its indicators
         * @return this builder
         * @throws SatisfactionException as {@link Construct#reflective(String, String...)} and
         *     {@link #construct(Construct)}
         */
        public Builder reflective(String name, String... indicators) {
            return construct(Construct.reflective(name, indicators));
        }

        /**
         * Adds a formative (Mode B) construct.
         *
         * @param name the construct name
         * @param indicators its indicators
         * @return this builder
         * @throws SatisfactionException as {@link Construct#formative(String, String...)} and
         *     {@link #construct(Construct)}
         */
        public Builder formative(String name, String... indicators) {
            return construct(Construct.formative(name, indicators));
        }

        /**
         * Adds the structural path {@code from -> to}; the names are checked by {@link #build()}.
         *
         * @param from the driving construct
         * @param to the driven construct
         * @return this builder
         */
        public Builder path(String from, String to) {
            paths.add(new String[] {from, to});
            return this;
        }

        /**
         * Validates and builds the model.
         *
         * @return the model
         * @throws SatisfactionException if there are fewer than two constructs, an indicator belongs to two
         *     blocks, a path names an unknown construct, links a construct to itself or is repeated, the paths
         *     form a cycle, or a construct takes part in no path (messages name the construct)
         */
        public PathModel build() {
            List<Construct> list = List.copyOf(constructs.values());
            if (list.size() < 2) {
                throw new SatisfactionException("a path model needs at least two constructs but has %d", list.size());
            }
            Map<String, Integer> index = new HashMap<>();
            Map<String, String> owner = new HashMap<>();
            for (int j = 0; j < list.size(); j++) {
                Construct c = list.get(j);
                index.put(c.name(), j);
                for (String ind : c.indicators()) {
                    String previous = owner.put(ind, c.name());
                    if (previous != null) {
                        throw new SatisfactionException("indicator '%s' belongs to both construct '%s' and '%s'",
                            ind, previous, c.name());
                    }
                }
            }
            int m = list.size();
            boolean[][] adj = new boolean[m][m];
            for (String[] p : paths) {
                Integer from = index.get(p[0]);
                Integer to = index.get(p[1]);
                if (from == null || to == null) {
                    throw new SatisfactionException("path '%s' -> '%s' names unknown construct '%s'", p[0], p[1],
                        from == null ? p[0] : p[1]);
                }
                if (from.equals(to)) {
                    throw new SatisfactionException("path from construct '%s' to itself", p[0]);
                }
                if (adj[from][to]) {
                    throw new SatisfactionException("path '%s' -> '%s' is declared twice", p[0], p[1]);
                }
                adj[from][to] = true;
            }
            for (int j = 0; j < m; j++) {
                boolean linked = false;
                for (int i = 0; i < m; i++) {
                    linked |= adj[i][j] || adj[j][i];
                }
                if (!linked) {
                    throw new SatisfactionException("construct '%s' takes part in no structural path",
                        list.get(j).name());
                }
            }
            checkAcyclic(list, adj);
            return new PathModel(list, Map.copyOf(index), adj);
        }

        private static void checkAcyclic(List<Construct> list, boolean[][] adj) {
            int m = adj.length;
            int[] state = new int[m];
            for (int s = 0; s < m; s++) {
                visit(s, list, adj, state);
            }
        }

        private static void visit(int j, List<Construct> list, boolean[][] adj, int[] state) {
            if (state[j] == 2) {
                return;
            }
            if (state[j] == 1) {
                throw new SatisfactionException("the structural paths form a cycle through construct '%s'",
                    list.get(j).name());
            }
            state[j] = 1;
            for (int k = 0; k < adj.length; k++) {
                if (adj[j][k]) {
                    visit(k, list, adj, state);
                }
            }
            state[j] = 2;
        }
    }
}
