package org.powercx.ahp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.powercx.core.TextTable;

/**
 * The outcome of {@link ConsistencyAdvisor#repair(PairwiseMatrix, double)}.
 *
 * @since 0.1.0
 */
public final class RepairResult {
    private final AhpResult before;
    private final PairwiseMatrix repaired;
    private final AhpResult after;
    private final List<Change> changes;
    private final double target;

    /**
     * One changed judgment.
     *
     * @param row criterion \( i \)
     * @param column criterion \( j \)
     * @param oldValue \( a_{ij} \) before the change
     * @param newValue \( a_{ij} \) after it, the value implied by the other judgments at that step
     * @param consistencyRatioAfter the CR after this change
     * @since 0.1.0
     */
    public record Change(String row, String column, double oldValue, double newValue, double consistencyRatioAfter) {
        /**
         * Validates the components.
         *
         * @param row criterion \( i \)
         * @param column criterion \( j \)
         * @param oldValue the old judgment
         * @param newValue the new judgment
         * @param consistencyRatioAfter the CR after the change
         * @throws AhpException if a name is null or a number invalid
         */
        public Change {
            Check.notNull(row, "row");
            Check.notNull(column, "column");
            Check.positive(oldValue, "old value");
            Check.positive(newValue, "new value");
            Check.nonNegative(consistencyRatioAfter, "consistency ratio after");
        }
    }

    /**
     * Validates and copies the components.
     *
     * @param before the evaluation as given
     * @param repaired the repaired matrix
     * @param after its evaluation
     * @param changes the changes
     * @param target the target CR
     * @throws AhpException if a component is null or the target invalid
     */
    RepairResult(AhpResult before, PairwiseMatrix repaired, AhpResult after, List<Change> changes, double target) {
        Check.notNull(before, "evaluation before");
        Check.notNull(repaired, "repaired matrix");
        Check.notNull(after, "evaluation after");
        changes = List.copyOf(Check.notNull(changes, "changes"));
        Check.nonNegative(target, "target");
        this.before = before;
        this.repaired = repaired;
        this.after = after;
        this.changes = changes;
        this.target = target;
    }

    /**
     * Returns the evaluation of the matrix as given.
     *
     * @return the evaluation of the matrix as given
     */
    public AhpResult before() {
        return before;
    }

    /**
     * Returns the matrix after all changes.
     *
     * @return the matrix after all changes
     */
    public PairwiseMatrix repaired() {
        return repaired;
    }

    /**
     * Returns the evaluation of the repaired matrix.
     *
     * @return the evaluation of the repaired matrix
     */
    public AhpResult after() {
        return after;
    }

    /**
     * Returns every change, in the order made.
     *
     * @return every change, in the order made
     */
    public List<Change> changes() {
        return changes;
    }

    /**
     * Returns the target CR.
     *
     * @return the target CR
     */
    public double target() {
        return target;
    }

    /**
     * Whether the repaired matrix reaches the target.
     *
     * @return true if its CR is at or below the target
     */
    public boolean reached() {
        return after.consistencyRatio() <= target;
    }

    /**
     * The changes as a table, with the CR before and after.
     *
     * @return a readable rendering
     */
    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        for (Change c : changes) {
            rows.add(List.of(c.row(), c.column(), TextTable.number(c.oldValue()), TextTable.number(c.newValue()),
                TextTable.number(c.consistencyRatioAfter())));
        }
        return "CR " + TextTable.number(before.consistencyRatio()) + " -> " + TextTable.number(after.consistencyRatio())
            + (reached() ? " (target " : " (target NOT reached: ") + TextTable.number(target) + ") in "
            + changes.size() + " change(s)\n" + TextTable.render(List.of("row", "column", "old", "new", "CR after"), rows);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RepairResult o && Objects.equals(before, o.before)
            && Objects.equals(repaired, o.repaired)
            && Objects.equals(after, o.after)
            && Objects.equals(changes, o.changes)
            && Double.compare(target, o.target) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(before, repaired, after, changes, target);
    }
}
