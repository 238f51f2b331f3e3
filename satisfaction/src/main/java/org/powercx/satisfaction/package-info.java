/**
 * Customer satisfaction index models (ACSI, ECSI, power-industry CSI) estimated by partial least squares path
 * modeling, with bootstrap inference, reliability and validity checks, consistent PLS, model fit, out-of-sample
 * prediction (PLSpredict), 0-100 indices and group comparisons.
 */
package org.powercx.satisfaction;
