package dev.lanewise.harness.bench;

import dev.lanewise.harness.CpuInfo;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.model.parallel.ComputePool;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * The steadiness check of issue 10: the batch-256 MLP step ({@link MlpTrainStep}) for 100,000 steps on one
 * thread, after a warm-up, printing the samples/s of each block of 10,000 steps, the spread between blocks
 * (max/min - 1; the bar is under 10%), and this thread's allocated bytes per step in each block
 * ({@code com.sun.management.ThreadMXBean}; on one thread that is all the step allocates). A kernel that
 * starts boxing vectors after some thousands of steps shows up as a slower block with megabytes per step.
 *
 * <p>After each block it also times a <b>fresh</b> step of the same shape (a new network, {@code reference}
 * steps after {@value #REFERENCE_WARM_UP} untimed ones, in the same JVM, so with the same compiled code), and
 * prints the long run's speed over the fresh one's (then runs {@value #REFERENCE_WARM_UP} untimed steps of the long
 * run, which refill the caches the fresh step displaced). Why: on a shared machine the speed of the machine itself
 * drifts over minutes (on the 2-core Zen 5 guest a fresh step ran at 187k samples/s at one time and 167k
 * twenty minutes later), which the blocks' spread cannot tell from a step that slows down as it ages (boxing,
 * recompilation, subnormal numbers in the optimizer's state). The ratio can: the machine's drift divides out,
 * and what is left is what the long run's state and code did. Both spreads are printed.
 *
 * <pre>java --add-modules=jdk.incubator.vector -Xms2g -Xmx2g -cp harness/target/lanewise.jar \
 *     dev.lanewise.harness.bench.MlpStepSteadiness [steps=100000] [block=10000] [warmup=5000] [batch=256] [threads=1] \
 *     [reference=block/5, 0 for none]</pre>
 */
public final class MlpStepSteadiness {
    /** Untimed steps of each fresh reference before its timed ones: enough to leave its cold first steps out. */
    static final int REFERENCE_WARM_UP = 500;

    private MlpStepSteadiness() {}

    public static void main(String[] args) {
        int steps = intArg(args, 0, "steps", 100_000);
        int block = intArg(args, 1, "block", 10_000);
        int warmup = intArg(args, 2, "warmup", 5_000);
        int batch = intArg(args, 3, "batch", 256);
        int threads = intArg(args, 4, "threads", 1);
        int reference = intArg(args, 5, "reference", block / 5);
        if (steps < block || block < 1 || warmup < 0 || threads < 1 || reference < 0) {
            throw new IllegalArgumentException("need steps >= block >= 1, warmup >= 0, threads >= 1, reference >= 0; got steps "
                    + steps + ", block " + block + ", warmup " + warmup + ", threads " + threads + ", reference " + reference);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "MLP 784-256-10 train step (ReLU, softmax cross-entropy, Adam), batch %d, %d thread(s):"
                + " %d steps in blocks of %d after %d warm-up steps; after each block, %d steps of a fresh step (after %d"
                + " untimed)%n", batch, threads, steps, block, warmup, reference, REFERENCE_WARM_UP);
        System.out.println("CPU: " + CpuInfo.modelName() + ", " + Runtime.getRuntime().availableProcessors()
                + " processors; JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        System.out.println("kernels: " + Kernels.choice().describe());
        try (MlpTrainStep step = new MlpTrainStep(batch, threads, ComputePool.DEFAULT_SPIN_NANOS)) {
            double loss = Double.NaN;
            for (int s = 0; s < warmup; s++) {
                loss = step.next();
            }
            System.out.printf(Locale.ROOT, "after warm-up: loss %.4f%n", loss);
            System.out.printf(Locale.ROOT, "%6s %12s %10s %14s %14s %10s %14s %12s%n", "block", "last step", "seconds",
                    "samples/s", "bytes/step", "loss", "fresh s/s", "long/fresh");
            int blocks = steps / block;
            double[] rates = new double[blocks];
            double[] fresh = new double[blocks];
            double[] bytesPerStep = new double[blocks];
            long tid = Thread.currentThread().threadId();
            for (int b = 0; b < blocks; b++) {
                long bytes0 = mx.getThreadAllocatedBytes(tid);
                long t0 = System.nanoTime();
                for (int s = 0; s < block; s++) {
                    loss = step.next();
                }
                long t1 = System.nanoTime();
                long bytes1 = mx.getThreadAllocatedBytes(tid);
                double seconds = (t1 - t0) / 1e9;
                rates[b] = (double) block * batch / seconds;
                bytesPerStep[b] = (double) (bytes1 - bytes0) / block;
                fresh[b] = reference == 0 ? Double.NaN : freshRate(batch, threads, reference);
                // The fresh step's arrays displaced the long run's from the caches (the CPU's, and the kernels'
                // cache of array segments, which then allocates a little to refill): untimed steps refill them.
                for (int s = 0; reference > 0 && s < REFERENCE_WARM_UP; s++) {
                    loss = step.next();
                }
                System.out.printf(Locale.ROOT, "%6d %12d %10.3f %14.0f %14.1f %10.4f %14.0f %12.3f%n", b + 1,
                        (long) (b + 1) * block, seconds, rates[b], bytesPerStep[b], loss, fresh[b], rates[b] / fresh[b]);
            }
            System.out.printf(Locale.ROOT, "samples/s: min %.0f, max %.0f, spread (max/min - 1) %.1f%%%n", min(rates),
                    max(rates), 100 * spread(rates));
            if (reference > 0) {
                double[] ratios = new double[blocks];
                for (int b = 0; b < blocks; b++) {
                    ratios[b] = rates[b] / fresh[b];
                }
                System.out.printf(Locale.ROOT, "fresh step's samples/s (the machine's drift): min %.0f, max %.0f, spread %.1f%%%n",
                        min(fresh), max(fresh), 100 * spread(fresh));
                System.out.printf(Locale.ROOT, "long run / fresh step: min %.3f, max %.3f, spread %.1f%%%n", min(ratios),
                        max(ratios), 100 * spread(ratios));
            }
            StringBuilder last = new StringBuilder();
            for (int b = Math.max(0, blocks - 3); b < blocks; b++) {
                last.append(last.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", bytesPerStep[b]));
            }
            System.out.println("allocated bytes per step on this thread, last blocks: " + last);
        }
    }

    /** Samples/s of a new step of the same shape, timed over {@code steps} steps after its first few. */
    private static double freshRate(int batch, int threads, int steps) {
        try (MlpTrainStep fresh = new MlpTrainStep(batch, threads, ComputePool.DEFAULT_SPIN_NANOS)) {
            for (int s = 0; s < REFERENCE_WARM_UP; s++) {
                fresh.next();
            }
            long t0 = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                fresh.next();
            }
            return (double) steps * batch / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /** max/min - 1. */
    static double spread(double[] values) {
        return max(values) / min(values) - 1;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    private static int intArg(String[] args, int index, String name, int dflt) {
        if (args.length <= index) {
            return dflt;
        }
        try {
            return Integer.parseInt(args[index].replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, was '" + args[index] + "'");
        }
    }
}
