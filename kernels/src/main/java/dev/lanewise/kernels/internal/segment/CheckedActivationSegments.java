package dev.lanewise.kernels.internal.segment;

import dev.lanewise.kernels.activation.ActivationKernels;
import dev.lanewise.kernels.activation.ActivationSegmentKernels;
import dev.lanewise.kernels.internal.Check;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * {@link ActivationSegmentKernels} over one implementation's array kernels: checks every argument, then runs
 * the array kernel on the arrays behind heap segments, or staged in chunks ({@link Staging}) for any other
 * segment. Elementwise functions and softmax rows are computed element by element (row by row), so both ways
 * give the array form's bits.
 *
 * @param arrays the implementation's unchecked array kernels
 */
public record CheckedActivationSegments(ActivationKernels arrays) implements ActivationSegmentKernels {
    private static final Elementwise.Unary<ActivationKernels> IDENTITY = (k, p, n, x, xo, out, oo) -> k.identity(n, x, xo, out, oo);
    private static final Elementwise.Binary<ActivationKernels> IDENTITY_BACKWARD =
            (k, p, n, g, go, s, so, gi, gio) -> k.identityBackward(n, g, go, s, so, gi, gio);
    private static final Elementwise.Unary<ActivationKernels> RELU = (k, p, n, x, xo, out, oo) -> k.relu(n, x, xo, out, oo);
    private static final Elementwise.Binary<ActivationKernels> RELU_BACKWARD =
            (k, p, n, g, go, s, so, gi, gio) -> k.reluBackward(n, g, go, s, so, gi, gio);
    private static final Elementwise.Unary<ActivationKernels> LEAKY_RELU = (k, p, n, x, xo, out, oo) -> k.leakyRelu(n, p, x, xo, out, oo);
    private static final Elementwise.Binary<ActivationKernels> LEAKY_RELU_BACKWARD =
            (k, p, n, g, go, s, so, gi, gio) -> k.leakyReluBackward(n, p, g, go, s, so, gi, gio);
    private static final Elementwise.Unary<ActivationKernels> ELU = (k, p, n, x, xo, out, oo) -> k.elu(n, p, x, xo, out, oo);
    private static final Elementwise.Binary<ActivationKernels> ELU_BACKWARD =
            (k, p, n, g, go, s, so, gi, gio) -> k.eluBackward(n, p, g, go, s, so, gi, gio);
    private static final Elementwise.Unary<ActivationKernels> SIGMOID = (k, p, n, x, xo, out, oo) -> k.sigmoid(n, x, xo, out, oo);
    private static final Elementwise.Binary<ActivationKernels> SIGMOID_BACKWARD =
            (k, p, n, g, go, s, so, gi, gio) -> k.sigmoidBackward(n, g, go, s, so, gi, gio);
    private static final Elementwise.Unary<ActivationKernels> TANH = (k, p, n, x, xo, out, oo) -> k.tanh(n, x, xo, out, oo);
    private static final Elementwise.Binary<ActivationKernels> TANH_BACKWARD =
            (k, p, n, g, go, s, so, gi, gio) -> k.tanhBackward(n, g, go, s, so, gi, gio);
    private static final Elementwise.Unary<ActivationKernels> GELU = (k, p, n, x, xo, out, oo) -> k.gelu(n, x, xo, out, oo);
    private static final Elementwise.Binary<ActivationKernels> GELU_BACKWARD =
            (k, p, n, g, go, s, so, gi, gio) -> k.geluBackward(n, g, go, s, so, gi, gio);
    private static final Elementwise.Unary<ActivationKernels> GELU_TANH = (k, p, n, x, xo, out, oo) -> k.geluTanh(n, x, xo, out, oo);
    private static final Elementwise.Binary<ActivationKernels> GELU_TANH_BACKWARD =
            (k, p, n, g, go, s, so, gi, gio) -> k.geluTanhBackward(n, g, go, s, so, gi, gio);
    private static final Elementwise.Unary<ActivationKernels> SILU = (k, p, n, x, xo, out, oo) -> k.silu(n, x, xo, out, oo);
    private static final Elementwise.Binary<ActivationKernels> SILU_BACKWARD =
            (k, p, n, g, go, s, so, gi, gio) -> k.siluBackward(n, g, go, s, so, gi, gio);
    private static final Elementwise.Unary<ActivationKernels> SOFTPLUS = (k, p, n, x, xo, out, oo) -> k.softplus(n, x, xo, out, oo);
    private static final Elementwise.Binary<ActivationKernels> SOFTPLUS_BACKWARD =
            (k, p, n, g, go, s, so, gi, gio) -> k.softplusBackward(n, g, go, s, so, gi, gio);

    public CheckedActivationSegments {
        Objects.requireNonNull(arrays, "arrays");
    }

    @Override
    public void identity(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        checkForward(n, x, xOffset, out, outOffset);
        Elementwise.unary(arrays, IDENTITY, 0f, n, x, xOffset, out, outOffset);
    }

    @Override
    public void identityBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset) {
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        Elementwise.binary(arrays, IDENTITY_BACKWARD, 0f, n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void relu(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        checkForward(n, x, xOffset, out, outOffset);
        Elementwise.unary(arrays, RELU, 0f, n, x, xOffset, out, outOffset);
    }

    @Override
    public void reluBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset) {
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        Elementwise.binary(arrays, RELU_BACKWARD, 0f, n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void leakyRelu(long n, float negativeSlope, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        Check.finite("negativeSlope", negativeSlope);
        checkForward(n, x, xOffset, out, outOffset);
        Elementwise.unary(arrays, LEAKY_RELU, negativeSlope, n, x, xOffset, out, outOffset);
    }

    @Override
    public void leakyReluBackward(long n, float negativeSlope, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset) {
        Check.finite("negativeSlope", negativeSlope);
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        Elementwise.binary(arrays, LEAKY_RELU_BACKWARD, negativeSlope, n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void elu(long n, float alpha, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        Check.finite("alpha", alpha);
        checkForward(n, x, xOffset, out, outOffset);
        Elementwise.unary(arrays, ELU, alpha, n, x, xOffset, out, outOffset);
    }

    @Override
    public void eluBackward(long n, float alpha, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset) {
        Check.finite("alpha", alpha);
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        Elementwise.binary(arrays, ELU_BACKWARD, alpha, n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void sigmoid(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        checkForward(n, x, xOffset, out, outOffset);
        Elementwise.unary(arrays, SIGMOID, 0f, n, x, xOffset, out, outOffset);
    }

    @Override
    public void sigmoidBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset) {
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        Elementwise.binary(arrays, SIGMOID_BACKWARD, 0f, n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void tanh(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        checkForward(n, x, xOffset, out, outOffset);
        Elementwise.unary(arrays, TANH, 0f, n, x, xOffset, out, outOffset);
    }

    @Override
    public void tanhBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset) {
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        Elementwise.binary(arrays, TANH_BACKWARD, 0f, n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void gelu(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        checkForward(n, x, xOffset, out, outOffset);
        Elementwise.unary(arrays, GELU, 0f, n, x, xOffset, out, outOffset);
    }

    @Override
    public void geluBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset) {
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        Elementwise.binary(arrays, GELU_BACKWARD, 0f, n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void geluTanh(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        checkForward(n, x, xOffset, out, outOffset);
        Elementwise.unary(arrays, GELU_TANH, 0f, n, x, xOffset, out, outOffset);
    }

    @Override
    public void geluTanhBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset) {
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        Elementwise.binary(arrays, GELU_TANH_BACKWARD, 0f, n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void silu(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        checkForward(n, x, xOffset, out, outOffset);
        Elementwise.unary(arrays, SILU, 0f, n, x, xOffset, out, outOffset);
    }

    @Override
    public void siluBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset) {
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        Elementwise.binary(arrays, SILU_BACKWARD, 0f, n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void softplus(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        checkForward(n, x, xOffset, out, outOffset);
        Elementwise.unary(arrays, SOFTPLUS, 0f, n, x, xOffset, out, outOffset);
    }

    @Override
    public void softplusBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset) {
        checkBackward(n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
        Elementwise.binary(arrays, SOFTPLUS_BACKWARD, 0f, n, gradOut, gradOutOffset, saved, savedOffset, gradIn, gradInOffset);
    }

    @Override
    public void softmax(long rows, int cols, long ld, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        SegmentCheck.matrixInput("x", x, xOffset, rows, cols, ld);
        SegmentCheck.matrixOutput("out", out, outOffset, rows, cols, ld);
        if (rows == 0 || cols == 0) {
            return;
        }
        float[] xa = Segments.floats(x);
        float[] outa = Segments.floats(out);
        if (xa != null && outa != null && ld <= Integer.MAX_VALUE) {
            arrays.softmax((int) rows, cols, (int) ld, xa, Segments.index(x, xOffset), outa, Segments.index(out, outOffset));
            return;
        }
        try (Staging staging = Staging.rows(rows, cols)) {
            while (staging.next()) {
                arrays.softmax(staging.count(), cols, cols, staging.in(0, x, xOffset, ld), 0, staging.out(1), 0);
                staging.store(1, out, outOffset, ld);
            }
        }
    }

    @Override
    public void softmaxBackward(long rows, int cols, long ld, MemorySegment gradOut, long gradOutOffset, MemorySegment y,
            long yOffset, MemorySegment gradIn, long gradInOffset) {
        SegmentCheck.matrixInput("gradOut", gradOut, gradOutOffset, rows, cols, ld);
        SegmentCheck.matrixInput("y", y, yOffset, rows, cols, ld);
        SegmentCheck.matrixOutput("gradIn", gradIn, gradInOffset, rows, cols, ld);
        if (rows == 0 || cols == 0) {
            return;
        }
        float[] ga = Segments.floats(gradOut);
        float[] ya = Segments.floats(y);
        float[] gia = Segments.floats(gradIn);
        if (ga != null && ya != null && gia != null && ld <= Integer.MAX_VALUE) {
            arrays.softmaxBackward((int) rows, cols, (int) ld, ga, Segments.index(gradOut, gradOutOffset), ya,
                    Segments.index(y, yOffset), gia, Segments.index(gradIn, gradInOffset));
            return;
        }
        try (Staging staging = Staging.rows(rows, cols)) {
            while (staging.next()) {
                arrays.softmaxBackward(staging.count(), cols, cols, staging.in(0, gradOut, gradOutOffset, ld), 0,
                        staging.in(1, y, yOffset, ld), 0, staging.out(2), 0);
                staging.store(2, gradIn, gradInOffset, ld);
            }
        }
    }

    @Override
    public void logSoftmax(long rows, int cols, long ld, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        SegmentCheck.matrixInput("x", x, xOffset, rows, cols, ld);
        SegmentCheck.matrixOutput("out", out, outOffset, rows, cols, ld);
        if (rows == 0 || cols == 0) {
            return;
        }
        float[] xa = Segments.floats(x);
        float[] outa = Segments.floats(out);
        if (xa != null && outa != null && ld <= Integer.MAX_VALUE) {
            arrays.logSoftmax((int) rows, cols, (int) ld, xa, Segments.index(x, xOffset), outa, Segments.index(out, outOffset));
            return;
        }
        try (Staging staging = Staging.rows(rows, cols)) {
            while (staging.next()) {
                arrays.logSoftmax(staging.count(), cols, cols, staging.in(0, x, xOffset, ld), 0, staging.out(1), 0);
                staging.store(1, out, outOffset, ld);
            }
        }
    }

    @Override
    public void logSoftmaxBackward(long rows, int cols, long ld, MemorySegment gradOut, long gradOutOffset, MemorySegment y,
            long yOffset, MemorySegment gradIn, long gradInOffset) {
        SegmentCheck.matrixInput("gradOut", gradOut, gradOutOffset, rows, cols, ld);
        SegmentCheck.matrixInput("y", y, yOffset, rows, cols, ld);
        SegmentCheck.matrixOutput("gradIn", gradIn, gradInOffset, rows, cols, ld);
        if (rows == 0 || cols == 0) {
            return;
        }
        float[] ga = Segments.floats(gradOut);
        float[] ya = Segments.floats(y);
        float[] gia = Segments.floats(gradIn);
        if (ga != null && ya != null && gia != null && ld <= Integer.MAX_VALUE) {
            arrays.logSoftmaxBackward((int) rows, cols, (int) ld, ga, Segments.index(gradOut, gradOutOffset), ya,
                    Segments.index(y, yOffset), gia, Segments.index(gradIn, gradInOffset));
            return;
        }
        try (Staging staging = Staging.rows(rows, cols)) {
            while (staging.next()) {
                arrays.logSoftmaxBackward(staging.count(), cols, cols, staging.in(0, gradOut, gradOutOffset, ld), 0,
                        staging.in(1, y, yOffset, ld), 0, staging.out(2), 0);
                staging.store(2, gradIn, gradInOffset, ld);
            }
        }
    }

    private static void checkForward(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset) {
        SegmentCheck.length("n", n);
        SegmentCheck.input("x", x, xOffset, n);
        SegmentCheck.output("out", out, outOffset, n);
    }

    private static void checkBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved,
            long savedOffset, MemorySegment gradIn, long gradInOffset) {
        SegmentCheck.length("n", n);
        SegmentCheck.input("gradOut", gradOut, gradOutOffset, n);
        SegmentCheck.input("saved", saved, savedOffset, n);
        SegmentCheck.output("gradIn", gradIn, gradInOffset, n);
    }
}
