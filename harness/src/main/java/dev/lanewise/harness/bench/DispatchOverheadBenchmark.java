package dev.lanewise.harness.bench;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.blas.Blas;
import dev.lanewise.kernels.blas.BlasKernels;
import dev.lanewise.kernels.internal.vector.VectorBlas;

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
 * Does the production path lose anything to dispatch? The same dot kernel called three ways: through the
 * public facade (argument checks, then the provider's interface), directly on the concrete class held in a
 * {@code static final}, and through an interface obtained by name at run time. Small sizes make any
 * per-call overhead visible.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class DispatchOverheadBenchmark extends KernelPathGuard {
    private static final VectorBlas DIRECT = new VectorBlas();

    @Param({"16", "4096"})
    public int size;

    private float[] x;
    private float[] y;
    private BlasKernels byName;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        x = new float[size];
        y = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
            y[i] = (float) random.nextDouble(-1, 1);
        }
        byName = Kernels.named(Kernels.provider().name()).blas();
    }

    public static Work work(String method, Map<String, String> params) {
        double n = Double.parseDouble(params.get("size"));
        return new Work(n, 2 * n, 8 * n);
    }

    @Benchmark
    public float dotFacade() {
        return Blas.dot(x, y);
    }

    @Benchmark
    public float dotDirect() {
        return DIRECT.dot(size, x, 0, y, 0);
    }

    @Benchmark
    public float dotByName() {
        return byName.dot(size, x, 0, y, 0);
    }
}
