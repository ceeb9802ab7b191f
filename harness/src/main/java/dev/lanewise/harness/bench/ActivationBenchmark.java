package dev.lanewise.harness.bench;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.activation.ActivationKernels;
import dev.lanewise.kernels.activation.Activations;

import dev.lanewise.harness.bench.peers.CReference;
import dev.lanewise.harness.bench.peers.NativePeerGuard;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * sigmoid and tanh forward: the production facade (vector), the scalar reference, and the plain Java loop
 * over {@code Math.exp} / {@code Math.tanh}. Each method runs in its own fork.
 *
 * <p>Work: one element read and one written per element (8 bytes); elements = n. Flops are not stated:
 * the transcendental's cost depends on the implementation, so the rate to compare is Gelem/s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class ActivationBenchmark extends KernelPathGuard {
    private static final ActivationKernels SCALAR = Kernels.scalar().activations();

    @Param({"4096", "65536", "1048576", "16777216"})
    public int size;

    private float[] x;
    private float[] out;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        x = new float[size];
        out = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) random.nextDouble(-8, 8);
        }
    }

    public static Work work(String method, Map<String, String> params) {
        double n = Double.parseDouble(params.get("size"));
        return new Work(n, 0, 8 * n);
    }

    @Benchmark
    public float[] sigmoidVector() {
        Activations.sigmoid(x, out);
        return out;
    }

    @Benchmark
    public float[] sigmoidScalar() {
        SCALAR.sigmoid(size, x, 0, out, 0);
        return out;
    }

    @Benchmark
    public float[] sigmoidPlainJava() {
        for (int i = 0; i < x.length; i++) {
            out[i] = 1f / (1f + (float) Math.exp(-x[i]));
        }
        return out;
    }

    @Benchmark
    public float[] tanhVector() {
        Activations.tanh(x, out);
        return out;
    }

    @Benchmark
    public float[] tanhScalar() {
        SCALAR.tanh(size, x, 0, out, 0);
        return out;
    }

    @Benchmark
    public float[] tanhPlainJava() {
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) Math.tanh(x[i]);
        }
        return out;
    }

    /** The C reference: gcc -O3 -march=native -ffast-math with libmvec's vector expf, on the same arrays. */
    @Benchmark
    public float[] sigmoidC(NativePeerGuard peer) {
        CReference.sigmoid(size, x, out);
        return out;
    }
}
