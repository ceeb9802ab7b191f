package dev.lanewise.model.parallel;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads of one training step: {@code threads - 1} daemon workers plus the thread that calls, shared by
 * the step's matrix products (as their {@link Executor}) and its optimizer update (through
 * {@link #runChunks}). Created once per fit, not once per call.
 *
 * <p>Idle workers are parked ({@link LockSupport#park}, thread state {@code WAITING}): after a task a worker
 * polls for the next one for at most {@link #spinNanos()} (a few tens of microseconds bridge the serial
 * parts of a step, where a wake-up from park would cost about as much), then parks until a task arrives.
 * Nothing spins longer than that, so a pool between epochs, or after a fit that forgot to close it, costs
 * no CPU.
 *
 * <p>One caller at a time: {@link #runChunks} is meant for the thread that owns the step and refuses a
 * second, concurrent (or nested) call. {@link #execute} may be called from any thread.
 *
 * <p>Allocation: neither {@link #execute} nor {@link #runChunks} allocates; the task queue is a fixed ring
 * and the chunk job reuses one set of fields, told apart from the previous job by a generation number.
 */
public final class ComputePool implements Executor, AutoCloseable {
    /**
     * The default spin before parking: on the order of a thread wake-up (futex wake plus scheduling, tens of
     * microseconds), so that the short serial parts of a step between two parallel ones do not pay it.
     */
    public static final long DEFAULT_SPIN_NANOS = 50_000;

    private final int threads;
    private final long spinNanos;
    private final Worker[] workers;

    // The task queue: a ring of fixed size, guarded by `lock`; `queued` is readable without it for spinning.
    private final Object lock = new Object();
    private final Runnable[] ring;
    private int head;
    private volatile int queued;
    private volatile boolean closed;

    // The chunk job: one at a time. `claim` holds the generation (high 32 bits) and the next unclaimed
    // chunk (low 32 bits), so that a helper left over from an earlier job can never claim a chunk of this one.
    private final AtomicLong claim = new AtomicLong();
    private final AtomicInteger unfinished = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    /**
     * Helpers handed to the workers that have not started yet. A helper helps whichever job is running when
     * it starts, so a job hands over only as many more as it lacks: where the caller ran every chunk before a
     * worker woke, the helpers of earlier jobs are still queued, and new ones would only fill the ring.
     */
    private final AtomicInteger waitingHelpers = new AtomicInteger();
    private final Runnable helper = () -> {
        waitingHelpers.decrementAndGet();
        helpWithChunks();
    };
    private volatile Chunks chunkTask;
    private volatile int chunkCount;
    private volatile Throwable chunkFailure;
    private volatile Thread chunkCaller;
    private int generation;

    /** The body of a job split into chunks: runs chunk {@code chunk}; chunks must not depend on one another. */
    @FunctionalInterface
    public interface Chunks {
        void run(int chunk);
    }

    /** A pool of {@code threads} threads (the caller's included), spinning {@link #DEFAULT_SPIN_NANOS} before parking. */
    public ComputePool(int threads) {
        this(threads, DEFAULT_SPIN_NANOS);
    }

    /**
     * @param threads   threads that work on a call, the caller's included: {@code threads - 1} workers are
     *                  started; &gt;= 1
     * @param spinNanos how long an idle thread polls for work before it parks; 0 parks at once; &gt;= 0
     */
    public ComputePool(int threads, long spinNanos) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        if (spinNanos < 0) {
            throw new IllegalArgumentException("spinNanos must be >= 0, was " + spinNanos);
        }
        this.threads = threads;
        this.spinNanos = spinNanos;
        // Room for a few tasks per worker: a product hands over at most threads - 1, and tasks left over
        // from the previous call (which return at once) may still sit here.
        this.ring = new Runnable[Math.max(1, 4 * (threads - 1))];
        this.workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
        }
        for (Worker w : workers) {
            w.thread.start();
        }
    }

    /** The number of threads that work on a call, the caller's included. */
    public int threads() {
        return threads;
    }

    /** How long an idle thread polls for work before it parks. */
    public long spinNanos() {
        return spinNanos;
    }

    /** Whether {@link #close} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Hands {@code task} to a worker.
     *
     * @throws RejectedExecutionException if the pool is closed, has no workers, or already holds as many
     *                                    waiting tasks as it has room for (callers that claim their work,
     *                                    as {@code Gemm.sgemm} and {@link #runChunks} do, then do it themselves)
     */
    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        Thread wake = null;
        synchronized (lock) {
            if (closed) {
                throw new RejectedExecutionException("the pool is closed");
            }
            int size = queued;
            if (size == ring.length || workers.length == 0) {
                throw new RejectedExecutionException("no room for another task (" + size + " waiting, "
                        + workers.length + " workers)");
            }
            ring[(head + size) % ring.length] = task;
            queued = size + 1;
            for (Worker w : workers) {
                if (w.parked) {
                    w.parked = false;
                    wake = w.thread;
                    break;
                }
            }
        }
        if (wake != null) {
            LockSupport.unpark(wake);
        }
    }

    /**
     * Runs {@code task.run(c)} for every {@code c < chunks} on this pool's threads, the caller's included,
     * and returns when all have finished. Which thread runs which chunk is not fixed (chunks are claimed),
     * so chunks must write disjoint data. The first exception or error of any chunk is thrown here once
     * every chunk has finished. After {@link #close} the caller runs every chunk itself.
     *
     * @throws IllegalStateException if another {@code runChunks} call on this pool is in progress
     */
    public void runChunks(int chunks, Chunks task) {
        Objects.requireNonNull(task, "task");
        if (chunks < 0) {
            throw new IllegalArgumentException("chunks must be >= 0, was " + chunks);
        }
        if (chunks == 0) {
            return;
        }
        if (!busy.compareAndSet(0, 1)) {
            throw new IllegalStateException("runChunks is already running on this pool (one caller at a time)");
        }
        try {
            if (chunks == 1 || workers.length == 0) {
                for (int c = 0; c < chunks; c++) {
                    task.run(c);
                }
                return;
            }
            chunkTask = task;
            chunkCount = chunks;
            chunkFailure = null;
            chunkCaller = Thread.currentThread();
            unfinished.set(chunks);
            generation++;
            claim.set((long) generation << 32); // publishes the fields above to every helper that reads it
            int helpers = Math.min(workers.length, chunks - 1);
            for (int i = Math.max(0, waitingHelpers.get()); i < helpers; i++) {
                waitingHelpers.incrementAndGet();
                try {
                    execute(helper);
                } catch (RejectedExecutionException full) {
                    waitingHelpers.decrementAndGet();
                    break; // the caller claims what no helper does
                }
            }
            helpWithChunks();
            awaitChunks();
            chunkTask = null;
            Throwable failure = chunkFailure;
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        } finally {
            busy.set(0);
        }
    }

    /**
     * Stops the workers once they have finished what they are running and waits (briefly) for them to end.
     * Tasks still waiting are dropped; callers that claim their work finish it themselves. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            for (int i = 0; i < ring.length; i++) {
                ring[i] = null;
            }
            queued = 0;
        }
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
        boolean interrupted = false;
        for (Worker w : workers) {
            if (w.thread == Thread.currentThread()) {
                continue;
            }
            try {
                w.thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The worker threads (for tests: their state shows whether they are parked). */
    Thread[] workerThreads() {
        Thread[] out = new Thread[workers.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = workers[i].thread;
        }
        return out;
    }

    @Override
    public String toString() {
        return "ComputePool(" + threads + " threads" + (closed ? ", closed" : "") + ")";
    }

    /** Claims and runs chunks of the current job until none is left. */
    private void helpWithChunks() {
        while (true) {
            long c = claim.get();
            Chunks task = chunkTask;
            int count = chunkCount;
            int next = (int) c;
            if (task == null || next >= count) {
                return;
            }
            // Succeeds only while this job is current: a later job has another generation.
            if (!claim.compareAndSet(c, c + 1)) {
                continue;
            }
            try {
                task.run(next);
            } catch (Throwable t) {
                if (chunkFailure == null) {
                    chunkFailure = t;
                }
            } finally {
                if (unfinished.decrementAndGet() == 0) {
                    LockSupport.unpark(chunkCaller);
                }
            }
        }
    }

    /** Waits until every chunk of the current job has finished: spins a little, then parks. */
    private void awaitChunks() {
        long deadline = System.nanoTime() + spinNanos;
        while (unfinished.get() > 0) {
            if (System.nanoTime() < deadline) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }

    /** Takes the next waiting task, or null; call with {@code lock} held. */
    private Runnable poll() {
        int size = queued;
        if (size == 0) {
            return null;
        }
        Runnable task = ring[head];
        ring[head] = null;
        head = (head + 1) % ring.length;
        queued = size - 1;
        return task;
    }

    /** A worker: runs waiting tasks; when there are none, spins for {@code spinNanos}, then parks. */
    private final class Worker implements Runnable {
        final Thread thread;
        /** Parked, or about to park, with nothing to do; guarded by {@code lock}. */
        boolean parked;

        Worker(int index) {
            thread = new Thread(this, "lanewise-compute-" + index);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                Runnable task;
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    task = poll();
                    if (task == null) {
                        parked = true;
                    }
                }
                if (task == null) {
                    idle();
                    continue;
                }
                try {
                    task.run();
                } catch (Throwable t) {
                    // A task's own failure must not kill the worker; report it as an uncaught one would be.
                    Thread.UncaughtExceptionHandler handler = thread.getUncaughtExceptionHandler();
                    if (handler != null) {
                        handler.uncaughtException(thread, t);
                    }
                }
            }
        }

        /** Polls for a task for spinNanos, then parks until execute or close unparks this thread. */
        private void idle() {
            long deadline = System.nanoTime() + spinNanos;
            while (queued == 0 && !closed && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            if (queued == 0 && !closed) {
                LockSupport.park(ComputePool.this);
                Thread.interrupted(); // nobody should interrupt a worker; if someone did, park must block again
            }
            synchronized (lock) {
                parked = false;
            }
        }
    }
}
