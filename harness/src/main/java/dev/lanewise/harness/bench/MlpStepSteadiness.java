package dev.lanewise.harness.bench;

import dev.lanewise.harness.CpuInfo;
import dev.lanewise.kernels.Kernels;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The steadiness check of issue 10: the batch-256 MLP step ({@link MlpTrainStep}) for 100,000 steps on one
 * thread, after a warm-up, printing the samples/s of each block of 10,000 steps, the spread between blocks
 * (max/min - 1; the bar is under 10%), and this thread's allocated bytes per step in each block
 * ({@code com.sun.management.ThreadMXBean}; on one thread that is all the step allocates). A kernel that
 * starts boxing vectors after some thousands of steps shows up as a slower block with megabytes per step.
 *
 * <pre>java --add-modules=jdk.incubator.vector -Xms2g -Xmx2g -cp harness/target/lanewise.jar \
 *     dev.lanewise.harness.bench.MlpStepSteadiness [steps=100000] [block=10000] [warmup=5000] [batch=256] [threads=1]</pre>
 */
public final class MlpStepSteadiness {
    private MlpStepSteadiness() {}

    public static void main(String[] args) {
        int steps = intArg(args, 0, "steps", 100_000);
        int block = intArg(args, 1, "block", 10_000);
        int warmup = intArg(args, 2, "warmup", 5_000);
        int batch = intArg(args, 3, "batch", 256);
        int threads = intArg(args, 4, "threads", 1);
        if (steps < block || block < 1 || warmup < 0 || threads < 1) {
            throw new IllegalArgumentException("need steps >= block >= 1, warmup >= 0, threads >= 1; got steps " + steps
                    + ", block " + block + ", warmup " + warmup + ", threads " + threads);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "MLP 784-256-10 train step (ReLU, softmax cross-entropy, Adam), batch %d, %d thread(s):"
                + " %d steps in blocks of %d after %d warm-up steps%n", batch, threads, steps, block, warmup);
        System.out.println("CPU: " + CpuInfo.modelName() + ", " + Runtime.getRuntime().availableProcessors()
                + " processors; JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        System.out.println("kernels: " + Kernels.choice().describe());
        try (MlpTrainStep step = new MlpTrainStep(batch, threads, dev.lanewise.model.parallel.ComputePool.DEFAULT_SPIN_NANOS)) {
            double loss = Double.NaN;
            for (int s = 0; s < warmup; s++) {
                loss = step.next();
            }
            System.out.printf(Locale.ROOT, "after warm-up: loss %.4f%n", loss);
            System.out.printf(Locale.ROOT, "%6s %12s %10s %14s %14s %10s%n", "block", "last step", "seconds", "samples/s",
                    "bytes/step", "loss");
            int blocks = steps / block;
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
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
                double rate = (double) block * batch / seconds;
                bytesPerStep[b] = (double) (bytes1 - bytes0) / block;
                min = Math.min(min, rate);
                max = Math.max(max, rate);
                System.out.printf(Locale.ROOT, "%6d %12d %10.3f %14.0f %14.1f %10.4f%n", b + 1, (long) (b + 1) * block,
                        seconds, rate, bytesPerStep[b], loss);
            }
            System.out.printf(Locale.ROOT, "samples/s: min %.0f, max %.0f, spread (max/min - 1) %.1f%%%n", min, max,
                    100 * (max / min - 1));
            StringBuilder last = new StringBuilder();
            for (int b = Math.max(0, blocks - 3); b < blocks; b++) {
                last.append(last.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", bytesPerStep[b]));
            }
            System.out.println("allocated bytes per step on this thread, last blocks: " + last);
        }
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
