package dev.lanewise.model.loss;

import dev.lanewise.model.data.Matrix;
import java.util.Objects;

/** The shared shape of the losses that compare each output element with a float target. */
abstract class ElementwiseLoss implements Loss {

    @Override
    public final float valueAndGradient(Matrix output, float[] targets, int[] labels, int rowOffset, Matrix grad) {
        Loss.requireSameShape(output, grad);
        Objects.requireNonNull(targets, "targets");
        int n = output.rows() * output.cols();
        return kernel(n, output.data(), output.offset(), targets, rowOffset * output.cols(), grad.data(), grad.offset());
    }

    /** The fused kernel over {@code n} contiguous elements. */
    abstract float kernel(int n, float[] pred, int predOffset, float[] target, int targetOffset, float[] grad, int gradOffset);

    @Override
    public final boolean usesLabels() {
        return false;
    }

    @Override
    public String toString() {
        return name();
    }
}
