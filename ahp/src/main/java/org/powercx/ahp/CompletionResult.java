package org.powercx.ahp;

import java.util.Objects;

/**
 * An incomplete matrix's completion and the evaluation of the completed matrix, from
 * {@link Ahp#evaluate(IncompleteMatrix, CompletionMethod)}.
 *
 * @since 0.1.0
 */
public final class CompletionResult {
    private final CompletionMethod method;
    private final PairwiseMatrix completed;
    private final AhpResult result;
    /**
     * Validates the components.
     *
     * @param method the completion method
     * @param completed the completed matrix
     * @param result its evaluation
     * @throws AhpException if a component is null
     */
    CompletionResult(CompletionMethod method, PairwiseMatrix completed, AhpResult result) {
        Check.notNull(method, "completion method");
        Check.notNull(completed, "completed matrix");
        Check.notNull(result, "result");
        this.method = method;
        this.completed = completed;
        this.result = result;
    }

    /**
     * Returns the completion method.
     *
     * @return the completion method
     */
    public CompletionMethod method() {
        return method;
    }

    /**
     * Returns the completed matrix.
     *
     * @return the completed matrix
     */
    public PairwiseMatrix completed() {
        return completed;
    }

    /**
     * Returns the priorities and consistency of the completed matrix.
     *
     * @return its priorities and consistency
     */
    public AhpResult result() {
        return result;
    }

    /**
     * The completion method, the completed matrix and the evaluation as text.
     *
     * @return a readable rendering
     */
    @Override
    public String toString() {
        return method + " completion\n" + completed + "\n" + result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompletionResult o && Objects.equals(method, o.method)
            && Objects.equals(completed, o.completed)
            && Objects.equals(result, o.result);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, completed, result);
    }
}
