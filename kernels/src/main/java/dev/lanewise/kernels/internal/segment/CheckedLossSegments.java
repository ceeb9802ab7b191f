package dev.lanewise.kernels.internal.segment;

import dev.lanewise.kernels.internal.scalar.ScalarSegmentLosses;
import dev.lanewise.kernels.loss.LossKernels;
import dev.lanewise.kernels.loss.LossSegmentKernels;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * {@link LossSegmentKernels} over one implementation's array kernels: checks every argument and every label,
 * then runs the array kernel on the arrays behind heap segments, or the scalar reference's loops on the
 * segments themselves ({@link ScalarSegmentLosses}) for any other segment: each gradient element carries
 * 1/n (1/rows), so these kernels cannot be called chunk by chunk as the elementwise ones are.
 *
 * @param arrays the implementation's unchecked array kernels
 */
public record CheckedLossSegments(LossKernels arrays) implements LossSegmentKernels {

    public CheckedLossSegments {
        Objects.requireNonNull(arrays, "arrays");
    }

    @Override
    public float mse(long n, MemorySegment pred, long predOffset, MemorySegment target, long targetOffset,
            MemorySegment grad, long gradOffset) {
        checkElementwise(n, "pred", pred, predOffset, "target", target, targetOffset, grad, gradOffset);
        float[] xa = Segments.floats(pred);
        float[] ya = Segments.floats(target);
        float[] ga = Segments.floats(grad);
        if (xa != null && ya != null && ga != null) {
            return arrays.mse((int) n, xa, Segments.index(pred, predOffset), ya, Segments.index(target, targetOffset), ga,
                    Segments.index(grad, gradOffset));
        }
        return ScalarSegmentLosses.mse(n, pred, predOffset, target, targetOffset, grad, gradOffset);
    }

    @Override
    public float mae(long n, MemorySegment pred, long predOffset, MemorySegment target, long targetOffset,
            MemorySegment grad, long gradOffset) {
        checkElementwise(n, "pred", pred, predOffset, "target", target, targetOffset, grad, gradOffset);
        float[] xa = Segments.floats(pred);
        float[] ya = Segments.floats(target);
        float[] ga = Segments.floats(grad);
        if (xa != null && ya != null && ga != null) {
            return arrays.mae((int) n, xa, Segments.index(pred, predOffset), ya, Segments.index(target, targetOffset), ga,
                    Segments.index(grad, gradOffset));
        }
        return ScalarSegmentLosses.mae(n, pred, predOffset, target, targetOffset, grad, gradOffset);
    }

    @Override
    public float huber(long n, float delta, MemorySegment pred, long predOffset, MemorySegment target, long targetOffset,
            MemorySegment grad, long gradOffset) {
        if (!(delta > 0) || delta == Float.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("delta must be finite and > 0, was " + delta);
        }
        checkElementwise(n, "pred", pred, predOffset, "target", target, targetOffset, grad, gradOffset);
        float[] xa = Segments.floats(pred);
        float[] ya = Segments.floats(target);
        float[] ga = Segments.floats(grad);
        if (xa != null && ya != null && ga != null) {
            return arrays.huber((int) n, delta, xa, Segments.index(pred, predOffset), ya, Segments.index(target, targetOffset), ga,
                    Segments.index(grad, gradOffset));
        }
        return ScalarSegmentLosses.huber(n, delta, pred, predOffset, target, targetOffset, grad, gradOffset);
    }

    @Override
    public float bceWithLogits(long n, MemorySegment logits, long logitsOffset, MemorySegment targets, long targetsOffset,
            MemorySegment grad, long gradOffset) {
        checkElementwise(n, "logits", logits, logitsOffset, "targets", targets, targetsOffset, grad, gradOffset);
        float[] xa = Segments.floats(logits);
        float[] ya = Segments.floats(targets);
        float[] ga = Segments.floats(grad);
        if (xa != null && ya != null && ga != null) {
            return arrays.bceWithLogits((int) n, xa, Segments.index(logits, logitsOffset), ya, Segments.index(targets, targetsOffset), ga,
                    Segments.index(grad, gradOffset));
        }
        return ScalarSegmentLosses.bceWithLogits(n, logits, logitsOffset, targets, targetsOffset, grad, gradOffset);
    }

    @Override
    public float hinge(long n, MemorySegment pred, long predOffset, MemorySegment targets, long targetsOffset,
            MemorySegment grad, long gradOffset) {
        checkElementwise(n, "pred", pred, predOffset, "targets", targets, targetsOffset, grad, gradOffset);
        float[] xa = Segments.floats(pred);
        float[] ya = Segments.floats(targets);
        float[] ga = Segments.floats(grad);
        if (xa != null && ya != null && ga != null) {
            return arrays.hinge((int) n, xa, Segments.index(pred, predOffset), ya, Segments.index(targets, targetsOffset), ga,
                    Segments.index(grad, gradOffset));
        }
        return ScalarSegmentLosses.hinge(n, pred, predOffset, targets, targetsOffset, grad, gradOffset);
    }

    @Override
    public float softmaxCrossEntropy(long rows, int cols, MemorySegment logits, long logitsOffset, long ldLogits,
            MemorySegment labels, long labelsOffset, MemorySegment grad, long gradOffset, long ldGrad) {
        SegmentCheck.length("rows", rows);
        SegmentCheck.atLeast("cols", cols, 1);
        SegmentCheck.matrixInput("logits", logits, logitsOffset, rows, cols, ldLogits);
        SegmentCheck.ints("labels", labels, labelsOffset, rows);
        SegmentCheck.matrixOutput("grad", grad, gradOffset, rows, cols, ldGrad);
        for (long r = 0; r < rows; r++) {
            int label = labels.getAtIndex(ValueLayout.JAVA_INT, labelsOffset + r);
            if (label < 0 || label >= cols) {
                throw new IndexOutOfBoundsException("labels[" + (labelsOffset + r) + "] (row " + r
                        + ") must be in [0, cols = " + cols + "), was " + label);
            }
        }
        float[] la = Segments.floats(logits);
        int[] lba = Segments.ints(labels);
        float[] ga = Segments.floats(grad);
        if (la != null && lba != null && ga != null && ldLogits <= Integer.MAX_VALUE && ldGrad <= Integer.MAX_VALUE) {
            return arrays.softmaxCrossEntropy((int) rows, cols, la, Segments.index(logits, logitsOffset), (int) ldLogits,
                    lba, Segments.index(labels, labelsOffset), ga, Segments.index(grad, gradOffset), (int) ldGrad);
        }
        return ScalarSegmentLosses.softmaxCrossEntropy(rows, cols, logits, logitsOffset, ldLogits, labels,
                labelsOffset, grad, gradOffset, ldGrad);
    }

    private static void checkElementwise(long n, String xName, MemorySegment x, long xOffset, String yName,
            MemorySegment y, long yOffset, MemorySegment grad, long gradOffset) {
        SegmentCheck.length("n", n);
        SegmentCheck.input(xName, x, xOffset, n);
        SegmentCheck.input(yName, y, yOffset, n);
        SegmentCheck.output("grad", grad, gradOffset, n);
    }
}
