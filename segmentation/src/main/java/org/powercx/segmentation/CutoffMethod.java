package org.powercx.segmentation;

/**
 * How {@link ValueSegmentation} places the cut-off between high and low value on each axis.
 *
 * @since 0.1.0
 */
public enum CutoffMethod {
    /**
     * A quantile of the values (linear interpolation between order statistics, type 7 of Hyndman and Fan
     * 1996, doi:10.1080/00031305.1996.10473566).
     */
    QUANTILE,
    /** The arithmetic mean of the values. */
    MEAN,
    /** Cut-offs given by the caller, for example kept from a calibration year. */
    GIVEN
}
