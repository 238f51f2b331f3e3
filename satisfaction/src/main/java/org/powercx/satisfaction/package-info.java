/** Placeholder until the satisfaction issue lands. */
package org.powercx.satisfaction;
