package org.powercx.core;

/**
 * Runs a task over contiguous parts of an index range on a few threads: the plumbing behind the
 * {@code withThreads(...)} options of the scoring and fitting kernels.
 *
 * <p>The range {@code [0, count)} is cut into {@code min(threads, count)} parts of near-equal size, in order;
 * part 0 runs on the calling thread and every other part on a new daemon thread, and the call returns when all
 * have finished. Because the parts depend only on the count and the thread number, a kernel that writes each
 * index's result independently, or that sums fixed chunks and adds them in chunk order afterwards, gives
 * bit-identical results for any thread count.
 *
 * @since 0.1.0
 */
public final class ParallelRanges {
    private ParallelRanges() {
    }

    /** The work on one part. */
    @FunctionalInterface
    public interface RangeTask {
        /**
         * Processes the indices {@code from} (inclusive) to {@code to} (exclusive).
         *
         * @param from first index
         * @param to one past the last index
         */
        void run(int from, int to);
    }

    /**
     * Runs a task over the parts of {@code [0, count)}.
     *
     * @param count the number of indices, at least 0
     * @param threads the largest number of threads to use, at least 1
     * @param task the work on one part
     * @throws CoreException if the count is negative, the thread number below 1, the task null, or the caller
     *     is interrupted while waiting (its interrupt flag is set again)
     * @throws RuntimeException the first (in part order) exception a part threw, after every part has ended
     */
    public static void run(int count, int threads, RangeTask task) {
        if (count < 0 || threads < 1 || task == null) {
            throw new CoreException("cannot split %d indices over %d threads%s", count, threads,
                task == null ? " without a task" : "");
        }
        int parts = Math.min(threads, count);
        if (parts <= 1) {
            task.run(0, count);
            return;
        }
        RuntimeException[] failures = new RuntimeException[parts];
        Thread[] workers = new Thread[parts];
        for (int k = 1; k < parts; k++) {
            int part = k;
            workers[k] = new Thread(() -> {
                try {
                    task.run(start(count, parts, part), start(count, parts, part + 1));
                } catch (RuntimeException e) {
                    failures[part] = e;
                }
            }, "powercx-part-" + k);
            workers[k].setDaemon(true);
            workers[k].start();
        }
        try {
            task.run(0, start(count, parts, 1));
        } catch (RuntimeException e) {
            failures[0] = e;
        }
        try {
            for (int k = 1; k < parts; k++) {
                workers[k].join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoreException("interrupted while waiting for %d worker threads", parts - 1);
        }
        // join() orders each worker's writes, including its failure slot, before what follows
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
    }

    private static int start(int count, int parts, int part) {
        return (int) ((long) count * part / parts);
    }
}
