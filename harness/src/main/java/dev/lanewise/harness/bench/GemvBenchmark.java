package dev.lanewise.harness.bench;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.gemm.Gemm;
import dev.lanewise.kernels.gemm.GemmKernels;

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
 * sgemv, {@code y = A x} and {@code y = A^T x} with A a row-major {@code m x n} matrix: the production facade,
 * the scalar reference, and OpenBLAS's {@code cblas_sgemv} on the same arrays, on one thread and on every core
 * (skipped with a note where OpenBLAS is missing). Shapes {@code MxN}: the first layer of a 784-256-10 MLP
 * applied to one sample ({@code 256x784}), and squares in L2 and beyond the caches. Each method runs in its
 * own fork.
 *
 * <p>Work: 2*m*n flops; bytes: A, x and y once each, 4*(m*n + m + n).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class GemvBenchmark extends KernelPathGuard {
    private static final GemmKernels SCALAR = Kernels.scalar().gemm();

    @Param({"256x784", "1024x1024", "4096x4096"})
    public String shape;

    /** Whether the product is with A's transpose (x then has m elements and y n). */
    @Param({"false", "true"})
    public boolean trans;

    private int m;
    private int n;
    private float[] a;
    private float[] x;
    private float[] y;

    public static Work work(String method, Map<String, String> params) {
        String[] dims = params.get("shape").split("x");
        double m = Double.parseDouble(dims[0]);
        double n = Double.parseDouble(dims[1]);
        return new Work(0, 2 * m * n, 4 * (m * n + m + n));
    }

    @Setup
    public void setUp() {
        String[] dims = shape.split("x");
        m = Integer.parseInt(dims[0]);
        n = Integer.parseInt(dims[1]);
        SplittableRandom random = new SplittableRandom(42);
        a = randoms(random, m * n);
        x = randoms(random, trans ? m : n);
        y = new float[trans ? n : m];
    }

    private static float[] randoms(SplittableRandom random, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) random.nextDouble(-1, 1);
        }
        return v;
    }

    @Benchmark
    public float[] sgemvLanewise() {
        Gemm.sgemv(trans, m, n, 1f, a, 0, n, x, 0, 0f, y, 0);
        return y;
    }

    @Benchmark
    public float[] sgemvScalar() {
        SCALAR.sgemv(trans, m, n, 1f, a, 0, n, x, 0, 0f, y, 0);
        return y;
    }

    @Benchmark
    public float[] sgemvOpenBlas(NativePeerGuard peer) {
        OpenBlas.sgemv(trans, m, n, 1f, a, n, x, 0f, y);
        return y;
    }

    @Benchmark
    public float[] sgemvOpenBlasAllCores(NativePeerGuard peer) {
        OpenBlas.sgemv(trans, m, n, 1f, a, n, x, 0f, y);
        return y;
    }
}
