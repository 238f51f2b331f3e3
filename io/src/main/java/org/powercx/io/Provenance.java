package org.powercx.io;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where a saved model came from: the library version that wrote it, the number of rows it was fitted on, the
 * time it was written and the configuration that produced it (free-form names and values, such as
 * {@code "distinguishing coefficient" = "0.5"}). It is informative only: a model's arithmetic never depends on
 * it. Immutable.
 *
 * @param library the version of the library that wrote the file, such as {@code 0.2.0}
 * @param fittedRows the number of rows the model was fitted on, at least 0 (0 for a model that was not fitted)
 * @param created when the file was written, to the second
 * @param configuration the configuration, in insertion order
 * @since 0.2.0
 */
public record Provenance(String library, long fittedRows, Instant created, Map<String, String> configuration) {
    private static final String CURRENT_VERSION = readVersion();

    /**
     * Checks and copies the parts.
     *
     * @param library the library version that wrote the model
     * @param fittedRows the number of rows the model was fitted on
     * @param created when the model was written
     * @param configuration the configuration the model was fitted with
     * @throws FileFormatException if a part is null or blank, or the row count is negative
     */
    public Provenance {
        if (library == null || library.isBlank()) {
            throw new FileFormatException("provenance: library version is blank");
        }
        if (fittedRows < 0) {
            throw new FileFormatException("provenance: fitted rows must not be negative but was %d", fittedRows);
        }
        if (created == null || configuration == null) {
            throw new FileFormatException("provenance: %s is null", created == null ? "time" : "configuration");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : configuration.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new FileFormatException("provenance: configuration entry '%s' has a null name or value",
                    e.getKey());
            }
            copy.put(e.getKey(), e.getValue());
        }
        configuration = Collections.unmodifiableMap(copy);
        created = created.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Provenance for a model written now by this library.
     *
     * @param fittedRows the number of rows the model was fitted on
     * @param configuration the configuration that produced it
     * @return the provenance
     * @throws FileFormatException if the row count is negative or the configuration is null
     */
    public static Provenance of(long fittedRows, Map<String, String> configuration) {
        return new Provenance(CURRENT_VERSION, fittedRows, Instant.now(), configuration);
    }

    /**
     * Provenance for a model written now by this library, with no configuration recorded.
     *
     * @param fittedRows the number of rows the model was fitted on
     * @return the provenance
     * @throws FileFormatException if the row count is negative
     */
    public static Provenance of(long fittedRows) {
        return of(fittedRows, Map.of());
    }

    /**
     * The version of this library, as its jar records it.
     *
     * @return the version, or {@code unknown}
     */
    public static String libraryVersion() {
        return CURRENT_VERSION;
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String v = p.getProperty("version", "unknown");
        return v.isBlank() || v.startsWith("$") ? "unknown" : v;
    }
}
