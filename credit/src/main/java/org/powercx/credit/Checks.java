package org.powercx.credit;

/** Input checks shared by the validation classes. Package-private. */
final class Checks {
    private Checks() {
    }

    /**
     * Checks scores and 0/1 outcomes.
     *
     * @return the number of positives (label 1)
     */
    static int scoresAndOutcomes(double[] scores, int[] outcomes, boolean needBoth) {
        return valuesAndOutcomes("score", scores, outcomes, needBoth);
    }

    /**
     * Checks 0/1 outcomes alone (for fits whose values are checked as they are read).
     *
     * @return the number of positives (label 1)
     */
    static int outcomes(int[] outcomes, boolean needBoth) {
        if (outcomes == null) {
            throw new CreditException("outcomes must not be null");
        }
        if (outcomes.length == 0) {
            throw new CreditException("no outcomes");
        }
        int positives = 0;
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] != 0 && outcomes[i] != 1) {
                throw new CreditException("outcome %d is %d; outcomes must be 0 (good) or 1 (default)", i,
                    outcomes[i]);
            }
            positives += outcomes[i];
        }
        if (needBoth && (positives == 0 || positives == outcomes.length)) {
            throw new CreditException("all %d outcomes are %d: both good (0) and default (1) customers are needed",
                outcomes.length, positives == 0 ? 0 : 1);
        }
        return positives;
    }

    /**
     * Checks values of one kind (named in messages, e.g. "value" for an indicator), then the 0/1 outcomes.
     *
     * @return the number of positives (label 1)
     */
    static int valuesAndOutcomes(String noun, double[] scores, int[] outcomes, boolean needBoth) {
        if (scores == null || outcomes == null) {
            throw new CreditException("%ss and outcomes must not be null", noun);
        }
        if (scores.length != outcomes.length) {
            throw new CreditException("%d %ss but %d outcomes", scores.length, noun, outcomes.length);
        }
        if (scores.length == 0) {
            throw new CreditException("no %ss", noun);
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new CreditException("%s %d is not finite: %s", noun, i, scores[i]);
            }
        }
        return outcomes(outcomes, needBoth);
    }
}

