package dev.lanewise.model.train;

import dev.lanewise.kernels.optim.GradientTransforms;
import dev.lanewise.model.nn.Parameter;
import java.util.List;

/**
 * The constraints applied to the weights after each optimizer step: a max-norm per output unit (Keras's
 * {@code MaxNorm}: each column of an {@code in x out} weight, the weights into one unit, rescaled to a 2-norm
 * of at most {@code maxNorm}) and clipping every weight to {@code [-c, c]}. Biases are left alone.
 */
final class Constraints {
    private final double maxNorm;
    private final double weightClip;
    private final double[] columnSquares;

    Constraints(double maxNorm, double weightClip, List<Parameter> parameters) {
        this.maxNorm = maxNorm;
        this.weightClip = weightClip;
        int widest = 0;
        for (Parameter p : parameters) {
            if (isMatrix(p)) {
                widest = Math.max(widest, p.shape()[1]);
            }
        }
        this.columnSquares = new double[widest];
    }

    void apply(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            if (!p.decays()) {
                continue;
            }
            if (maxNorm > 0 && isMatrix(p)) {
                int[] shape = p.shape();
                limitColumnNorms(p.value(), shape[0], shape[1]);
            }
            if (weightClip > 0) {
                GradientTransforms.clipByValue(p.size(), p.value(), 0, (float) weightClip);
            }
        }
    }

    // Row by row, so the array is read front to back: the column norms accumulate side by side.
    private void limitColumnNorms(float[] w, int rows, int cols) {
        java.util.Arrays.fill(columnSquares, 0, cols, 0);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                double v = w[base + c];
                columnSquares[c] += v * v;
            }
        }
        boolean any = false;
        for (int c = 0; c < cols; c++) {
            double norm = Math.sqrt(columnSquares[c]);
            // Keras's formula: w * clip(norm, 0, max) / (eps + norm); 1 where the column is within the limit.
            columnSquares[c] = norm > maxNorm ? maxNorm / (1e-7 + norm) : 1;
            any |= norm > maxNorm;
        }
        if (!any) {
            return;
        }
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                w[base + c] = (float) (w[base + c] * columnSquares[c]);
            }
        }
    }

    private static boolean isMatrix(Parameter p) {
        return p.shape().length == 2;
    }
}
