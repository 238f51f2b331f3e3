package org.powercx.ahp;

/**
 * An incomplete matrix's completion and the evaluation of the completed matrix, from
 * {@link Ahp#evaluate(IncompleteMatrix, CompletionMethod)}.
 *
 * @param method the completion method
 * @param completed the completed matrix
 * @param result its priorities and consistency
 * @since 0.1.0
 */
public record CompletionResult(CompletionMethod method, PairwiseMatrix completed, AhpResult result) {
    /**
     * Validates the components.
     *
     * @param method the completion method
     * @param completed the completed matrix
     * @param result its evaluation
     * @throws AhpException if a component is null
     */
    public CompletionResult {
        Check.notNull(method, "completion method");
        Check.notNull(completed, "completed matrix");
        Check.notNull(result, "result");
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
}
