package dev.lanewise.harness.bench;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.blas.Blas;
import dev.lanewise.kernels.blas.BlasKernels;

import dev.lanewise.harness.bench.peers.CReference;
import dev.lanewise.harness.bench.peers.NativePeerGuard;
import dev.lanewise.harness.bench.peers.OpenBlas;
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
 * dot and axpy: the production facade (vector), the scalar reference, and the plain Java loop that C2
 * compiles on its own. Each method runs in its own fork, so their profiles never mix.
 *
 * <p>Work: dot reads 2 floats and does 2 flops per element (8 bytes); axpy reads 2, writes 1, 2 flops
 * per element (12 bytes).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class BlasBenchmark extends KernelPathGuard {
    private static final BlasKernels SCALAR = Kernels.scalar().blas();

    @Param({"4096", "65536", "1048576", "16777216"})
    public int size;

    private float[] x;
    private float[] y;
    private float alpha;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        x = new float[size];
        y = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
            y[i] = (float) random.nextDouble(-1, 1);
        }
        // Small enough that y stays bounded however many invocations run.
        alpha = 1e-7f;
    }

    public static Work work(String method, Map<String, String> params) {
        double n = Double.parseDouble(params.get("size"));
        return method.startsWith("dot") ? new Work(n, 2 * n, 8 * n) : new Work(n, 2 * n, 12 * n);
    }

    @Benchmark
    public float dotVector() {
        return Blas.dot(x, y);
    }

    @Benchmark
    public float dotScalar() {
        return SCALAR.dot(size, x, 0, y, 0);
    }

    @Benchmark
    public float dotPlainJava() {
        float sum = 0f;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    @Benchmark
    public float[] axpyVector() {
        Blas.axpy(alpha, x, y);
        return y;
    }

    @Benchmark
    public float[] axpyScalar() {
        SCALAR.axpy(size, alpha, x, 0, y, 0);
        return y;
    }

    @Benchmark
    public float[] axpyPlainJava() {
        float a = alpha;
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.fma(a, x[i], y[i]);
        }
        return y;
    }

    // ---- Native peers through java.lang.foreign, on the same arrays (skipped with a note where missing) ----

    /** The C reference dot (4 accumulators at the CPU's widest width, gcc -O3 -march=native). */
    @Benchmark
    public float dotC(NativePeerGuard peer) {
        return CReference.dot(size, x, y);
    }

    /** OpenBLAS's cblas_sdot on one thread. */
    @Benchmark
    public float dotOpenBlas(NativePeerGuard peer) {
        return OpenBlas.sdot(size, x, y);
    }

    /** OpenBLAS's cblas_sdot on every core (OpenBLAS splits long vectors). */
    @Benchmark
    public float dotOpenBlasAllCores(NativePeerGuard peer) {
        return OpenBlas.sdot(size, x, y);
    }

    @Benchmark
    public float[] axpyC(NativePeerGuard peer) {
        CReference.axpy(size, alpha, x, y);
        return y;
    }

    @Benchmark
    public float[] axpyOpenBlas(NativePeerGuard peer) {
        OpenBlas.saxpy(size, alpha, x, y);
        return y;
    }

    @Benchmark
    public float[] axpyOpenBlasAllCores(NativePeerGuard peer) {
        OpenBlas.saxpy(size, alpha, x, y);
        return y;
    }
}
