/**
 * The library's file formats: AHP matrix and hierarchy files, PLS path model files and weights files, read from
 * JSON with the file, line and field of every error named. The formats are described in the user guide's
 * file-format chapter.
 */
package org.powercx.io;
