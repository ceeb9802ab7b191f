package dev.lanewise.kernels.internal.vector;

import static dev.lanewise.kernels.internal.PolynomialConstants.*;

import dev.lanewise.kernels.internal.FmaPolicy;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Row-wise softmax cross-entropy for {@link VectorLosses}, in two shapes: rows that fit one vector, and
 * wider rows. Per row: m = max, e_j = exp(x_j - m), s = sum e_j, grad_j = e_j * (1/(s*rows)) - [j == label]/rows;
 * the loss sum m - x_label + log(s) is kept in double.
 *
 * <p>The exponential is the activations' polynomial for x &lt;= 0 ({@code scalar.ActivationMath.expNonPositive},
 * the block {@code gen_vector_activations.py} writes into the softmax of {@link VectorActivations}), written out
 * in each loop body (see the package doc), not the Vector API's {@code EXP}: that runs {@link Math#exp} per lane
 * while interpreted and the JDK's SVML stubs once C2 compiles it, and the two differ in the last bit, so a
 * seeded training run gave different bits depending on when C2 compiled this class.
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
            // Lanes past the row read 0, and 0 - max may be > 0: the clamp takes it as 0, the blend below drops it.
            // e = exp(v.sub(max)), for x <= 0
            FloatVector eX = v.sub(max);
            FloatVector eLow = eX.blend(EXP_MIN, eX.compare(VectorOperators.LE, EXP_MIN));
            FloatVector eC = eLow.blend(0f, eLow.compare(VectorOperators.GT, 0f));
            FloatVector eT = eC.mul(LOG2E).add(ROUNDER);
            FloatVector eN = eT.sub(ROUNDER);
            FloatVector eR = (FmaPolicy.USE_FMA ? eN.fma(FloatVector.broadcast(s, -LN2_HI), eC) : eN.mul(-LN2_HI).add(eC));
            eR = (FmaPolicy.USE_FMA ? eN.fma(FloatVector.broadcast(s, -LN2_LO), eR) : eN.mul(-LN2_LO).add(eR));
            FloatVector eP = (FmaPolicy.USE_FMA ? eR.fma(P0, P1) : eR.mul(P0).add(P1));
            eP = (FmaPolicy.USE_FMA ? eP.fma(eR, FloatVector.broadcast(s, P2)) : eP.mul(eR).add(P2));
            eP = (FmaPolicy.USE_FMA ? eP.fma(eR, FloatVector.broadcast(s, P3)) : eP.mul(eR).add(P3));
            eP = (FmaPolicy.USE_FMA ? eP.fma(eR, FloatVector.broadcast(s, P4)) : eP.mul(eR).add(P4));
            eP = (FmaPolicy.USE_FMA ? eP.fma(eR, FloatVector.broadcast(s, P5)) : eP.mul(eR).add(P5));
            eP = (FmaPolicy.USE_FMA ? eP.fma(eR.mul(eR), eR) : eP.mul(eR.mul(eR)).add(eR));
            FloatVector eScale = eT.reinterpretAsInts().sub(NON_POSITIVE_BIAS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector e = eP.add(1f).mul(eScale).mul(TWO_TO_MINUS_64);
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
            float max = RowMax.of(cols, logits, x);
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

    /** Writes exp(x_j - max) into the grad row and returns its float sum. */
    private static float storeExpAndSum(int cols, float max, float[] logits, int x,
            float[] grad, int g) {
        VectorSpecies<Float> s = VectorWidth.FLOAT;
        int bound = s.loopBound(cols);
        // One vector per step and one accumulator: the exp's twenty-odd lane operations outlast the add's
        // latency, and each further copy of the exp block makes this method larger for C2 to compile whole
        // (binary cross-entropy, with three copies, no longer got all its vector operations intrinsified).
        FloatVector sum = FloatVector.zero(s);
        int j = 0;
        for (; j < bound; j += s.length()) {
            FloatVector d = FloatVector.fromArray(s, logits, x + j).sub(max);
            // e = exp(d), for x <= 0
            // Math.max(d, EXP_MIN) as a compare and a blend (FloatVector.max costs some five instructions for
            // Java's NaN and signed-zero rules); d = x - max is never above 0, so Math.min(d, 0f) is d.
            FloatVector eC = d.blend(EXP_MIN, d.compare(VectorOperators.LE, EXP_MIN));
            FloatVector eT = eC.mul(LOG2E).add(ROUNDER);
            FloatVector eN = eT.sub(ROUNDER);
            FloatVector eR = (FmaPolicy.USE_FMA ? eN.fma(FloatVector.broadcast(s, -LN2_HI), eC) : eN.mul(-LN2_HI).add(eC));
            eR = (FmaPolicy.USE_FMA ? eN.fma(FloatVector.broadcast(s, -LN2_LO), eR) : eN.mul(-LN2_LO).add(eR));
            FloatVector eP = (FmaPolicy.USE_FMA ? eR.fma(P0, P1) : eR.mul(P0).add(P1));
            eP = (FmaPolicy.USE_FMA ? eP.fma(eR, FloatVector.broadcast(s, P2)) : eP.mul(eR).add(P2));
            eP = (FmaPolicy.USE_FMA ? eP.fma(eR, FloatVector.broadcast(s, P3)) : eP.mul(eR).add(P3));
            eP = (FmaPolicy.USE_FMA ? eP.fma(eR, FloatVector.broadcast(s, P4)) : eP.mul(eR).add(P4));
            eP = (FmaPolicy.USE_FMA ? eP.fma(eR, FloatVector.broadcast(s, P5)) : eP.mul(eR).add(P5));
            eP = (FmaPolicy.USE_FMA ? eP.fma(eR.mul(eR), eR) : eP.mul(eR.mul(eR)).add(eR));
            FloatVector eScale = eT.reinterpretAsInts().sub(NON_POSITIVE_BIAS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector e = eP.add(1f).mul(eScale).mul(TWO_TO_MINUS_64);
            e.intoArray(grad, g + j);
            sum = sum.add(e);
        }
        if (bound < cols) {
            // One masked store per row, outside the loop; lanes past the row are neither read nor written.
            VectorMask<Float> tail = s.indexInRange(bound, cols);
            FloatVector d = FloatVector.fromArray(s, logits, x + bound, tail).sub(max);
            // e = exp(d), for x <= 0
            // Math.max(d, EXP_MIN) as a compare and a blend (FloatVector.max costs some five instructions for
            // Java's NaN and signed-zero rules); d = x - max is never above 0, so Math.min(d, 0f) is d.
            FloatVector eC = d.blend(EXP_MIN, d.compare(VectorOperators.LE, EXP_MIN));
            FloatVector eT = eC.mul(LOG2E).add(ROUNDER);
            FloatVector eN = eT.sub(ROUNDER);
            FloatVector eR = (FmaPolicy.USE_FMA ? eN.fma(FloatVector.broadcast(s, -LN2_HI), eC) : eN.mul(-LN2_HI).add(eC));
            eR = (FmaPolicy.USE_FMA ? eN.fma(FloatVector.broadcast(s, -LN2_LO), eR) : eN.mul(-LN2_LO).add(eR));
            FloatVector eP = (FmaPolicy.USE_FMA ? eR.fma(P0, P1) : eR.mul(P0).add(P1));
            eP = (FmaPolicy.USE_FMA ? eP.fma(eR, FloatVector.broadcast(s, P2)) : eP.mul(eR).add(P2));
            eP = (FmaPolicy.USE_FMA ? eP.fma(eR, FloatVector.broadcast(s, P3)) : eP.mul(eR).add(P3));
            eP = (FmaPolicy.USE_FMA ? eP.fma(eR, FloatVector.broadcast(s, P4)) : eP.mul(eR).add(P4));
            eP = (FmaPolicy.USE_FMA ? eP.fma(eR, FloatVector.broadcast(s, P5)) : eP.mul(eR).add(P5));
            eP = (FmaPolicy.USE_FMA ? eP.fma(eR.mul(eR), eR) : eP.mul(eR.mul(eR)).add(eR));
            FloatVector eScale = eT.reinterpretAsInts().sub(NON_POSITIVE_BIAS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector e = eP.add(1f).mul(eScale).mul(TWO_TO_MINUS_64);
            e.intoArray(grad, g + bound, tail);
            sum = sum.add(e, tail);
        }
        // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
        // than the interpreter, so the bits would depend on compilation (see the package doc).
        FloatVector ordered2 = sum;
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
