/**
 * The {@code powercx} command-line tool: per-method subcommands on CSV and JSON files, the demo over the bundled
 * sample, a self-contained HTML report with SVG charts, and a JShell launcher.
 *
 * <p>The only supported programming interface is {@link org.powercx.cli.Main} (its {@code main} and
 * {@code run} methods) and the {@link org.powercx.cli.CliException} that the file readers of this package
 * throw. The subcommands, the output tables, the HTML report and the SVG charts are package-private
 * implementation details of the tool and may change in any release.
 *
 * @since 0.1.0
 */
package org.powercx.cli;
