/**
 * Infrastructure shared by the PowerCX modules, not for users: the thread helper behind every
 * {@code withThreads(...)} option, read-only access to a table's column arrays ({@code TableColumns}) and the
 * recognition and ordered selection of a table's id list ({@code TableIds}), message formatting and atomic file replacement. It is public only because the other modules call it; it may change or
 * disappear in any release without notice and is not covered by the compatibility promise of the other
 * packages.
 */
package org.powercx.core.internal;
