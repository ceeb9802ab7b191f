package dev.lanewise.model.loss;

import dev.lanewise.kernels.loss.Losses;
import dev.lanewise.model.data.Matrix;
import java.util.Objects;

/** {@code torch.nn.CrossEntropyLoss()} on a row of logits per sample and integer class labels. */
public final class SoftmaxCrossEntropy implements Loss {

    @Override
    public float valueAndGradient(Matrix output, float[] ignored, int[] labels, int rowOffset, Matrix grad) {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(grad, "grad");
        Objects.requireNonNull(labels, "labels");
        if (output.rows() != grad.rows() || output.cols() != grad.cols()) {
            throw new IllegalArgumentException("grad must be " + output.rows() + "x" + output.cols() + " like output, was "
                    + grad.rows() + "x" + grad.cols());
        }
        return Losses.softmaxCrossEntropy(output.rows(), output.cols(), output.data(), output.offset(), output.ld(),
                labels, rowOffset, grad.data(), grad.offset(), grad.ld());
    }

    @Override
    public boolean usesLabels() {
        return true;
    }

    @Override
    public String name() {
        return "softmax-cross-entropy";
    }

    @Override
    public String toString() {
        return name();
    }
}
