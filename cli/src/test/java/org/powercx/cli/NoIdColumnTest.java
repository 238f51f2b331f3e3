package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --no-id}: a file without an id column (every column data, as in scikit-learn's data sets) is read with
 * the customers numbered 1, 2, ... in file order, and scores as the same file with its ids does.
 */
class NoIdColumnTest {
    @TempDir
    Path dir;

    /** The documented example without its first (id) column. */
    private Path withoutIds(String example) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(Cli.doc(example))) {
            out.add(line.substring(line.indexOf(',') + 1));
        }
        Path f = dir.resolve("no-ids.csv");
        Files.write(f, out);
        return f;
    }

    /** Data row number (1-based) to the example's id in that row. */
    private static Map<String, String> idsByRow(String example) throws IOException {
        Map<String, String> m = new HashMap<>();
        List<String> lines = Files.readAllLines(Cli.doc(example));
        for (int k = 1; k < lines.size(); k++) {
            m.put(Integer.toString(k), lines.get(k).substring(0, lines.get(k).indexOf(',')));
        }
        return m;
    }

    @Test
    void graNumbersTheCustomersAndGradesThemAsWithIds() throws IOException {
        Path noIds = withoutIds("docs/examples/customers.csv");
        Map<String, String> idOf = idsByRow("docs/examples/customers.csv");
        Cli with = Cli.run("gra", Cli.doc("docs/examples/customers.csv").toString(), "-f", "csv");
        Cli numbered = Cli.run("gra", noIds.toString(), "--no-id", "-f", "csv");
        assertThat(with.status).as(with.toString()).isZero();
        assertThat(numbered.status).as(numbered.toString()).isZero();
        // the same ranking and grades, the row numbers standing for the ids of those rows
        List<String> a = with.out.lines().filter(l -> l.matches("\\d+,.*")).toList();
        List<String> b = numbered.out.lines().filter(l -> l.matches("\\d+,.*")).toList();
        assertThat(b).hasSameSizeAs(a).hasSize(idOf.size());
        for (int k = 0; k < a.size(); k++) {
            String[] x = a.get(k).split(",");
            String[] y = b.get(k).split(",");
            assertThat(idOf.get(y[1])).as(b.get(k)).isEqualTo(x[1]);
            assertThat(y[2]).isEqualTo(x[2]);
        }
        // without the option the first indicator is taken as the ids: one indicator fewer
        Cli asIds = Cli.run("gra", noIds.toString(), "-f", "csv");
        assertThat(asIds.out + asIds.err).doesNotContain("7 indicators");
        assertThat(numbered.out).contains("7 indicators");
    }

    @Test
    void streamingReadsNumberedCustomersAsInMemory() throws IOException {
        Path noIds = withoutIds("docs/examples/customers.csv");
        Cli memory = Cli.run("gra", noIds.toString(), "--no-id", "-f", "csv");
        Cli stream = Cli.run("gra", noIds.toString(), "--no-id", "--stream");
        assertThat(stream.status).as(stream.toString()).isZero();
        Map<String, String> grades = new HashMap<>();
        memory.out.lines().filter(l -> l.matches("\\d+,.*")).forEach(l -> grades.put(l.split(",")[1], l.split(",")[2]));
        List<String> lines = stream.out.lines().filter(l -> l.matches("\\d+,.*")).toList();
        assertThat(lines).hasSize(grades.size());
        for (int k = 0; k < lines.size(); k++) {
            String[] f = lines.get(k).split(",");
            assertThat(f[0]).isEqualTo(Integer.toString(k + 1));
            assertThat(Double.parseDouble(f[1])).isEqualTo(Double.parseDouble(grades.get(f[0])));
        }
    }

    @Test
    void creditFitsNumberedCustomersAsWithIds() throws IOException {
        Path noIds = withoutIds("docs/examples/credit.csv");
        Cli with = Cli.run("credit", "fit", Cli.doc("docs/examples/credit.csv").toString(), "-f", "csv");
        Cli numbered = Cli.run("credit", "fit", noIds.toString(), "--no-id", "-f", "csv");
        assertThat(with.status).as(with.toString()).isZero();
        assertThat(numbered.status).as(numbered.toString()).isZero();
        assertThat(numbered.out).isEqualTo(with.out);
    }

    @Test
    void idAndNoIdTogetherAreOneLineError() throws IOException {
        Path noIds = withoutIds("docs/examples/customers.csv");
        Cli both = Cli.run("gra", noIds.toString(), "--no-id", "--id", "annual_kwh");
        assertThat(both.status).isNotZero();
        assertThat(both.err.strip()).isEqualTo("powercx gra: options --id and --no-id exclude each other; give one");
        Cli database = Cli.run("gra", "--jdbc", "jdbc:h2:mem:noid", "--query", "SELECT 1 AS x", "--no-id");
        assertThat(database.status).isNotZero();
        assertThat(database.err).contains("option --no-id: for CSV files");
    }
}
