package dev.lanewise.harness.gemm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One generated {@code sgemm} call: shapes, transposes, leading dimensions, offsets, alpha, beta and the
 * arrays, with a double-precision reference and the error bound stated in {@code GemmKernels}.
 *
 * <p>A and B hold values in [-4, 4] (with some exact zeros). C holds values in [-4, 4], or NaN when
 * beta is 0 (so reading it would show); every element of c outside the m x n window holds a sentinel that
 * no kernel may change.
 */
record GemmCase(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta,
        float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {

    static final float SENTINEL = -12345.5f;
    static final double U = 0x1p-24;

    static GemmCase random(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta,
            int ldPad, int offset, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        int lda = Math.max(1, aCols) + ldPad;
        int ldb = Math.max(1, bCols) + (ldPad + 1) % 4;
        int ldc = n + (ldPad + 2) % 4;
        float[] a = values(random, offset + aRows * lda + 3);
        float[] b = values(random, offset + 1 + bRows * ldb + 2);
        float[] c = new float[offset + 2 + m * ldc + 5];
        Arrays.fill(c, SENTINEL);
        int cOff = offset + 2;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[cOff + i * ldc + j] = beta == 0f ? Float.NaN : (float) random.nextDouble(-4, 4);
            }
        }
        return new GemmCase(transA, transB, m, n, k, alpha, beta, a, offset, lda, b, offset + 1, ldb, c, cOff, ldc);
    }

    private static float[] values(SplittableRandom random, int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = random.nextInt(8) == 0 ? 0f : (float) random.nextDouble(-4, 4);
        }
        return v;
    }

    float opA(int i, int p) {
        return transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
    }

    float opB(int p, int j) {
        return transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
    }

    /**
     * Checks {@code actual} (a copy of c after the call) against the double reference, element by element,
     * with |C - C_ref| &lt;= 2 (K + 2) u (|alpha| (|A||B|)_ij + |beta| |C_ij|) + 4 K 2^-149, and that
     * everything outside the window kept its sentinel. Returns null when all holds, else a description.
     */
    String check(float[] actual) {
        for (int idx = 0; idx < c.length; idx++) {
            if (!inWindow(idx) && Float.floatToIntBits(actual[idx]) != Float.floatToIntBits(c[idx])) {
                return "element " + idx + " outside C was changed to " + actual[idx];
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double exact = 0;
                double magnitude = 0;
                if (alpha != 0f) {
                    for (int p = 0; p < k; p++) {
                        double t = (double) opA(i, p) * opB(p, j);
                        exact += t;
                        magnitude += Math.abs(t);
                    }
                    exact *= alpha;
                    magnitude *= Math.abs(alpha);
                }
                float old = c[cOff + i * ldc + j];
                if (beta != 0f) {
                    exact += (double) beta * old;
                    magnitude += Math.abs((double) beta * old);
                }
                double bound = 2.0 * (k + 2) * U * magnitude + 4.0 * k * 0x1p-149;
                float got = actual[cOff + i * ldc + j];
                if (!(Math.abs(got - exact) <= bound)) {
                    return "C(" + i + "," + j + ") = " + got + ", reference " + exact + ", error " + Math.abs(got - exact)
                            + " > bound " + bound;
                }
            }
        }
        return null;
    }

    private boolean inWindow(int idx) {
        int rel = idx - cOff;
        return rel >= 0 && rel < m * ldc && rel % ldc < n;
    }

    @Override
    public String toString() {
        return "GemmCase[transA=" + transA + ", transB=" + transB + ", m=" + m + ", n=" + n + ", k=" + k + ", alpha="
                + alpha + ", beta=" + beta + ", aOff=" + aOff + ", lda=" + lda + ", bOff=" + bOff + ", ldb=" + ldb
                + ", cOff=" + cOff + ", ldc=" + ldc + "]";
    }
}
