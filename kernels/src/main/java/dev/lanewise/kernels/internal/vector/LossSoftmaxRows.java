package dev.lanewise.kernels.internal.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Row-wise softmax cross-entropy for {@link VectorLosses}, in two shapes: rows that fit one vector, and
 * wider rows. Per row: m = max, e_j = exp(x_j - m) (the Vector API's EXP), s = sum e_j,
 * grad_j = e_j * (1/(s*rows)) - [j == label]/rows; the loss sum m - x_label + log(s) is kept in double.
 */
final class LossSoftmaxRows {
    private LossSoftmaxRows() {}

    /** Rows of at most one vector: everything for a row stays in one register, one masked load and store. */
    static float narrow(int rows, int cols, float[] logits, int logitsOffset, int ldLogits,
            int[] labels, int labelsOffset, float[] grad, int gradOffset, int ldGrad) {
        VectorSpecies<Float> s = VectorWidth.FLOAT;
        VectorMask<Float> inRow = s.indexInRange(0, cols);
        float invRows = (float) (1.0 / rows);
        double product = 1;
        long exponent = 0;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int x = logitsOffset + r * ldLogits;
            int g = gradOffset + r * ldGrad;
            int label = labels[labelsOffset + r];
            float labelLogit = logits[x + label];
            FloatVector v = FloatVector.fromArray(s, logits, x, inRow);
            float max = v.reduceLanes(VectorOperators.MAX, inRow);
            FloatVector e = v.sub(max).lanewise(VectorOperators.EXP);
            // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
            // than the interpreter, so the bits would depend on compilation (see the package doc).
            FloatVector ordered1 = FloatVector.zero(s).blend(e, inRow);
            ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.FLOAT_FOLD_HALF));
            if (VectorWidth.FLOAT_LANES > 2) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.FLOAT_FOLD_QUARTER)); }
            if (VectorWidth.FLOAT_LANES > 4) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.FLOAT_FOLD_EIGHTH)); }
            if (VectorWidth.FLOAT_LANES > 8) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.FLOAT_FOLD_SIXTEENTH)); }
            float sum = ordered1.lane(0);
            float scale = (float) (1.0 / ((double) sum * rows));
            e.mul(scale).intoArray(grad, g, inRow);
            grad[g + label] = grad[g + label] - invRows;
            total += (double) max - labelLogit;
            product *= sum;
            if (product > LossLogProduct.RESCALE_ABOVE) {
                product *= LossLogProduct.RESCALE_BY;
                exponent += LossLogProduct.RESCALE_BITS;
            }
        }
        return (float) ((total + LossLogProduct.log(product, exponent)) / rows);
    }

    /**
     * Rows wider than a vector: max; exp stored into grad and summed; scaled in place. Each pass is its own
     * small method: one method holding all three loops grew past C2's inlining budget, and the vector
     * operations it could no longer inline ran boxed, allocating on every step (measured: 3 MB per call
     * at 256 x 1000).
     */
    static float wide(int rows, int cols, float[] logits, int logitsOffset, int ldLogits,
            int[] labels, int labelsOffset, float[] grad, int gradOffset, int ldGrad) {
        float invRows = (float) (1.0 / rows);
        double product = 1;
        long exponent = 0;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int x = logitsOffset + r * ldLogits;
            int g = gradOffset + r * ldGrad;
            int label = labels[labelsOffset + r];
            // Read the label's logit before the row is overwritten: grad may be the logits matrix itself.
            float labelLogit = logits[x + label];
            float max = rowMax(cols, logits, x);
            float sum = storeExpAndSum(cols, max, logits, x, grad, g);
            scaleRow(cols, (float) (1.0 / ((double) sum * rows)), grad, g);
            grad[g + label] = grad[g + label] - invRows;
            total += (double) max - labelLogit;
            product *= sum;
            if (product > LossLogProduct.RESCALE_ABOVE) {
                product *= LossLogProduct.RESCALE_BY;
                exponent += LossLogProduct.RESCALE_BITS;
            }
        }
        return (float) ((total + LossLogProduct.log(product, exponent)) / rows);
    }

    private static float rowMax(int cols, float[] logits, int x) {
        VectorSpecies<Float> s = VectorWidth.FLOAT;
        int bound = s.loopBound(cols);
        FloatVector max0 = FloatVector.broadcast(s, Float.NEGATIVE_INFINITY);
        FloatVector max1 = max0;
        int j = 0;
        for (; j <= bound - 2 * s.length(); j += 2 * s.length()) {
            max0 = max0.max(FloatVector.fromArray(s, logits, x + j));
            max1 = max1.max(FloatVector.fromArray(s, logits, x + j + s.length()));
        }
        for (; j < bound; j += s.length()) {
            max0 = max0.max(FloatVector.fromArray(s, logits, x + j));
        }
        if (bound < cols) {
            VectorMask<Float> tail = s.indexInRange(bound, cols);
            max1 = max1.lanewise(VectorOperators.MAX, FloatVector.fromArray(s, logits, x + bound, tail), tail);
        }
        return max0.max(max1).reduceLanes(VectorOperators.MAX);
    }

    /** Writes exp(x_j - max) into the grad row and returns its float sum. */
    private static float storeExpAndSum(int cols, float max, float[] logits, int x,
            float[] grad, int g) {
        VectorSpecies<Float> s = VectorWidth.FLOAT;
        int step = s.length();
        int bound = s.loopBound(cols);
        FloatVector sum0 = FloatVector.zero(s);
        FloatVector sum1 = FloatVector.zero(s);
        int j = 0;
        for (; j <= bound - 2 * step; j += 2 * step) {
            FloatVector e0 = FloatVector.fromArray(s, logits, x + j).sub(max).lanewise(VectorOperators.EXP);
            FloatVector e1 = FloatVector.fromArray(s, logits, x + j + step).sub(max).lanewise(VectorOperators.EXP);
            e0.intoArray(grad, g + j);
            e1.intoArray(grad, g + j + step);
            sum0 = sum0.add(e0);
            sum1 = sum1.add(e1);
        }
        for (; j < bound; j += step) {
            FloatVector e = FloatVector.fromArray(s, logits, x + j).sub(max).lanewise(VectorOperators.EXP);
            e.intoArray(grad, g + j);
            sum0 = sum0.add(e);
        }
        if (bound < cols) {
            // One masked store per row, outside the loop; lanes past the row are neither read nor written.
            VectorMask<Float> tail = s.indexInRange(bound, cols);
            FloatVector e = FloatVector.fromArray(s, logits, x + bound, tail).sub(max).lanewise(VectorOperators.EXP);
            e.intoArray(grad, g + bound, tail);
            sum1 = sum1.add(e, tail);
        }
        // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
        // than the interpreter, so the bits would depend on compilation (see the package doc).
        FloatVector ordered2 = sum0.add(sum1);
        ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.FLOAT_FOLD_HALF));
        if (VectorWidth.FLOAT_LANES > 2) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.FLOAT_FOLD_QUARTER)); }
        if (VectorWidth.FLOAT_LANES > 4) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.FLOAT_FOLD_EIGHTH)); }
        if (VectorWidth.FLOAT_LANES > 8) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.FLOAT_FOLD_SIXTEENTH)); }
        return ordered2.lane(0);
    }

    /** grad_j *= scale over the row; the scalar tail rounds exactly as the vector lanes do. */
    private static void scaleRow(int cols, float scale, float[] grad, int g) {
        VectorSpecies<Float> s = VectorWidth.FLOAT;
        int bound = s.loopBound(cols);
        int j = 0;
        for (; j < bound; j += s.length()) {
            FloatVector.fromArray(s, grad, g + j).mul(scale).intoArray(grad, g + j);
        }
        for (; j < cols; j++) {
            grad[g + j] = grad[g + j] * scale;
        }
    }
}
