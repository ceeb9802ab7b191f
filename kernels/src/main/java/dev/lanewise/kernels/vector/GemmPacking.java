package dev.lanewise.kernels.vector;

import java.util.Arrays;

/**
 * Copies blocks of op(A) and op(B) into the panel layouts the micro-kernels stream through, so that the
 * kernel reads both with unit stride whatever the transposes and leading dimensions, and the tails of a
 * panel are zeros (the kernel then needs no edge cases inside its loop).
 */
final class GemmPacking {
    private GemmPacking() {}

    /**
     * op(B)[p0, p0 + kc) x [j0, j0 + nc) as panels of {@code nr} columns: panel q holds, for each p, the
     * {@code nr} floats of row p at {@code dst[(q * kc + p) * nr]}, zero past column nc.
     */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc, int nr, float[] dst) {
        for (int q = 0, jq = 0; jq < nc; q++, jq += nr) {
            int width = Math.min(nr, nc - jq);
            int base = q * kc * nr;
            if (!transB) {
                for (int p = 0; p < kc; p++) {
                    int to = base + p * nr;
                    System.arraycopy(b, bOff + (p0 + p) * ldb + j0 + jq, dst, to, width);
                    if (width < nr) {
                        Arrays.fill(dst, to + width, to + nr, 0f);
                    }
                }
            } else {
                // B holds op(B) transposed: column j of op(B) is a contiguous run, read once, written strided.
                for (int j = 0; j < width; j++) {
                    int from = bOff + (j0 + jq + j) * ldb + p0;
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * nr + j] = b[from + p];
                    }
                }
                if (width < nr) {
                    for (int p = 0; p < kc; p++) {
                        Arrays.fill(dst, base + p * nr + width, base + (p + 1) * nr, 0f);
                    }
                }
            }
        }
    }

    /**
     * op(A)[i0, i0 + mc) x [p0, p0 + kc) as panels of {@code mr} rows: panel q holds, for each p, the
     * {@code mr} floats of column p at {@code dst[(q * kc + p) * mr]}, zero past row mc.
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc, int mr, float[] dst) {
        for (int q = 0, iq = 0; iq < mc; q++, iq += mr) {
            int height = Math.min(mr, mc - iq);
            int base = q * kc * mr;
            if (transA) {
                for (int p = 0; p < kc; p++) {
                    int to = base + p * mr;
                    System.arraycopy(a, aOff + (p0 + p) * lda + i0 + iq, dst, to, height);
                    if (height < mr) {
                        Arrays.fill(dst, to + height, to + mr, 0f);
                    }
                }
            } else {
                for (int r = 0; r < height; r++) {
                    int from = aOff + (i0 + iq + r) * lda + p0;
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * mr + r] = a[from + p];
                    }
                }
                if (height < mr) {
                    for (int p = 0; p < kc; p++) {
                        Arrays.fill(dst, base + p * mr + height, base + (p + 1) * mr, 0f);
                    }
                }
            }
        }
    }
}
