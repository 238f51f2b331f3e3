/**
 * Power-customer segmentation end to end: value evaluation and value segments, risk topics, credit grades,
 * satisfaction by segment and a differentiated service plan, with a seeded generator of realistic sample data.
 */
package org.powercx.segmentation;
