/** Placeholder until the credit issue lands. */
package org.powercx.credit;
