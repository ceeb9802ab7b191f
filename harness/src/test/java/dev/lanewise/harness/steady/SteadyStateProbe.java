package dev.lanewise.harness.steady;

import dev.lanewise.harness.bench.MlpTrainingStep;
import dev.lanewise.kernels.Kernels;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Run in a child JVM by {@link SteadyStateAllocationTest}: trains {@link MlpTrainingStep} for {@code warmup}
 * steps, then counts the bytes this thread allocates over {@code measured} more steps and prints them.
 *
 * <p>Arguments: warmup steps, measured steps, batch, inputs, hidden, outputs.
 */
public final class SteadyStateProbe {
    private SteadyStateProbe() {}

    public static void main(String[] args) {
        int warmup = Integer.parseInt(args[0]);
        int measured = Integer.parseInt(args[1]);
        MlpTrainingStep step = new MlpTrainingStep(Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Integer.parseInt(args[4]), Integer.parseInt(args[5]), 42);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.println(Kernels.choice().describe());
        long start = System.nanoTime();
        float sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += step.step();
        }
        long warm = System.nanoTime();
        threads.getCurrentThreadAllocatedBytes(); // the first call may set itself up; not counted
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < measured; i++) {
            sink += step.step();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        long end = System.nanoTime();
        long calls = (long) measured * MlpTrainingStep.KERNEL_CALLS;
        System.out.printf(Locale.ROOT, "warmup: %d steps in %.1f s; measured: %d steps (%d kernel calls) in %.1f s%n",
                warmup, (warm - start) / 1e9, measured, calls, (end - warm) / 1e9);
        System.out.printf(Locale.ROOT, "allocated: %d bytes, %.3f bytes per step, %.4f bytes per kernel call%n",
                allocated, (double) allocated / measured, (double) allocated / calls);
        System.out.println("finite: " + Float.isFinite(sink));
    }
}
