package org.powercx.io;

import java.nio.file.Path;
import java.util.List;
import org.powercx.clv.GammaGammaFit;

/**
 * A saved Gamma-Gamma fit, kind {@code gamma-gamma-fit},
 * version 1: the fields of {@link GammaGammaFit.Parameters} ({@code p}, {@code q}, {@code v},
 * {@code logLikelihood}, {@code customers}, {@code evaluations}) in the shared envelope. The format is
 * described in the file-format chapter of the user guide. Reading never runs Java deserialization; doubles
 * round-trip exactly; every error names the file, the line and the field.
 *
 * @since 0.2.0
 */
public final class GammaGammaFitFile {
    /** The kind. */
    public static final String KIND = "gamma-gamma-fit";
    /** The newest version this library writes and reads. */
    public static final int VERSION = 1;

    private static final FitFile<GammaGammaFit> FILE = new FitFile<>(KIND, VERSION,
        List.of("p", "q", "v", "logLikelihood", "customers", "evaluations"),
        (out, fit) -> {
            GammaGammaFit.Parameters p = fit.parameters();
            ModelFile.number(out, "p", p.p());
            ModelFile.number(out, "q", p.q());
            ModelFile.number(out, "v", p.v());
            ModelFile.number(out, "logLikelihood", p.logLikelihood());
            out.writeNumberField("customers", p.customers());
            out.writeNumberField("evaluations", p.evaluations());
        },
        root -> GammaGammaFit.of(new GammaGammaFit.Parameters(root.get("p").number(), root.get("q").number(),
                root.get("v").number(),
                root.get("logLikelihood").number(), root.get("customers").integer(1, Integer.MAX_VALUE),
                root.get("evaluations").integer(0, Integer.MAX_VALUE))));

    private GammaGammaFitFile() {
    }

    /**
     * Writes a fit atomically.
     *
     * @param file the target file; its directory must exist
     * @param fit the fit
     * @param provenance where the fit came from
     * @throws FileFormatException if an argument is null or the file cannot be written
     */
    public static void write(Path file, GammaGammaFit fit, Provenance provenance) {
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
    public static String toJson(GammaGammaFit fit, Provenance provenance) {
        return FILE.toJson(fit, provenance);
    }

    /**
     * Reads a fit file.
     *
     * @param file the file
     * @return the fit
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static GammaGammaFit read(Path file) {
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
    public static GammaGammaFit parse(String text, String name) {
        return FILE.parse(text, name);
    }

    /**
     * Builds a fit from a parsed file.
     *
     * @param root the parsed file
     * @return the fit
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static GammaGammaFit parse(Json root) {
        return FILE.parse(root);
    }
}
