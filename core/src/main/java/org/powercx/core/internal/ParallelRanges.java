package org.powercx.core.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.powercx.core.CoreException;

/**
 * Runs a task over contiguous parts of an index range on a few threads: the one helper behind every
 * {@code withThreads(...)} option of the scoring, fitting and resampling kernels. Internal, not for users: it
 * may change without notice (see the {@linkplain org.powercx.core.internal package}).
 *
 * <p>The range {@code [0, count)} is cut into {@code min(threads, count)} parts of near-equal size, in order;
 * part 0 runs on the calling thread and every other part on a new daemon thread, or on the caller's
 * {@link Executor} if one is given. Because the parts depend only on the count and the thread number, a kernel
 * that writes each index's result independently, or that sums fixed chunks and adds them in chunk order
 * afterwards, gives bit-identical results for any thread count and any executor.
 *
 * <p>Failure semantics. The call never returns, normally or by an exception, while a part is still running:
 * <ul>
 *   <li>whatever a part throws ({@link RuntimeException}, {@link Error} or, smuggled past the compiler, a
 *       checked exception) is caught, and the call waits for every other part before rethrowing the first
 *       failure in part order (a checked one wrapped in a {@link CompletionException}), with the failures of
 *       later parts attached as {@linkplain Throwable#getSuppressed() suppressed};</li>
 *   <li>if the calling thread is interrupted while it waits (or enters the wait with its interrupt flag set),
 *       it keeps waiting until every part has finished writing, then sets its interrupt flag again and throws
 *       a {@link CancellationException} (or a part's failure, which takes precedence). With a single part there
 *       is no wait, so the flag is left untouched;</li>
 *   <li>a part the executor rejects, or for which no thread can be started, runs on the calling thread.</li>
 * </ul>
 *
 * <p>Thread counts are capped at {@value #MAX_THREADS}; every {@code withThreads(...)} option validates against
 * this one constant.
 *
 * @since 0.1.0
 */
public final class ParallelRanges {
    /**
     * The largest thread count any PowerCX calculator accepts. The kernels are CPU-bound and split their work
     * into as many parts as threads, so threads beyond the processor count only add start-up cost and memory
     * (a platform thread reserves its own stack); 64 covers the processors of common servers while keeping a
     * mistyped count (say 10,000) from starting thousands of threads. Callers who need more control pass an
     * {@link Executor} instead.
     */
    public static final int MAX_THREADS = 64;

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
     * Whether a thread count is allowed: between 1 and {@link #MAX_THREADS}.
     *
     * @param threads the count
     * @return true if {@code 1 <= threads <= MAX_THREADS}
     */
    public static boolean isValidThreadCount(int threads) {
        return threads >= 1 && threads <= MAX_THREADS;
    }

    /**
     * Runs a task over the parts of {@code [0, count)}, the parts after the first on new daemon threads.
     *
     * @param count the number of indices, at least 0
     * @param threads the largest number of threads to use, 1 to {@link #MAX_THREADS}
     * @param task the work on one part
     * @throws CoreException if the count is negative, the thread number outside [1, {@value #MAX_THREADS}] or
     *     the task null
     * @throws CancellationException if the caller was interrupted while waiting (after every part ended; its
     *     interrupt flag is set again)
     * @throws RuntimeException the first (in part order) exception a part threw, after every part has ended
     * @throws Error the first (in part order) error a part threw, after every part has ended
     */
    public static void run(int count, int threads, RangeTask task) {
        run(count, threads, null, task);
    }

    /**
     * Runs a task over the parts of {@code [0, count)}, the parts after the first on an executor. The executor
     * must run each task it accepts without waiting for the caller (a bounded pool that the calling thread
     * itself belongs to can deadlock); a task it rejects runs on the calling thread.
     *
     * @param count the number of indices, at least 0
     * @param threads the largest number of parts, 1 to {@link #MAX_THREADS}
     * @param executor where the parts after the first run; null for new daemon threads
     * @param task the work on one part
     * @throws CoreException if the count is negative, the thread number outside [1, {@value #MAX_THREADS}] or
     *     the task null
     * @throws CancellationException if the caller was interrupted while waiting (after every part ended; its
     *     interrupt flag is set again)
     * @throws RuntimeException the first (in part order) exception a part threw, after every part has ended
     * @throws Error the first (in part order) error a part threw, after every part has ended
     */
    public static void run(int count, int threads, Executor executor, RangeTask task) {
        if (count < 0 || !isValidThreadCount(threads) || task == null) {
            throw new CoreException("cannot split %d indices over %d threads (1 to %d)%s", count, threads,
                MAX_THREADS, task == null ? " without a task" : "");
        }
        int parts = Math.min(threads, count);
        if (parts <= 1) {
            task.run(0, count);
            return;
        }
        Throwable[] failures = new Throwable[parts];
        CountDownLatch done = new CountDownLatch(parts - 1);
        Runnable[] inline = new Runnable[parts];
        // a part runs once even if an executor both runs it and then throws from execute()
        AtomicIntegerArray claimed = new AtomicIntegerArray(parts);
        for (int k = 1; k < parts; k++) {
            int part = k;
            Runnable work = () -> {
                if (!claimed.compareAndSet(part, 0, 1)) {
                    return;
                }
                try {
                    task.run(start(count, parts, part), start(count, parts, part + 1));
                } catch (Throwable t) {
                    failures[part] = t;
                } finally {
                    done.countDown();
                }
            };
            if (!submit(executor, work, part)) {
                inline[k] = work;
            }
        }
        try {
            task.run(0, start(count, parts, 1));
        } catch (Throwable t) {
            failures[0] = t;
        }
        for (Runnable work : inline) {
            if (work != null) {
                work.run();
            }
        }
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                // the workers are still writing into the caller's arrays: keep waiting, report afterwards
                interrupted = true;
            }
        }
        // each countDown() happens-before await() returns, so every part's writes and failure slot are visible
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable first = null;
        for (Throwable failure : failures) {
            if (failure == null) {
                continue;
            }
            if (first == null) {
                first = failure;
            } else if (failure != first) {
                first.addSuppressed(failure);
            }
        }
        if (first instanceof RuntimeException) {
            throw (RuntimeException) first;
        }
        if (first instanceof Error) {
            throw (Error) first;
        }
        if (first != null) {
            throw new CompletionException(first);
        }
        if (interrupted) {
            throw new CancellationException(
                "interrupted while waiting for " + (parts - 1) + " worker parts; every part has finished");
        }
    }

    /** Hands one part to the executor or a new thread; false if it must run on the caller instead. */
    private static boolean submit(Executor executor, Runnable work, int part) {
        try {
            if (executor != null) {
                executor.execute(work);
            } else {
                Thread worker = new Thread(work, "powercx-part-" + part);
                worker.setDaemon(true);
                worker.start();
            }
            return true;
        } catch (RuntimeException | OutOfMemoryError e) {
            // rejected, or no native thread left: the part is not running anywhere, so the caller runs it
            return false;
        }
    }

    /**
     * The first index of a part: {@code [0, count)} cut into {@code parts} contiguous parts of near-equal size, in
     * order, as {@link #run(int, int, RangeTask)} cuts it. For a kernel that runs one task per part (with
     * {@code run(parts, parts, ...)}) and keeps per-part state, such as counts or partial statistics.
     *
     * @param count the number of indices, at least 0
     * @param parts the number of parts, at least 1
     * @param part the part, 0 to {@code parts} (the last gives {@code count})
     * @return the part's first index
     */
    public static int start(int count, int parts, int part) {
        return (int) ((long) count * part / parts);
    }
}
