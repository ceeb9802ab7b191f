package dev.lanewise.kernels.internal.scalar;

import dev.lanewise.kernels.blas.BlasKernels;
import dev.lanewise.kernels.internal.FmaPolicy;

/** The readable reference for {@link BlasKernels}: one plain loop per operation, left to right. */
public final class ScalarBlas implements BlasKernels {

    @Override
    public float dot(int n, float[] x, int xOffset, float[] y, int yOffset) {
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            sum += x[xOffset + i] * y[yOffset + i];
        }
        return sum;
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOffset, float[] y, int yOffset) {
        for (int i = 0; i < n; i++) {
            y[yOffset + i] = FmaPolicy.fma(alpha, x[xOffset + i], y[yOffset + i]);
        }
    }

    @Override
    public void scal(int n, float alpha, float[] x, int xOffset) {
        for (int i = 0; i < n; i++) {
            x[xOffset + i] = alpha * x[xOffset + i];
        }
    }

    @Override
    public void add(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = a[aOffset + i] + b[bOffset + i];
        }
    }

    @Override
    public void sub(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = a[aOffset + i] - b[bOffset + i];
        }
    }

    @Override
    public void mul(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = a[aOffset + i] * b[bOffset + i];
        }
    }

    @Override
    public void div(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = a[aOffset + i] / b[bOffset + i];
        }
    }

    @Override
    public float sum(int n, float[] x, int xOffset) {
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            sum += x[xOffset + i];
        }
        return sum;
    }

    @Override
    public float asum(int n, float[] x, int xOffset) {
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            sum += Math.abs(x[xOffset + i]);
        }
        return sum;
    }

    @Override
    public float nrm2(int n, float[] x, int xOffset) {
        // A float squared always fits a double (and never underflows there), so no scaling is needed.
        double sumOfSquares = 0d;
        for (int i = 0; i < n; i++) {
            double v = x[xOffset + i];
            sumOfSquares += v * v;
        }
        return (float) Math.sqrt(sumOfSquares);
    }

    @Override
    public float max(int n, float[] x, int xOffset) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[xOffset + i]);
        }
        return max;
    }

    @Override
    public int argmax(int n, float[] x, int xOffset) {
        int best = 0;
        float bestValue = x[xOffset];
        for (int i = 0; i < n; i++) {
            float v = x[xOffset + i];
            if (Float.isNaN(v)) {
                return i;
            }
            // Ties keep the first index; -0 and +0 compare equal, as in max's "first equal element".
            if (v > bestValue) {
                best = i;
                bestValue = v;
            }
        }
        return best;
    }
}
