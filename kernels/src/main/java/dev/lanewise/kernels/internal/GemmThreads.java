package dev.lanewise.kernels.internal;

import dev.lanewise.kernels.gemm.GemmSettings;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the parts of one product on several threads: the caller's and those of an {@link Executor} (by
 * default {@link #sharedPool()}, daemon threads, so an idle pool never keeps the JVM alive). Each part
 * writes its own disjoint block of the output, so no part waits for another and the result does not
 * depend on which thread ran which part.
 *
 * <p>Parts are claimed, not assigned: the caller hands {@code parts - 1} tasks to the executor, then claims
 * and runs parts itself until none is left, and waits only for parts another thread has already started.
 * So an executor that runs its tasks on the calling thread, late, never (a saturated pool, or one whose
 * threads are themselves waiting in {@code sgemm}), or refuses them, cannot deadlock the call: the caller
 * then runs every part, and a task that starts after all parts are claimed returns at once.
 *
 * <p>Each thread running parts borrows one {@link GemmWorkspace} from {@link GemmWorkspaces} for as long
 * as it runs them.
 */
public final class GemmThreads {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "lanewise-gemm");
        thread.setDaemon(true);
        return thread;
    });

    private GemmThreads() {}

    /** One part of a product, run in a workspace that only it uses while it runs. */
    @FunctionalInterface
    public interface Part {
        void run(int part, GemmWorkspace workspace);
    }

    /** The library's own pool of daemon threads, the default executor of {@link GemmSettings}. */
    public static Executor sharedPool() {
        return POOL;
    }

    /**
     * Runs {@code body.run(p, workspace)} for every {@code p < parts}, on this thread and on
     * {@code executor}'s, returning when all are done. The first exception or error of any part is thrown
     * here once every part has finished (they all write into the caller's arrays).
     */
    public static void run(int parts, Executor executor, Part body) {
        if (parts <= 1) {
            GemmWorkspace workspace = GemmWorkspaces.borrow();
            try {
                body.run(0, workspace);
            } finally {
                GemmWorkspaces.giveBack(workspace);
            }
            return;
        }
        Split split = new Split(parts, body);
        try {
            for (int p = 1; p < parts; p++) {
                executor.execute(split);
            }
        } catch (RuntimeException refused) {
            // RejectedExecutionException (a pool shut down or full) or a broken executor: the tasks handed
            // over so far may still run; this thread claims whatever they have not.
        }
        split.run();
        split.awaitAll();
        split.rethrow();
    }

    /** The shared state of one split product, and the task every helping thread runs. */
    private static final class Split implements Runnable {
        private final int parts;
        private final Part body;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch finished;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Split(int parts, Part body) {
            this.parts = parts;
            this.body = body;
            this.finished = new CountDownLatch(parts);
        }

        /** Claims and runs parts until none is left; borrows a workspace only if it gets one. */
        @Override
        public void run() {
            int part = next.getAndIncrement();
            if (part >= parts) {
                return;
            }
            GemmWorkspace workspace = null;
            try {
                for (; part < parts; part = next.getAndIncrement()) {
                    try {
                        if (workspace == null) {
                            workspace = GemmWorkspaces.borrow();
                        }
                        body.run(part, workspace);
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    } finally {
                        finished.countDown(); // whatever happened: the caller waits for this count
                    }
                }
            } finally {
                if (workspace != null) {
                    GemmWorkspaces.giveBack(workspace);
                }
            }
        }

        /** Waits for every part, interrupted or not: parts still running write into the caller's arrays. */
        void awaitAll() {
            boolean interrupted = false;
            while (true) {
                try {
                    finished.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void rethrow() {
            Throwable t = failure.get();
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }

    /**
     * How many parts to split a product into: no more than {@code threads}, no more than the blocks there
     * are, and one for products under {@link GemmSettings#minSplitFlops()}.
     */
    public static int parts(int threads, long flops, int blocks) {
        if (threads <= 1 || flops < GemmSettings.minSplitFlops()) {
            return 1;
        }
        return Math.max(1, Math.min(threads, blocks));
    }

    /**
     * The first index of {@code part} when {@code total} indices are split into {@code parts} nearly equal
     * runs, each starting at a multiple of {@code align} (the last run takes what is left).
     */
    public static int start(int part, int parts, int total, int align) {
        int blocks = (total + align - 1) / align;
        return (int) Math.min(total, (long) blocks * part / parts * align);
    }
}
