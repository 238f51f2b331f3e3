package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PLS path model with higher-order constructs and interaction terms, estimated by {@link ExtendedPls}.
 *
 * <p>First-order constructs are declared with their indicators as in {@link PathModel}. A
 * {@link HigherOrderConstruct} names two or more of them as its dimensions; dimensions take part in no
 * structural path of their own (their higher-order construct does). An {@link InteractionTerm} named
 * {@code "iv*moderator"} is a construct that may only drive others. Paths join first-order constructs that are
 * no dimension, higher-order constructs and interaction terms. The model is validated on creation: every
 * structural model it leads to (the stage-1 model of the two-stage approach, the repeated-indicators model and
 * the final models with the interaction terms) must be a valid {@link PathModel}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class ExtendedPathModel {
    /** Suffix seminr gives the single indicator of a two-stage interaction term. */
    static final String INTERACTION_SUFFIX = "_intxn";

    private final List<Object> declared;
    private final List<Construct> firstOrder;
    private final List<HigherOrderConstruct> higherOrder;
    private final List<InteractionTerm> interactions;
    private final List<String[]> paths;
    private final Map<String, HigherOrderConstruct> dimensionOwner;
    private final PathModel stageOne;
    private final PathModel[] main = new PathModel[2];
    private final PathModel[] fin = new PathModel[2];

    private ExtendedPathModel(Builder b) {
        declared = List.copyOf(b.declared.values());
        List<Construct> fo = new ArrayList<>();
        List<HigherOrderConstruct> ho = new ArrayList<>();
        List<InteractionTerm> it = new ArrayList<>();
        for (Object o : declared) {
            if (o instanceof Construct c) {
                fo.add(c);
            } else if (o instanceof HigherOrderConstruct h) {
                ho.add(h);
            } else {
                it.add((InteractionTerm) o);
            }
        }
        firstOrder = List.copyOf(fo);
        higherOrder = List.copyOf(ho);
        interactions = List.copyOf(it);
        paths = List.copyOf(b.paths);
        dimensionOwner = new HashMap<>();
        validate(b.declared);
        stageOne = higherOrder.isEmpty() ? null : buildStageOne();
        for (HocMethod m : HocMethod.values()) {
            main[m.ordinal()] = buildMain(m);
            fin[m.ordinal()] = interactions.isEmpty() ? main[m.ordinal()] : buildFinal(m);
        }
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
     * The first-order constructs (including the dimensions of higher-order constructs) in declaration order.
     *
     * @return an unmodifiable list
     */
    public List<Construct> constructs() {
        return firstOrder;
    }

    /**
     * The higher-order constructs in declaration order.
     *
     * @return an unmodifiable list
     */
    public List<HigherOrderConstruct> higherOrderConstructs() {
        return higherOrder;
    }

    /**
     * The interaction terms in declaration order.
     *
     * @return an unmodifiable list
     */
    public List<InteractionTerm> interactionTerms() {
        return interactions;
    }

    /**
     * The structural paths as declared, each {@code {from, to}}.
     *
     * @return a new list of new arrays
     */
    public List<String[]> paths() {
        List<String[]> out = new ArrayList<>(paths.size());
        for (String[] p : paths) {
            out.add(p.clone());
        }
        return out;
    }

    /**
     * The higher-order construct a first-order construct is a dimension of.
     *
     * @param construct a construct name
     * @return the higher-order construct, or null if {@code construct} is no dimension
     */
    HigherOrderConstruct ownerOf(String construct) {
        return dimensionOwner.get(construct);
    }

    /** The stage-1 model of the two-stage approach, or null without higher-order constructs. */
    PathModel stageOne() {
        return stageOne;
    }

    /** The model without interaction terms (higher-order constructs estimated by the method). */
    PathModel mainModel(HocMethod method) {
        return main[method.ordinal()];
    }

    /** The model with the interaction terms (the main model when there are none). */
    PathModel finalModel(HocMethod method) {
        return fin[method.ordinal()];
    }

    /** Name of the copy of indicator {@code indicator} in the block of a higher-order construct. */
    static String repeatedName(String higherOrder, String indicator) {
        return higherOrder + ":" + indicator;
    }

    private Construct firstOrder(String name) {
        for (Construct c : firstOrder) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private void validate(Map<String, Object> byName) {
        for (HigherOrderConstruct h : higherOrder) {
            for (String d : h.dimensions()) {
                Object o = byName.get(d);
                if (!(o instanceof Construct)) {
                    throw new SatisfactionException("dimension '%s' of higher-order construct '%s' is %s", d,
                        h.name(), o == null ? "not a declared construct" : "not a first-order construct");
                }
                HigherOrderConstruct previous = dimensionOwner.put(d, h);
                if (previous != null) {
                    throw new SatisfactionException("construct '%s' is a dimension of both '%s' and '%s'", d,
                        previous.name(), h.name());
                }
            }
        }
        for (InteractionTerm t : interactions) {
            for (String c : new String[] {t.iv(), t.moderator()}) {
                Object o = byName.get(c);
                if (o == null || o instanceof InteractionTerm) {
                    throw new SatisfactionException("interaction term '%s' names %s '%s'", t.name(),
                        o == null ? "unknown construct" : "another interaction term", c);
                }
                if (dimensionOwner.containsKey(c)) {
                    throw new SatisfactionException("interaction term '%s' names '%s', a dimension of higher-order"
                        + " construct '%s'; use a construct of the structural model", t.name(), c,
                        dimensionOwner.get(c).name());
                }
            }
        }
        Set<String> used = new java.util.HashSet<>();
        for (String[] p : paths) {
            for (int k = 0; k < 2; k++) {
                Object o = byName.get(p[k]);
                if (o == null) {
                    throw new SatisfactionException("path '%s' -> '%s' names unknown construct '%s'", p[0], p[1],
                        p[k]);
                }
                if (dimensionOwner.containsKey(p[k])) {
                    throw new SatisfactionException("path '%s' -> '%s': construct '%s' is a dimension of"
                        + " higher-order construct '%s' and takes part in no path of its own", p[0], p[1], p[k],
                        dimensionOwner.get(p[k]).name());
                }
                used.add(p[k]);
            }
            if (byName.get(p[1]) instanceof InteractionTerm) {
                throw new SatisfactionException("path '%s' -> '%s' leads to interaction term '%s', which may only"
                    + " drive other constructs", p[0], p[1], p[1]);
            }
        }
        for (Object o : declared) {
            String name = o instanceof Construct c ? c.name()
                : o instanceof HigherOrderConstruct h ? h.name() : ((InteractionTerm) o).name();
            if (!used.contains(name) && !dimensionOwner.containsKey(name)) {
                throw new SatisfactionException("construct '%s' takes part in no structural path", name);
            }
        }
    }

    private List<String> expand(String name) {
        HigherOrderConstruct h = null;
        for (HigherOrderConstruct x : higherOrder) {
            if (x.name().equals(name)) {
                h = x;
            }
        }
        return h == null ? List.of(name) : h.dimensions();
    }

    private boolean isInteraction(String name) {
        for (InteractionTerm t : interactions) {
            if (t.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private PathModel buildStageOne() {
        PathModel.Builder b = PathModel.builder();
        for (Construct c : firstOrder) {
            b.construct(c);
        }
        Set<List<String>> seen = new LinkedHashSet<>();
        for (String[] p : paths) {
            if (isInteraction(p[0])) {
                continue;
            }
            for (String from : expand(p[0])) {
                for (String to : expand(p[1])) {
                    if (seen.add(List.of(from, to))) {
                        b.path(from, to);
                    }
                }
            }
        }
        return b.build();
    }

    private Construct higherOrderBlock(HigherOrderConstruct h, HocMethod method) {
        List<String> indicators = new ArrayList<>();
        for (String d : h.dimensions()) {
            if (method == HocMethod.TWO_STAGE) {
                indicators.add(d);
            } else {
                for (String ind : firstOrder(d).indicators()) {
                    indicators.add(repeatedName(h.name(), ind));
                }
            }
        }
        return new Construct(h.name(), h.mode(), indicators);
    }

    private PathModel.Builder mainBuilder(HocMethod method) {
        PathModel.Builder b = PathModel.builder();
        for (Object o : declared) {
            if (o instanceof Construct c) {
                if (method == HocMethod.REPEATED_INDICATORS || !dimensionOwner.containsKey(c.name())) {
                    b.construct(c);
                }
            } else if (o instanceof HigherOrderConstruct h) {
                b.construct(higherOrderBlock(h, method));
            }
        }
        if (method == HocMethod.REPEATED_INDICATORS) {
            for (HigherOrderConstruct h : higherOrder) {
                for (String d : h.dimensions()) {
                    if (h.mode() == Mode.A) {
                        b.path(h.name(), d);
                    } else {
                        b.path(d, h.name());
                    }
                }
            }
        }
        for (String[] p : paths) {
            if (!isInteraction(p[0])) {
                b.path(p[0], p[1]);
            }
        }
        return b;
    }

    private PathModel buildMain(HocMethod method) {
        return mainBuilder(method).build();
    }

    private PathModel buildFinal(HocMethod method) {
        PathModel mainModel = main[method.ordinal()];
        PathModel.Builder b = mainBuilder(method);
        for (InteractionTerm t : interactions) {
            List<String> indicators = new ArrayList<>();
            if (t.method() == InteractionMethod.TWO_STAGE) {
                indicators.add(t.name() + INTERACTION_SUFFIX);
            } else {
                for (String x : mainModel.constructs().get(mainModel.indexOf(t.iv())).indicators()) {
                    for (String y : mainModel.constructs().get(mainModel.indexOf(t.moderator())).indicators()) {
                        indicators.add(x + "*" + y);
                    }
                }
            }
            b.construct(new Construct(t.name(), Mode.A, indicators));
        }
        for (String[] p : paths) {
            if (isInteraction(p[0])) {
                b.path(p[0], p[1]);
            }
        }
        return b.build();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ExtendedPathModel\n");
        for (Object o : declared) {
            if (o instanceof Construct c) {
                sb.append("  ").append(c.name()).append(" (Mode ").append(c.mode()).append("): ")
                    .append(String.join(", ", c.indicators())).append('\n');
            } else if (o instanceof HigherOrderConstruct h) {
                sb.append("  ").append(h.name()).append(" (higher-order, Mode ").append(h.mode()).append("): ")
                    .append(String.join(", ", h.dimensions())).append('\n');
            } else {
                InteractionTerm t = (InteractionTerm) o;
                sb.append("  ").append(t.name()).append(" (interaction, ").append(t.method()).append(")\n");
            }
        }
        for (String[] p : paths) {
            sb.append("  ").append(p[0]).append(" -> ").append(p[1]).append('\n');
        }
        return sb.toString();
    }

    /**
     * Collects constructs, higher-order constructs, interaction terms and paths; {@link #build()} validates them.
     *
     * @since 0.2.0
     */
    public static final class Builder {
        private final Map<String, Object> declared = new LinkedHashMap<>();
        private final List<String[]> paths = new ArrayList<>();

        private Builder() {
        }

        private Builder declare(String name, Object item) {
            if (declared.putIfAbsent(name, item) != null) {
                throw new SatisfactionException("construct '%s' is declared twice", name);
            }
            return this;
        }

        /**
         * Adds a first-order construct.
         *
         * @param construct the construct; its name must be new
         * @return this builder
         * @throws SatisfactionException if the construct is null or its name is already used
         */
        public Builder construct(Construct construct) {
            if (construct == null) {
                throw new SatisfactionException("construct is null");
            }
            return declare(construct.name(), construct);
        }

        /**
         * Adds a reflective (Mode A) first-order construct.
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
         * Adds a formative (Mode B) first-order construct.
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
         * Adds a higher-order construct; its dimensions are checked by {@link #build()}.
         *
         * @param construct the construct; its name must be new
         * @return this builder
         * @throws SatisfactionException if the construct is null or its name is already used
         */
        public Builder higherOrder(HigherOrderConstruct construct) {
            if (construct == null) {
                throw new SatisfactionException("higher-order construct is null");
            }
            return declare(construct.name(), construct);
        }

        /**
         * Adds an interaction term, a construct named {@code iv*moderator}.
         *
         * @param term the term; its name must be new
         * @return this builder
         * @throws SatisfactionException if the term is null or its name is already used
         */
        public Builder interaction(InteractionTerm term) {
            if (term == null) {
                throw new SatisfactionException("interaction term is null");
            }
            return declare(term.name(), term);
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
         * @throws SatisfactionException if a dimension is not a declared first-order construct or belongs to two
         *     higher-order constructs or takes part in a path, an interaction term names an unknown construct, a
         *     dimension or another term, a path leads to an interaction term, a construct takes part in no path,
         *     or a model derived for estimation is invalid (see {@link PathModel.Builder#build()}); messages name
         *     the construct
         */
        public ExtendedPathModel build() {
            return new ExtendedPathModel(this);
        }
    }
}
