package dev.lanewise.kernels.loss;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.internal.Check;

import java.lang.foreign.MemorySegment;

/**
 * Losses with their gradients, in one pass, on the kernels {@link Kernels} chose. Each returns the mean
 * loss and writes the gradient of that mean with respect to the predictions (logits) into {@code grad}.
 * Each method checks every argument (including every class label) before it writes anything (a null array
 * throws {@link NullPointerException}, a range or label outside its bounds {@link IndexOutOfBoundsException},
 * any other bad value {@link IllegalArgumentException}); see {@link LossKernels} for the exact semantics and
 * for how far the vector result may be from the scalar one.
 */
public final class Losses {
    // The checked kernels in a static final, so C2 sees one constant receiver and inlines through the checks
    // straight into the chosen implementation.
    private static final LossKernels KERNELS = Kernels.provider().losses();

    private Losses() {}

    /** Mean squared error over {@code n} elements; {@code grad[i] = 2 (pred[i] - target[i]) / n}. */
    public static float mse(int n, float[] pred, int predOffset, float[] target, int targetOffset,
            float[] grad, int gradOffset) {
        return KERNELS.mse(n, pred, predOffset, target, targetOffset, grad, gradOffset);
    }

    /** Mean squared error over arrays of one length. */
    public static float mse(float[] pred, float[] target, float[] grad) {
        int n = Check.sameLength("pred", pred, "target", target, "grad", grad);
        return KERNELS.mse(n, pred, 0, target, 0, grad, 0);
    }

    /** Mean absolute error over {@code n} elements; {@code grad[i] = signum(pred[i] - target[i]) / n}. */
    public static float mae(int n, float[] pred, int predOffset, float[] target, int targetOffset,
            float[] grad, int gradOffset) {
        return KERNELS.mae(n, pred, predOffset, target, targetOffset, grad, gradOffset);
    }

    /** Mean absolute error over arrays of one length. */
    public static float mae(float[] pred, float[] target, float[] grad) {
        int n = Check.sameLength("pred", pred, "target", target, "grad", grad);
        return KERNELS.mae(n, pred, 0, target, 0, grad, 0);
    }

    /** Huber loss (PyTorch's {@code HuberLoss(delta)}); {@code delta} must be finite and &gt; 0. */
    public static float huber(int n, float delta, float[] pred, int predOffset, float[] target, int targetOffset,
            float[] grad, int gradOffset) {
        return KERNELS.huber(n, delta, pred, predOffset, target, targetOffset, grad, gradOffset);
    }

    /** Huber loss over arrays of one length. */
    public static float huber(float delta, float[] pred, float[] target, float[] grad) {
        int n = Check.sameLength("pred", pred, "target", target, "grad", grad);
        return KERNELS.huber(n, delta, pred, 0, target, 0, grad, 0);
    }

    /** Binary cross-entropy on logits (PyTorch's {@code BCEWithLogitsLoss}), targets in [0, 1]. */
    public static float bceWithLogits(int n, float[] logits, int logitsOffset, float[] targets, int targetsOffset,
            float[] grad, int gradOffset) {
        return KERNELS.bceWithLogits(n, logits, logitsOffset, targets, targetsOffset, grad, gradOffset);
    }

    /** Binary cross-entropy on logits over arrays of one length. */
    public static float bceWithLogits(float[] logits, float[] targets, float[] grad) {
        int n = Check.sameLength("logits", logits, "targets", targets, "grad", grad);
        return KERNELS.bceWithLogits(n, logits, 0, targets, 0, grad, 0);
    }

    /**
     * Binary hinge loss mean(max(0, 1 - t*p)); targets should be -1 or +1 (other values are not refused,
     * the formula is applied as written; see {@link LossKernels}).
     */
    public static float hinge(int n, float[] pred, int predOffset, float[] targets, int targetsOffset,
            float[] grad, int gradOffset) {
        return KERNELS.hinge(n, pred, predOffset, targets, targetsOffset, grad, gradOffset);
    }

    /** Binary hinge loss over arrays of one length. */
    public static float hinge(float[] pred, float[] targets, float[] grad) {
        int n = Check.sameLength("pred", pred, "targets", targets, "grad", grad);
        return KERNELS.hinge(n, pred, 0, targets, 0, grad, 0);
    }

    /**
     * Softmax cross-entropy with integer class labels over a row-major {@code rows x cols} logits matrix;
     * returns the mean over rows and writes (softmax - onehot)/rows into the grad matrix. {@code cols} must
     * be at least 1 and every label in [0, cols); both matrices need {@code ld >= cols}.
     */
    public static float softmaxCrossEntropy(int rows, int cols, float[] logits, int logitsOffset, int ldLogits,
            int[] labels, int labelsOffset, float[] grad, int gradOffset, int ldGrad) {
        return KERNELS.softmaxCrossEntropy(rows, cols, logits, logitsOffset, ldLogits, labels, labelsOffset,
                grad, gradOffset, ldGrad);
    }

    /**
     * Softmax cross-entropy over contiguous rows: {@code rows = labels.length}, and {@code logits} and
     * {@code grad} must both hold exactly {@code rows * cols} elements.
     */
    public static float softmaxCrossEntropy(int cols, float[] logits, int[] labels, float[] grad) {
        Check.atLeast("cols", cols, 1);
        Check.notNull("logits", logits);
        int rows = Check.notNull("labels", labels).length;
        Check.notNull("grad", grad);
        long elements = (long) rows * cols;
        if (logits.length != elements) {
            throw new IllegalArgumentException("logits must hold labels.length * cols = " + rows + " * " + cols
                    + " = " + elements + " elements, had " + logits.length);
        }
        if (grad.length != elements) {
            throw new IllegalArgumentException("grad must hold labels.length * cols = " + rows + " * " + cols
                    + " = " + elements + " elements, had " + grad.length);
        }
        return KERNELS.softmaxCrossEntropy(rows, cols, logits, 0, cols, labels, 0, grad, 0, cols);
    }

    // ---- MemorySegment overloads ----
    //
    // The same operations on java.lang.foreign.MemorySegments, heap or native. Lengths and offsets count elements
    // (floats; ints for the labels), not bytes. Checked like the array forms, before anything is written: a segment
    // must be aligned to 4 bytes, and one that is written must not be read-only. A writable heap segment over a
    // float[] (labels: an int[]) runs the array kernel on that array in place; any other segment runs the scalar
    // reference's loops on the segment itself, since the 1/n in every gradient element rules out chunks. Labels are
    // a segment of ints: MemorySegment.ofArray(labels) for an int[]. LossSegmentKernels says what each gives and how
    // it is checked.

    private static final LossSegmentKernels SEGMENTS = Kernels.provider().lossSegments();

    /** Mean squared error over segments; {@code grad[i] = 2 (pred[i] - target[i]) / n}; offsets count floats. */
    public static float mse(long n, MemorySegment pred, long predOffset, MemorySegment target, long targetOffset,
            MemorySegment grad, long gradOffset) {
        return SEGMENTS.mse(n, pred, predOffset, target, targetOffset, grad, gradOffset);
    }

    /** Mean absolute error over segments; {@code grad[i] = signum(pred[i] - target[i]) / n}. */
    public static float mae(long n, MemorySegment pred, long predOffset, MemorySegment target, long targetOffset,
            MemorySegment grad, long gradOffset) {
        return SEGMENTS.mae(n, pred, predOffset, target, targetOffset, grad, gradOffset);
    }

    /** Huber loss over segments; {@code delta} must be finite and &gt; 0. */
    public static float huber(long n, float delta, MemorySegment pred, long predOffset, MemorySegment target,
            long targetOffset, MemorySegment grad, long gradOffset) {
        return SEGMENTS.huber(n, delta, pred, predOffset, target, targetOffset, grad, gradOffset);
    }

    /** Binary cross-entropy on logits over segments, targets in [0, 1]. */
    public static float bceWithLogits(long n, MemorySegment logits, long logitsOffset, MemorySegment targets,
            long targetsOffset, MemorySegment grad, long gradOffset) {
        return SEGMENTS.bceWithLogits(n, logits, logitsOffset, targets, targetsOffset, grad, gradOffset);
    }

    /** Binary hinge loss over segments; targets should be -1 or +1. */
    public static float hinge(long n, MemorySegment pred, long predOffset, MemorySegment targets, long targetsOffset,
            MemorySegment grad, long gradOffset) {
        return SEGMENTS.hinge(n, pred, predOffset, targets, targetsOffset, grad, gradOffset);
    }

    /**
     * Softmax cross-entropy over a row-major {@code rows x cols} logits matrix in a segment, with one int class
     * label per row in {@code labels} (offsets count elements: floats, and ints for the labels).
     */
    public static float softmaxCrossEntropy(long rows, int cols, MemorySegment logits, long logitsOffset,
            long ldLogits, MemorySegment labels, long labelsOffset, MemorySegment grad, long gradOffset, long ldGrad) {
        return SEGMENTS.softmaxCrossEntropy(rows, cols, logits, logitsOffset, ldLogits, labels, labelsOffset, grad,
                gradOffset, ldGrad);
    }
}
