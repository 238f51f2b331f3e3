/**
 * Grey-system methods for customer evaluation: weighted grey relational analysis that scores millions of
 * customers against an ideal sequence, Deng's and Liu's grey incidence degrees, and GM(1,1) forecasting.
 */
package org.powercx.grey;
