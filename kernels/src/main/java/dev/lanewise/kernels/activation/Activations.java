package dev.lanewise.kernels.activation;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.internal.Check;

import java.lang.foreign.MemorySegment;

/**
 * Activation functions, forward and backward, and row-wise softmax, on the kernels {@link Kernels} chose.
 * Each method checks every argument before it writes anything (a null array throws
 * {@link NullPointerException}, a range outside its array {@link IndexOutOfBoundsException}, any other bad
 * value {@link IllegalArgumentException}); see {@link ActivationKernels} for the semantics, which input each
 * backward saves, and how far the vector result may be from the scalar one. Outputs may alias an input at
 * the same offset (in-place).
 */
public final class Activations {
    // The checked kernels in a static final, so C2 sees one constant receiver and inlines through the checks
    // straight into the chosen implementation.
    private static final ActivationKernels KERNELS = Kernels.provider().activations();

    private Activations() {}

    /** {@code out[i] = x[i]}. */
    public static void identity(int n, float[] x, int xOffset, float[] out, int outOffset) {
        KERNELS.identity(n, x, xOffset, out, outOffset);
    }

    /** {@code out[i] = x[i]}. Over whole arrays of one length. */
    public static void identity(float[] x, float[] out) {
        KERNELS.identity(Check.sameLength("x", x, "out", out), x, 0, out, 0);
    }

    /** Backward of {@link #identity}: {@code gradIn = gradOut * f'}; {@code saved} is the forward input x. */
    public static void identityBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        KERNELS.identityBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** Backward of {@link #identity} over whole arrays of one length; {@code saved} is the forward input x. */
    public static void identityBackward(float[] gradOut, float[] saved, float[] gradIn) {
        int n = Check.sameLength("gradOut", gradOut, "saved", saved, "gradIn", gradIn);
        KERNELS.identityBackward(n, gradOut, 0, saved, 0, gradIn, 0);
    }

    /** ReLU: {@code out[i] = max(x[i], 0)}. */
    public static void relu(int n, float[] x, int xOffset, float[] out, int outOffset) {
        KERNELS.relu(n, x, xOffset, out, outOffset);
    }

    /** ReLU: {@code out[i] = max(x[i], 0)}. Over whole arrays of one length. */
    public static void relu(float[] x, float[] out) {
        KERNELS.relu(Check.sameLength("x", x, "out", out), x, 0, out, 0);
    }

    /** Backward of {@link #relu}: {@code gradIn = gradOut * f'}; {@code saved} is the forward input x. */
    public static void reluBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        KERNELS.reluBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** Backward of {@link #relu} over whole arrays of one length; {@code saved} is the forward input x. */
    public static void reluBackward(float[] gradOut, float[] saved, float[] gradIn) {
        int n = Check.sameLength("gradOut", gradOut, "saved", saved, "gradIn", gradIn);
        KERNELS.reluBackward(n, gradOut, 0, saved, 0, gradIn, 0);
    }

    /** Leaky ReLU: {@code out[i] = x > 0 ? x : negativeSlope * x}. */
    public static void leakyRelu(int n, float negativeSlope, float[] x, int xOffset, float[] out, int outOffset) {
        KERNELS.leakyRelu(n, negativeSlope, x, xOffset, out, outOffset);
    }

    /** Leaky ReLU: {@code out[i] = x > 0 ? x : negativeSlope * x}. Over whole arrays of one length. */
    public static void leakyRelu(float negativeSlope, float[] x, float[] out) {
        KERNELS.leakyRelu(Check.sameLength("x", x, "out", out), negativeSlope, x, 0, out, 0);
    }

    /** Backward of {@link #leakyRelu}: {@code gradIn = gradOut * f'}; {@code saved} is the forward input x. */
    public static void leakyReluBackward(int n, float negativeSlope, float[] gradOut, int gradOutOffset, float[] saved,
            int savedOffset, float[] gradIn, int gradInOffset) {
        KERNELS.leakyReluBackward(n, negativeSlope, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** Backward of {@link #leakyRelu} over whole arrays of one length; {@code saved} is the forward input x. */
    public static void leakyReluBackward(float negativeSlope, float[] gradOut, float[] saved, float[] gradIn) {
        int n = Check.sameLength("gradOut", gradOut, "saved", saved, "gradIn", gradIn);
        KERNELS.leakyReluBackward(n, negativeSlope, gradOut, 0, saved, 0, gradIn, 0);
    }

    /** ELU: {@code out[i] = x > 0 ? x : alpha * (e^x - 1)}. */
    public static void elu(int n, float alpha, float[] x, int xOffset, float[] out, int outOffset) {
        KERNELS.elu(n, alpha, x, xOffset, out, outOffset);
    }

    /** ELU: {@code out[i] = x > 0 ? x : alpha * (e^x - 1)}. Over whole arrays of one length. */
    public static void elu(float alpha, float[] x, float[] out) {
        KERNELS.elu(Check.sameLength("x", x, "out", out), alpha, x, 0, out, 0);
    }

    /** Backward of {@link #elu}: {@code gradIn = gradOut * f'}; {@code saved} is the forward input x. */
    public static void eluBackward(int n, float alpha, float[] gradOut, int gradOutOffset, float[] saved,
            int savedOffset, float[] gradIn, int gradInOffset) {
        KERNELS.eluBackward(n, alpha, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** Backward of {@link #elu} over whole arrays of one length; {@code saved} is the forward input x. */
    public static void eluBackward(float alpha, float[] gradOut, float[] saved, float[] gradIn) {
        int n = Check.sameLength("gradOut", gradOut, "saved", saved, "gradIn", gradIn);
        KERNELS.eluBackward(n, alpha, gradOut, 0, saved, 0, gradIn, 0);
    }

    /** Logistic sigmoid. */
    public static void sigmoid(int n, float[] x, int xOffset, float[] out, int outOffset) {
        KERNELS.sigmoid(n, x, xOffset, out, outOffset);
    }

    /** Logistic sigmoid. Over whole arrays of one length. */
    public static void sigmoid(float[] x, float[] out) {
        KERNELS.sigmoid(Check.sameLength("x", x, "out", out), x, 0, out, 0);
    }

    /** Backward of {@link #sigmoid}: {@code gradIn = gradOut * f'}; {@code saved} is the forward output y. */
    public static void sigmoidBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        KERNELS.sigmoidBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** Backward of {@link #sigmoid} over whole arrays of one length; {@code saved} is the forward output y. */
    public static void sigmoidBackward(float[] gradOut, float[] saved, float[] gradIn) {
        int n = Check.sameLength("gradOut", gradOut, "saved", saved, "gradIn", gradIn);
        KERNELS.sigmoidBackward(n, gradOut, 0, saved, 0, gradIn, 0);
    }

    /** Hyperbolic tangent. */
    public static void tanh(int n, float[] x, int xOffset, float[] out, int outOffset) {
        KERNELS.tanh(n, x, xOffset, out, outOffset);
    }

    /** Hyperbolic tangent. Over whole arrays of one length. */
    public static void tanh(float[] x, float[] out) {
        KERNELS.tanh(Check.sameLength("x", x, "out", out), x, 0, out, 0);
    }

    /** Backward of {@link #tanh}: {@code gradIn = gradOut * f'}; {@code saved} is the forward output y. */
    public static void tanhBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        KERNELS.tanhBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** Backward of {@link #tanh} over whole arrays of one length; {@code saved} is the forward output y. */
    public static void tanhBackward(float[] gradOut, float[] saved, float[] gradIn) {
        int n = Check.sameLength("gradOut", gradOut, "saved", saved, "gradIn", gradIn);
        KERNELS.tanhBackward(n, gradOut, 0, saved, 0, gradIn, 0);
    }

    /** Exact GELU, {@code x/2 * (1 + erf(x / sqrt 2))}. */
    public static void gelu(int n, float[] x, int xOffset, float[] out, int outOffset) {
        KERNELS.gelu(n, x, xOffset, out, outOffset);
    }

    /** Exact GELU, {@code x/2 * (1 + erf(x / sqrt 2))}. Over whole arrays of one length. */
    public static void gelu(float[] x, float[] out) {
        KERNELS.gelu(Check.sameLength("x", x, "out", out), x, 0, out, 0);
    }

    /** Backward of {@link #gelu}: {@code gradIn = gradOut * f'}; {@code saved} is the forward input x. */
    public static void geluBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        KERNELS.geluBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** Backward of {@link #gelu} over whole arrays of one length; {@code saved} is the forward input x. */
    public static void geluBackward(float[] gradOut, float[] saved, float[] gradIn) {
        int n = Check.sameLength("gradOut", gradOut, "saved", saved, "gradIn", gradIn);
        KERNELS.geluBackward(n, gradOut, 0, saved, 0, gradIn, 0);
    }

    /** GELU, tanh approximation. */
    public static void geluTanh(int n, float[] x, int xOffset, float[] out, int outOffset) {
        KERNELS.geluTanh(n, x, xOffset, out, outOffset);
    }

    /** GELU, tanh approximation. Over whole arrays of one length. */
    public static void geluTanh(float[] x, float[] out) {
        KERNELS.geluTanh(Check.sameLength("x", x, "out", out), x, 0, out, 0);
    }

    /** Backward of {@link #geluTanh}: {@code gradIn = gradOut * f'}; {@code saved} is the forward input x. */
    public static void geluTanhBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        KERNELS.geluTanhBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** Backward of {@link #geluTanh} over whole arrays of one length; {@code saved} is the forward input x. */
    public static void geluTanhBackward(float[] gradOut, float[] saved, float[] gradIn) {
        int n = Check.sameLength("gradOut", gradOut, "saved", saved, "gradIn", gradIn);
        KERNELS.geluTanhBackward(n, gradOut, 0, saved, 0, gradIn, 0);
    }

    /** SiLU (swish), {@code x * sigmoid(x)}. */
    public static void silu(int n, float[] x, int xOffset, float[] out, int outOffset) {
        KERNELS.silu(n, x, xOffset, out, outOffset);
    }

    /** SiLU (swish), {@code x * sigmoid(x)}. Over whole arrays of one length. */
    public static void silu(float[] x, float[] out) {
        KERNELS.silu(Check.sameLength("x", x, "out", out), x, 0, out, 0);
    }

    /** Backward of {@link #silu}: {@code gradIn = gradOut * f'}; {@code saved} is the forward input x. */
    public static void siluBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        KERNELS.siluBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** Backward of {@link #silu} over whole arrays of one length; {@code saved} is the forward input x. */
    public static void siluBackward(float[] gradOut, float[] saved, float[] gradIn) {
        int n = Check.sameLength("gradOut", gradOut, "saved", saved, "gradIn", gradIn);
        KERNELS.siluBackward(n, gradOut, 0, saved, 0, gradIn, 0);
    }

    /** Softplus, beta 1, threshold 20. */
    public static void softplus(int n, float[] x, int xOffset, float[] out, int outOffset) {
        KERNELS.softplus(n, x, xOffset, out, outOffset);
    }

    /** Softplus, beta 1, threshold 20. Over whole arrays of one length. */
    public static void softplus(float[] x, float[] out) {
        KERNELS.softplus(Check.sameLength("x", x, "out", out), x, 0, out, 0);
    }

    /** Backward of {@link #softplus}: {@code gradIn = gradOut * f'}; {@code saved} is the forward input x. */
    public static void softplusBackward(int n, float[] gradOut, int gradOutOffset, float[] saved, int savedOffset,
            float[] gradIn, int gradInOffset) {
        KERNELS.softplusBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** Backward of {@link #softplus} over whole arrays of one length; {@code saved} is the forward input x. */
    public static void softplusBackward(float[] gradOut, float[] saved, float[] gradIn) {
        int n = Check.sameLength("gradOut", gradOut, "saved", saved, "gradIn", gradIn);
        KERNELS.softplusBackward(n, gradOut, 0, saved, 0, gradIn, 0);
    }

    /** Row-wise softmax of a row-major {@code rows x cols} matrix with leading dimension {@code ld}. */
    public static void softmax(int rows, int cols, int ld, float[] x, int xOffset, float[] out, int outOffset) {
        KERNELS.softmax(rows, cols, ld, x, xOffset, out, outOffset);
    }

    /** Row-wise softmax of a dense {@code rows x cols} matrix ({@code ld = cols}, offsets 0). */
    public static void softmax(int rows, int cols, float[] x, float[] out) {
        KERNELS.softmax(rows, cols, Math.max(1, cols), x, 0, out, 0);
    }

    /** Backward of {@link #softmax}; {@code y} is its saved output. */
    public static void softmaxBackward(int rows, int cols, int ld, float[] gradOut, int gradOutOffset, float[] y,
            int yOffset, float[] gradIn, int gradInOffset) {
        KERNELS.softmaxBackward(rows, cols, ld, gradOut, gradOutOffset, y, yOffset, gradIn, gradInOffset);
    }

    /** Backward of {@link #softmax} on dense matrices ({@code ld = cols}, offsets 0). */
    public static void softmaxBackward(int rows, int cols, float[] gradOut, float[] y, float[] gradIn) {
        KERNELS.softmaxBackward(rows, cols, Math.max(1, cols), gradOut, 0, y, 0, gradIn, 0);
    }

    /** Row-wise log-softmax of a row-major {@code rows x cols} matrix with leading dimension {@code ld}. */
    public static void logSoftmax(int rows, int cols, int ld, float[] x, int xOffset, float[] out, int outOffset) {
        KERNELS.logSoftmax(rows, cols, ld, x, xOffset, out, outOffset);
    }

    /** Row-wise log-softmax of a dense {@code rows x cols} matrix ({@code ld = cols}, offsets 0). */
    public static void logSoftmax(int rows, int cols, float[] x, float[] out) {
        KERNELS.logSoftmax(rows, cols, Math.max(1, cols), x, 0, out, 0);
    }

    /** Backward of {@link #logSoftmax}; {@code y} is its saved output. */
    public static void logSoftmaxBackward(int rows, int cols, int ld, float[] gradOut, int gradOutOffset, float[] y,
            int yOffset, float[] gradIn, int gradInOffset) {
        KERNELS.logSoftmaxBackward(rows, cols, ld, gradOut, gradOutOffset, y, yOffset, gradIn, gradInOffset);
    }

    /** Backward of {@link #logSoftmax} on dense matrices ({@code ld = cols}, offsets 0). */
    public static void logSoftmaxBackward(int rows, int cols, float[] gradOut, float[] y, float[] gradIn) {
        KERNELS.logSoftmaxBackward(rows, cols, Math.max(1, cols), gradOut, 0, y, 0, gradIn, 0);
    }

    // ---- MemorySegment overloads ----
    //
    // The same operations on java.lang.foreign.MemorySegments, heap or native. Lengths and offsets count floats, not
    // bytes. Checked like the array forms, before anything is written: a segment must be aligned to 4 bytes, and one
    // that is written must not be read-only. A writable heap segment over a float[] runs the array kernel on that
    // array in place; other segments run the same array kernels through small staging buffers.
    // ActivationSegmentKernels says what each gives and how it is checked.

    private static final ActivationSegmentKernels SEGMENTS = Kernels.provider().activationSegments();

    /** {@code out[i] = x[i]} over segments; offsets count floats. */
    public static void identity(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        SEGMENTS.identity(n, x, xOffset, out, outOffset);
    }

    /** Backward of {@link #identity(long, MemorySegment, long, MemorySegment, long)} over segments; {@code saved} is the forward input x. */
    public static void identityBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved,
            long savedOffset, MemorySegment gradIn, long gradInOffset) {
        SEGMENTS.identityBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** ReLU over segments; offsets count floats. */
    public static void relu(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        SEGMENTS.relu(n, x, xOffset, out, outOffset);
    }

    /** Backward of {@link #relu(long, MemorySegment, long, MemorySegment, long)} over segments; {@code saved} is the forward input x. */
    public static void reluBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved,
            long savedOffset, MemorySegment gradIn, long gradInOffset) {
        SEGMENTS.reluBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** Leaky ReLU over segments; offsets count floats. */
    public static void leakyRelu(long n, float negativeSlope, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        SEGMENTS.leakyRelu(n, negativeSlope, x, xOffset, out, outOffset);
    }

    /** Backward of {@link #leakyRelu(long, float, MemorySegment, long, MemorySegment, long)} over segments; {@code saved} is the forward input x. */
    public static void leakyReluBackward(long n, float negativeSlope, MemorySegment gradOut, long gradOutOffset, MemorySegment saved,
            long savedOffset, MemorySegment gradIn, long gradInOffset) {
        SEGMENTS.leakyReluBackward(n, negativeSlope, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** ELU over segments; offsets count floats. */
    public static void elu(long n, float alpha, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        SEGMENTS.elu(n, alpha, x, xOffset, out, outOffset);
    }

    /** Backward of {@link #elu(long, float, MemorySegment, long, MemorySegment, long)} over segments; {@code saved} is the forward input x. */
    public static void eluBackward(long n, float alpha, MemorySegment gradOut, long gradOutOffset, MemorySegment saved,
            long savedOffset, MemorySegment gradIn, long gradInOffset) {
        SEGMENTS.eluBackward(n, alpha, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** Logistic sigmoid over segments; offsets count floats. */
    public static void sigmoid(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        SEGMENTS.sigmoid(n, x, xOffset, out, outOffset);
    }

    /** Backward of {@link #sigmoid(long, MemorySegment, long, MemorySegment, long)} over segments; {@code saved} is the forward output y. */
    public static void sigmoidBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved,
            long savedOffset, MemorySegment gradIn, long gradInOffset) {
        SEGMENTS.sigmoidBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** Hyperbolic tangent over segments; offsets count floats. */
    public static void tanh(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        SEGMENTS.tanh(n, x, xOffset, out, outOffset);
    }

    /** Backward of {@link #tanh(long, MemorySegment, long, MemorySegment, long)} over segments; {@code saved} is the forward output y. */
    public static void tanhBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved,
            long savedOffset, MemorySegment gradIn, long gradInOffset) {
        SEGMENTS.tanhBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** Exact GELU over segments; offsets count floats. */
    public static void gelu(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        SEGMENTS.gelu(n, x, xOffset, out, outOffset);
    }

    /** Backward of {@link #gelu(long, MemorySegment, long, MemorySegment, long)} over segments; {@code saved} is the forward input x. */
    public static void geluBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved,
            long savedOffset, MemorySegment gradIn, long gradInOffset) {
        SEGMENTS.geluBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** GELU, tanh approximation over segments; offsets count floats. */
    public static void geluTanh(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        SEGMENTS.geluTanh(n, x, xOffset, out, outOffset);
    }

    /** Backward of {@link #geluTanh(long, MemorySegment, long, MemorySegment, long)} over segments; {@code saved} is the forward input x. */
    public static void geluTanhBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved,
            long savedOffset, MemorySegment gradIn, long gradInOffset) {
        SEGMENTS.geluTanhBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** SiLU (swish) over segments; offsets count floats. */
    public static void silu(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        SEGMENTS.silu(n, x, xOffset, out, outOffset);
    }

    /** Backward of {@link #silu(long, MemorySegment, long, MemorySegment, long)} over segments; {@code saved} is the forward input x. */
    public static void siluBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved,
            long savedOffset, MemorySegment gradIn, long gradInOffset) {
        SEGMENTS.siluBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** Softplus, beta 1, threshold 20 over segments; offsets count floats. */
    public static void softplus(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        SEGMENTS.softplus(n, x, xOffset, out, outOffset);
    }

    /** Backward of {@link #softplus(long, MemorySegment, long, MemorySegment, long)} over segments; {@code saved} is the forward input x. */
    public static void softplusBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved,
            long savedOffset, MemorySegment gradIn, long gradInOffset) {
        SEGMENTS.softplusBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    /** Row-wise softmax of a row-major {@code rows x cols} matrix in a segment, leading dimension {@code ld}; offsets count floats. */
    public static void softmax(long rows, int cols, long ld, MemorySegment x, long xOffset, MemorySegment out,
            long outOffset) {
        SEGMENTS.softmax(rows, cols, ld, x, xOffset, out, outOffset);
    }

    /** Backward of {@link #softmax(long, int, long, MemorySegment, long, MemorySegment, long)}; {@code y} is its saved output. */
    public static void softmaxBackward(long rows, int cols, long ld, MemorySegment gradOut, long gradOutOffset,
            MemorySegment y, long yOffset, MemorySegment gradIn, long gradInOffset) {
        SEGMENTS.softmaxBackward(rows, cols, ld, gradOut, gradOutOffset, y, yOffset, gradIn, gradInOffset);
    }

    /** Row-wise log-softmax of a row-major {@code rows x cols} matrix in a segment, leading dimension {@code ld}; offsets count floats. */
    public static void logSoftmax(long rows, int cols, long ld, MemorySegment x, long xOffset, MemorySegment out,
            long outOffset) {
        SEGMENTS.logSoftmax(rows, cols, ld, x, xOffset, out, outOffset);
    }

    /** Backward of {@link #logSoftmax(long, int, long, MemorySegment, long, MemorySegment, long)}; {@code y} is its saved output. */
    public static void logSoftmaxBackward(long rows, int cols, long ld, MemorySegment gradOut, long gradOutOffset,
            MemorySegment y, long yOffset, MemorySegment gradIn, long gradInOffset) {
        SEGMENTS.logSoftmaxBackward(rows, cols, ld, gradOut, gradOutOffset, y, yOffset, gradIn, gradInOffset);
    }
}
