package dev.lanewise.kernels.internal;

import dev.lanewise.kernels.gemm.GemmSettings;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the parts of one product on several threads: the caller's and those of an {@link Executor} (by
 * default {@link #sharedPool()}, daemon threads, so an idle pool never keeps the JVM alive). Each part
 * writes its own disjoint block of the output, so no part waits for another and the result does not
 * depend on which thread ran which part.
 *
 * <p>Parts are claimed, not assigned: the caller hands up to {@code parts - 1} tasks to the executor (fewer
 * when tasks of its earlier calls still wait there: each helps whichever call runs when it starts), then
 * claims and runs parts itself until none is left, and waits only for parts another thread has already started.
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
     *
     * <p>Allocates nothing (beyond what the executor does to hand a task over): each calling thread reuses
     * one {@link Split}, and a nested call on the same thread (a part that itself splits a product) gets a
     * fresh one.
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
        Split split = SPLITS.get();
        if (split.inUse) {
            split = new Split();
        }
        split.start(parts, body);
        try {
            split.handOver(parts - 1, executor);
            split.runParts();
            split.awaitAll();
            split.rethrow();
        } finally {
            split.finish();
        }
    }

    private static final ThreadLocal<Split> SPLITS = ThreadLocal.withInitial(Split::new);

    /**
     * The shared state of one split product at a time, whose parts the caller and its helpers claim. Reused call
     * after call, so a task handed over for one call may start during a later one (an executor that runs
     * tasks late): {@code claim} holds a generation (high 32 bits) beside the next unclaimed part (low 32
     * bits), so a helper claims parts only of the call that is running when it claims, and reads that call's
     * fields, which were written before the claim counter of its generation was published.
     */
    private static final class Split {
        private final AtomicLong claim = new AtomicLong();
        private final AtomicInteger unfinished = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile Part body;
        private volatile int parts;
        private volatile Thread caller;
        private int generation;
        /** Set by the calling thread for the length of a call; read only by it. */
        private boolean inUse;

        /**
         * Tasks handed to an executor that have not started yet. They help whichever call is running when
         * they start, so a call hands over only as many more as it lacks: when the parts are short and the
         * caller ran them all before a worker woke, the tasks of earlier calls are still waiting, and new
         * ones would only fill the executor's queue (the model's pool then refuses them, with an exception
         * each time).
         */
        private final AtomicInteger waiting = new AtomicInteger();
        private final Runnable helper = () -> {
            waiting.decrementAndGet();
            runParts();
        };

        /** The executor of the last call: tasks waiting in another one do not count for this one. */
        private Executor lastExecutor;

        void handOver(int helpers, Executor executor) {
            int already = executor == lastExecutor ? Math.max(0, waiting.get()) : 0;
            lastExecutor = executor;
            for (int i = already; i < helpers; i++) {
                waiting.incrementAndGet();
                try {
                    executor.execute(helper);
                } catch (RuntimeException refused) {
                    // RejectedExecutionException (a pool shut down or full) or a broken executor: the tasks
                    // handed over so far may still run; this thread claims whatever they have not.
                    waiting.decrementAndGet();
                    return;
                }
            }
        }

        void start(int parts, Part body) {
            inUse = true;
            this.body = body;
            this.parts = parts;
            this.caller = Thread.currentThread();
            failure.set(null);
            unfinished.set(parts);
            generation++;
            claim.set((long) generation << 32); // publishes the fields above to every helper that reads it
        }

        /** Forgets the call's body (and through it the caller's arrays); helpers that start later find no part. */
        void finish() {
            body = null;
            caller = null;
            inUse = false;
        }

        /** Claims and runs parts of the current call until none is left; borrows a workspace only if it gets one. */
        void runParts() {
            GemmWorkspace workspace = null;
            try {
                while (true) {
                    long c = claim.get();
                    Part task = body;
                    int count = parts;
                    Thread waiter = caller;
                    int part = (int) c;
                    if (task == null || part >= count) {
                        return;
                    }
                    if (!claim.compareAndSet(c, c + 1)) {
                        continue; // another thread claimed it, or a later call began: read again
                    }
                    try {
                        if (workspace == null) {
                            workspace = GemmWorkspaces.borrow();
                        }
                        task.run(part, workspace);
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    } finally {
                        // Whatever happened: the caller waits for this count.
                        if (unfinished.decrementAndGet() == 0) {
                            LockSupport.unpark(waiter);
                        }
                    }
                }
            } finally {
                if (workspace != null) {
                    GemmWorkspaces.giveBack(workspace);
                }
            }
        }

        /**
         * Waits for every part, interrupted or not (parts still running write into the caller's arrays):
         * polls for {@link #SPIN_NANOS}, since the other parts usually end within microseconds of the
         * caller's and a wake-up from park costs tens of them, then parks.
         */
        void awaitAll() {
            boolean interrupted = false;
            long deadline = System.nanoTime() + SPIN_NANOS;
            while (unfinished.get() > 0) {
                if (System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                    interrupted |= Thread.interrupted(); // else park would return at once from now on
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

    /** How long a caller polls for the other parts to end before it parks (as the model's compute pool does). */
    private static final long SPIN_NANOS = 50_000;

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
