package dev.lanewise.harness.segment;

import static dev.lanewise.harness.segment.SegmentKind.read;
import static dev.lanewise.harness.support.Assertions2.assertSameBits;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.loss.LossKernels;
import dev.lanewise.kernels.loss.LossSegmentKernels;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loss segment overloads: where the array kernel runs in place (heap segments over float[]), the
 * implementation's array form's bits; on any other segment, the scalar implementation's array form's bits
 * (loss and gradient), and for every implementation the gradients of mse, mae, huber and hinge bit for bit,
 * as LossSegmentKernels states.
 */
class SegmentLossTest {
    private static final int P_OFFSET = 2;
    private static final int T_OFFSET = 1;
    private static final int G_OFFSET = 4;

    interface ArrayLoss {
        float run(LossKernels k, int n, float[] p, int pOffset, float[] t, int tOffset, float[] g, int gOffset);
    }

    interface SegmentLoss {
        float run(LossSegmentKernels k, long n, MemorySegment p, long pOffset, MemorySegment t, long tOffset,
                MemorySegment g, long gOffset);
    }

    record Loss(String name, ArrayLoss array, SegmentLoss segment, boolean exactGradient) {}

    static final List<Loss> LOSSES = List.of(
            new Loss("mse", (k, n, p, po, t, to, g, go) -> k.mse(n, p, po, t, to, g, go),
                    (k, n, p, po, t, to, g, go) -> k.mse(n, p, po, t, to, g, go), true),
            new Loss("mae", (k, n, p, po, t, to, g, go) -> k.mae(n, p, po, t, to, g, go),
                    (k, n, p, po, t, to, g, go) -> k.mae(n, p, po, t, to, g, go), true),
            new Loss("huber", (k, n, p, po, t, to, g, go) -> k.huber(n, 0.7f, p, po, t, to, g, go),
                    (k, n, p, po, t, to, g, go) -> k.huber(n, 0.7f, p, po, t, to, g, go), true),
            new Loss("hinge", (k, n, p, po, t, to, g, go) -> k.hinge(n, p, po, t, to, g, go),
                    (k, n, p, po, t, to, g, go) -> k.hinge(n, p, po, t, to, g, go), true),
            new Loss("bceWithLogits", (k, n, p, po, t, to, g, go) -> k.bceWithLogits(n, p, po, t, to, g, go),
                    (k, n, p, po, t, to, g, go) -> k.bceWithLogits(n, p, po, t, to, g, go), false));

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.lanewise.harness.segment.SegmentCases#implementationsAndKinds")
    void elementwiseLossesGiveTheStatedBits(String name, SegmentKind kind) {
        KernelProvider p = SegmentCases.provider(name);
        LossKernels scalar = Kernels.scalar().losses();
        SplittableRandom random = new SplittableRandom(31);
        for (int n : SegmentCases.LENGTHS) {
            float[] pred = SegmentCases.values(random, P_OFFSET + n + 1, 5f, true);
            float[] target = SegmentCases.between(random, T_OFFSET + n + 1, 0, 1);
            for (int i = 0; i < target.length; i += 3) {
                target[i] = random.nextBoolean() ? 1f : -1f;
            }
            for (Loss loss : LOSSES) {
                String at = name + " " + kind + " n=" + n + " " + loss.name();
                float[] grad = new float[G_OFFSET + n + 2];
                float[] expectedGrad = grad.clone();
                // Where the segments are staged, the scalar loops run: the scalar array form is the reference.
                LossKernels reference = kind.inPlace() ? p.losses() : scalar;
                float expectedLoss = loss.array().run(reference, n, pred, P_OFFSET, target, T_OFFSET, expectedGrad, G_OFFSET);
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment g = kind.out(arena, grad);
                    float actualLoss = loss.segment().run(p.lossSegments(), n, kind.in(arena, pred), P_OFFSET,
                            kind.in(arena, target), T_OFFSET, g, G_OFFSET);
                    float[] actualGrad = read(g, grad.length);
                    assertSameBits(expectedLoss, actualLoss, at + " loss");
                    assertSameBits(expectedGrad, actualGrad, at + " grad");
                    if (loss.exactGradient()) {
                        float[] ownGrad = grad.clone();
                        loss.array().run(p.losses(), n, pred, P_OFFSET, target, T_OFFSET, ownGrad, G_OFFSET);
                        assertSameBits(ownGrad, actualGrad, at + " grad against " + name + "'s array form");
                    }
                }
            }
        }
    }

    /** rows, cols, ldLogits, ldGrad. */
    private static final int[][] SHAPES = {{0, 3, 3, 3}, {1, 1, 1, 1}, {9, 10, 10, 12}, {300, 17, 20, 17}, {2, 2100, 2100, 2101}};

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.lanewise.harness.segment.SegmentCases#implementationsAndKinds")
    void softmaxCrossEntropyGivesTheStatedBits(String name, SegmentKind kind) {
        KernelProvider p = SegmentCases.provider(name);
        SplittableRandom random = new SplittableRandom(32);
        for (int[] shape : SHAPES) {
            int rows = shape[0];
            int cols = shape[1];
            int ldLogits = shape[2];
            int ldGrad = shape[3];
            float[] logits = SegmentCases.values(random, 1 + (rows == 0 ? 0 : (rows - 1) * ldLogits + cols), 20f, false);
            int[] labels = new int[rows + 2];
            for (int r = 0; r < labels.length; r++) {
                labels[r] = random.nextInt(cols);
            }
            float[] grad = new float[2 + (rows == 0 ? 0 : (rows - 1) * ldGrad + cols)];
            float[] expectedGrad = grad.clone();
            LossKernels reference = kind.inPlace() ? p.losses() : Kernels.scalar().losses();
            float expected = reference.softmaxCrossEntropy(rows, cols, logits, 1, ldLogits, labels, 2, expectedGrad, 2,
                    ldGrad);
            String at = name + " " + kind + " " + rows + "x" + cols;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment g = kind.out(arena, grad);
                float actual = p.lossSegments().softmaxCrossEntropy(rows, cols, kind.in(arena, logits), 1, ldLogits,
                        kind.ints(arena, labels), 2, g, 2, ldGrad);
                assertSameBits(expected, actual, at + " loss");
                assertSameBits(expectedGrad, read(g, grad.length), at + " grad");
            }
        }
    }
}
