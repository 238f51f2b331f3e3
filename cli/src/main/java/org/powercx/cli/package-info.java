/** Placeholder until the cli issue lands. */
package org.powercx.cli;
