package dev.lanewise.harness.bench;

import java.util.Map;
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
 * The MLP 784-256-10 train step (ReLU, softmax cross-entropy, Adam) through the model layer
 * ({@link MlpTrainStep}: Sequential of Dense, Activation, Dense, one {@code TrainingStep} per invocation) at
 * batch 64 and 256 on 1 and 2 threads. PyTorch's side of the comparison is {@code peers/torch/mlp_step.py}.
 *
 * <p>The score is steps per second: <b>samples/s = ops/s x batch</b>. (The {@code bench} command runs every
 * benchmark in average time; its report shows samples/s as "Gelem/s" x 10^9, as {@link #work} counts one
 * element per sample.) Allocation per step: run with {@code -prof gc} and read {@code gc.alloc.rate.norm}.
 *
 * <p>{@code spinMicros} is how long the step's idle threads poll for work before they park (see
 * {@code ComputePool}); it matters only on 2 threads. Each configuration runs in its own fork.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class MlpTrainStepBenchmark extends KernelPathGuard {
    @Param({"64", "256"})
    public int batch;

    @Param({"1", "2"})
    public int threads;

    @Param({"50"})
    public int spinMicros;

    private MlpTrainStep step;

    /** One element per sample (so "Gelem/s" is giga-samples/s) and the step's GEMM flops. */
    public static Work work(String method, Map<String, String> params) {
        int batch = Integer.parseInt(params.get("batch"));
        return new Work(batch, MlpTrainStep.flopsPerStep(batch), 0);
    }

    @Setup(Level.Trial)
    public void setUp() {
        step = new MlpTrainStep(batch, threads, spinMicros * 1000L);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        step.close();
    }

    @Benchmark
    public double mlpStepLanewise() {
        return step.next();
    }
}
