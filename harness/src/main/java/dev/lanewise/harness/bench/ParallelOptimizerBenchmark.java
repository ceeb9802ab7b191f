package dev.lanewise.harness.bench;

import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.optim.Adam;
import dev.lanewise.model.parallel.ComputePool;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An Adam step on a large parameter array through the model layer's optimizer, split over {@code threads}
 * threads of one {@link ComputePool} (the fused kernel on ranges), as a training step runs it. Its rate in GB/s
 * is to be read against {@link MachineLimitsBenchmark}'s STREAM triad on as many threads, in the same run:
 * at 16M parameters the step can only be as fast as memory.
 *
 * <p>Work per element: the finite-gradient scan reads the gradient (4 bytes), the fused update reads
 * parameter, gradient, m and v and writes parameter, m and v (28 bytes): 32 bytes; elements = n.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms3g", "-Xmx3g"})
public class ParallelOptimizerBenchmark extends KernelPathGuard {
    @Param({"16777216"})
    public int size;

    @Param({"1", "2"})
    public int threads;

    private float[] param;
    private float[] grad;
    private Adam adam;
    private ComputePool pool;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        param = new float[size];
        grad = new float[size];
        for (int i = 0; i < size; i++) {
            param[i] = (float) random.nextDouble(-1, 1);
            grad[i] = (float) random.nextDouble(-1e-3, 1e-3);
        }
        // A tiny learning rate keeps the parameters bounded however many steps run.
        adam = new Adam(AdamConfig.adam().withLr(1e-7), param);
        pool = new ComputePool(threads);
        adam.useThreads(pool);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    public static Work work(String method, Map<String, String> params) {
        double n = Double.parseDouble(params.get("size"));
        return new Work(n, 0, 32 * n);
    }

    @Benchmark
    public boolean adamStepLanewise() {
        return adam.step(grad);
    }
}
