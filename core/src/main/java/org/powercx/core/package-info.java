/**
 * The shared language of PowerCX: indicators and their directions, immutable indicator tables read from CSV,
 * normalisation fitted on calibration data, and weights.
 */
package org.powercx.core;
