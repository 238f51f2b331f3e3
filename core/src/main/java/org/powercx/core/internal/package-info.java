/**
 * Infrastructure shared by the PowerCX modules, not for users: the thread helper behind every
 * {@code withThreads(...)} option. It is public only because the other modules call it; it may change or
 * disappear in any release without notice and is not covered by the compatibility promise of the other
 * packages.
 */
package org.powercx.core.internal;
