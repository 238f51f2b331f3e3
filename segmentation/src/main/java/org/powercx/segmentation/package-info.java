/** Placeholder until the segmentation issue lands. */
package org.powercx.segmentation;
