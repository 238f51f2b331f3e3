package org.powercx.samples;

import org.powercx.core.CustomerIndicators;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.powercx.core.CsvTableReader;
import org.powercx.core.IndicatorTable;

/**
 * The bundled sample: {@value #CUSTOMERS} customers made by {@link CustomerGenerator} with seed
 * {@value #CUSTOMER_SEED} and {@value #RESPONDENTS} of them answering the survey of {@link SurveyGenerator}
 * with seed {@value #SURVEY_SEED}, stored as CSV resources {@code org/powercx/samples/sample/customers.csv}
 * and {@code survey.csv} (first column the customer id). Regenerating with those seeds gives the same tables.
 *
 * @since 0.1.0
 */
public final class SampleData {
    /** Customers in the sample. */
    public static final int CUSTOMERS = 5000;
    /** Survey respondents in the sample. */
    public static final int RESPONDENTS = 500;
    /** Seed of the customer sample. */
    public static final long CUSTOMER_SEED = 2019L;
    /** Seed of the survey sample. */
    public static final long SURVEY_SEED = 2020L;
    /** Resource path of the customer table. */
    public static final String CUSTOMERS_RESOURCE = "/org/powercx/samples/sample/customers.csv";
    /** Resource path of the survey table. */
    public static final String SURVEY_RESOURCE = "/org/powercx/samples/sample/survey.csv";

    private SampleData() {
    }

    /**
     * The sample customers, with the columns of {@link CustomerIndicators}.
     *
     * @return a new table of {@value #CUSTOMERS} rows
     * @throws UncheckedIOException if the resource cannot be read
     */
    public static IndicatorTable customers() {
        return read(CUSTOMERS_RESOURCE, CsvTableReader.withDefaults().withIndicators(CustomerGenerator.columns()));
    }

    /**
     * The sample survey answers: the respondent's customer class and the 27 items imag1 to loy4 of {@link SurveyGenerator} on a 1-10 scale.
     *
     * @return a new table of {@value #RESPONDENTS} rows
     * @throws UncheckedIOException if the resource cannot be read
     */
    public static IndicatorTable survey() {
        return read(SURVEY_RESOURCE, CsvTableReader.withDefaults());
    }

    static IndicatorTable read(String resource, CsvTableReader reader) {
        InputStream in = SampleData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new UncheckedIOException(new IOException("resource not found: " + resource));
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return reader.read(r, resource).table();
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
    }
}
