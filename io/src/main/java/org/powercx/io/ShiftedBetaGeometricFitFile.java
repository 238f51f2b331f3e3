package org.powercx.io;

import java.nio.file.Path;
import java.util.List;
import org.powercx.clv.ShiftedBetaGeometricFit;

/**
 * A saved shifted-beta-geometric fit, kind {@code shifted-beta-geometric-fit},
 * version 1: the fields of {@link ShiftedBetaGeometricFit.Parameters} ({@code alpha}, {@code beta},
 * {@code logLikelihood}, {@code customers}, {@code evaluations}) in the shared envelope. The format is
 * described in the file-format chapter of the user guide. Reading never runs Java deserialization; doubles
 * round-trip exactly; every error names the file, the line and the field.
 *
 * @since 0.2.0
 */
public final class ShiftedBetaGeometricFitFile {
    /** The kind. */
    public static final String KIND = "shifted-beta-geometric-fit";
    /** The newest version this library writes and reads. */
    public static final int VERSION = 1;

    private static final FitFile<ShiftedBetaGeometricFit> FILE = new FitFile<>(KIND, VERSION,
        List.of("alpha", "beta", "logLikelihood", "customers", "evaluations"),
        (out, fit) -> {
            ShiftedBetaGeometricFit.Parameters p = fit.parameters();
            ModelFile.number(out, "alpha", p.alpha());
            ModelFile.number(out, "beta", p.beta());
            ModelFile.number(out, "logLikelihood", p.logLikelihood());
            out.writeNumberField("customers", p.customers());
            out.writeNumberField("evaluations", p.evaluations());
        },
        root -> ShiftedBetaGeometricFit.of(new ShiftedBetaGeometricFit.Parameters(root.get("alpha").number(),
                root.get("beta").number(),
                root.get("logLikelihood").number(), root.get("customers").integer(1, Integer.MAX_VALUE),
                root.get("evaluations").integer(0, Integer.MAX_VALUE))));

    private ShiftedBetaGeometricFitFile() {
    }

    /**
     * Writes a fit atomically.
     *
     * @param file the target file; its directory must exist
     * @param fit the fit
     * @param provenance where the fit came from
     * @throws FileFormatException if an argument is null or the file cannot be written
     */
    public static void write(Path file, ShiftedBetaGeometricFit fit, Provenance provenance) {
        FILE.write(file, fit, provenance);
    }

    /**
     * The JSON text of a fit file.
     *
     * @param fit the fit
     * @param provenance where the fit came from
     * @return the text
     * @throws FileFormatException if an argument is null
     */
    public static String toJson(ShiftedBetaGeometricFit fit, Provenance provenance) {
        return FILE.toJson(fit, provenance);
    }

    /**
     * Reads a fit file.
     *
     * @param file the file
     * @return the fit
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static ShiftedBetaGeometricFit read(Path file) {
        return FILE.read(file);
    }

    /**
     * Reads a fit from JSON text.
     *
     * @param text the text
     * @param name the name errors give the text, such as a file name
     * @return the fit
     * @throws FileFormatException naming the line and field of any error
     */
    public static ShiftedBetaGeometricFit parse(String text, String name) {
        return FILE.parse(text, name);
    }

    /**
     * Builds a fit from a parsed file.
     *
     * @param root the parsed file
     * @return the fit
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static ShiftedBetaGeometricFit parse(Json root) {
        return FILE.parse(root);
    }
}
