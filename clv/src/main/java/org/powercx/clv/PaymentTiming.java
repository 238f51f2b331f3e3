package org.powercx.clv;

/**
 * When in each period a customer's margin is received, which decides how it is discounted.
 *
 * @since 0.1.0
 */
public enum PaymentTiming {
    /**
     * Margin of period \(t = 1, 2, \dots\) received at the start of the period, time \(t-1\): the first margin is
     * certain and undiscounted, \(\mathrm{CLV} = \sum_{t=0}^{H-1} m\, r^t/(1+d)^t\).
     */
    START_OF_PERIOD,
    /**
     * Margin of period \(t\) received at its end, time \(t\), if the customer is still retained:
     * \(\mathrm{CLV} = \sum_{t=1}^{H} m\, r^t/(1+d)^t\).
     */
    END_OF_PERIOD
}
