package dev.lanewise.kernels.internal;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.WarmUpReport;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Runs {@link WarmUpWorkload} rounds until the kernels run at compiled speed.
 *
 * <p>When to stop: HotSpot queues a method for C2 once it was called about 5,000 times (fewer where its loops
 * ran long), later when the compile queue is long; until then Vector API code runs boxed, far slower than
 * scalar code. So the run goes on for at least {@link #MIN_ROUNDS} rounds (every kernel is called at least once
 * a round), then stops after two windows in a row that were as fast as the fastest window (within
 * {@link #STEADY_RATIO}) and in which the JIT finished no compilation: the kernels are compiled and no
 * recompilation is pending. Where other threads keep the JIT busy, two steady windows after
 * {@link #BUSY_JIT_ROUNDS} rounds are enough. {@link #MAX_NANOS} bounds the whole run, on a machine too loaded
 * to get there. At compiled speed a round takes microseconds, so the rounds beyond the point of compilation
 * cost little.
 */
public final class WarmUpRun {
    static final long MIN_ROUNDS = 6_000;
    static final int WINDOW_ROUNDS = 250;
    static final long MIN_WINDOW_NANOS = 20_000_000L;
    static final double STEADY_RATIO = 1.5;
    static final long BUSY_JIT_ROUNDS = 3 * MIN_ROUNDS;
    static final long MAX_NANOS = 10_000_000_000L;

    private WarmUpRun() {}

    /** Runs the warm-up on {@code provider} on the calling thread ({@code Kernels.warmUp} catches what it throws). */
    public static WarmUpReport run(KernelProvider provider) {
        long start = System.nanoTime();
        WarmUpWorkload workload = new WarmUpWorkload(provider);
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimes = jit != null && jit.isCompilationTimeMonitoringSupported();
        long rounds = 0;
        float sink = 0;
        double best = Double.POSITIVE_INFINITY;
        int quietSteadyWindows = 0;
        int steadyWindows = 0;
        String outcome;
        while (true) {
            long windowStart = System.nanoTime();
            long compileStart = jitTimes ? jit.getTotalCompilationTime() : 0;
            int windowRounds = 0;
            long now;
            do {
                sink += workload.round();
                windowRounds++;
                now = System.nanoTime();
            } while (windowRounds < WINDOW_ROUNDS || now - windowStart < MIN_WINDOW_NANOS);
            rounds += windowRounds;
            double perRound = (double) (now - windowStart) / windowRounds;
            best = Math.min(best, perRound);
            boolean quiet = !jitTimes || jit.getTotalCompilationTime() == compileStart;
            boolean steady = perRound <= STEADY_RATIO * best;
            steadyWindows = steady ? steadyWindows + 1 : 0;
            quietSteadyWindows = steady && quiet ? quietSteadyWindows + 1 : 0;
            if (rounds >= MIN_ROUNDS && quietSteadyWindows >= 2) {
                outcome = String.format(Locale.ROOT, "steady at %.1f µs a round, JIT quiet", best / 1e3);
                break;
            }
            // Other threads (a training run beside a background warm-up) may keep the JIT busy for long.
            if (rounds >= BUSY_JIT_ROUNDS && steadyWindows >= 2) {
                outcome = String.format(Locale.ROOT, "steady at %.1f µs a round, JIT still busy elsewhere", best / 1e3);
                break;
            }
            if (now - start >= MAX_NANOS) {
                outcome = String.format(Locale.ROOT, "stopped at the %d s limit, %.1f µs a round at best",
                        MAX_NANOS / 1_000_000_000L, best / 1e3);
                break;
            }
        }
        if (Float.isNaN(sink)) {
            // Never true for the workload's finite inputs; the check keeps the results alive for the JIT.
            outcome += " (a NaN came out)";
        }
        return new WarmUpReport(provider.name(), rounds, (System.nanoTime() - start) / 1e9, outcome);
    }
}
