/**
 * Credit rating of power customers: Fisher's linear discriminant, credit grades, validation metrics and
 * sensitivity analysis, on {@link org.powercx.core.IndicatorTable}s.
 */
package org.powercx.credit;
