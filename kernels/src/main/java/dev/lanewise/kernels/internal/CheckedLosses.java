package dev.lanewise.kernels.internal;

import dev.lanewise.kernels.loss.LossKernels;
import java.util.Objects;

/**
 * The checking layer over one implementation's loss kernels: each method checks every argument and bound
 * (every class label included), naming the argument and its value, before it delegates, so a refused call
 * writes nothing.
 *
 * <p>A record because C2 trusts a record's final fields as constants: the facade holds this wrapper in a
 * {@code static final}, so {@code kernels} folds to a constant receiver and the implementation's method
 * inlines into the call site as if there were no wrapper.
 *
 * @param kernels the unchecked implementation
 */
public record CheckedLosses(LossKernels kernels) implements LossKernels {

    public CheckedLosses {
        Objects.requireNonNull(kernels, "kernels");
    }

    @Override
    public float mse(int n, float[] pred, int predOffset, float[] target, int targetOffset, float[] grad,
            int gradOffset) {
        checkElementwise(n, "pred", pred, predOffset, "target", target, targetOffset, grad, gradOffset);
        return kernels.mse(n, pred, predOffset, target, targetOffset, grad, gradOffset);
    }

    @Override
    public float mae(int n, float[] pred, int predOffset, float[] target, int targetOffset, float[] grad,
            int gradOffset) {
        checkElementwise(n, "pred", pred, predOffset, "target", target, targetOffset, grad, gradOffset);
        return kernels.mae(n, pred, predOffset, target, targetOffset, grad, gradOffset);
    }

    @Override
    public float huber(int n, float delta, float[] pred, int predOffset, float[] target, int targetOffset,
            float[] grad, int gradOffset) {
        if (!(delta > 0) || delta == Float.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("delta must be finite and > 0, was " + delta);
        }
        checkElementwise(n, "pred", pred, predOffset, "target", target, targetOffset, grad, gradOffset);
        return kernels.huber(n, delta, pred, predOffset, target, targetOffset, grad, gradOffset);
    }

    @Override
    public float bceWithLogits(int n, float[] logits, int logitsOffset, float[] targets, int targetsOffset,
            float[] grad, int gradOffset) {
        checkElementwise(n, "logits", logits, logitsOffset, "targets", targets, targetsOffset, grad, gradOffset);
        return kernels.bceWithLogits(n, logits, logitsOffset, targets, targetsOffset, grad, gradOffset);
    }

    @Override
    public float hinge(int n, float[] pred, int predOffset, float[] targets, int targetsOffset, float[] grad,
            int gradOffset) {
        checkElementwise(n, "pred", pred, predOffset, "targets", targets, targetsOffset, grad, gradOffset);
        return kernels.hinge(n, pred, predOffset, targets, targetsOffset, grad, gradOffset);
    }

    @Override
    public float softmaxCrossEntropy(int rows, int cols, float[] logits, int logitsOffset, int ldLogits,
            int[] labels, int labelsOffset, float[] grad, int gradOffset, int ldGrad) {
        Check.length("rows", rows);
        Check.atLeast("cols", cols, 1);
        Check.matrix("logits", logits, logitsOffset, rows, cols, ldLogits);
        Check.range("labels", labels, labelsOffset, rows);
        Check.matrix("grad", grad, gradOffset, rows, cols, ldGrad);
        for (int r = 0; r < rows; r++) {
            int label = labels[labelsOffset + r];
            if (label < 0 || label >= cols) {
                throw new IndexOutOfBoundsException("labels[" + (labelsOffset + r) + "] (row " + r
                        + ") must be in [0, cols = " + cols + "), was " + label);
            }
        }
        return kernels.softmaxCrossEntropy(rows, cols, logits, logitsOffset, ldLogits, labels, labelsOffset,
                grad, gradOffset, ldGrad);
    }

    private static void checkElementwise(int n, String xName, float[] x, int xOffset, String yName, float[] y,
            int yOffset, float[] grad, int gradOffset) {
        Check.length("n", n);
        Check.range(xName, x, xOffset, n);
        Check.range(yName, y, yOffset, n);
        Check.range("grad", grad, gradOffset, n);
    }
}
