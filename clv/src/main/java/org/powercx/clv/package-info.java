/**
 * Customer lifetime value: deterministic discounted-margin CLV, the shifted-beta-geometric model of contractual
 * retention, and the BG/NBD and Gamma-Gamma models of non-contractual purchases and spend.
 */
package org.powercx.clv;
