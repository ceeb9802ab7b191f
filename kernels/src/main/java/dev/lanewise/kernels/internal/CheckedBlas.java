package dev.lanewise.kernels.internal;

import dev.lanewise.kernels.blas.BlasKernels;
import java.util.Objects;

/**
 * The checking layer over one implementation's BLAS kernels: each method checks every argument and bound,
 * naming the argument and its value, before it delegates, so a refused call writes nothing.
 *
 * <p>A record because C2 trusts a record's final fields as constants: the facade holds this wrapper in a
 * {@code static final}, so {@code kernels} folds to a constant receiver and the implementation's method
 * inlines into the call site as if there were no wrapper.
 *
 * @param kernels the unchecked implementation
 */
public record CheckedBlas(BlasKernels kernels) implements BlasKernels {

    public CheckedBlas {
        Objects.requireNonNull(kernels, "kernels");
    }

    @Override
    public float dot(int n, float[] x, int xOffset, float[] y, int yOffset) {
        checkTwo(n, x, xOffset, y, yOffset);
        return kernels.dot(n, x, xOffset, y, yOffset);
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOffset, float[] y, int yOffset) {
        checkTwo(n, x, xOffset, y, yOffset);
        kernels.axpy(n, alpha, x, xOffset, y, yOffset);
    }

    @Override
    public void scal(int n, float alpha, float[] x, int xOffset) {
        checkOne(n, x, xOffset);
        kernels.scal(n, alpha, x, xOffset);
    }

    @Override
    public void add(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset) {
        checkBinary(n, a, aOffset, b, bOffset, out, outOffset);
        kernels.add(n, a, aOffset, b, bOffset, out, outOffset);
    }

    @Override
    public void sub(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset) {
        checkBinary(n, a, aOffset, b, bOffset, out, outOffset);
        kernels.sub(n, a, aOffset, b, bOffset, out, outOffset);
    }

    @Override
    public void mul(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset) {
        checkBinary(n, a, aOffset, b, bOffset, out, outOffset);
        kernels.mul(n, a, aOffset, b, bOffset, out, outOffset);
    }

    @Override
    public void div(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset) {
        checkBinary(n, a, aOffset, b, bOffset, out, outOffset);
        kernels.div(n, a, aOffset, b, bOffset, out, outOffset);
    }

    @Override
    public float sum(int n, float[] x, int xOffset) {
        checkOne(n, x, xOffset);
        return kernels.sum(n, x, xOffset);
    }

    @Override
    public float asum(int n, float[] x, int xOffset) {
        checkOne(n, x, xOffset);
        return kernels.asum(n, x, xOffset);
    }

    @Override
    public float nrm2(int n, float[] x, int xOffset) {
        checkOne(n, x, xOffset);
        return kernels.nrm2(n, x, xOffset);
    }

    @Override
    public float max(int n, float[] x, int xOffset) {
        checkNonEmpty(n, x, xOffset);
        return kernels.max(n, x, xOffset);
    }

    @Override
    public int argmax(int n, float[] x, int xOffset) {
        checkNonEmpty(n, x, xOffset);
        return kernels.argmax(n, x, xOffset);
    }

    private static void checkOne(int n, float[] x, int xOffset) {
        Check.length("n", n);
        Check.range("x", x, xOffset, n);
    }

    private static void checkNonEmpty(int n, float[] x, int xOffset) {
        Check.atLeast("n", n, 1);
        Check.range("x", x, xOffset, n);
    }

    private static void checkTwo(int n, float[] x, int xOffset, float[] y, int yOffset) {
        Check.length("n", n);
        Check.range("x", x, xOffset, n);
        Check.range("y", y, yOffset, n);
    }

    private static void checkBinary(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset) {
        Check.length("n", n);
        Check.range("a", a, aOffset, n);
        Check.range("b", b, bOffset, n);
        Check.range("out", out, outOffset, n);
    }
}
