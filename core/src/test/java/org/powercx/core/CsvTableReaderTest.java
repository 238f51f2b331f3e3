package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableReaderTest {
    private static final CsvTableReader READER = CsvTableReader.withDefaults();

    private static CsvReadResult read(CsvTableReader reader, String text) {
        return reader.read(new StringReader(text), "customers.csv");
    }

    @Test
    void readsHeaderIdsAndNumbers() {
        CsvReadResult result = read(READER, "id,kwh,arrears\nc1,1200,0\nc2,-3.5e2,+2\n");
        IndicatorTable t = result.table();
        assertThat(t.ids()).containsExactly("c1", "c2");
        assertThat(t.indicatorNames()).containsExactly("kwh", "arrears");
        assertThat(t.row("c2")).containsExactly(-350, 2);
        assertThat(result.rowsRead()).isEqualTo(2);
        assertThat(result.rowsDropped()).isZero();
        assertThat(result.cellsFilled()).isZero();
        assertThat(result.toString()).startsWith("read 2 rows, dropped 0, filled 0 cells");
    }

    @Test
    void handlesByteOrderMarkQuotesDelimiterAndUnicode() {
        String text = "\uFEFF\"户号\";\"年用电量\";\"名称\";欠费\n\"A;1\";\"1,5\";\"Plant \"\"North\"\"\";2\n";
        CsvReadResult result = read(READER.withDelimiter(';').withColumns("欠费"), text);
        assertThat(result.table().ids()).containsExactly("A;1");
        assertThat(result.table().indicatorNames()).containsExactly("欠费");
        assertThat(result.table().get("A;1", "欠费")).isEqualTo(2);
        assertThatThrownBy(() -> read(READER.withDelimiter(';'), text))
            .hasMessageContaining("customers.csv:2: column '年用电量': '1,5' is not a number");
    }

    @Test
    void chosenIdColumnColumnsAndDirections() {
        String text = "name,kwh,region_code,arrears\nx,1,5,0\ny,2,6,1\n";
        CsvReadResult result = read(READER.withIdColumn("name").withColumns("arrears", "kwh")
            .withIndicators(List.of(Indicator.cost("arrears").withUnit("count"))), text);
        IndicatorTable t = result.table();
        assertThat(t.indicatorNames()).containsExactly("arrears", "kwh");
        assertThat(t.indicator("arrears").direction()).isEqualTo(Direction.COST);
        assertThat(t.indicator("kwh").direction()).isEqualTo(Direction.BENEFIT);
        assertThat(t.row("y")).containsExactly(1, 2);
        CsvReadResult byLastColumn = read(READER.withIdColumn("arrears"), "kwh,arrears\n1,a\n2,b\n");
        assertThat(byLastColumn.table().ids()).containsExactly("a", "b");
    }

    @Test
    void reportsEveryKindOfMalformedFile() {
        assertThatThrownBy(() -> read(READER, "")).isInstanceOf(CoreException.class)
            .hasMessageContaining("customers.csv: the file is empty");
        assertThatThrownBy(() -> read(READER, "id,kwh,kwh\n"))
            .hasMessageContaining("customers.csv:1: duplicate header 'kwh' (columns 2 and 3)");
        assertThatThrownBy(() -> read(READER, "id,,fee\n"))
            .hasMessageContaining("customers.csv:1: header of column 2 is blank");
        assertThatThrownBy(() -> read(READER, "id,kwh\nc1,1\nc2,1,3\n"))
            .hasMessageContaining("customers.csv:3: 3 fields but the header has 2");
        assertThatThrownBy(() -> read(READER, "id,kwh\nc1,1\nc2,abc\n"))
            .hasMessageContaining("customers.csv:3: column 'kwh': 'abc' is not a number");
        assertThatThrownBy(() -> read(READER, "id,kwh\nc1,NaN\n"))
            .hasMessageContaining(":2: column \'kwh': 'NaN' is not a number");
        assertThatThrownBy(() -> read(READER, "id,kwh\nc1,Infinity\n")).hasMessageContaining("'Infinity'");
        assertThatThrownBy(() -> read(READER, "id,kwh\nc1,0x1p3\n")).hasMessageContaining("'0x1p3'");
        assertThatThrownBy(() -> read(READER, "id,kwh\nc1,1e999\n"))
            .hasMessageContaining("'1e999' is out of the range of a double");
        assertThatThrownBy(() -> read(READER, "id,kwh\nc1,1\nc2,2\nc1,3\n"))
            .hasMessageContaining("customers.csv:4: duplicate customer id 'c1' (first on line 2)");
        assertThatThrownBy(() -> read(READER, "id,kwh\n ,1\n"))
            .hasMessageContaining("customers.csv:2: customer id (column 1) is blank");
        assertThatThrownBy(() -> read(READER.withColumns("fee"), "id,kwh\nc1,1\n"))
            .hasMessageContaining("customers.csv: unknown column 'fee'; the header has [id, kwh]");
        assertThatThrownBy(() -> read(READER.withIdColumn("code"), "id,kwh\nc1,1\n"))
            .hasMessageContaining("unknown id column 'code'");
        assertThatThrownBy(() -> read(READER.withColumns("id"), "id,kwh\nc1,1\n"))
            .hasMessageContaining("column 'id' is the id column");
        assertThatThrownBy(() -> read(READER, "id\nc1\n"))
            .hasMessageContaining("no indicator columns besides the id column 'id'");
        assertThatThrownBy(() -> read(READER.withIndicators(List.of(Indicator.cost("fee"))), "id,kwh\nc1,1\n"))
            .hasMessageContaining("indicator 'fee' is defined but not among the columns read [kwh]");
        assertThatThrownBy(() -> read(READER, "id,kwh\nc1,\"1\n"))
            .hasMessageContaining("customers.csv").hasMessageContaining("malformed CSV");
    }

    @Test
    void rejectsBadConfiguration() {
        assertThatThrownBy(() -> READER.withDelimiter('"')).hasMessageContaining("cannot be a CSV delimiter");
        assertThatThrownBy(() -> READER.withColumns()).hasMessageContaining("at least one column");
        assertThatThrownBy(() -> READER.withColumns("a", "a")).hasMessageContaining("column 'a' is named twice");
        assertThatThrownBy(() -> READER.withIdColumn(" ")).hasMessageContaining("non-blank");
        assertThatThrownBy(() -> READER.withMissingValuePolicy(null)).hasMessageContaining("policy is null");
        assertThatThrownBy(() -> READER.withIndicators(List.of(Indicator.cost("a"), Indicator.benefit("a"))))
            .hasMessageContaining("indicator 'a' is defined twice");
        assertThatThrownBy(() -> READER.withMissingTokens((String) null)).hasMessageContaining("token is null");
        assertThatThrownBy(() -> READER.read(null, "x")).hasMessageContaining("reader is null");
        assertThatThrownBy(() -> READER.read(Path.of("no-such-file.csv")))
            .isInstanceOf(UncheckedIOException.class).hasMessageContaining("no-such-file.csv");
    }

    private static final String WITH_GAPS = "id,kwh,fee\nc1,10,1\nc2,,2\nc3,30,NA\nc4,20,3\n";

    @Test
    void missingCellsFollowThePolicy() {
        assertThatThrownBy(() -> read(READER, WITH_GAPS))
            .hasMessageContaining("customers.csv:3: column 'kwh': value is missing (customer 'c2')")
            .hasMessageContaining("REJECT");
        CsvReadResult dropped = read(READER.withMissingValuePolicy(MissingValuePolicy.DROP_ROWS), WITH_GAPS);
        assertThat(dropped.table().ids()).containsExactly("c1", "c4");
        assertThat(dropped.rowsRead()).isEqualTo(4);
        assertThat(dropped.rowsDropped()).isEqualTo(2);
        CsvReadResult filled = read(READER.withMissingValuePolicy(MissingValuePolicy.COLUMN_MEAN), WITH_GAPS);
        assertThat(filled.table().column("kwh")).containsExactly(10, 20, 30, 20);
        assertThat(filled.table().column("fee")).containsExactly(1, 2, 2, 3);
        assertThat(filled.cellsFilled()).isEqualTo(2);
        CsvReadResult customTokens = read(READER.withMissingTokens("-").withMissingValuePolicy(
            MissingValuePolicy.DROP_ROWS), "id,kwh\nc1,-\nc2,2\n");
        assertThat(customTokens.table().ids()).containsExactly("c2");
        assertThatThrownBy(() -> read(READER.withMissingValuePolicy(MissingValuePolicy.COLUMN_MEAN),
                "id,kwh\nc1,\nc2,NA\n"))
            .hasMessageContaining("column 'kwh': every value is missing");
    }

    @Test
    void writerRoundTrips(@TempDir Path dir) {
        IndicatorTable table = IndicatorTable.builder(Indicator.benefit("年用电量"), Indicator.benefit("a,b"))
            .row("c \"1\"", 0.1, 1e-300).row("c2", -7, 123456789.123).build();
        Path file = dir.resolve("out.csv");
        CsvTableWriter.withDefaults().write(table, file);
        IndicatorTable back = READER.read(file).table();
        assertThat(back.ids()).isEqualTo(table.ids());
        assertThat(back.indicatorNames()).isEqualTo(table.indicatorNames());
        for (int j = 0; j < 2; j++) {
            assertThat(back.column(j)).containsExactly(table.column(j));
        }
        StringWriter semicolons = new StringWriter();
        CsvTableWriter.withDefaults().withDelimiter(';').withIdHeader("户号").write(table, semicolons);
        assertThat(semicolons.toString()).startsWith("户号;年用电量;a,b\n");
        assertThatThrownBy(() -> CsvTableWriter.withDefaults().withIdHeader("a,b").write(table, new StringWriter()))
            .hasMessageContaining("indicator 'a,b' has the same name as the id column");
    }

    @Test
    void streamsBlocksWithTheSamePolicies(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gaps.csv");
        Files.writeString(file, WITH_GAPS, StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>();
        List<Double> kwh = new ArrayList<>();
        try (CsvBlockReader blocks = READER.withMissingValuePolicy(MissingValuePolicy.COLUMN_MEAN).stream(file, 3)) {
            assertThat(blocks.indicators()).extracting(Indicator::name).containsExactly("kwh", "fee");
            List<Integer> sizes = new ArrayList<>();
            while (blocks.hasNext()) {
                IndicatorTable block = blocks.next();
                sizes.add(block.rowCount());
                ids.addAll(block.ids());
                for (double v : block.column("kwh")) {
                    kwh.add(v);
                }
            }
            assertThat(sizes).containsExactly(3, 1);
            assertThat(blocks.rowsRead()).isEqualTo(4);
            assertThat(blocks.cellsFilled()).isEqualTo(2);
            assertThatThrownBy(blocks::next).isInstanceOf(java.util.NoSuchElementException.class);
        }
        assertThat(ids).containsExactly("c1", "c2", "c3", "c4");
        assertThat(kwh).containsExactly(10.0, 20.0, 30.0, 20.0);
        try (CsvBlockReader blocks = READER.withMissingValuePolicy(MissingValuePolicy.DROP_ROWS)
                .stream(new StringReader(WITH_GAPS), "gaps", 1)) {
            List<String> kept = new ArrayList<>();
            blocks.forEachRemaining(b -> kept.addAll(b.ids()));
            assertThat(kept).containsExactly("c1", "c4");
            assertThat(blocks.rowsDropped()).isEqualTo(2);
        }
        try (CsvBlockReader blocks = READER.stream(new StringReader(WITH_GAPS), "gaps", 10)) {
            assertThatThrownBy(blocks::next).hasMessageContaining("gaps:3: column 'kwh': value is missing");
        }
        try (CsvBlockReader blocks = READER.stream(new StringReader("id,x\na,1\na,2\n"), "dups", 10)) {
            assertThatThrownBy(blocks::next).hasMessageContaining("dups:3: duplicate customer id 'a'");
        }
        assertThatThrownBy(() -> READER.stream(file, 0)).hasMessageContaining("at least 1 row but was 0");
        assertThatThrownBy(() -> READER.stream(new StringReader(WITH_GAPS), "s", 0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> READER.withMissingValuePolicy(MissingValuePolicy.COLUMN_MEAN)
                .stream(new StringReader(WITH_GAPS), "s", 5))
            .hasMessageContaining("COLUMN_MEAN needs a first pass");
    }

    @Test
    void bytesThatAreNotUtf8AreBadInputNamingTheFileAndLine(@TempDir Path dir) throws Exception {
        Path header = dir.resolve("latin1-header.csv");
        Files.write(header, "id,consumpci\u00f3n\nc1,1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> READER.read(header))
            .isInstanceOf(CoreException.class)
            .hasMessageEndingWith("latin1-header.csv: not UTF-8 text");
        Path body = dir.resolve("latin1-body.csv");
        StringBuilder text = new StringBuilder("id,x\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("c").append(i).append(",1\n");
        }
        text.append("M\u00fcller,2\n");
        Files.write(body, text.toString().getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> READER.read(body))
            .isInstanceOf(CoreException.class)
            .hasMessageContaining("latin1-body.csv: not UTF-8 text (an undecodable byte after line");
        assertThatThrownBy(() -> {
            try (CsvBlockReader blocks = READER.stream(body, 1000)) {
                while (blocks.hasNext()) {
                    blocks.next();
                }
            }
        }).isInstanceOf(CoreException.class).hasMessageContaining("not UTF-8 text");
    }

    @Test
    void lineNumbersCountBlankLinesAndQuotedLineBreaks() {
        assertThatThrownBy(() -> read(READER, "id,a\nc1,1\n\n\n\nc2,x\n"))
            .hasMessage("customers.csv:6: column 'a': 'x' is not a number");
        assertThatThrownBy(() -> read(READER, "id,a\r\n\r\nc1,1\r\n\r\nc1,2\r\n"))
            .hasMessage("customers.csv:5: duplicate customer id 'c1' (first on line 3)");
        assertThatThrownBy(() -> read(READER, "\n\nid,id\nc1,1\n"))
            .hasMessage("customers.csv:3: duplicate header 'id' (columns 1 and 2)");
        assertThatThrownBy(() -> read(READER, "id,a\n\"c\n1\",1\n\nc2,1,2\n"))
            .hasMessage("customers.csv:5: 3 fields but the header has 2");
        assertThatThrownBy(() -> read(READER, "id,a\rc1,1\r\rc2,\r"))
            .hasMessageContaining("customers.csv:4: column 'a': value is missing (customer 'c2')");
        CsvReadResult result = read(READER, "id,a\n\nc1,1\n\"c\n2\",2\n\n\nc3,3");
        assertThat(result.line(0)).isEqualTo(3);
        assertThat(result.line(1)).isEqualTo(4);
        assertThat(result.line(2)).isEqualTo(8);
        assertThatThrownBy(() -> result.line(3)).isInstanceOf(CoreException.class)
            .hasMessage("row 3 is out of range; the table has 3 rows");
        try (CsvBlockReader blocks = READER.stream(new StringReader("id,a\n\nc1,1\n\nc1,2\n"), "s", 10)) {
            assertThatThrownBy(blocks::next).hasMessage("s:5: duplicate customer id 'c1' (first on line 3)");
        }
    }

    @Test
    void messagesQuoteOnlyTheStartOfALongValue() {
        String big = "x".repeat(200_000);
        assertThatThrownBy(() -> read(READER, "id,a\nc1," + big + "\n"))
            .hasMessage("customers.csv:2: column 'a': '" + "x".repeat(80) + "...' (200,000 characters) is not a"
                + " number");
        assertThatThrownBy(() -> read(READER, "id,a\nc1,\"1\n2\"\n"))
            .hasMessage("customers.csv:2: column 'a': '1 2' is not a number");
        assertThatThrownBy(() -> read(READER, "id,a\n" + big + ",1\n" + big + ",2\n"))
            .message().hasSizeLessThan(200).contains("(200,000 characters)");
        assertThatThrownBy(() -> read(READER.withColumns("nope"), "id," + "a,".repeat(10_000) + "b\n"))
            .message().hasSizeLessThan(1_200);
    }

    @Test
    void refusesFieldsRecordsAndFieldCountsTooLargeForTheHeap() {
        String longField = "y".repeat(CsvLineTracker.MAX_FIELD_CHARS + 1);
        assertThatThrownBy(() -> read(READER, "id,a\n\nc1,1\n" + longField + ",1\n"))
            .isInstanceOf(CoreException.class)
            .hasMessage("customers.csv:4: field 1 is longer than 1,000,000 characters");
        String manyFields = "c1" + ",1".repeat(CsvLineTracker.MAX_FIELDS) + "\n";
        assertThatThrownBy(() -> read(READER, "id,a\n" + manyFields))
            .isInstanceOf(CoreException.class).hasMessage("customers.csv:2: more than 100,000 fields");
        String longRecord = "id,a\nc1," + ("\"" + "z".repeat(900_000) + "\",").repeat(12) + "1\n";
        assertThatThrownBy(() -> read(READER, longRecord))
            .isInstanceOf(CoreException.class)
            .hasMessage("customers.csv:2: a record longer than 10,000,000 characters");
        StringBuilder wide = new StringBuilder("id");
        for (int j = 0; j < CsvLineTracker.MAX_FIELDS - 1; j++) {
            wide.append(",c").append(j);
        }
        wide.append("\nr1").append(",1".repeat(CsvLineTracker.MAX_FIELDS - 1)).append('\n');
        CsvReadResult result = read(READER, wide.toString());
        assertThat(result.table().indicatorCount()).isEqualTo(CsvLineTracker.MAX_FIELDS - 1);
    }

    @Test
    void blockSizeIsBoundedAndBlocksGrowWithTheRows() {
        assertThatThrownBy(() -> READER.stream(new StringReader("id,a\nc1,1\n"), "s", Integer.MAX_VALUE))
            .isInstanceOf(CoreException.class)
            .hasMessage("block size must be at most 10,000,000 rows but was 2,147,483,647");
        StringBuilder text = new StringBuilder("id,a,b\n");
        for (int i = 0; i < 3_000; i++) {
            text.append('c').append(i).append(',').append(i).append(",1\n");
        }
        try (CsvBlockReader blocks = READER.stream(new StringReader(text.toString()), "s",
            CsvTableReader.MAX_BLOCK_ROWS)) {
            IndicatorTable block = blocks.next();
            assertThat(block.rowCount()).isEqualTo(3_000);
            assertThat(block.get("c2999", "a")).isEqualTo(2999);
            assertThat(blocks.hasNext()).isFalse();
        }
    }

    @Test
    void aNonZeroNumberThatUnderflowsToZeroIsAnError() {
        assertThatThrownBy(() -> read(READER, "id,a\nc1,1\nc2,1e-400\n")).isInstanceOf(CoreException.class)
            .hasMessage("customers.csv:3: column 'a': '1e-400' is too small for a double (it would be read as 0)");
        IndicatorTable t = read(READER, "id,a\nc1,0.000e-400\nc2,-0\nc3,4.9e-324\nc4,2.5e-320\n").table();
        assertThat(t.column("a")).containsExactly(0, -0.0, Double.MIN_VALUE, 2.5e-320);
    }

    @Test
    void aFailedWriteLeavesThePreviousFileWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.csv");
        Files.writeString(file, "id,kwh\nold,1\n");
        IndicatorTable clash = IndicatorTable.builder(Indicator.benefit("kwh"), Indicator.benefit("id"))
            .row("c1", 1, 2).build();
        assertThatThrownBy(() -> CsvTableWriter.withDefaults().write(clash, file)).isInstanceOf(CoreException.class)
            .hasMessageContaining("same name as the id column");
        assertThat(Files.readString(file)).isEqualTo("id,kwh\nold,1\n");
        IndicatorTable good = IndicatorTable.builder(Indicator.benefit("kwh")).row("new", 2).build();
        CsvTableWriter.withDefaults().write(good, file);
        IndicatorTable back = READER.read(file).table();
        assertThat(back.ids()).containsExactly("new");
        assertThat(back.column("kwh")).containsExactly(2);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("out.csv");
        }
    }
}
