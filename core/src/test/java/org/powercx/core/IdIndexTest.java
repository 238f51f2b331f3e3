package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The duplicate-id index answers as a {@code HashMap.putIfAbsent} in insertion order would. */
class IdIndexTest {

    @Test
    void findsTheFirstPositionOfRepeatsAsAHashMapDoesWhileGrowing() {
        SplittableRandom random = new SplittableRandom(7);
        IdIndex index = new IdIndex(1);
        Map<String, Integer> reference = new HashMap<>();
        int added = 0;
        for (int i = 0; i < 200_000; i++) {
            String id = "c" + random.nextInt(150_000);
            Integer previous = reference.putIfAbsent(id, added);
            int got = index.add(id);
            if (previous == null) {
                assertThat(got).as(id).isEqualTo(-1);
                added++;
            } else {
                assertThat(got).as(id).isEqualTo(previous);
            }
        }
        assertThat(added).isEqualTo(reference.size());
    }

    @Test
    void stringsWithEqualHashCodesAreTold() {
        // "Aa" and "BB" share a hash code, as do their concatenations
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        IdIndex index = new IdIndex(4);
        String[] ids = {"AaAa", "AaBB", "BBAa", "BBBB"};
        for (String id : ids) {
            assertThat(index.add(id)).isEqualTo(-1);
        }
        for (int i = 0; i < ids.length; i++) {
            assertThat(index.add(new String(ids[i]))).isEqualTo(i);
        }
        assertThat(index.add("")).isEqualTo(-1);
        assertThat(index.add("")).isEqualTo(4);
    }
}
