package dev.lanewise.harness.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.blas.Blas;
import dev.lanewise.kernels.gemm.Gemm;
import dev.lanewise.kernels.gemm.GemmKernels;

import dev.lanewise.harness.bench.peers.OpenBlas;
import dev.lanewise.harness.bench.peers.OpenBlasLocator;
import dev.lanewise.harness.bench.peers.PeerLibrary;
import dev.lanewise.harness.support.Ulps;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenBLAS, called as the benchmarks call it, computes what lanewise computes within lanewise's stated bounds
 * (GemmKernels: 2 (K + 2) u (|alpha| |op(A)| |op(B)| + |beta| |C|) of the exact product), on row-major
 * arrays with every transpose, on one thread and two. Skipped only where no libopenblas file is installed;
 * fails where one is but does not load.
 */
class OpenBlasEquivalenceTest {
    private static final GemmKernels SCALAR = Kernels.scalar().gemm();

    @BeforeAll
    static void requireTheLibrary() {
        PeerLibrary file = OpenBlasLocator.locate();
        assumeTrue(file.available(), file::reason);
        assertTrue(OpenBlas.available(), () -> "libopenblas is there but: " + OpenBlas.library().reason());
    }

    @AfterAll
    static void oneThreadAgain() {
        if (OpenBlas.available()) {
            OpenBlas.setThreads(1);
        }
    }

    @Test
    void configAndThreadsAreOpenBlass() {
        assertTrue(OpenBlas.config().startsWith("OpenBLAS"), OpenBlas.config());
        OpenBlas.setThreads(1);
        assertEquals(1, OpenBlas.threads());
        assertTrue(OpenBlas.library().description().contains(OpenBlas.config()));
    }

    @Test
    void sdotIsWithinTheReductionBound() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n : new int[] {0, 1, 7, 31, 33, 65, 1000, 4097, 100_003}) {
            float[] x = NativeData.uniform(random, n, 1);
            float[] y = NativeData.uniform(random, n, 1);
            double exact = 0;
            double magnitude = 0;
            for (int i = 0; i < n; i++) {
                exact += (double) x[i] * y[i];
                magnitude += Math.abs((double) x[i] * y[i]);
            }
            for (int threads : new int[] {1, 2}) {
                OpenBlas.setThreads(threads);
                float peer = OpenBlas.sdot(n, x, y);
                double bound = n == 0 ? 0 : Ulps.gamma(n) * magnitude;
                assertTrue(Math.abs(peer - exact) <= bound, "n=" + n + ": OpenBLAS " + peer + " vs exact " + exact);
                assertTrue(Math.abs(peer - Blas.dot(x, y)) <= 2 * bound, "n=" + n + ": OpenBLAS " + peer + " vs lanewise");
            }
        }
    }

    @Test
    void saxpyIsWithinOneRoundingOfLanewise() {
        SplittableRandom random = new SplittableRandom(12);
        OpenBlas.setThreads(1);
        for (int n : new int[] {0, 1, 7, 31, 33, 65, 1000, 100_003}) {
            float[] x = NativeData.uniform(random, n, 1);
            float[] y = NativeData.uniform(random, n, 1);
            float[] yPeer = y.clone();
            Blas.axpy(-1.7f, x, y);
            OpenBlas.saxpy(n, -1.7f, x, yPeer);
            for (int i = 0; i < n; i++) {
                // OpenBLAS fuses the multiply-add in its vector loop but not in its tail, lanewise wherever the
                // CPU has FMA: the unfused product's rounding (half an ulp of it, however much y + alpha x
                // cancels) and one ulp of the result apart.
                double bound = Math.ulp(y[i]) + 0.5 * Math.ulp(-1.7f * x[i]);
                assertTrue(Math.abs(y[i] - yPeer[i]) <= bound, "n=" + n + ", i=" + i + ": " + y[i] + " vs " + yPeer[i]);
            }
        }
    }

    @Test
    void sgemvIsWithinTheStatedBoundInBothOrientations() {
        SplittableRandom random = new SplittableRandom(13);
        int[][] shapes = {{37, 53}, {256, 784}, {1, 1}, {64, 1}, {1, 64}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            for (boolean trans : new boolean[] {false, true}) {
                float[] a = NativeData.uniform(random, m * n, 1);
                float[] x = NativeData.uniform(random, trans ? m : n, 1);
                float[] y0 = NativeData.uniform(random, trans ? n : m, 1);
                float[] yPeer = y0.clone();
                float[] yLanewise = y0.clone();
                OpenBlas.sgemv(trans, m, n, 0.75f, a, n, x, 0.5f, yPeer);
                Gemm.sgemv(trans, m, n, 0.75f, a, 0, n, x, 0, 0.5f, yLanewise, 0);
                int inner = trans ? m : n;
                for (int o = 0; o < y0.length; o++) {
                    double exact = 0.5 * y0[o];
                    double magnitude = 0.5 * Math.abs(y0[o]);
                    for (int p = 0; p < inner; p++) {
                        double product = trans ? (double) a[p * n + o] * x[p] : (double) a[o * n + p] * x[p];
                        exact += 0.75 * product;
                        magnitude += 0.75 * Math.abs(product);
                    }
                    double bound = 2 * (inner + 2) * Ulps.U * magnitude + inner * 0x1p-149 * 4;
                    String at = m + "x" + n + (trans ? " trans" : "") + " y[" + o + "]";
                    assertTrue(Math.abs(yPeer[o] - exact) <= bound, at + ": OpenBLAS " + yPeer[o] + " vs exact " + exact);
                    assertTrue(Math.abs(yPeer[o] - yLanewise[o]) <= 2 * bound, at + ": OpenBLAS " + yPeer[o] + " vs lanewise " + yLanewise[o]);
                }
            }
        }
    }

    @Test
    void sgemmIsWithinTheStatedBoundForEveryTransposeAndThreadCount() {
        SplittableRandom random = new SplittableRandom(14);
        int[][] shapes = {{37, 71, 53}, {128, 128, 128}, {1, 9, 300}, {200, 3, 1}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            for (int op = 0; op < 4; op++) {
                boolean transA = (op & 1) != 0;
                boolean transB = (op & 2) != 0;
                float[] a = NativeData.uniform(random, m * k, 1);
                float[] b = NativeData.uniform(random, k * n, 1);
                float[] c0 = NativeData.uniform(random, m * n, 1);
                int lda = transA ? m : k;
                int ldb = transB ? k : n;
                float[] scalar = c0.clone();
                SCALAR.sgemm(transA, transB, m, n, k, 1.25f, a, 0, lda, b, 0, ldb, -0.5f, scalar, 0, n, 1);
                for (int threads : new int[] {1, 2}) {
                    OpenBlas.setThreads(threads);
                    float[] peer = c0.clone();
                    OpenBlas.sgemm(transA, transB, m, n, k, 1.25f, a, lda, b, ldb, -0.5f, peer, n);
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double exact = -0.5 * c0[i * n + j];
                            double magnitude = 0.5 * Math.abs(c0[i * n + j]);
                            for (int p = 0; p < k; p++) {
                                double aip = transA ? a[p * m + i] : a[i * k + p];
                                double bpj = transB ? b[j * k + p] : b[p * n + j];
                                exact += 1.25 * aip * bpj;
                                magnitude += 1.25 * Math.abs(aip * bpj);
                            }
                            double bound = 2 * (k + 2) * Ulps.U * magnitude + k * 0x1p-149 * 4;
                            String at = m + "x" + n + "x" + k + " op " + op + " on " + threads + " threads, C(" + i + ", " + j + ")";
                            float got = peer[i * n + j];
                            assertTrue(Math.abs(got - exact) <= bound, at + ": OpenBLAS " + got + " vs exact " + exact);
                            assertTrue(Math.abs(got - scalar[i * n + j]) <= 2 * bound, at + ": OpenBLAS " + got
                                    + " vs lanewise's scalar reference " + scalar[i * n + j]);
                        }
                    }
                }
            }
        }
    }
}
