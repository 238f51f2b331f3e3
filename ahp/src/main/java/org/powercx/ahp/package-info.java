/** Placeholder until the ahp issue lands. */
package org.powercx.ahp;
