package org.powercx.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.powercx.core.CoreException;

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

    @Test
    void anErrorInAWorkerIsRethrownAndNoPartIsLeftUnwritten() {
        // the reproducer: an AssertionError in the second half used to be printed and lost, and the
        // call returned with the second half still 0
        int[] out = new int[8];
        assertThatThrownBy(() -> ParallelRanges.run(8, 4, (from, to) -> {
            if (from >= 4) {
                throw new AssertionError("part at " + from);
            }
            for (int i = from; i < to; i++) {
                out[i] = 1;
            }
        })).isInstanceOf(AssertionError.class).hasMessage("part at 4")
            .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1)
                .allSatisfy(s -> assertThat(s).isInstanceOf(AssertionError.class).hasMessage("part at 6")));
        assertThat(out).containsExactly(1, 1, 1, 1, 0, 0, 0, 0);
    }

    @Test
    void aFailureIsRethrownOnlyAfterSlowerPartsHaveFinishedWriting() {
        for (boolean error : new boolean[] {true, false}) {
            int[] out = new int[4];
            Throwable thrown = catchThrowable(() -> ParallelRanges.run(4, 4, (from, to) -> {
                if (from == 1) {
                    if (error) {
                        throw new StackOverflowError("part 1");
                    }
                    throw new IllegalStateException("part 1");
                }
                if (from == 3) {
                    sleep(300);
                }
                out[from] = 1;
            }));
            assertThat(thrown).isInstanceOf(error ? StackOverflowError.class : IllegalStateException.class)
                .hasMessage("part 1");
            // part 3 was still sleeping when part 1 failed; the call waited for it
            assertThat(out).containsExactly(1, 0, 1, 1);
        }
    }

    @Test
    void theFirstFailureInPartOrderWinsAndTheOthersAreSuppressed() {
        Throwable thrown = catchThrowable(() -> ParallelRanges.run(3, 3, (from, to) -> {
            if (from == 0) {
                sleep(100);
                throw new IllegalArgumentException("part 0");
            }
            throw new OutOfMemoryError("part " + from);
        }));
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessage("part 0");
        assertThat(thrown.getSuppressed()).extracting(Throwable::getMessage).containsExactly("part 1", "part 2");
    }

    @Test
    void aCheckedExceptionSmuggledOutOfAPartIsWrapped() {
        Exception checked = new java.io.IOException("disk");
        assertThatThrownBy(() -> ParallelRanges.run(2, 2, (from, to) -> {
            if (from == 1) {
                ParallelRangesTest.<RuntimeException>sneaky(checked);
            }
        })).isInstanceOf(CompletionException.class).hasCause(checked);
    }

    @Test
    void anInterruptedCallerWaitsForTheWorkersThenThrowsWithItsFlagSet() throws Exception {
        int[] out = new int[4];
        CountDownLatch started = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                ParallelRanges.run(4, 4, (from, to) -> {
                    if (from > 0) {
                        started.countDown();
                        awaitUninterruptibly(release);
                    }
                    out[from] = 1;
                });
            } catch (Throwable t) {
                thrown.set(t);
            }
            flag.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(300);
        // still waiting: the workers have not written yet
        assertThat(caller.isAlive()).isTrue();
        assertThat(thrown.get()).isNull();
        release.countDown();
        caller.join(10_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(out).containsExactly(1, 1, 1, 1);
        assertThat(thrown.get()).isInstanceOf(CancellationException.class).hasMessageContaining("interrupted")
            .hasMessageContaining("3 worker parts");
        assertThat(flag.get()).isTrue();
    }

    @Test
    void aPartFailureTakesPrecedenceOverAnInterruptButTheFlagIsStillSet() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                ParallelRanges.run(2, 2, (from, to) -> {
                    if (from == 0) {
                        Thread.currentThread().interrupt();
                    } else {
                        sleep(100);
                        throw new IllegalStateException("part 1");
                    }
                });
            } catch (Throwable t) {
                thrown.set(t);
            }
            flag.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        caller.join(10_000);
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessage("part 1");
        assertThat(flag.get()).isTrue();
    }

    @Test
    void threadCountsAboveTheCapAreRejectedNamingTheValue() {
        assertThat(ParallelRanges.MAX_THREADS).isEqualTo(64);
        assertThat(ParallelRanges.isValidThreadCount(0)).isFalse();
        assertThat(ParallelRanges.isValidThreadCount(1)).isTrue();
        assertThat(ParallelRanges.isValidThreadCount(ParallelRanges.MAX_THREADS)).isTrue();
        assertThat(ParallelRanges.isValidThreadCount(ParallelRanges.MAX_THREADS + 1)).isFalse();
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> ParallelRanges.run(10, 10_000, (a, b) -> calls.incrementAndGet()))
            .isInstanceOf(CoreException.class).hasMessageContaining("10000 threads").hasMessageContaining("64");
        assertThat(calls).hasValue(0);
        int[] visits = new int[1000];
        ParallelRanges.run(1000, ParallelRanges.MAX_THREADS, (from, to) -> {
            for (int i = from; i < to; i++) {
                visits[i]++;
            }
        });
        assertThat(visits).containsOnly(1);
    }

    @Test
    void partsAfterTheFirstRunOnTheCallersExecutor() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "caller-pool");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicInteger submitted = new AtomicInteger();
            Executor counting = r -> {
                submitted.incrementAndGet();
                pool.execute(r);
            };
            String[] ranOn = new String[4];
            int[] out = new int[100];
            ParallelRanges.run(100, 4, counting, (from, to) -> {
                ranOn[from / 25] = Thread.currentThread().getName();
                for (int i = from; i < to; i++) {
                    out[i] = i;
                }
            });
            assertThat(submitted).hasValue(3);
            assertThat(ranOn[0]).isEqualTo(Thread.currentThread().getName());
            assertThat(ranOn).containsOnly(Thread.currentThread().getName(), "caller-pool");
            for (int i = 0; i < out.length; i++) {
                assertThat(out[i]).isEqualTo(i);
            }
            // failures on the executor's threads come back to the caller like any other
            assertThatThrownBy(() -> ParallelRanges.run(4, 4, pool, (from, to) -> {
                if (from == 3) {
                    throw new AssertionError("on the pool");
                }
            })).isInstanceOf(AssertionError.class).hasMessage("on the pool");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void partsTheExecutorRejectsRunOnTheCaller() {
        String caller = Thread.currentThread().getName();
        for (Executor executor : new Executor[] {r -> {
            throw new RejectedExecutionException("full");
        }, Runnable::run, r -> {
            // runs the task, then fails: the part must still run once only
            r.run();
            throw new RejectedExecutionException("ran, then refused");
        }}) {
            int[] visits = new int[9];
            List<String> threads = Collections.synchronizedList(new ArrayList<>());
            ParallelRanges.run(9, 3, executor, (from, to) -> {
                threads.add(Thread.currentThread().getName());
                for (int i = from; i < to; i++) {
                    visits[i]++;
                }
            });
            assertThat(visits).containsOnly(1);
            assertThat(threads).containsOnly(caller).hasSize(3);
        }
    }

    @Test
    void theSameRangesGiveBitIdenticalSumsOnThreadsAndOnAnExecutor() {
        double[] data = new double[10_000];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        for (int i = 0; i < data.length; i++) {
            data[i] = rng.nextDouble() * Math.pow(10, rng.nextInt(20) - 10);
        }
        int chunks = 37;
        double[] reference = chunkSums(data, chunks, 1, null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int threads : new int[] {2, 3, 8, ParallelRanges.MAX_THREADS}) {
                assertThat(chunkSums(data, chunks, threads, null)).isEqualTo(reference);
                assertThat(chunkSums(data, chunks, threads, pool)).isEqualTo(reference);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[] chunkSums(double[] data, int chunks, int threads, Executor executor) {
        double[] sums = new double[chunks];
        ParallelRanges.run(chunks, threads, executor, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                int end = (int) ((long) data.length * (c + 1) / chunks);
                for (int i = (int) ((long) data.length * c / chunks); i < end; i++) {
                    sums[c] += data[i];
                }
            }
        });
        return sums;
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("nothing thrown");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // keep waiting
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
