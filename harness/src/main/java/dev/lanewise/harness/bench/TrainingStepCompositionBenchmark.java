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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of a 784-256-10 MLP composed of every kernel family ({@link MlpTrainingStep}: GEMM and
 * bias forward, ReLU and the other activations forward and backward, softmax cross-entropy and MSE, the
 * backward GEMMs and bias sums, BLAS-1 norms, Adam and SGD), through the public facades on one thread. It
 * measures what the per-kernel benchmarks cannot: whether the kernels stay fast and allocation-free when
 * they run interleaved for thousands of steps, the way C2 compiles them in a real training loop. Report it
 * with JMH's GC profiler, whose {@code gc.alloc.rate.norm} is the bytes allocated per step (it must be 0):
 * <pre>
 * java --add-modules=jdk.incubator.vector -cp harness/target/lanewise.jar org.openjdk.jmh.Main \
 *     TrainingStepCompositionBenchmark -prof gc
 * </pre>
 * The scalar path is the same method in a fork with {@code -Dlanewise.kernels=scalar} ({@code bench --levels
 * scalar,default}).
 *
 * <p>Warmup is longer than the other benchmarks': in issue 8 a kernel began boxing vectors only after 5,000
 * to 6,000 steps (about 8 s at batch 256), when C2 recompiled it; the measurement should come after that.
 *
 * <p>Work: {@code batch} samples per step (the report's element rate is samples per ns); flops: the five
 * products, 2 * batch * (2 * 784 * 256 + 3 * 256 * 10); bytes not stated.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class TrainingStepCompositionBenchmark extends KernelPathGuard {
    static final int INPUTS = 784;
    static final int HIDDEN = 256;
    static final int OUTPUTS = 10;

    public static Work work(String method, Map<String, String> params) {
        double batch = Double.parseDouble(params.get("batch"));
        double flops = 2 * batch * (2.0 * INPUTS * HIDDEN + 3.0 * HIDDEN * OUTPUTS);
        return new Work(batch, flops, 0);
    }

    /** The network, its fixed batch and every buffer, made once per trial. */
    @State(Scope.Thread)
    public static class Network {
        @Param({"64", "256"})
        public int batch;

        MlpTrainingStep step;

        @Setup(Level.Trial)
        public void setUp() {
            step = new MlpTrainingStep(batch, INPUTS, HIDDEN, OUTPUTS, 42);
        }
    }

    @Benchmark
    public float trainingStepLanewise(Network network) {
        return network.step.step();
    }
}
