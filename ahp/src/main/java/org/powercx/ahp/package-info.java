/**
 * Analytic Hierarchy Process: consistency-checked priority weights from pairwise comparison matrices,
 * hierarchies, group judgments, incomplete matrices and consistency repair advice.
 */
package org.powercx.ahp;
