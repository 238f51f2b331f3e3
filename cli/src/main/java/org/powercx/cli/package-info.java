/**
 * The {@code powercx} command-line tool: per-method subcommands on CSV and JSON files, the demo over the bundled
 * sample, a self-contained HTML report with SVG charts, and a JShell launcher.
 *
 * @since 0.1.0
 */
package org.powercx.cli;
