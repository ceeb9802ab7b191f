package dev.lanewise.kernels.internal.scalar;

import dev.lanewise.kernels.gemm.GemmKernels;
import dev.lanewise.kernels.internal.FmaPolicy;
import dev.lanewise.kernels.internal.GemmThreads;
import dev.lanewise.kernels.internal.GemmWorkspace;

import java.util.concurrent.Executor;

/**
 * {@link GemmKernels} in plain Java: the readable reference, and the path where the Vector API is missing.
 *
 * <p>{@code sgemm} is cache-blocked: it copies a {@value #K_BLOCK} x {@value #COL_BLOCK} block of op(B) into
 * a dense row-major buffer (about 512 KiB, which stays in L2 while every row of C passes over it; borrowed
 * with its part's workspace, see {@link dev.lanewise.kernels.internal.GemmWorkspaces}), so the innermost
 * loop runs over contiguous floats whatever the transposes, and C2 vectorizes it by itself. Threads split
 * the rows of C.
 */
public final class ScalarGemm implements GemmKernels {
    static final int K_BLOCK = 256;
    static final int COL_BLOCK = 512;

    @Override
    public void sgemv(boolean trans, int m, int n, float alpha, float[] a, int aOff, int lda,
            float[] x, int xOff, float beta, float[] y, int yOff) {
        int inner = trans ? m : n;
        int outer = trans ? n : m;
        if (alpha == 0f || inner == 0) {
            scale(outer, beta, y, yOff);
            return;
        }
        if (!trans) {
            for (int i = 0; i < m; i++) {
                int row = aOff + i * lda;
                float sum = 0f;
                for (int j = 0; j < n; j++) {
                    sum = FmaPolicy.fma(a[row + j], x[xOff + j], sum);
                }
                y[yOff + i] = beta == 0f ? alpha * sum : FmaPolicy.fma(alpha, sum, beta * y[yOff + i]);
            }
            return;
        }
        // y = beta * y first, then add alpha * x_i times row i: every pass runs along a row of A.
        scale(n, beta, y, yOff);
        for (int i = 0; i < m; i++) {
            int row = aOff + i * lda;
            float t = alpha * x[xOff + i];
            for (int j = 0; j < n; j++) {
                y[yOff + j] = FmaPolicy.fma(t, a[row + j], y[yOff + j]);
            }
        }
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float beta, float[] c, int cOff, int ldc, int threads, Executor executor) {
        if (m == 0 || n == 0) {
            return;
        }
        if (alpha == 0f || k == 0) {
            for (int i = 0; i < m; i++) {
                scale(n, beta, c, cOff + i * ldc);
            }
            return;
        }
        int parts = GemmThreads.parts(threads, 2L * m * n * k, m);
        GemmThreads.run(parts, executor, (part, workspace) -> {
            int i0 = GemmThreads.start(part, parts, m, 1);
            int i1 = GemmThreads.start(part + 1, parts, m, 1);
            blocked(workspace, transA, transB, i0, i1, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        });
    }

    /** Rows {@code [i0, i1)} of C, one B block at a time. */
    private static void blocked(GemmWorkspace workspace, boolean transA, boolean transB, int i0, int i1, int n,
            int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float beta, float[] c, int cOff, int ldc) {
        float[] block = workspace.packedB(Math.min(k, K_BLOCK) * Math.min(n, COL_BLOCK));
        for (int j0 = 0; j0 < n; j0 += COL_BLOCK) {
            int nb = Math.min(COL_BLOCK, n - j0);
            for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
                int kb = Math.min(K_BLOCK, k - p0);
                copyB(transB, b, bOff, ldb, p0, kb, j0, nb, block);
                for (int i = i0; i < i1; i++) {
                    int cRow = cOff + i * ldc + j0;
                    if (p0 == 0) {
                        scale(nb, beta, c, cRow);
                    }
                    for (int p = 0; p < kb; p++) {
                        int ap = p0 + p;
                        float aip = alpha * (transA ? a[aOff + ap * lda + i] : a[aOff + i * lda + ap]);
                        int bRow = p * nb;
                        for (int j = 0; j < nb; j++) {
                            c[cRow + j] = FmaPolicy.fma(aip, block[bRow + j], c[cRow + j]);
                        }
                    }
                }
            }
        }
    }

    /** Copies op(B)[p0, p0 + kb) x [j0, j0 + nb) into {@code block}, row-major with leading dimension nb. */
    private static void copyB(boolean transB, float[] b, int bOff, int ldb, int p0, int kb, int j0, int nb, float[] block) {
        for (int p = 0; p < kb; p++) {
            if (!transB) {
                System.arraycopy(b, bOff + (p0 + p) * ldb + j0, block, p * nb, nb);
            } else {
                for (int j = 0; j < nb; j++) {
                    block[p * nb + j] = b[bOff + (j0 + j) * ldb + p0 + p];
                }
            }
        }
    }

    /** {@code x = beta * x}; beta 0 writes zeros without reading x, beta 1 leaves x alone. */
    private static void scale(int n, float beta, float[] x, int off) {
        if (beta == 0f) {
            java.util.Arrays.fill(x, off, off + n, 0f);
        } else if (beta != 1f) {
            for (int j = 0; j < n; j++) {
                x[off + j] = beta * x[off + j];
            }
        }
    }

    @Override
    public void addBiasRows(int m, int n, float[] bias, int biasOff, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = c[row + j] + bias[biasOff + j];
            }
        }
    }

    @Override
    public void sumRows(int m, int n, float[] g, int gOff, int ldg, float beta, float[] out, int outOff) {
        for (int j = 0; j < n; j++) {
            float sum = 0f;
            for (int i = 0; i < m; i++) {
                sum += g[gOff + i * ldg + j];
            }
            out[outOff + j] = beta == 0f ? sum : FmaPolicy.fma(beta, out[outOff + j], sum);
        }
    }
}
