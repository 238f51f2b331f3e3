/**
 * Customer lifetime value: deterministic discounted-margin CLV, the shifted-beta-geometric model of contractual
 * retention, the BG/NBD, Pareto/NBD and BG/BB models of non-contractual purchases, the Gamma-Gamma model of spend,
 * and the calibration/holdout validation of purchase models.
 */
package org.powercx.clv;
