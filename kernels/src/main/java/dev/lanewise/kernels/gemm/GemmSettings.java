package dev.lanewise.kernels.gemm;

import dev.lanewise.kernels.internal.Check;
import dev.lanewise.kernels.internal.GemmThreads;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * How {@link Gemm} uses threads: how many when a call does not say (system property {@value #PROPERTY} at
 * start-up, default: the available processors), from how many flops a product is worth splitting
 * (system property {@value #MIN_SPLIT_PROPERTY}, default {@value #DEFAULT_MIN_SPLIT_FLOPS}), and which
 * {@link Executor} runs the parts when a call names none (default: the library's own pool of daemon
 * threads). All can be changed at run time. None ever changes the result (see {@link GemmKernels}), only
 * the speed. {@link #callWithThreads} overrides the thread count for one thread's task alone, without
 * touching the default other threads see.
 */
public final class GemmSettings {
    /** System property with the default thread count. */
    public static final String PROPERTY = "lanewise.gemm.threads";

    /** System property with the fewest flops ({@code 2 * m * n * k}) that a product is split at. */
    public static final String MIN_SPLIT_PROPERTY = "lanewise.gemm.minSplitFlops";

    /**
     * About 100 microseconds on one core. Below it, the hand-off to a parked pool thread and the second
     * copy of packed B (each part packs its own) cost more than they save: on a 2-core Zen 3, 128^3 (4M
     * flops) ran at 42 GFLOPS on 2 threads against 67 on 1, while 256^3 (34M) gains 1.36x.
     */
    public static final long DEFAULT_MIN_SPLIT_FLOPS = 1L << 23;

    private static volatile int threads = initialThreads();
    private static volatile long minSplitFlops = initialMinSplitFlops();
    private static volatile Executor executor = GemmThreads.sharedPool();
    /** A per-task override of {@link #threads}, bound only inside {@link #callWithThreads}. */
    private static final ScopedValue<Integer> SCOPED_THREADS = ScopedValue.newInstance();

    private GemmSettings() {}

    /**
     * The thread count {@link Gemm} uses by default: the one {@link #callWithThreads} set for the running
     * task, else the one {@link #setThreads} set.
     */
    public static int threads() {
        return SCOPED_THREADS.isBound() ? SCOPED_THREADS.get() : threads;
    }

    /**
     * Runs {@code body} on this thread with {@link #threads()} returning {@code threads} inside it (and in
     * nothing it hands to other threads), then returns its result. Other threads keep seeing the default,
     * and the default is not changed: so several workers can each train single-threaded while the rest
     * of the program keeps its setting. Calls nest; the innermost wins, even over {@link #setThreads}.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static <T> T callWithThreads(int threads, Supplier<T> body) {
        Check.atLeast("threads", threads, 1);
        Objects.requireNonNull(body, "body");
        return ScopedValue.where(SCOPED_THREADS, threads).call(body::get);
    }

    /** Sets the default thread count; {@code threads >= 1}. */
    public static void setThreads(int threads) {
        Check.atLeast("threads", threads, 1);
        GemmSettings.threads = threads;
    }

    /** The fewest flops a product must have to run on more than one thread. */
    public static long minSplitFlops() {
        return minSplitFlops;
    }

    /** Sets the fewest flops a product must have to run on more than one thread; {@code >= 0}. */
    public static void setMinSplitFlops(long flops) {
        if (flops < 0) {
            throw new IllegalArgumentException("minSplitFlops must be >= 0, was " + flops);
        }
        minSplitFlops = flops;
    }

    /** The executor that runs the parts of a split product when a call names none. */
    public static Executor executor() {
        return executor;
    }

    /**
     * Sets the executor that runs the parts of a split product when a call names none, for example an
     * application's own pool; it should run tasks concurrently (see {@link GemmKernels}, "Threads").
     */
    public static void setExecutor(Executor executor) {
        GemmSettings.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Gives the parts of split products back to the library's own pool of daemon threads. */
    public static void resetExecutor() {
        executor = GemmThreads.sharedPool();
    }

    private static int initialThreads() {
        long value = parse(PROPERTY, Runtime.getRuntime().availableProcessors(), 1);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(PROPERTY + " must be an integer >= 1, was " + value);
        }
        return (int) value;
    }

    private static long initialMinSplitFlops() {
        return parse(MIN_SPLIT_PROPERTY, DEFAULT_MIN_SPLIT_FLOPS, 0);
    }

    private static long parse(String property, long dflt, long min) {
        String value = System.getProperty(property);
        if (value == null) {
            return dflt;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(property + " must be an integer >= " + min + ", was " + value);
    }
}
