package dev.lanewise.kernels.internal.vector;

import dev.lanewise.kernels.internal.FmaPolicy;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code y = alpha * A^T x + beta * y}: y is scaled once, then each group of four rows of A is added to it
 * in one pass, so y is read and written once per four rows and A is read along its rows.
 */
final class GemmGemvTransposed {
    private GemmGemvTransposed() {}

    static void run(int m, int n, float alpha, float[] a, int aOff, int lda,
            float[] x, int xOff, float beta, float[] y, int yOff) {
        VectorSpecies<Float> s = VectorWidth.FLOAT;
        VectorGemm.scale(n, beta, y, yOff);
        int step = s.length();
        int bound = s.loopBound(n);
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int r0 = aOff + i * lda;
            int r1 = r0 + lda;
            int r2 = r1 + lda;
            int r3 = r2 + lda;
            float t0 = alpha * x[xOff + i];
            float t1 = alpha * x[xOff + i + 1];
            float t2 = alpha * x[xOff + i + 2];
            float t3 = alpha * x[xOff + i + 3];
            FloatVector v0 = FloatVector.broadcast(s, t0);
            FloatVector v1 = FloatVector.broadcast(s, t1);
            FloatVector v2 = FloatVector.broadcast(s, t2);
            FloatVector v3 = FloatVector.broadcast(s, t3);
            int j = 0;
            for (; j < bound; j += step) {
                FloatVector acc = FloatVector.fromArray(s, y, yOff + j);
                acc = (FmaPolicy.USE_FMA ? (v0).fma(FloatVector.fromArray(s, a, r0 + j), acc) : (v0).mul(FloatVector.fromArray(s, a, r0 + j)).add(acc));
                acc = (FmaPolicy.USE_FMA ? (v1).fma(FloatVector.fromArray(s, a, r1 + j), acc) : (v1).mul(FloatVector.fromArray(s, a, r1 + j)).add(acc));
                acc = (FmaPolicy.USE_FMA ? (v2).fma(FloatVector.fromArray(s, a, r2 + j), acc) : (v2).mul(FloatVector.fromArray(s, a, r2 + j)).add(acc));
                acc = (FmaPolicy.USE_FMA ? (v3).fma(FloatVector.fromArray(s, a, r3 + j), acc) : (v3).mul(FloatVector.fromArray(s, a, r3 + j)).add(acc));
                acc.intoArray(y, yOff + j);
            }
            for (; j < n; j++) {
                float acc = y[yOff + j];
                acc = FmaPolicy.fma(t0, a[r0 + j], acc);
                acc = FmaPolicy.fma(t1, a[r1 + j], acc);
                acc = FmaPolicy.fma(t2, a[r2 + j], acc);
                acc = FmaPolicy.fma(t3, a[r3 + j], acc);
                y[yOff + j] = acc;
            }
        }
        for (; i < m; i++) {
            int r0 = aOff + i * lda;
            float t0 = alpha * x[xOff + i];
            FloatVector v0 = FloatVector.broadcast(s, t0);
            int j = 0;
            for (; j < bound; j += step) {
                (FmaPolicy.USE_FMA ? (v0).fma(FloatVector.fromArray(s, a, r0 + j), FloatVector.fromArray(s, y, yOff + j)) : (v0).mul(FloatVector.fromArray(s, a, r0 + j)).add(FloatVector.fromArray(s, y, yOff + j))).intoArray(y, yOff + j);
            }
            for (; j < n; j++) {
                y[yOff + j] = FmaPolicy.fma(t0, a[r0 + j], y[yOff + j]);
            }
        }
    }
}
