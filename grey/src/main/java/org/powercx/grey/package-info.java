/** Placeholder until the grey issue lands. */
package org.powercx.grey;
