package dev.lanewise.harness.bench;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.gemm.Gemm;
import dev.lanewise.kernels.gemm.GemmKernels;

import dev.lanewise.harness.bench.peers.NativePeerGuard;
import dev.lanewise.harness.bench.peers.OpenBlas;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
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
 * sgemm: the production facade (vector) on 1 and 2 threads, the scalar reference, and peers in the same
 * run: netlib's pure-Java BLAS (its VectorBLAS where the Vector API module is present), EJML, and a naive
 * i-p-j loop. Each method runs in its own fork.
 *
 * <p>{@code shape} is {@code MxKxN} (as the issue writes the MLP shapes), optionally followed by
 * {@code :TN} (A transposed) or {@code :NT} (B transposed); a single number is a square product. The
 * backward products of a 784-256-10 MLP are {@code 784x256x256:TN} (dW = X^T dY) and
 * {@code 256x10x256:NT} (dX = dY W^T with 10 outputs).
 *
 * <p>Work: 2*M*N*K flops; bytes: A, B and C once each (4 bytes a float).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class GemmBenchmark extends KernelPathGuard {
    private static final GemmKernels SCALAR = Kernels.scalar().gemm();

    @Param({"128", "256", "512", "1024", "2048", "256x784x256", "256x256x10", "784x256x256:TN", "256x10x256:NT"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    private int m;
    private int n;
    private int k;
    private boolean transA;
    private boolean transB;
    private float[] a;
    private float[] b;
    private float[] c;
    private dev.ludovic.netlib.blas.BLAS netlib;
    private FMatrixRMaj ejmlA;
    private FMatrixRMaj ejmlB;
    private FMatrixRMaj ejmlC;

    /** M, K, N and the transposes of a shape parameter. */
    record Shape(int m, int k, int n, boolean transA, boolean transB) {
        static Shape parse(String shape) {
            String[] opAndDims = shape.split(":");
            String[] dims = opAndDims[0].split("x");
            int m = Integer.parseInt(dims[0]);
            int k = dims.length == 1 ? m : Integer.parseInt(dims[1]);
            int n = dims.length == 1 ? m : Integer.parseInt(dims[2]);
            String op = opAndDims.length > 1 ? opAndDims[1] : "NN";
            return new Shape(m, k, n, op.charAt(0) == 'T', op.charAt(1) == 'T');
        }
    }

    public static Work work(String method, Map<String, String> params) {
        Shape s = Shape.parse(params.get("shape"));
        double mnk = (double) s.m() * s.n() * s.k();
        return new Work(0, 2 * mnk, 4.0 * ((double) s.m() * s.k() + (double) s.k() * s.n() + (double) s.m() * s.n()));
    }

    @Setup
    public void setUp() {
        Shape s = Shape.parse(shape);
        m = s.m();
        n = s.n();
        k = s.k();
        transA = s.transA();
        transB = s.transB();
        SplittableRandom random = new SplittableRandom(42);
        a = randoms(random, m * k);
        b = randoms(random, k * n);
        c = new float[m * n];
        netlib = dev.ludovic.netlib.blas.JavaBLAS.getInstance();
        ejmlA = transA ? new FMatrixRMaj(k, m, true, a) : new FMatrixRMaj(m, k, true, a);
        ejmlB = transB ? new FMatrixRMaj(n, k, true, b) : new FMatrixRMaj(k, n, true, b);
        ejmlC = new FMatrixRMaj(m, n);
    }

    private static float[] randoms(SplittableRandom random, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) random.nextDouble(-1, 1);
        }
        return v;
    }

    private int lda() {
        return transA ? m : k;
    }

    private int ldb() {
        return transB ? k : n;
    }

    @Benchmark
    public float[] sgemmLanewise() {
        Gemm.sgemm(transA, transB, m, n, k, 1f, a, 0, lda(), b, 0, ldb(), 0f, c, 0, n, threads);
        return c;
    }

    @Benchmark
    public float[] sgemmScalar() {
        SCALAR.sgemm(transA, transB, m, n, k, 1f, a, 0, lda(), b, 0, ldb(), 0f, c, 0, n, threads);
        return c;
    }

    /** netlib is column-major: the row-major C = op(A) op(B) is the column-major C^T = op(B)^T op(A)^T. */
    @Benchmark
    public float[] sgemmNetlib() {
        netlib.sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, 1f, b, ldb(), a, lda(), 0f, c, n);
        return c;
    }

    @Benchmark
    public FMatrixRMaj sgemmEjml() {
        if (transA) {
            CommonOps_FDRM.multTransA(ejmlA, ejmlB, ejmlC);
        } else if (transB) {
            CommonOps_FDRM.multTransB(ejmlA, ejmlB, ejmlC);
        } else {
            CommonOps_FDRM.mult(ejmlA, ejmlB, ejmlC);
        }
        return ejmlC;
    }

    /** The i-p-j loop a user would write (C2 vectorizes its inner loop over j when B is not transposed). */
    @Benchmark
    public float[] sgemmNaive() {
        java.util.Arrays.fill(c, 0f);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float aip = transA ? a[p * m + i] : a[i * k + p];
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += aip * (transB ? b[j * k + p] : b[p * n + j]);
                }
            }
        }
        return c;
    }

    /** OpenBLAS's cblas_sgemm (row-major, on the same arrays), on {@code threads} threads. */
    @Benchmark
    public float[] sgemmOpenBlas(NativePeerGuard peer) {
        OpenBlas.sgemm(transA, transB, m, n, k, 1f, a, lda(), b, ldb(), 0f, c, n);
        return c;
    }
}
