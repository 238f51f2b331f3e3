package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three forms of a table's ids (strings, UTF-8 bytes in parts, row numbers) answer as a {@code List<String>}
 * of the same ids does, and the tables read from files keep the ids their text gives.
 */
class CustomerIdsTest {

    /** Encodes the ids in parts of the given sizes, with unused room at each part's end as the reader leaves it. */
    private static CustomerIds utf8(List<String> ids, int... partSizes) {
        byte[][] bytes = new byte[partSizes.length][];
        int[][] ends = new int[partSizes.length][];
        int at = 0;
        for (int c = 0; c < partSizes.length; c++) {
            StringBuilder text = new StringBuilder();
            ends[c] = new int[partSizes[c] + 3];
            int length = 0;
            for (int r = 0; r < partSizes[c]; r++) {
                byte[] id = ids.get(at + r).getBytes(StandardCharsets.UTF_8);
                text.append(ids.get(at + r));
                length += id.length;
                ends[c][r] = length;
            }
            bytes[c] = Arrays.copyOf(text.toString().getBytes(StandardCharsets.UTF_8), length + 5);
            at += partSizes[c];
        }
        assertThat(at).isEqualTo(ids.size());
        return CustomerIds.utf8(bytes, ends, partSizes);
    }

    private static List<String> someIds(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] pieces = {"c", "Kunde-", "客户", "é", "", "x y"};
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(pieces[random.nextInt(pieces.length)] + random.nextInt(50));
        }
        return ids;
    }

    private static void assertSameAs(CustomerIds ids, List<String> expected) {
        assertThat(ids.size()).isEqualTo(expected.size());
        assertThat(ids.asList()).containsExactlyElementsOf(expected).isEqualTo(expected);
        assertThat(ids.asList().hashCode()).isEqualTo(expected.hashCode());
        for (int i = 0; i < expected.size(); i++) {
            for (int j = 0; j < expected.size(); j++) {
                assertThat(ids.same(i, j)).as("%d, %d", i, j).isEqualTo(expected.get(i).equals(expected.get(j)));
            }
        }
    }

    @Test
    void bytesInPartsIncludingEmptyOnesReadAsTheirStrings() {
        List<String> ids = someIds(40, 3);
        CustomerIds[] forms = {
            utf8(ids, 40), utf8(ids, 0, 12, 0, 0, 28), utf8(ids, 1, 1, 38, 0), CustomerIds.of(ids.toArray(new String[0]))
        };
        for (CustomerIds form : forms) {
            assertSameAs(form, ids);
            int[] picked = {39, 0, 13, 12, 11, 12};
            List<String> expected = new ArrayList<>();
            for (int i : picked) {
                expected.add(ids.get(i));
            }
            assertSameAs(form.select(picked), expected);
            assertSameAs(form.range(11, 30), ids.subList(11, 30));
            assertSameAs(form.range(5, 5), List.of());
        }
    }

    @Test
    void rowNumbersReadAsTheirDecimalForms() {
        CustomerIds numbers = CustomerIds.numbers(new long[] {1, 2, 5, 3_000_000_000L});
        assertSameAs(numbers, List.of("1", "2", "5", "3000000000"));
        assertSameAs(numbers.select(new int[] {3, 0}), List.of("3000000000", "1"));
        assertSameAs(numbers.range(1, 3), List.of("2", "5"));
    }

    @Test
    void theListIsAReadOnlyViewThatNamesABadIndex() {
        List<String> view = utf8(List.of("a", "b"), 2).asList();
        assertThatThrownBy(() -> view.add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.set(0, "c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.get(2)).isInstanceOf(IndexOutOfBoundsException.class)
            .hasMessage("index 2 is not within [0, 2)");
        assertThat(view.indexOf("b")).isEqualTo(1);
        assertThat(view.contains("c")).isFalse();
    }

    @Test
    void aTableReadFromAFileKeepsItsIdsThroughSelectionsAndLookUps(@TempDir Path dir) throws IOException {
        List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(someIds(3_000, 11)));
        StringBuilder csv = new StringBuilder("id,a\n");
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            csv.append(id.contains(" ") ? "\"" + id + "\"" : id).append(',').append(i).append('\n');
        }
        Path file = dir.resolve("ids.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        for (int threads = 1; threads <= 3; threads++) {
            IndicatorTable table = CsvTableReader.withDefaults().withThreads(threads).read(file, 64).table();
            assertThat(table.ids()).as("threads %d", threads).isEqualTo(ids);
            for (int i = 0; i < ids.size(); i += 97) {
                assertThat(table.id(i)).isEqualTo(ids.get(i));
                assertThat(table.rowIndexOf(ids.get(i))).isEqualTo(i);
            }
            IndicatorTable odd = table.filter(i -> i % 2 == 1);
            assertThat(odd.ids()).hasSize(ids.size() / 2);
            for (int k = 0; k < odd.rowCount(); k++) {
                assertThat(odd.id(k)).isEqualTo(ids.get(2 * k + 1));
                assertThat(odd.get(k, 0)).isEqualTo(2 * k + 1);
            }
            assertThat(table.rows(100, 200).ids()).isEqualTo(ids.subList(100, 200));
            // another table over the same customers takes the ids as they are, unchecked and uncopied
            double[][] doubled = {table.column(0)};
            for (int i = 0; i < doubled[0].length; i++) {
                doubled[0][i] *= 2;
            }
            IndicatorTable other = IndicatorTable.ofColumns(List.of(Indicator.benefit("b")), table.ids(), doubled);
            assertThat(other.ids()).isEqualTo(ids);
            // results of other modules keep a table's list as it is, and copy any other list
            assertThat(org.powercx.core.internal.TableIds.isTableIds(table.ids())).isTrue();
            assertThat(org.powercx.core.internal.TableIds.immutable(table.ids())).isSameAs(table.ids());
            List<String> plain = new ArrayList<>(ids);
            assertThat(org.powercx.core.internal.TableIds.isTableIds(plain)).isFalse();
            assertThat(org.powercx.core.internal.TableIds.immutable(plain)).isNotSameAs(plain).isEqualTo(ids);
            assertThat(other.get(other.rowIndexOf(ids.get(7)), 0)).isEqualTo(14.0);
            // a selection in any order (a ranking) is gathered into a table's list, and a plain list is copied
            List<Integer> shuffled = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                shuffled.add(i);
            }
            java.util.Collections.shuffle(shuffled, new java.util.Random(threads));
            int[] positions = shuffled.subList(0, ids.size() / 3).stream().mapToInt(Integer::intValue).toArray();
            List<String> expected = Arrays.stream(positions).mapToObj(ids::get).toList();
            List<String> picked = org.powercx.core.internal.TableIds.select(table.ids(), positions);
            assertThat(picked).isEqualTo(expected);
            assertThat(org.powercx.core.internal.TableIds.isTableIds(picked)).isTrue();
            assertThat(org.powercx.core.internal.TableIds.select(plain, positions)).isEqualTo(expected);
            assertThatThrownBy(() -> org.powercx.core.internal.TableIds.select(table.ids(), new int[] {ids.size()}))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("position " + ids.size());
            assertThatThrownBy(() -> org.powercx.core.internal.TableIds.select(table.ids(), new int[] {3, 5, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("position 3 is selected twice");
        }
    }

    @Test
    void aRepeatedIdReadFromBytesIsFoundInAnyPart(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("id,a\n");
        for (int i = 0; i < 2_000; i++) {
            csv.append("客户").append(i).append(',').append(i).append('\n');
        }
        csv.append("客户17,5\n");
        Path file = dir.resolve("repeat.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        for (int threads = 1; threads <= 3; threads++) {
            CsvTableReader reader = CsvTableReader.withDefaults().withThreads(threads);
            assertThatThrownBy(() -> reader.read(file, 1024))
                .hasMessageEndingWith("repeat.csv:2002: duplicate customer id '客户17' (first on line 19)");
        }
    }
}
