package dev.lanewise.kernels.internal;

import dev.lanewise.kernels.activation.ActivationKernels;
import java.util.Objects;

/**
 * The checking layer over one implementation's activation kernels: each method checks every argument and
 * bound, naming the argument and its value, before it delegates, so a refused call writes nothing.
 *
 * <p>A record because C2 trusts a record's final fields as constants: the facade holds this wrapper in a
 * {@code static final}, so {@code kernels} folds to a constant receiver and the implementation's method
 * inlines into the call site as if there were no wrapper.
 *
 * @param kernels the unchecked implementation
 */
public record CheckedActivations(ActivationKernels kernels) implements ActivationKernels {

    public CheckedActivations {
        Objects.requireNonNull(kernels, "kernels");
    }

    @Override
    public void identity(int n, float[] x, int xOffset, float[] out, int outOffset) {
        checkForward(n, x, xOffset, out, outOffset);
        kernels.identity(n, x, xOffset, out, outOffset);
    }

    @Override
    public void identityBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        kernels.identityBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void relu(int n, float[] x, int xOffset, float[] out, int outOffset) {
        checkForward(n, x, xOffset, out, outOffset);
        kernels.relu(n, x, xOffset, out, outOffset);
    }

    @Override
    public void reluBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset, float[] gradIn,
            int gradInOffset) {
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        kernels.reluBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void leakyRelu(int n, float negativeSlope, float[] x, int xOffset, float[] out, int outOffset) {
        Check.finite("negativeSlope", negativeSlope);
        checkForward(n, x, xOffset, out, outOffset);
        kernels.leakyRelu(n, negativeSlope, x, xOffset, out, outOffset);
    }

    @Override
    public void leakyReluBackward(int n, float negativeSlope, float[] gradOut, int gradOutOffset, float[] saved,
            int savedOffset, float[] gradIn, int gradInOffset) {
        Check.finite("negativeSlope", negativeSlope);
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        kernels.leakyReluBackward(n, negativeSlope, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void elu(int n, float alpha, float[] x, int xOffset, float[] out, int outOffset) {
        Check.finite("alpha", alpha);
        checkForward(n, x, xOffset, out, outOffset);
        kernels.elu(n, alpha, x, xOffset, out, outOffset);
    }

    @Override
    public void eluBackward(int n, float alpha, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        Check.finite("alpha", alpha);
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        kernels.eluBackward(n, alpha, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void sigmoid(int n, float[] x, int xOffset, float[] out, int outOffset) {
        checkForward(n, x, xOffset, out, outOffset);
        kernels.sigmoid(n, x, xOffset, out, outOffset);
    }

    @Override
    public void sigmoidBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        kernels.sigmoidBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void tanh(int n, float[] x, int xOffset, float[] out, int outOffset) {
        checkForward(n, x, xOffset, out, outOffset);
        kernels.tanh(n, x, xOffset, out, outOffset);
    }

    @Override
    public void tanhBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset, float[] gradIn,
            int gradInOffset) {
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        kernels.tanhBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void gelu(int n, float[] x, int xOffset, float[] out, int outOffset) {
        checkForward(n, x, xOffset, out, outOffset);
        kernels.gelu(n, x, xOffset, out, outOffset);
    }

    @Override
    public void geluBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset, float[] gradIn,
            int gradInOffset) {
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        kernels.geluBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void geluTanh(int n, float[] x, int xOffset, float[] out, int outOffset) {
        checkForward(n, x, xOffset, out, outOffset);
        kernels.geluTanh(n, x, xOffset, out, outOffset);
    }

    @Override
    public void geluTanhBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        kernels.geluTanhBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void silu(int n, float[] x, int xOffset, float[] out, int outOffset) {
        checkForward(n, x, xOffset, out, outOffset);
        kernels.silu(n, x, xOffset, out, outOffset);
    }

    @Override
    public void siluBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset, float[] gradIn,
            int gradInOffset) {
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        kernels.siluBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void softplus(int n, float[] x, int xOffset, float[] out, int outOffset) {
        checkForward(n, x, xOffset, out, outOffset);
        kernels.softplus(n, x, xOffset, out, outOffset);
    }

    @Override
    public void softplusBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        kernels.softplusBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void softmax(int rows, int cols, int ld, float[] x, int xOffset, float[] out, int outOffset) {
        Check.matrix("x", x, xOffset, rows, cols, ld);
        Check.matrix("out", out, outOffset, rows, cols, ld);
        kernels.softmax(rows, cols, ld, x, xOffset, out, outOffset);
    }

    @Override
    public void softmaxBackward(int rows, int cols, int ld, float[] gradOut, int gradOutOffset, float[] y, int yOffset,
            float[] gradIn, int gradInOffset) {
        Check.matrix("gradOut", gradOut, gradOutOffset, rows, cols, ld);
        Check.matrix("y", y, yOffset, rows, cols, ld);
        Check.matrix("gradIn", gradIn, gradInOffset, rows, cols, ld);
        kernels.softmaxBackward(rows, cols, ld, gradOut, gradOutOffset, y, yOffset, gradIn, gradInOffset);
    }

    @Override
    public void logSoftmax(int rows, int cols, int ld, float[] x, int xOffset, float[] out, int outOffset) {
        Check.matrix("x", x, xOffset, rows, cols, ld);
        Check.matrix("out", out, outOffset, rows, cols, ld);
        kernels.logSoftmax(rows, cols, ld, x, xOffset, out, outOffset);
    }

    @Override
    public void logSoftmaxBackward(int rows, int cols, int ld, float[] gradOut, int gradOutOffset, float[] y,
            int yOffset, float[] gradIn, int gradInOffset) {
        Check.matrix("gradOut", gradOut, gradOutOffset, rows, cols, ld);
        Check.matrix("y", y, yOffset, rows, cols, ld);
        Check.matrix("gradIn", gradIn, gradInOffset, rows, cols, ld);
        kernels.logSoftmaxBackward(rows, cols, ld, gradOut, gradOutOffset, y, yOffset, gradIn, gradInOffset);
    }

    private static void checkForward(int n, float[] x, int xOffset, float[] out, int outOffset) {
        Check.length("n", n);
        Check.range("x", x, xOffset, n);
        Check.range("out", out, outOffset, n);
    }

    private static void checkBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        Check.length("n", n);
        Check.range("gradOut", gradOut, gradOutOffset, n);
        Check.range("saved", saved, savedOffset, n);
        Check.range("gradIn", gradIn, gradInOffset, n);
    }
}
