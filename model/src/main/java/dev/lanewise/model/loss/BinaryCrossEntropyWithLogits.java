package dev.lanewise.model.loss;

import dev.lanewise.kernels.loss.Losses;
import dev.lanewise.model.data.Matrix;
import java.util.Objects;

/**
 * {@code torch.nn.BCEWithLogitsLoss()} on one output column of logits, with class labels 0 and 1. The kernel
 * takes float targets, so the batch's labels are converted into a buffer that grows to the largest batch:
 * nothing is allocated per step.
 */
public final class BinaryCrossEntropyWithLogits implements Loss {
    private float[] targets = new float[0];

    @Override
    public float valueAndGradient(Matrix output, float[] ignored, int[] labels, int rowOffset, Matrix grad) {
        Loss.requireSameShape(output, grad);
        Objects.requireNonNull(labels, "labels");
        if (output.cols() != 1) {
            throw new IllegalArgumentException("binary cross-entropy needs one output column, had " + output.cols());
        }
        int n = output.rows();
        if (rowOffset < 0 || (long) rowOffset + n > labels.length) {
            throw new IndexOutOfBoundsException("labels must hold rows " + rowOffset + ".." + ((long) rowOffset + n - 1)
                    + " of the batch, had length " + labels.length);
        }
        if (targets.length < n) {
            targets = new float[n];
        }
        for (int r = 0; r < n; r++) {
            int label = labels[rowOffset + r];
            if (label != 0 && label != 1) {
                throw new IllegalArgumentException("labels[" + (rowOffset + r) + "] must be 0 or 1, was " + label);
            }
            targets[r] = label;
        }
        return Losses.bceWithLogits(n, output.data(), output.offset(), targets, 0, grad.data(), grad.offset());
    }

    @Override
    public boolean usesLabels() {
        return true;
    }

    @Override
    public String name() {
        return "bce-with-logits";
    }

    @Override
    public String toString() {
        return name();
    }
}
