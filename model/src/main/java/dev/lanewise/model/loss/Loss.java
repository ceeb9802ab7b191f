package dev.lanewise.model.loss;

import dev.lanewise.model.data.Matrix;

/**
 * A training loss fused with its gradient: one kernel pass returns the batch's mean loss and writes the
 * gradient of that mean with respect to the network's output. Regression losses read float targets
 * ({@link #usesLabels()} false: {@code outputs} values per row), classification losses integer class labels.
 * The output and gradient matrices must be dense ({@code ld == cols}), as layer buffers are.
 */
public interface Loss {

    /**
     * @param output    the network's output for a batch of {@code n} rows
     * @param targets   float targets, row {@code r}'s at {@code targets[(rowOffset + r) * output.cols() + j]};
     *                  ignored (may be null) by label losses
     * @param labels    class labels, row {@code r}'s at {@code labels[rowOffset + r]}; ignored by target losses
     * @param rowOffset the batch's first row in {@code targets} / {@code labels}
     * @param grad      receives d(mean loss)/d(output), same shape as {@code output}
     * @return the mean loss over the batch
     */
    float valueAndGradient(Matrix output, float[] targets, int[] labels, int rowOffset, Matrix grad);

    /** Whether the loss reads class labels rather than float targets. */
    boolean usesLabels();

    /** The name used in saved models and on the command line, e.g. {@code mse}. */
    String name();

    /** Checks that a matrix is dense, as the elementwise loss kernels read it as one range. */
    static void requireDense(String what, Matrix m) {
        if (m.ld() != m.cols()) {
            throw new IllegalArgumentException(what + " must be dense (ld == cols = " + m.cols() + "), had ld " + m.ld());
        }
    }

    /** Checks that output and grad have one shape. */
    static void requireSameShape(Matrix output, Matrix grad) {
        if (output.rows() != grad.rows() || output.cols() != grad.cols()) {
            throw new IllegalArgumentException("grad must be " + output.rows() + "x" + output.cols() + " like output, was "
                    + grad.rows() + "x" + grad.cols());
        }
        requireDense("output", output);
        requireDense("grad", grad);
    }
}
