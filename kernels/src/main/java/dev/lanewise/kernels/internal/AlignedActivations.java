package dev.lanewise.kernels.internal;

import dev.lanewise.kernels.activation.ActivationKernels;
import java.util.Objects;

/**
 * A vector implementation's elementwise activations with their main loops started on a cache line of the
 * output ({@link ArrayAlignment}): the kernel runs first on the few elements before the line, then on the
 * rest. The bits do not change: the vector kernels compute a partial vector with the same lane arithmetic
 * under a mask, so an element's result does not depend on where in a call it falls (a test holds every
 * activation to this). Softmax works on rows and passes through unchanged.
 *
 * @param vector the vector implementation, unchecked
 */
public record AlignedActivations(ActivationKernels vector) implements ActivationKernels {

    public AlignedActivations {
        Objects.requireNonNull(vector, "vector");
    }

    /** {@code vector} aligned where this JVM can probe addresses, else {@code vector} itself. */
    public static ActivationKernels over(ActivationKernels vector) {
        return ArrayAlignment.available() ? new AlignedActivations(vector) : vector;
    }

    // A copy stays one System.arraycopy: split in two, an overlapping copy would change meaning.
    @Override
    public void identity(int n, float[] x, int xOffset, float[] out, int outOffset) {
        vector.identity(n, x, xOffset, out, outOffset);
    }

    @Override
    public void identityBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        vector.identityBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void relu(int n, float[] x, int xOffset, float[] out, int outOffset) {
        int k = ArrayAlignment.elementsBeforeLine(out, outOffset, n);
        if (k > 0) {
            vector.relu(k, x, xOffset, out, outOffset);
        }
        vector.relu(n - k, x, xOffset + k, out, outOffset + k);
    }

    @Override
    public void reluBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        int k = ArrayAlignment.elementsBeforeLine(gradIn, gradInOffset, n);
        if (k > 0) {
            vector.reluBackward(k, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        }
        vector.reluBackward(n - k, gradOut, gradOutOffset + k, saved, savedOffset + k, gradIn, gradInOffset + k);
    }

    @Override
    public void leakyRelu(int n, float negativeSlope, float[] x, int xOffset, float[] out, int outOffset) {
        int k = ArrayAlignment.elementsBeforeLine(out, outOffset, n);
        if (k > 0) {
            vector.leakyRelu(k, negativeSlope, x, xOffset, out, outOffset);
        }
        vector.leakyRelu(n - k, negativeSlope, x, xOffset + k, out, outOffset + k);
    }

    @Override
    public void leakyReluBackward(int n, float negativeSlope, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        int k = ArrayAlignment.elementsBeforeLine(gradIn, gradInOffset, n);
        if (k > 0) {
            vector.leakyReluBackward(k, negativeSlope, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        }
        vector.leakyReluBackward(n - k, negativeSlope, gradOut, gradOutOffset + k, saved, savedOffset + k, gradIn, gradInOffset + k);
    }

    @Override
    public void elu(int n, float alpha, float[] x, int xOffset, float[] out, int outOffset) {
        int k = ArrayAlignment.elementsBeforeLine(out, outOffset, n);
        if (k > 0) {
            vector.elu(k, alpha, x, xOffset, out, outOffset);
        }
        vector.elu(n - k, alpha, x, xOffset + k, out, outOffset + k);
    }

    @Override
    public void eluBackward(int n, float alpha, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        int k = ArrayAlignment.elementsBeforeLine(gradIn, gradInOffset, n);
        if (k > 0) {
            vector.eluBackward(k, alpha, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        }
        vector.eluBackward(n - k, alpha, gradOut, gradOutOffset + k, saved, savedOffset + k, gradIn, gradInOffset + k);
    }

    @Override
    public void sigmoid(int n, float[] x, int xOffset, float[] out, int outOffset) {
        int k = ArrayAlignment.elementsBeforeLine(out, outOffset, n);
        if (k > 0) {
            vector.sigmoid(k, x, xOffset, out, outOffset);
        }
        vector.sigmoid(n - k, x, xOffset + k, out, outOffset + k);
    }

    @Override
    public void sigmoidBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        int k = ArrayAlignment.elementsBeforeLine(gradIn, gradInOffset, n);
        if (k > 0) {
            vector.sigmoidBackward(k, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        }
        vector.sigmoidBackward(n - k, gradOut, gradOutOffset + k, saved, savedOffset + k, gradIn, gradInOffset + k);
    }

    @Override
    public void tanh(int n, float[] x, int xOffset, float[] out, int outOffset) {
        int k = ArrayAlignment.elementsBeforeLine(out, outOffset, n);
        if (k > 0) {
            vector.tanh(k, x, xOffset, out, outOffset);
        }
        vector.tanh(n - k, x, xOffset + k, out, outOffset + k);
    }

    @Override
    public void tanhBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        int k = ArrayAlignment.elementsBeforeLine(gradIn, gradInOffset, n);
        if (k > 0) {
            vector.tanhBackward(k, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        }
        vector.tanhBackward(n - k, gradOut, gradOutOffset + k, saved, savedOffset + k, gradIn, gradInOffset + k);
    }

    @Override
    public void gelu(int n, float[] x, int xOffset, float[] out, int outOffset) {
        int k = ArrayAlignment.elementsBeforeLine(out, outOffset, n);
        if (k > 0) {
            vector.gelu(k, x, xOffset, out, outOffset);
        }
        vector.gelu(n - k, x, xOffset + k, out, outOffset + k);
    }

    @Override
    public void geluBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        int k = ArrayAlignment.elementsBeforeLine(gradIn, gradInOffset, n);
        if (k > 0) {
            vector.geluBackward(k, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        }
        vector.geluBackward(n - k, gradOut, gradOutOffset + k, saved, savedOffset + k, gradIn, gradInOffset + k);
    }

    @Override
    public void geluTanh(int n, float[] x, int xOffset, float[] out, int outOffset) {
        int k = ArrayAlignment.elementsBeforeLine(out, outOffset, n);
        if (k > 0) {
            vector.geluTanh(k, x, xOffset, out, outOffset);
        }
        vector.geluTanh(n - k, x, xOffset + k, out, outOffset + k);
    }

    @Override
    public void geluTanhBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        int k = ArrayAlignment.elementsBeforeLine(gradIn, gradInOffset, n);
        if (k > 0) {
            vector.geluTanhBackward(k, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        }
        vector.geluTanhBackward(n - k, gradOut, gradOutOffset + k, saved, savedOffset + k, gradIn, gradInOffset + k);
    }

    @Override
    public void silu(int n, float[] x, int xOffset, float[] out, int outOffset) {
        int k = ArrayAlignment.elementsBeforeLine(out, outOffset, n);
        if (k > 0) {
            vector.silu(k, x, xOffset, out, outOffset);
        }
        vector.silu(n - k, x, xOffset + k, out, outOffset + k);
    }

    @Override
    public void siluBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        int k = ArrayAlignment.elementsBeforeLine(gradIn, gradInOffset, n);
        if (k > 0) {
            vector.siluBackward(k, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        }
        vector.siluBackward(n - k, gradOut, gradOutOffset + k, saved, savedOffset + k, gradIn, gradInOffset + k);
    }

    @Override
    public void softplus(int n, float[] x, int xOffset, float[] out, int outOffset) {
        int k = ArrayAlignment.elementsBeforeLine(out, outOffset, n);
        if (k > 0) {
            vector.softplus(k, x, xOffset, out, outOffset);
        }
        vector.softplus(n - k, x, xOffset + k, out, outOffset + k);
    }

    @Override
    public void softplusBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        int k = ArrayAlignment.elementsBeforeLine(gradIn, gradInOffset, n);
        if (k > 0) {
            vector.softplusBackward(k, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        }
        vector.softplusBackward(n - k, gradOut, gradOutOffset + k, saved, savedOffset + k, gradIn, gradInOffset + k);
    }

    @Override
    public void softmax(int rows, int cols, int ld, float[] x, int xOffset, float[] out, int outOffset) {
        vector.softmax(rows, cols, ld, x, xOffset, out, outOffset);
    }

    @Override
    public void softmaxBackward(int rows, int cols, int ld, float[] gradOut, int gradOutOffset, float[] y, int yOffset,
            float[] gradIn, int gradInOffset) {
        vector.softmaxBackward(rows, cols, ld, gradOut, gradOutOffset, y, yOffset, gradIn, gradInOffset);
    }

    @Override
    public void logSoftmax(int rows, int cols, int ld, float[] x, int xOffset, float[] out, int outOffset) {
        vector.logSoftmax(rows, cols, ld, x, xOffset, out, outOffset);
    }

    @Override
    public void logSoftmaxBackward(int rows, int cols, int ld, float[] gradOut, int gradOutOffset, float[] y,
            int yOffset, float[] gradIn, int gradInOffset) {
        vector.logSoftmaxBackward(rows, cols, ld, gradOut, gradOutOffset, y, yOffset, gradIn, gradInOffset);
    }
}
