package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader options of 0.2.0, each read both from a character stream and from a file on 1 and 2 threads. */
class CsvReaderOptionsTest {
    private static final CsvTableReader READER = CsvTableReader.withDefaults();

    @TempDir
    Path dir;

    /** The text read through every path: a character stream, then a file on one and on two threads. */
    private List<CsvReadResult> readAll(CsvTableReader reader, String text) throws IOException {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        List<CsvReadResult> results = new ArrayList<>();
        results.add(reader.read(new StringReader(text), file.toString()));
        results.add(reader.read(file));
        results.add(reader.withThreads(2).read(file, 1));
        return results;
    }

    private void assertAllFail(CsvTableReader reader, String text, String message) throws IOException {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.read(new StringReader(text), file.toString())).hasMessage(message);
        assertThatThrownBy(() -> reader.read(file)).hasMessage(message);
        assertThatThrownBy(() -> reader.withThreads(2).read(file, 1)).hasMessage(message);
    }

    @Test
    void withoutIdColumnEveryColumnIsAnIndicatorAndIdsAreRowNumbers() throws IOException {
        // the example: a first feature whose values repeat used to fail as a duplicate id
        String text = "x0,x1\n16.13,0.2\n16.13,0.4\n\n16.5,\n";
        for (CsvReadResult r : readAll(READER.withoutIdColumn().withMissingValuePolicy(MissingValuePolicy.DROP_ROWS),
            text)) {
            assertThat(r.table().ids()).containsExactly("1", "2");
            assertThat(r.table().indicatorNames()).containsExactly("x0", "x1");
            assertThat(r.table().column("x0")).containsExactly(16.13, 16.13);
            assertThat(r.rowsDropped()).isEqualTo(1);
        }
        for (CsvReadResult r : readAll(READER.withoutIdColumn().withMissingValuePolicy(MissingValuePolicy.DROP_ROWS),
            "x0,x1\n1,\n2,3\n")) {
            // a dropped row keeps its number: the ids are data row numbers
            assertThat(r.table().ids()).containsExactly("2");
        }
        assertAllFail(READER, text, dir.resolve("data.csv") + ":3: duplicate customer id '16.13' (first on line 2)");
        assertThat(READER.withoutIdColumn().withIdColumn("x1").read(new StringReader("x0,x1\n16.13,0.2\n16.13,0.4\n"),
            "s").table().ids())
            .containsExactly("0.2", "0.4");
    }

    @Test
    void readsTheOutputOfRWriteCsvWithRowNames() throws IOException {
        // write.csv(data.frame(kwh = c(1200, NA), arrears = c(0, 3.5), row.names = c("c1", "c2")), f): R writes a
        // blank first header over the row names, quotes the strings and writes NA for a missing value
        String text = "\"\",\"kwh\",\"arrears\"\n\"c1\",1200,0\n\"c2\",NA,3.5\n";
        for (CsvReadResult r : readAll(READER.withMissingValuePolicy(MissingValuePolicy.COLUMN_MEAN), text)) {
            assertThat(r.table().ids()).containsExactly("c1", "c2");
            assertThat(r.table().indicatorNames()).containsExactly("kwh", "arrears");
            assertThat(r.table().column("arrears")).containsExactly(0, 3.5);
            assertThat(r.isMissing(1, 0)).isTrue();
        }
        // only the first header may be blank, and only when it is the id column
        assertAllFail(READER, "id,,b\nc1,1,2\n", dir.resolve("data.csv") + ":1: header of column 2 is blank");
        assertAllFail(READER.withoutIdColumn(), "\"\",a\n1,2\n",
            dir.resolve("data.csv") + ":1: header of column 1 is blank");
    }

    @Test
    void onlySelectedColumnsAreParsed() throws IOException {
        // the example: a text column the user did not ask for stopped the read
        String text = "id,channel_sales,kwh\nc1,foosdfpfkoefjnfpoa,12.5\nc2,\"x,\"\"y\"\"\",7\n";
        for (CsvReadResult r : readAll(READER.withColumns("kwh"), text)) {
            assertThat(r.table().indicatorNames()).containsExactly("kwh");
            assertThat(r.table().column(0)).containsExactly(12.5, 7);
        }
        assertAllFail(READER, text,
            dir.resolve("data.csv") + ":2: column 'channel_sales': 'foosdfpfkoefjnfpoa' is not a number");
    }

    @Test
    void missingCellsAreKeptAsAMaskUnderColumnMean() throws IOException {
        String text = "id,a,b\nc1,1,\nc2,3,4\nc3,NA,6\n";
        for (CsvReadResult r : readAll(READER.withMissingValuePolicy(MissingValuePolicy.COLUMN_MEAN), text)) {
            assertThat(r.table().column("a")).containsExactly(1, 3, 2);
            assertThat(r.table().column("b")).containsExactly(5, 4, 6);
            assertThat(r.missingMask(0)).containsExactly(false, false, true);
            assertThat(r.missingMask(1)).containsExactly(true, false, false);
            assertThat(r.isMissing(1, 1)).isFalse();
            assertThat(r.cellsFilled()).isEqualTo(2);
            assertThatThrownBy(() -> r.isMissing(0, 2)).hasMessage("column 2 is out of range; the table has 2 columns");
            assertThatThrownBy(() -> r.missingMask(-1)).isInstanceOf(CoreException.class);
            assertThatThrownBy(() -> r.isMissing(3, 0)).hasMessage("row 3 is out of range; the table has 3 rows");
        }
        for (CsvReadResult r : readAll(READER.withMissingValuePolicy(MissingValuePolicy.DROP_ROWS), text)) {
            assertThat(r.missingMask(0)).containsExactly(false);
            assertThat(r.isMissing(0, 1)).isFalse();
        }
    }

    @Test
    void raggedRowsOfACohortTableAreReadAsMissingCells() throws IOException {
        String cohorts = "cohort,m1,m2,m3\n2024-01,100,80,70\n2024-02,120,90\n\n2024-03,110\n";
        for (CsvReadResult r : readAll(READER.withRaggedRows(true)
            .withMissingValuePolicy(MissingValuePolicy.COLUMN_MEAN), cohorts)) {
            assertThat(r.table().ids()).containsExactly("2024-01", "2024-02", "2024-03");
            assertThat(r.table().column("m3")).containsExactly(70, 70, 70);
            assertThat(r.missingMask(2)).containsExactly(false, true, true);
            assertThat(r.missingMask(1)).containsExactly(false, false, true);
            assertThat(r.line(2)).isEqualTo(5);
        }
        for (CsvReadResult r : readAll(READER.withRaggedRows(true)
            .withMissingValuePolicy(MissingValuePolicy.DROP_ROWS), cohorts)) {
            assertThat(r.table().ids()).containsExactly("2024-01");
        }
        assertAllFail(READER.withRaggedRows(true), cohorts,
            dir.resolve("data.csv") + ":3: column 'm3': value is missing (customer '2024-02') (missing value policy"
                + " REJECT)");
        assertAllFail(READER, cohorts, dir.resolve("data.csv") + ":3: 3 fields but the header has 4");
        assertAllFail(READER.withRaggedRows(true), "id,a\nc1,1,2\n",
            dir.resolve("data.csv") + ":2: 3 fields but the header has 2");
        assertAllFail(READER.withRaggedRows(true).withIdColumn("k"), "a,k\n1\n",
            dir.resolve("data.csv") + ":2: customer id (column 2) is blank");
    }

    @Test
    void lineNumbersCountBlankLinesInFilesToo() throws IOException {
        assertAllFail(READER, "id,a\nc1,1\n\n\n\nc2,x\n", dir.resolve("data.csv") + ":6: column 'a': 'x' is not a number");
        assertAllFail(READER, "id,a\r\n\r\nc1,1\r\n\r\nc1,2\r\n",
            dir.resolve("data.csv") + ":5: duplicate customer id 'c1' (first on line 3)");
    }
}
