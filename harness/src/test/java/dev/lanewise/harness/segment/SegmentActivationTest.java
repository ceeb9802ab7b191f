package dev.lanewise.harness.segment;

import static dev.lanewise.harness.segment.SegmentKind.read;
import static dev.lanewise.harness.support.Assertions2.assertSameBits;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.activation.ActivationKernels;
import dev.lanewise.kernels.activation.ActivationSegmentKernels;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every activation's segment overloads, forward and backward, and the row-wise softmax and log-softmax, give
 * the array form's bits on every segment kind, at lengths around the lanes and the staging chunk, and for
 * matrices that take many rows per chunk, rows with a leading dimension, and rows wider than a chunk.
 */
class SegmentActivationTest {
    private static final int X_OFFSET = 3;
    private static final int OUT_OFFSET = 1;

    interface ArrayForward {
        void run(ActivationKernels k, int n, float[] x, int xOffset, float[] out, int outOffset);
    }

    interface SegmentForward {
        void run(ActivationSegmentKernels k, long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset);
    }

    interface ArrayBackward {
        void run(ActivationKernels k, int n, float[] g, int gOffset, float[] s, int sOffset, float[] gi, int giOffset);
    }

    interface SegmentBackward {
        void run(ActivationSegmentKernels k, long n, MemorySegment g, long gOffset, MemorySegment s, long sOffset,
                MemorySegment gi, long giOffset);
    }

    record Function(String name, ArrayForward arrayForward, SegmentForward segmentForward, ArrayBackward arrayBackward,
            SegmentBackward segmentBackward) {}

    static final List<Function> FUNCTIONS = List.of(
            new Function("identity",
                    (k, n, x, xo, out, oo) -> k.identity(n, x, xo, out, oo),
                    (k, n, x, xo, out, oo) -> k.identity(n, x, xo, out, oo),
                    (k, n, g, go, s, so, gi, gio) -> k.identityBackward(n, g, go, s, so, gi, gio),
                    (k, n, g, go, s, so, gi, gio) -> k.identityBackward(n, g, go, s, so, gi, gio)),
            new Function("relu",
                    (k, n, x, xo, out, oo) -> k.relu(n, x, xo, out, oo),
                    (k, n, x, xo, out, oo) -> k.relu(n, x, xo, out, oo),
                    (k, n, g, go, s, so, gi, gio) -> k.reluBackward(n, g, go, s, so, gi, gio),
                    (k, n, g, go, s, so, gi, gio) -> k.reluBackward(n, g, go, s, so, gi, gio)),
            new Function("leakyRelu",
                    (k, n, x, xo, out, oo) -> k.leakyRelu(n, 0.01f, x, xo, out, oo),
                    (k, n, x, xo, out, oo) -> k.leakyRelu(n, 0.01f, x, xo, out, oo),
                    (k, n, g, go, s, so, gi, gio) -> k.leakyReluBackward(n, 0.01f, g, go, s, so, gi, gio),
                    (k, n, g, go, s, so, gi, gio) -> k.leakyReluBackward(n, 0.01f, g, go, s, so, gi, gio)),
            new Function("elu",
                    (k, n, x, xo, out, oo) -> k.elu(n, 1.3f, x, xo, out, oo),
                    (k, n, x, xo, out, oo) -> k.elu(n, 1.3f, x, xo, out, oo),
                    (k, n, g, go, s, so, gi, gio) -> k.eluBackward(n, 1.3f, g, go, s, so, gi, gio),
                    (k, n, g, go, s, so, gi, gio) -> k.eluBackward(n, 1.3f, g, go, s, so, gi, gio)),
            new Function("sigmoid",
                    (k, n, x, xo, out, oo) -> k.sigmoid(n, x, xo, out, oo),
                    (k, n, x, xo, out, oo) -> k.sigmoid(n, x, xo, out, oo),
                    (k, n, g, go, s, so, gi, gio) -> k.sigmoidBackward(n, g, go, s, so, gi, gio),
                    (k, n, g, go, s, so, gi, gio) -> k.sigmoidBackward(n, g, go, s, so, gi, gio)),
            new Function("tanh",
                    (k, n, x, xo, out, oo) -> k.tanh(n, x, xo, out, oo),
                    (k, n, x, xo, out, oo) -> k.tanh(n, x, xo, out, oo),
                    (k, n, g, go, s, so, gi, gio) -> k.tanhBackward(n, g, go, s, so, gi, gio),
                    (k, n, g, go, s, so, gi, gio) -> k.tanhBackward(n, g, go, s, so, gi, gio)),
            new Function("gelu",
                    (k, n, x, xo, out, oo) -> k.gelu(n, x, xo, out, oo),
                    (k, n, x, xo, out, oo) -> k.gelu(n, x, xo, out, oo),
                    (k, n, g, go, s, so, gi, gio) -> k.geluBackward(n, g, go, s, so, gi, gio),
                    (k, n, g, go, s, so, gi, gio) -> k.geluBackward(n, g, go, s, so, gi, gio)),
            new Function("geluTanh",
                    (k, n, x, xo, out, oo) -> k.geluTanh(n, x, xo, out, oo),
                    (k, n, x, xo, out, oo) -> k.geluTanh(n, x, xo, out, oo),
                    (k, n, g, go, s, so, gi, gio) -> k.geluTanhBackward(n, g, go, s, so, gi, gio),
                    (k, n, g, go, s, so, gi, gio) -> k.geluTanhBackward(n, g, go, s, so, gi, gio)),
            new Function("silu",
                    (k, n, x, xo, out, oo) -> k.silu(n, x, xo, out, oo),
                    (k, n, x, xo, out, oo) -> k.silu(n, x, xo, out, oo),
                    (k, n, g, go, s, so, gi, gio) -> k.siluBackward(n, g, go, s, so, gi, gio),
                    (k, n, g, go, s, so, gi, gio) -> k.siluBackward(n, g, go, s, so, gi, gio)),
            new Function("softplus",
                    (k, n, x, xo, out, oo) -> k.softplus(n, x, xo, out, oo),
                    (k, n, x, xo, out, oo) -> k.softplus(n, x, xo, out, oo),
                    (k, n, g, go, s, so, gi, gio) -> k.softplusBackward(n, g, go, s, so, gi, gio),
                    (k, n, g, go, s, so, gi, gio) -> k.softplusBackward(n, g, go, s, so, gi, gio)));

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.lanewise.harness.segment.SegmentCases#implementationsAndKinds")
    void everyFunctionForwardAndBackwardGivesTheArrayFormsBits(String name, SegmentKind kind) {
        KernelProvider p = SegmentCases.provider(name);
        SplittableRandom random = new SplittableRandom(21);
        for (int n : SegmentCases.LENGTHS) {
            float[] x = SegmentCases.values(random, X_OFFSET + n + 2, 6f, true);
            float[] g = SegmentCases.values(random, n + 4, 2f, true);
            for (Function f : FUNCTIONS) {
                String at = name + " " + kind + " n=" + n + " " + f.name();
                try (Arena arena = Arena.ofConfined()) {
                    float[] out = SegmentCases.values(random, OUT_OFFSET + n + 2, 1f, false);
                    float[] expected = out.clone();
                    f.arrayForward().run(p.activations(), n, x, X_OFFSET, expected, OUT_OFFSET);
                    MemorySegment outSegment = kind.out(arena, out);
                    f.segmentForward().run(p.activationSegments(), n, kind.in(arena, x), X_OFFSET, outSegment, OUT_OFFSET);
                    assertSameBits(expected, read(outSegment, out.length), at);

                    float[] gradIn = new float[n + 5];
                    float[] expectedGradIn = gradIn.clone();
                    f.arrayBackward().run(p.activations(), n, g, 4, x, X_OFFSET, expectedGradIn, 5);
                    MemorySegment gradInSegment = kind.out(arena, gradIn);
                    f.segmentBackward().run(p.activationSegments(), n, kind.in(arena, g), 4, kind.in(arena, x), X_OFFSET,
                            gradInSegment, 5);
                    assertSameBits(expectedGradIn, read(gradInSegment, gradIn.length), at + " backward");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.lanewise.harness.segment.SegmentCases#implementationsAndKinds")
    void anActivationInPlaceGivesTheArrayFormsBits(String name, SegmentKind kind) {
        KernelProvider p = SegmentCases.provider(name);
        float[] x = SegmentCases.values(new SplittableRandom(22), 2 * SegmentCases.CHUNK + 9, 6f, true);
        float[] expected = x.clone();
        p.activations().gelu(x.length, expected, 0, expected, 0);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = kind.out(arena, x);
            p.activationSegments().gelu(x.length, s, 0, s, 0);
            assertSameBits(expected, read(s, x.length), name + " " + kind + " gelu in place");
        }
    }

    /** rows, cols, ld: empty, one column, short rows many to a chunk, a leading dimension, wide rows. */
    private static final int[][] SHAPES = {
        {0, 4, 4}, {3, 0, 1}, {5, 1, 1}, {7, 10, 13}, {700, 10, 10}, {300, 33, 40}, {3, 2048, 2048}, {3, 3000, 3001}
    };

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.lanewise.harness.segment.SegmentCases#implementationsAndKinds")
    void softmaxAndLogSoftmaxRowsGiveTheArrayFormsBits(String name, SegmentKind kind) {
        KernelProvider p = SegmentCases.provider(name);
        ActivationKernels arrays = p.activations();
        ActivationSegmentKernels segments = p.activationSegments();
        SplittableRandom random = new SplittableRandom(23);
        for (int[] shape : SHAPES) {
            int rows = shape[0];
            int cols = shape[1];
            int ld = shape[2];
            int size = 2 + (rows == 0 ? 0 : (rows - 1) * ld + cols) + 3;
            float[] x = SegmentCases.values(random, size, 30f, true);
            float[] g = SegmentCases.values(random, size, 2f, false);
            String at = name + " " + kind + " " + rows + "x" + cols + " ld " + ld;
            for (boolean log : new boolean[] {false, true}) {
                try (Arena arena = Arena.ofConfined()) {
                    float[] out = new float[size];
                    float[] expected = out.clone();
                    MemorySegment outSegment = kind.out(arena, out);
                    if (log) {
                        arrays.logSoftmax(rows, cols, ld, x, 2, expected, 2);
                        segments.logSoftmax(rows, cols, ld, kind.in(arena, x), 2, outSegment, 2);
                    } else {
                        arrays.softmax(rows, cols, ld, x, 2, expected, 2);
                        segments.softmax(rows, cols, ld, kind.in(arena, x), 2, outSegment, 2);
                    }
                    assertSameBits(expected, read(outSegment, size), at + (log ? " logSoftmax" : " softmax"));

                    float[] gradIn = new float[size];
                    float[] expectedGradIn = gradIn.clone();
                    MemorySegment gradInSegment = kind.out(arena, gradIn);
                    if (log) {
                        arrays.logSoftmaxBackward(rows, cols, ld, g, 2, expected, 2, expectedGradIn, 2);
                        segments.logSoftmaxBackward(rows, cols, ld, kind.in(arena, g), 2, kind.in(arena, expected), 2,
                                gradInSegment, 2);
                    } else {
                        arrays.softmaxBackward(rows, cols, ld, g, 2, expected, 2, expectedGradIn, 2);
                        segments.softmaxBackward(rows, cols, ld, kind.in(arena, g), 2, kind.in(arena, expected), 2,
                                gradInSegment, 2);
                    }
                    assertSameBits(expectedGradIn, read(gradInSegment, size), at + (log ? " logSoftmax" : " softmax")
                            + " backward");
                }
            }
        }
    }
}
