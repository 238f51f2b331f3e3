package org.powercx.cli;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.powercx.core.CsvTableReader;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.MissingValuePolicy;
import org.powercx.core.Normalization;

/** The {@code powercx} command-line tool. */
public final class Main {
    private Main() {
    }

    /**
     * Entry point.
     *
     * @param args {@code demo}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !args[0].equals("demo")) {
            System.err.println("usage: powercx demo");
            System.exit(2);
        }
        try (Reader r = new InputStreamReader(Main.class.getResourceAsStream("customers.csv"), StandardCharsets.UTF_8)) {
            IndicatorTable t = CsvTableReader.withDefaults()
                .withIndicators(List.of(Indicator.cost("arrears_count"), Indicator.target("load_factor", 0.8)))
                .withMissingValuePolicy(MissingValuePolicy.COLUMN_MEAN)
                .read(r, "customers.csv").table();
            System.out.println(Normalization.MIN_MAX.apply(t));
        }
    }
}
