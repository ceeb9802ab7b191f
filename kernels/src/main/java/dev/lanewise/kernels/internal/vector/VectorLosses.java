package dev.lanewise.kernels.internal.vector;

import static dev.lanewise.kernels.internal.PolynomialConstants.*;

import dev.lanewise.kernels.internal.FmaPolicy;
import dev.lanewise.kernels.loss.LossKernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LossKernels} on the Vector API at this copy's width ({@link VectorWidth}).
 *
 * <p>Elementwise losses: one pass, two loss accumulators (an add's latency would otherwise bound the loop),
 * the gradient stored with full vectors, and a scalar tail doing the scalar reference's float operations,
 * so every gradient element is bit-identical to the reference. Binary cross-entropy, whose steps are long
 * enough to hide the add's latency, has one accumulator and finishes with one masked vector step instead
 * of a scalar tail, so that all its exponentials come from the same lane code. The lane formulas are
 * written inline in each loop, never in a helper taking vectors (see the package doc).
 *
 * <p>Exponentials and logarithms (binary cross-entropy here, softmax in {@link LossSoftmaxRows}) are the
 * activations' polynomials ({@code scalar.ActivationMath}: exp for x &lt;= 0 and log1p on [0, 1], the blocks
 * {@code gen_vector_activations.py} writes into {@link VectorActivations}), not the Vector API's {@code EXP}
 * and {@code LOG1P}: those run {@link Math#exp} per lane while interpreted and the JDK's SVML stubs once C2
 * compiles them, which differ in the last bit, so seeded training was not reproducible from run to run.
 *
 * <p>Softmax cross-entropy: a row no wider than a vector is one masked load, two lane reductions, one
 * exp and one masked store; wider rows take three passes over the row (max; exp stored into grad and
 * summed; scale in place), all in L1 for rows up to a few thousand columns.
 */
public final class VectorLosses implements LossKernels {

    @Override
    public float mse(int n, float[] pred, int predOffset, float[] target, int targetOffset, float[] grad, int gradOffset) {
        VectorSpecies<Float> s = VectorWidth.FLOAT;
        int step = s.length();
        float scale = 2f / n;
        FloatVector acc0 = FloatVector.zero(s);
        FloatVector acc1 = FloatVector.zero(s);
        int i = 0;
        for (; i <= n - 2 * step; i += 2 * step) {
            FloatVector d0 = FloatVector.fromArray(s, pred, predOffset + i).sub(FloatVector.fromArray(s, target, targetOffset + i));
            FloatVector d1 = FloatVector.fromArray(s, pred, predOffset + i + step)
                    .sub(FloatVector.fromArray(s, target, targetOffset + i + step));
            acc0 = acc0.add(d0.mul(d0));
            acc1 = acc1.add(d1.mul(d1));
            d0.mul(scale).intoArray(grad, gradOffset + i);
            d1.mul(scale).intoArray(grad, gradOffset + i + step);
        }
        for (; i <= n - step; i += step) {
            FloatVector d = FloatVector.fromArray(s, pred, predOffset + i).sub(FloatVector.fromArray(s, target, targetOffset + i));
            acc0 = acc0.add(d.mul(d));
            d.mul(scale).intoArray(grad, gradOffset + i);
        }
        // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
        // than the interpreter, so the bits would depend on compilation (see the package doc).
        FloatVector ordered1 = acc0.add(acc1);
        ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.FLOAT_FOLD_HALF));
        if (VectorWidth.FLOAT_LANES > 2) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.FLOAT_FOLD_QUARTER)); }
        if (VectorWidth.FLOAT_LANES > 4) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.FLOAT_FOLD_EIGHTH)); }
        if (VectorWidth.FLOAT_LANES > 8) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.FLOAT_FOLD_SIXTEENTH)); }
        float sum = ordered1.lane(0);
        for (; i < n; i++) {
            float d = pred[predOffset + i] - target[targetOffset + i];
            sum += d * d;
            grad[gradOffset + i] = d * scale;
        }
        return sum / n;
    }

    @Override
    public float mae(int n, float[] pred, int predOffset, float[] target, int targetOffset, float[] grad, int gradOffset) {
        VectorSpecies<Float> s = VectorWidth.FLOAT;
        int step = s.length();
        float invN = 1f / n;
        FloatVector acc0 = FloatVector.zero(s);
        FloatVector acc1 = FloatVector.zero(s);
        int i = 0;
        for (; i <= n - 2 * step; i += 2 * step) {
            FloatVector d0 = FloatVector.fromArray(s, pred, predOffset + i).sub(FloatVector.fromArray(s, target, targetOffset + i));
            FloatVector d1 = FloatVector.fromArray(s, pred, predOffset + i + step)
                    .sub(FloatVector.fromArray(s, target, targetOffset + i + step));
            acc0 = acc0.add(d0.abs());
            acc1 = acc1.add(d1.abs());
            // Math.signum per lane: +-1, and +-0 and NaN kept as they are.
            d0.blend(1f, d0.compare(VectorOperators.GT, 0f)).blend(-1f, d0.compare(VectorOperators.LT, 0f)).mul(invN)
                    .intoArray(grad, gradOffset + i);
            d1.blend(1f, d1.compare(VectorOperators.GT, 0f)).blend(-1f, d1.compare(VectorOperators.LT, 0f)).mul(invN)
                    .intoArray(grad, gradOffset + i + step);
        }
        for (; i <= n - step; i += step) {
            FloatVector d = FloatVector.fromArray(s, pred, predOffset + i).sub(FloatVector.fromArray(s, target, targetOffset + i));
            acc0 = acc0.add(d.abs());
            d.blend(1f, d.compare(VectorOperators.GT, 0f)).blend(-1f, d.compare(VectorOperators.LT, 0f)).mul(invN)
                    .intoArray(grad, gradOffset + i);
        }
        // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
        // than the interpreter, so the bits would depend on compilation (see the package doc).
        FloatVector ordered2 = acc0.add(acc1);
        ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.FLOAT_FOLD_HALF));
        if (VectorWidth.FLOAT_LANES > 2) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.FLOAT_FOLD_QUARTER)); }
        if (VectorWidth.FLOAT_LANES > 4) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.FLOAT_FOLD_EIGHTH)); }
        if (VectorWidth.FLOAT_LANES > 8) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.FLOAT_FOLD_SIXTEENTH)); }
        float sum = ordered2.lane(0);
        for (; i < n; i++) {
            float d = pred[predOffset + i] - target[targetOffset + i];
            sum += Math.abs(d);
            grad[gradOffset + i] = Math.signum(d) * invN;
        }
        return sum / n;
    }

    @Override
    public float huber(int n, float delta, float[] pred, int predOffset, float[] target, int targetOffset,
            float[] grad, int gradOffset) {
        VectorSpecies<Float> s = VectorWidth.FLOAT;
        int step = s.length();
        float invN = 1f / n;
        float halfDelta = 0.5f * delta;
        FloatVector acc0 = FloatVector.zero(s);
        FloatVector acc1 = FloatVector.zero(s);
        int i = 0;
        for (; i <= n - 2 * step; i += 2 * step) {
            FloatVector d0 = FloatVector.fromArray(s, pred, predOffset + i).sub(FloatVector.fromArray(s, target, targetOffset + i));
            FloatVector d1 = FloatVector.fromArray(s, pred, predOffset + i + step)
                    .sub(FloatVector.fromArray(s, target, targetOffset + i + step));
            // Per lane: a < delta ? d * d / 2 : delta * (a - delta / 2); NaN fails a < delta, and the linear
            // branch is NaN too. The gradient clamps d to [-delta, delta], NaN kept.
            FloatVector a0 = d0.abs();
            FloatVector a1 = d1.abs();
            acc0 = acc0.add(a0.sub(halfDelta).mul(delta).blend(d0.mul(0.5f).mul(d0), a0.compare(VectorOperators.LT, delta)));
            acc1 = acc1.add(a1.sub(halfDelta).mul(delta).blend(d1.mul(0.5f).mul(d1), a1.compare(VectorOperators.LT, delta)));
            d0.blend(delta, d0.compare(VectorOperators.GT, delta)).blend(-delta, d0.compare(VectorOperators.LT, -delta))
                    .mul(invN).intoArray(grad, gradOffset + i);
            d1.blend(delta, d1.compare(VectorOperators.GT, delta)).blend(-delta, d1.compare(VectorOperators.LT, -delta))
                    .mul(invN).intoArray(grad, gradOffset + i + step);
        }
        for (; i <= n - step; i += step) {
            FloatVector d = FloatVector.fromArray(s, pred, predOffset + i).sub(FloatVector.fromArray(s, target, targetOffset + i));
            FloatVector a = d.abs();
            acc0 = acc0.add(a.sub(halfDelta).mul(delta).blend(d.mul(0.5f).mul(d), a.compare(VectorOperators.LT, delta)));
            d.blend(delta, d.compare(VectorOperators.GT, delta)).blend(-delta, d.compare(VectorOperators.LT, -delta))
                    .mul(invN).intoArray(grad, gradOffset + i);
        }
        // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
        // than the interpreter, so the bits would depend on compilation (see the package doc).
        FloatVector ordered3 = acc0.add(acc1);
        ordered3 = ordered3.add(ordered3.rearrange(VectorWidth.FLOAT_FOLD_HALF));
        if (VectorWidth.FLOAT_LANES > 2) { ordered3 = ordered3.add(ordered3.rearrange(VectorWidth.FLOAT_FOLD_QUARTER)); }
        if (VectorWidth.FLOAT_LANES > 4) { ordered3 = ordered3.add(ordered3.rearrange(VectorWidth.FLOAT_FOLD_EIGHTH)); }
        if (VectorWidth.FLOAT_LANES > 8) { ordered3 = ordered3.add(ordered3.rearrange(VectorWidth.FLOAT_FOLD_SIXTEENTH)); }
        float sum = ordered3.lane(0);
        for (; i < n; i++) {
            float d = pred[predOffset + i] - target[targetOffset + i];
            float a = Math.abs(d);
            sum += a < delta ? 0.5f * d * d : delta * (a - halfDelta);
            float clamped = d > delta ? delta : (d < -delta ? -delta : d);
            grad[gradOffset + i] = clamped * invN;
        }
        return sum / n;
    }

    @Override
    public float bceWithLogits(int n, float[] logits, int logitsOffset, float[] targets, int targetsOffset,
            float[] grad, int gradOffset) {
        VectorSpecies<Float> s = VectorWidth.FLOAT;
        float invN = 1f / n;
        FloatVector one = FloatVector.broadcast(s, 1f);
        FloatVector acc = FloatVector.zero(s);
        int i = 0;
        // Per lane, with e = exp(-|z|): the term max(z, 0) - z*y + log1p(e), and the gradient
        // (sigmoid(z) - y) / n with sigmoid(z) = (z < 0 ? e : 1) / (1 + e) (NaN lanes are NaN either way).
        // One vector per step and one accumulator, unlike the losses above: a step's forty-odd lane operations
        // (two divisions) outlast the add's latency, and with the exp and log1p blocks written out a third time
        // (for a second vector per step) the method grew too large for C2, which then left some vector
        // operations boxed (measured at 128 bits: about 6 KB allocated per call of 1,003 elements).
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector z = FloatVector.fromArray(s, logits, logitsOffset + i);
            FloatVector y = FloatVector.fromArray(s, targets, targetsOffset + i);
            // e = exp(-|z|), for x <= 0. -|z| by setting the sign bit; it is at most 0, so Math.min(c, 0f) is c;
            // Math.max as a compare and a blend (see the package doc).
            FloatVector eX = z.reinterpretAsInts().or(0x80000000).reinterpretAsFloats();
            FloatVector eC = eX.blend(EXP_MIN, eX.compare(VectorOperators.LE, EXP_MIN));
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
            // log1p = log1p(e), for t in [0, 1]
            FloatVector log1pS = e.div(e.add(2f));
            FloatVector log1pW = log1pS.mul(log1pS);
            FloatVector log1pP = (FmaPolicy.USE_FMA ? log1pW.fma(L13, L11) : log1pW.mul(L13).add(L11));
            log1pP = (FmaPolicy.USE_FMA ? log1pP.fma(log1pW, FloatVector.broadcast(s, L9)) : log1pP.mul(log1pW).add(L9));
            log1pP = (FmaPolicy.USE_FMA ? log1pP.fma(log1pW, FloatVector.broadcast(s, L7)) : log1pP.mul(log1pW).add(L7));
            log1pP = (FmaPolicy.USE_FMA ? log1pP.fma(log1pW, FloatVector.broadcast(s, L5)) : log1pP.mul(log1pW).add(L5));
            log1pP = (FmaPolicy.USE_FMA ? log1pP.fma(log1pW, FloatVector.broadcast(s, L3)) : log1pP.mul(log1pW).add(L3));
            FloatVector log1p = (FmaPolicy.USE_FMA ? (log1pS.mul(log1pW)).fma(log1pP, log1pS) : (log1pS.mul(log1pW)).mul(log1pP).add(log1pS)).mul(2f);
            acc = acc.add(z.blend(0f, z.compare(VectorOperators.LE, 0f)).sub(z.mul(y)).add(log1p));
            one.blend(e, z.compare(VectorOperators.LT, 0f)).div(e.add(1f)).sub(y).mul(invN).intoArray(grad, gradOffset + i);
        }
        if (i < n) {
            // The last step is masked: loads past n read zeros, and those lanes are kept out of the sum.
            VectorMask<Float> m = s.indexInRange(i, n);
            FloatVector z = FloatVector.fromArray(s, logits, logitsOffset + i, m);
            FloatVector y = FloatVector.fromArray(s, targets, targetsOffset + i, m);
            // e = exp(-|z|), for x <= 0. -|z| by setting the sign bit; it is at most 0, so Math.min(c, 0f) is c;
            // Math.max as a compare and a blend (see the package doc).
            FloatVector eX = z.reinterpretAsInts().or(0x80000000).reinterpretAsFloats();
            FloatVector eC = eX.blend(EXP_MIN, eX.compare(VectorOperators.LE, EXP_MIN));
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
            // log1p = log1p(e), for t in [0, 1]
            FloatVector log1pS = e.div(e.add(2f));
            FloatVector log1pW = log1pS.mul(log1pS);
            FloatVector log1pP = (FmaPolicy.USE_FMA ? log1pW.fma(L13, L11) : log1pW.mul(L13).add(L11));
            log1pP = (FmaPolicy.USE_FMA ? log1pP.fma(log1pW, FloatVector.broadcast(s, L9)) : log1pP.mul(log1pW).add(L9));
            log1pP = (FmaPolicy.USE_FMA ? log1pP.fma(log1pW, FloatVector.broadcast(s, L7)) : log1pP.mul(log1pW).add(L7));
            log1pP = (FmaPolicy.USE_FMA ? log1pP.fma(log1pW, FloatVector.broadcast(s, L5)) : log1pP.mul(log1pW).add(L5));
            log1pP = (FmaPolicy.USE_FMA ? log1pP.fma(log1pW, FloatVector.broadcast(s, L3)) : log1pP.mul(log1pW).add(L3));
            FloatVector log1p = (FmaPolicy.USE_FMA ? (log1pS.mul(log1pW)).fma(log1pP, log1pS) : (log1pS.mul(log1pW)).mul(log1pP).add(log1pS)).mul(2f);
            acc = acc.add(z.blend(0f, z.compare(VectorOperators.LE, 0f)).sub(z.mul(y)).add(log1p), m);
            one.blend(e, z.compare(VectorOperators.LT, 0f)).div(e.add(1f)).sub(y).mul(invN).intoArray(grad, gradOffset + i, m);
        }
        // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
        // than the interpreter, so the bits would depend on compilation (see the package doc).
        FloatVector ordered4 = acc;
        ordered4 = ordered4.add(ordered4.rearrange(VectorWidth.FLOAT_FOLD_HALF));
        if (VectorWidth.FLOAT_LANES > 2) { ordered4 = ordered4.add(ordered4.rearrange(VectorWidth.FLOAT_FOLD_QUARTER)); }
        if (VectorWidth.FLOAT_LANES > 4) { ordered4 = ordered4.add(ordered4.rearrange(VectorWidth.FLOAT_FOLD_EIGHTH)); }
        if (VectorWidth.FLOAT_LANES > 8) { ordered4 = ordered4.add(ordered4.rearrange(VectorWidth.FLOAT_FOLD_SIXTEENTH)); }
        return ordered4.lane(0) / n;
    }

    @Override
    public float hinge(int n, float[] pred, int predOffset, float[] targets, int targetsOffset, float[] grad, int gradOffset) {
        VectorSpecies<Float> s = VectorWidth.FLOAT;
        int step = s.length();
        float invN = 1f / n;
        FloatVector one = FloatVector.broadcast(s, 1f);
        FloatVector zero = FloatVector.zero(s);
        FloatVector acc0 = FloatVector.zero(s);
        FloatVector acc1 = FloatVector.zero(s);
        int i = 0;
        // The gradient per lane: -t/n where the margin is positive, 0 where it is not, NaN where it is NaN.
        for (; i <= n - 2 * step; i += 2 * step) {
            FloatVector t0 = FloatVector.fromArray(s, targets, targetsOffset + i);
            FloatVector t1 = FloatVector.fromArray(s, targets, targetsOffset + i + step);
            FloatVector m0 = one.sub(t0.mul(FloatVector.fromArray(s, pred, predOffset + i)));
            FloatVector m1 = one.sub(t1.mul(FloatVector.fromArray(s, pred, predOffset + i + step)));
            acc0 = acc0.add(m0.blend(0f, m0.compare(VectorOperators.LE, 0f)));
            acc1 = acc1.add(m1.blend(0f, m1.compare(VectorOperators.LE, 0f)));
            zero.blend(t0.neg().mul(invN), m0.compare(VectorOperators.GT, 0f)).blend(m0, m0.test(VectorOperators.IS_NAN))
                    .intoArray(grad, gradOffset + i);
            zero.blend(t1.neg().mul(invN), m1.compare(VectorOperators.GT, 0f)).blend(m1, m1.test(VectorOperators.IS_NAN))
                    .intoArray(grad, gradOffset + i + step);
        }
        for (; i <= n - step; i += step) {
            FloatVector t = FloatVector.fromArray(s, targets, targetsOffset + i);
            FloatVector m = one.sub(t.mul(FloatVector.fromArray(s, pred, predOffset + i)));
            acc0 = acc0.add(m.blend(0f, m.compare(VectorOperators.LE, 0f)));
            zero.blend(t.neg().mul(invN), m.compare(VectorOperators.GT, 0f)).blend(m, m.test(VectorOperators.IS_NAN))
                    .intoArray(grad, gradOffset + i);
        }
        // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
        // than the interpreter, so the bits would depend on compilation (see the package doc).
        FloatVector ordered5 = acc0.add(acc1);
        ordered5 = ordered5.add(ordered5.rearrange(VectorWidth.FLOAT_FOLD_HALF));
        if (VectorWidth.FLOAT_LANES > 2) { ordered5 = ordered5.add(ordered5.rearrange(VectorWidth.FLOAT_FOLD_QUARTER)); }
        if (VectorWidth.FLOAT_LANES > 4) { ordered5 = ordered5.add(ordered5.rearrange(VectorWidth.FLOAT_FOLD_EIGHTH)); }
        if (VectorWidth.FLOAT_LANES > 8) { ordered5 = ordered5.add(ordered5.rearrange(VectorWidth.FLOAT_FOLD_SIXTEENTH)); }
        float sum = ordered5.lane(0);
        for (; i < n; i++) {
            float t = targets[targetsOffset + i];
            float margin = 1f - t * pred[predOffset + i];
            sum += Math.max(margin, 0f);
            float g = margin > 0f ? -t * invN : 0f;
            grad[gradOffset + i] = Float.isNaN(margin) ? margin : g;
        }
        return sum / n;
    }

    @Override
    public float softmaxCrossEntropy(int rows, int cols, float[] logits, int logitsOffset, int ldLogits,
            int[] labels, int labelsOffset, float[] grad, int gradOffset, int ldGrad) {
        VectorSpecies<Float> s = VectorWidth.FLOAT;
        return cols <= s.length()
                ? LossSoftmaxRows.narrow(rows, cols, logits, logitsOffset, ldLogits, labels, labelsOffset, grad, gradOffset, ldGrad)
                : LossSoftmaxRows.wide(rows, cols, logits, logitsOffset, ldLogits, labels, labelsOffset, grad, gradOffset, ldGrad);
    }
}
