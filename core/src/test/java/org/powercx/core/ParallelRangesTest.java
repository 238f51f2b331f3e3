package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelRangesTest {

    @Test
    void everyIndexIsVisitedOnceInContiguousPartsThatDependOnlyOnCountAndThreads() {
        for (int count : new int[] {0, 1, 2, 7, 1000}) {
            for (int threads : new int[] {1, 2, 3, 8}) {
                int[] visits = new int[count];
                List<int[]> parts = Collections.synchronizedList(new ArrayList<>());
                ParallelRanges.run(count, threads, (from, to) -> {
                    parts.add(new int[] {from, to});
                    for (int i = from; i < to; i++) {
                        visits[i]++;
                    }
                });
                for (int v : visits) {
                    assertThat(v).isEqualTo(1);
                }
                assertThat(parts).hasSize(Math.max(1, Math.min(count, threads)));
                for (int[] part : parts) {
                    int k = Math.max(1, Math.min(count, threads));
                    // part boundaries are floor(count * p / parts): sizes differ by at most one
                    assertThat(part[1] - part[0]).isBetween(count / k, (count + k - 1) / k);
                }
            }
        }
    }

    @Test
    void aFailingPartIsRethrownToTheCallerAfterAllPartsEnd() {
        int[] finished = new int[4];
        assertThatThrownBy(() -> ParallelRanges.run(4, 4, (from, to) -> {
            if (from == 2) {
                throw new CoreException("part at %d failed", from);
            }
            finished[from] = 1;
        })).isInstanceOf(CoreException.class).hasMessage("part at 2 failed");
        assertThat(finished).containsExactly(1, 1, 0, 1);
        assertThatThrownBy(() -> ParallelRanges.run(4, 2, (from, to) -> {
            throw new IllegalStateException("first part");
        })).isInstanceOf(IllegalStateException.class).hasMessage("first part");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> ParallelRanges.run(-1, 2, (a, b) -> { }))
            .isInstanceOf(CoreException.class).hasMessageContaining("-1 indices");
        assertThatThrownBy(() -> ParallelRanges.run(5, 0, (a, b) -> { }))
            .isInstanceOf(CoreException.class).hasMessageContaining("0 threads");
        assertThatThrownBy(() -> ParallelRanges.run(5, 2, null))
            .isInstanceOf(CoreException.class).hasMessageContaining("without a task");
    }
}
