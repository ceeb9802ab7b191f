package dev.lanewise.kernels.internal.vector;

import dev.lanewise.kernels.activation.ActivationKernels;
import dev.lanewise.kernels.internal.FmaPolicy;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ActivationKernels} on the Vector API at this copy's width ({@link VectorWidth}).
 *
 * <p>Every elementwise kernel is the same loop: whole vectors up to {@code loopBound(n)}, then one
 * masked vector for the tail (the transcendentals exist only as lane code here, and a masked tail costs
 * about what a scalar one would). Each lane evaluates exactly the scalar reference's formula through
 * {@link LaneMath}, so results are bit-identical to it. The loops are written out one per kernel rather than
 * sharing a loop that takes a lambda: a shared call site would see many lambdas and C2 would stop inlining.
 */
public final class VectorActivations implements ActivationKernels {
    private static final VectorSpecies<Float> SPECIES = VectorWidth.FLOAT;
    private static final float INV_SQRT2 = 0.70710678118654752f;
    private static final float INV_SQRT_2PI = 0.39894228040143268f;
    private static final float GELU_K1 = 1.5957691216057308f;
    private static final float GELU_K3 = 0.07135481627159337f;
    private static final float GELU_DK3 = 0.21406444881478012f;
    private static final float TANH_CLAMP = 10f;
    private static final float GELU_TANH_CLAMP = 20f;
    private static final float GELU_PDF_CLAMP = 16f;
    private static final float SILU_CLAMP = 128f;
    private static final float SOFTPLUS_THRESHOLD = 20f;

    // ---- lane formulas, each the scalar reference's expression ----

    private static FloatVector leakyRelu(FloatVector v, float negativeSlope) {
        return v.mul(negativeSlope).blend(v, v.compare(VectorOperators.GT, 0f));
    }

    private static FloatVector leakyReluBackward(FloatVector g, FloatVector v, float negativeSlope) {
        // NaN lanes are neither > 0 nor <= 0 and keep v (NaN) as their slope.
        FloatVector slope = v.blend(negativeSlope, v.compare(VectorOperators.LE, 0f))
                .blend(1f, v.compare(VectorOperators.GT, 0f));
        return g.mul(slope);
    }

    private static FloatVector elu(FloatVector v, float alpha) {
        return LaneMath.expm1(v).mul(alpha).blend(v, v.compare(VectorOperators.GT, 0f));
    }

    private static FloatVector eluBackward(FloatVector g, FloatVector v, float alpha) {
        FloatVector slope = LaneMath.expNonPositive(v).mul(alpha).blend(1f, v.compare(VectorOperators.GT, 0f));
        return g.mul(slope);
    }

    private static FloatVector sigmoid(FloatVector x) {
        FloatVector e = LaneMath.expNonPositive(x.abs().neg());
        FloatVector one = FloatVector.broadcast(x.species(), 1f);
        return e.blend(one, x.compare(VectorOperators.GE, 0f)).div(e.add(1f));
    }

    private static FloatVector sigmoidComplement(FloatVector x) {
        FloatVector e = LaneMath.expNonPositive(x.abs().neg());
        FloatVector one = FloatVector.broadcast(x.species(), 1f);
        return one.blend(e, x.compare(VectorOperators.GE, 0f)).div(e.add(1f));
    }

    private static FloatVector sigmoidBackward(FloatVector g, FloatVector y) {
        return g.mul(y.mul(FloatVector.broadcast(y.species(), 1f).sub(y)));
    }

    private static FloatVector tanh(FloatVector v) {
        FloatVector m = LaneMath.expm1(v.abs().min(TANH_CLAMP).mul(2f));
        return LaneMath.copySign(m.div(m.add(2f)), v);
    }

    private static FloatVector tanhBackward(FloatVector g, FloatVector y) {
        FloatVector one = FloatVector.broadcast(y.species(), 1f);
        return g.mul(one.sub(y).mul(one.add(y)));
    }

    private static FloatVector gelu(FloatVector v) {
        return v.mul(0.5f).mul(LaneMath.erf(v.mul(INV_SQRT2)).add(1f));
    }

    private static FloatVector geluBackward(FloatVector g, FloatVector v) {
        FloatVector cdf = LaneMath.erf(v.mul(INV_SQRT2)).add(1f).mul(0.5f);
        FloatVector c = v.max(-GELU_PDF_CLAMP).min(GELU_PDF_CLAMP);
        FloatVector pdf = LaneMath.expNonPositive(c.mul(c).mul(-0.5f)).mul(INV_SQRT_2PI);
        return g.mul((FmaPolicy.USE_FMA ? (c).fma(pdf, cdf) : (c).mul(pdf).add(cdf)));
    }

    private static FloatVector geluTanhArgument(FloatVector c) {
        VectorSpecies<Float> s = c.species();
        return c.mul((FmaPolicy.USE_FMA ? (FloatVector.broadcast(s, GELU_K3)).fma(c.mul(c), FloatVector.broadcast(s, GELU_K1)) : (FloatVector.broadcast(s, GELU_K3)).mul(c.mul(c)).add(FloatVector.broadcast(s, GELU_K1))));
    }

    private static FloatVector geluTanh(FloatVector v) {
        FloatVector c = v.max(-GELU_TANH_CLAMP).min(GELU_TANH_CLAMP);
        return v.mul(sigmoid(geluTanhArgument(c)));
    }

    private static FloatVector geluTanhBackward(FloatVector g, FloatVector v) {
        VectorSpecies<Float> s = v.species();
        FloatVector c = v.max(-GELU_TANH_CLAMP).min(GELU_TANH_CLAMP);
        FloatVector k = geluTanhArgument(c);
        FloatVector sig = sigmoid(k);
        FloatVector slope = (FmaPolicy.USE_FMA ? (FloatVector.broadcast(s, GELU_DK3)).fma(c.mul(c), FloatVector.broadcast(s, GELU_K1)) : (FloatVector.broadcast(s, GELU_DK3)).mul(c.mul(c)).add(FloatVector.broadcast(s, GELU_K1)));
        FloatVector d = (FmaPolicy.USE_FMA ? (c.mul(slope)).fma(sig.mul(sigmoidComplement(k)), sig) : (c.mul(slope)).mul(sig.mul(sigmoidComplement(k))).add(sig));
        return g.mul(d);
    }

    private static FloatVector silu(FloatVector v) {
        return v.mul(sigmoid(v));
    }

    private static FloatVector siluBackward(FloatVector g, FloatVector v) {
        FloatVector c = v.max(-SILU_CLAMP).min(SILU_CLAMP);
        FloatVector d = sigmoid(v).mul((FmaPolicy.USE_FMA ? (c).fma(sigmoidComplement(v), FloatVector.broadcast(v.species(), 1f)) : (c).mul(sigmoidComplement(v)).add(FloatVector.broadcast(v.species(), 1f))));
        return g.mul(d);
    }

    private static FloatVector softplus(FloatVector v) {
        FloatVector smooth = v.max(0f).add(LaneMath.log1p(LaneMath.expNonPositive(v.abs().neg())));
        return smooth.blend(v, v.compare(VectorOperators.GT, SOFTPLUS_THRESHOLD));
    }

    private static FloatVector softplusBackward(FloatVector g, FloatVector v) {
        return g.mul(sigmoid(v));
    }

    // ---- elementwise loops ----

    @Override
    public void identity(int n, float[] x, int xOffset, float[] out, int outOffset) {
        // A copy is a copy: arraycopy is as fast as any vector loop and handles the overlap of in-place calls.
        System.arraycopy(x, xOffset, out, outOffset, n);
    }

    @Override
    public void identityBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn,
            int giOffset) {
        System.arraycopy(gradOut, gOffset, gradIn, giOffset, n);
    }

    @Override
    public void relu(int n, float[] x, int xOffset, float[] out, int outOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector.fromArray(s, x, xOffset + i).max(0f).intoArray(out, outOffset + i);
        }
        if (i < n) {
            VectorMask<Float> m = s.indexInRange(i, n);
            FloatVector.fromArray(s, x, xOffset + i, m).max(0f).intoArray(out, outOffset + i, m);
        }
    }

    @Override
    public void reluBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn,
            int giOffset) {
        leakyReluBackward(n, 0f, gradOut, gOffset, saved, sOffset, gradIn, giOffset);
    }

    @Override
    public void leakyRelu(int n, float negativeSlope, float[] x, int xOffset, float[] out, int outOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            leakyRelu(FloatVector.fromArray(s, x, xOffset + i), negativeSlope).intoArray(out, outOffset + i);
        }
        if (i < n) {
            VectorMask<Float> m = s.indexInRange(i, n);
            leakyRelu(FloatVector.fromArray(s, x, xOffset + i, m), negativeSlope).intoArray(out, outOffset + i, m);
        }
    }

    @Override
    public void leakyReluBackward(int n, float negativeSlope, float[] gradOut, int gOffset, float[] saved, int sOffset,
            float[] gradIn, int giOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            leakyReluBackward(FloatVector.fromArray(s, gradOut, gOffset + i), FloatVector.fromArray(s, saved, sOffset + i),
                    negativeSlope).intoArray(gradIn, giOffset + i);
        }
        if (i < n) {
            VectorMask<Float> m = s.indexInRange(i, n);
            leakyReluBackward(FloatVector.fromArray(s, gradOut, gOffset + i, m),
                    FloatVector.fromArray(s, saved, sOffset + i, m), negativeSlope).intoArray(gradIn, giOffset + i, m);
        }
    }

    @Override
    public void elu(int n, float alpha, float[] x, int xOffset, float[] out, int outOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            elu(FloatVector.fromArray(s, x, xOffset + i), alpha).intoArray(out, outOffset + i);
        }
        if (i < n) {
            VectorMask<Float> m = s.indexInRange(i, n);
            elu(FloatVector.fromArray(s, x, xOffset + i, m), alpha).intoArray(out, outOffset + i, m);
        }
    }

    @Override
    public void eluBackward(int n, float alpha, float[] gradOut, int gOffset, float[] saved, int sOffset,
            float[] gradIn, int giOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            eluBackward(FloatVector.fromArray(s, gradOut, gOffset + i), FloatVector.fromArray(s, saved, sOffset + i),
                    alpha).intoArray(gradIn, giOffset + i);
        }
        if (i < n) {
            VectorMask<Float> m = s.indexInRange(i, n);
            eluBackward(FloatVector.fromArray(s, gradOut, gOffset + i, m),
                    FloatVector.fromArray(s, saved, sOffset + i, m), alpha).intoArray(gradIn, giOffset + i, m);
        }
    }

    @Override
    public void sigmoid(int n, float[] x, int xOffset, float[] out, int outOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            sigmoid(FloatVector.fromArray(s, x, xOffset + i)).intoArray(out, outOffset + i);
        }
        if (i < n) {
            VectorMask<Float> m = s.indexInRange(i, n);
            sigmoid(FloatVector.fromArray(s, x, xOffset + i, m)).intoArray(out, outOffset + i, m);
        }
    }

    @Override
    public void sigmoidBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn, int giOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            sigmoidBackward(FloatVector.fromArray(s, gradOut, gOffset + i), FloatVector.fromArray(s, saved, sOffset + i))
                    .intoArray(gradIn, giOffset + i);
        }
        if (i < n) {
            VectorMask<Float> m = s.indexInRange(i, n);
            sigmoidBackward(FloatVector.fromArray(s, gradOut, gOffset + i, m), FloatVector.fromArray(s, saved, sOffset + i, m))
                    .intoArray(gradIn, giOffset + i, m);
        }
    }

    @Override
    public void tanh(int n, float[] x, int xOffset, float[] out, int outOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            tanh(FloatVector.fromArray(s, x, xOffset + i)).intoArray(out, outOffset + i);
        }
        if (i < n) {
            VectorMask<Float> m = s.indexInRange(i, n);
            tanh(FloatVector.fromArray(s, x, xOffset + i, m)).intoArray(out, outOffset + i, m);
        }
    }

    @Override
    public void tanhBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn, int giOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            tanhBackward(FloatVector.fromArray(s, gradOut, gOffset + i), FloatVector.fromArray(s, saved, sOffset + i))
                    .intoArray(gradIn, giOffset + i);
        }
        if (i < n) {
            VectorMask<Float> m = s.indexInRange(i, n);
            tanhBackward(FloatVector.fromArray(s, gradOut, gOffset + i, m), FloatVector.fromArray(s, saved, sOffset + i, m))
                    .intoArray(gradIn, giOffset + i, m);
        }
    }

    @Override
    public void gelu(int n, float[] x, int xOffset, float[] out, int outOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            gelu(FloatVector.fromArray(s, x, xOffset + i)).intoArray(out, outOffset + i);
        }
        if (i < n) {
            VectorMask<Float> m = s.indexInRange(i, n);
            gelu(FloatVector.fromArray(s, x, xOffset + i, m)).intoArray(out, outOffset + i, m);
        }
    }

    @Override
    public void geluBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn, int giOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            geluBackward(FloatVector.fromArray(s, gradOut, gOffset + i), FloatVector.fromArray(s, saved, sOffset + i))
                    .intoArray(gradIn, giOffset + i);
        }
        if (i < n) {
            VectorMask<Float> m = s.indexInRange(i, n);
            geluBackward(FloatVector.fromArray(s, gradOut, gOffset + i, m), FloatVector.fromArray(s, saved, sOffset + i, m))
                    .intoArray(gradIn, giOffset + i, m);
        }
    }

    @Override
    public void geluTanh(int n, float[] x, int xOffset, float[] out, int outOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            geluTanh(FloatVector.fromArray(s, x, xOffset + i)).intoArray(out, outOffset + i);
        }
        if (i < n) {
            VectorMask<Float> m = s.indexInRange(i, n);
            geluTanh(FloatVector.fromArray(s, x, xOffset + i, m)).intoArray(out, outOffset + i, m);
        }
    }

    @Override
    public void geluTanhBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn, int giOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            geluTanhBackward(FloatVector.fromArray(s, gradOut, gOffset + i), FloatVector.fromArray(s, saved, sOffset + i))
                    .intoArray(gradIn, giOffset + i);
        }
        if (i < n) {
            VectorMask<Float> m = s.indexInRange(i, n);
            geluTanhBackward(FloatVector.fromArray(s, gradOut, gOffset + i, m), FloatVector.fromArray(s, saved, sOffset + i, m))
                    .intoArray(gradIn, giOffset + i, m);
        }
    }

    @Override
    public void silu(int n, float[] x, int xOffset, float[] out, int outOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            silu(FloatVector.fromArray(s, x, xOffset + i)).intoArray(out, outOffset + i);
        }
        if (i < n) {
            VectorMask<Float> m = s.indexInRange(i, n);
            silu(FloatVector.fromArray(s, x, xOffset + i, m)).intoArray(out, outOffset + i, m);
        }
    }

    @Override
    public void siluBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn, int giOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            siluBackward(FloatVector.fromArray(s, gradOut, gOffset + i), FloatVector.fromArray(s, saved, sOffset + i))
                    .intoArray(gradIn, giOffset + i);
        }
        if (i < n) {
            VectorMask<Float> m = s.indexInRange(i, n);
            siluBackward(FloatVector.fromArray(s, gradOut, gOffset + i, m), FloatVector.fromArray(s, saved, sOffset + i, m))
                    .intoArray(gradIn, giOffset + i, m);
        }
    }

    @Override
    public void softplus(int n, float[] x, int xOffset, float[] out, int outOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            softplus(FloatVector.fromArray(s, x, xOffset + i)).intoArray(out, outOffset + i);
        }
        if (i < n) {
            VectorMask<Float> m = s.indexInRange(i, n);
            softplus(FloatVector.fromArray(s, x, xOffset + i, m)).intoArray(out, outOffset + i, m);
        }
    }

    @Override
    public void softplusBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn, int giOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            softplusBackward(FloatVector.fromArray(s, gradOut, gOffset + i), FloatVector.fromArray(s, saved, sOffset + i))
                    .intoArray(gradIn, giOffset + i);
        }
        if (i < n) {
            VectorMask<Float> m = s.indexInRange(i, n);
            softplusBackward(FloatVector.fromArray(s, gradOut, gOffset + i, m), FloatVector.fromArray(s, saved, sOffset + i, m))
                    .intoArray(gradIn, giOffset + i, m);
        }
    }

    // ---- row-wise softmax ----

    @Override
    public void softmax(int rows, int cols, int ld, float[] x, int xOffset, float[] out, int outOffset) {
        VectorSpecies<Float> s = SPECIES;
        for (int r = 0; r < rows; r++) {
            int xi = xOffset + r * ld;
            int oi = outOffset + r * ld;
            FloatVector max = FloatVector.broadcast(s, rowMax(cols, x, xi));
            int i = 0;
            for (int bound = s.loopBound(cols); i < bound; i += s.length()) {
                LaneMath.expNonPositive(FloatVector.fromArray(s, x, xi + i).sub(max)).intoArray(out, oi + i);
            }
            if (i < cols) {
                VectorMask<Float> m = s.indexInRange(i, cols);
                LaneMath.expNonPositive(FloatVector.fromArray(s, x, xi + i, m).sub(max)).intoArray(out, oi + i, m);
            }
            FloatVector total = FloatVector.broadcast(s, (float) sum(cols, out, oi));
            i = 0;
            for (int bound = s.loopBound(cols); i < bound; i += s.length()) {
                FloatVector.fromArray(s, out, oi + i).div(total).intoArray(out, oi + i);
            }
            if (i < cols) {
                VectorMask<Float> m = s.indexInRange(i, cols);
                FloatVector.fromArray(s, out, oi + i, m).div(total).intoArray(out, oi + i, m);
            }
        }
    }

    @Override
    public void logSoftmax(int rows, int cols, int ld, float[] x, int xOffset, float[] out, int outOffset) {
        VectorSpecies<Float> s = SPECIES;
        VectorSpecies<Double> d = s.withLanes(double.class);
        for (int r = 0; r < rows; r++) {
            int xi = xOffset + r * ld;
            int oi = outOffset + r * ld;
            FloatVector max = FloatVector.broadcast(s, rowMax(cols, x, xi));
            DoubleVector acc0 = DoubleVector.zero(d);
            DoubleVector acc1 = DoubleVector.zero(d);
            int i = 0;
            for (int bound = s.loopBound(cols); i < bound; i += s.length()) {
                FloatVector e = LaneMath.expNonPositive(FloatVector.fromArray(s, x, xi + i).sub(max));
                acc0 = acc0.add(e.convertShape(VectorOperators.F2D, d, 0));
                acc1 = acc1.add(e.convertShape(VectorOperators.F2D, d, 1));
            }
            if (i < cols) {
                VectorMask<Float> m = s.indexInRange(i, cols);
                // Lanes past the row read 0 and give e^-max; zero them before they reach the sum.
                FloatVector tail = LaneMath.expNonPositive(FloatVector.fromArray(s, x, xi + i, m).sub(max));
                FloatVector e = FloatVector.zero(s).blend(tail, m);
                acc0 = acc0.add(e.convertShape(VectorOperators.F2D, d, 0));
                acc1 = acc1.add(e.convertShape(VectorOperators.F2D, d, 1));
            }
            FloatVector logSum = FloatVector.broadcast(s, (float) Math.log(acc0.add(acc1).reduceLanes(VectorOperators.ADD)));
            i = 0;
            for (int bound = s.loopBound(cols); i < bound; i += s.length()) {
                FloatVector.fromArray(s, x, xi + i).sub(max).sub(logSum).intoArray(out, oi + i);
            }
            if (i < cols) {
                VectorMask<Float> m = s.indexInRange(i, cols);
                FloatVector.fromArray(s, x, xi + i, m).sub(max).sub(logSum).intoArray(out, oi + i, m);
            }
        }
    }

    @Override
    public void softmaxBackward(int rows, int cols, int ld, float[] gradOut, int gOffset, float[] y, int yOffset,
            float[] gradIn, int giOffset) {
        VectorSpecies<Float> s = SPECIES;
        VectorSpecies<Double> d = s.withLanes(double.class);
        for (int r = 0; r < rows; r++) {
            int gi = gOffset + r * ld;
            int yi = yOffset + r * ld;
            int oi = giOffset + r * ld;
            // Float products are exact in double, so fused or not, each step rounds only the sum.
            DoubleVector acc0 = DoubleVector.zero(d);
            DoubleVector acc1 = DoubleVector.zero(d);
            int i = 0;
            for (int bound = s.loopBound(cols); i < bound; i += s.length()) {
                FloatVector g = FloatVector.fromArray(s, gradOut, gi + i);
                FloatVector yv = FloatVector.fromArray(s, y, yi + i);
                acc0 = (FmaPolicy.USE_FMA ? (toDouble(g, d, 0)).fma(toDouble(yv, d, 0), acc0) : (toDouble(g, d, 0)).mul(toDouble(yv, d, 0)).add(acc0));
                acc1 = (FmaPolicy.USE_FMA ? (toDouble(g, d, 1)).fma(toDouble(yv, d, 1), acc1) : (toDouble(g, d, 1)).mul(toDouble(yv, d, 1)).add(acc1));
            }
            if (i < cols) {
                VectorMask<Float> m = s.indexInRange(i, cols);
                FloatVector g = FloatVector.fromArray(s, gradOut, gi + i, m);
                FloatVector yv = FloatVector.fromArray(s, y, yi + i, m);
                acc0 = (FmaPolicy.USE_FMA ? (toDouble(g, d, 0)).fma(toDouble(yv, d, 0), acc0) : (toDouble(g, d, 0)).mul(toDouble(yv, d, 0)).add(acc0));
                acc1 = (FmaPolicy.USE_FMA ? (toDouble(g, d, 1)).fma(toDouble(yv, d, 1), acc1) : (toDouble(g, d, 1)).mul(toDouble(yv, d, 1)).add(acc1));
            }
            FloatVector dot = FloatVector.broadcast(s, (float) acc0.add(acc1).reduceLanes(VectorOperators.ADD));
            i = 0;
            for (int bound = s.loopBound(cols); i < bound; i += s.length()) {
                FloatVector yv = FloatVector.fromArray(s, y, yi + i);
                yv.mul(FloatVector.fromArray(s, gradOut, gi + i).sub(dot)).intoArray(gradIn, oi + i);
            }
            if (i < cols) {
                VectorMask<Float> m = s.indexInRange(i, cols);
                FloatVector yv = FloatVector.fromArray(s, y, yi + i, m);
                yv.mul(FloatVector.fromArray(s, gradOut, gi + i, m).sub(dot)).intoArray(gradIn, oi + i, m);
            }
        }
    }

    @Override
    public void logSoftmaxBackward(int rows, int cols, int ld, float[] gradOut, int gOffset, float[] y, int yOffset,
            float[] gradIn, int giOffset) {
        VectorSpecies<Float> s = SPECIES;
        for (int r = 0; r < rows; r++) {
            int gi = gOffset + r * ld;
            int yi = yOffset + r * ld;
            int oi = giOffset + r * ld;
            FloatVector total = FloatVector.broadcast(s, (float) sum(cols, gradOut, gi));
            int i = 0;
            for (int bound = s.loopBound(cols); i < bound; i += s.length()) {
                FloatVector e = LaneMath.exp(FloatVector.fromArray(s, y, yi + i));
                (FmaPolicy.USE_FMA ? (e.neg()).fma(total, FloatVector.fromArray(s, gradOut, gi + i)) : (e.neg()).mul(total).add(FloatVector.fromArray(s, gradOut, gi + i))).intoArray(gradIn, oi + i);
            }
            if (i < cols) {
                VectorMask<Float> m = s.indexInRange(i, cols);
                FloatVector e = LaneMath.exp(FloatVector.fromArray(s, y, yi + i, m));
                (FmaPolicy.USE_FMA ? (e.neg()).fma(total, FloatVector.fromArray(s, gradOut, gi + i, m)) : (e.neg()).mul(total).add(FloatVector.fromArray(s, gradOut, gi + i, m))).intoArray(gradIn, oi + i, m);
            }
        }
    }

    private static DoubleVector toDouble(FloatVector v, VectorSpecies<Double> d, int part) {
        return (DoubleVector) v.convertShape(VectorOperators.F2D, d, part);
    }

    /** The row maximum; max is exact and order-free (NaN wins, +0 above -0), so it equals the scalar one. */
    private float rowMax(int cols, float[] x, int offset) {
        VectorSpecies<Float> s = SPECIES;
        FloatVector acc = FloatVector.broadcast(s, Float.NEGATIVE_INFINITY);
        int i = 0;
        for (int bound = s.loopBound(cols); i < bound; i += s.length()) {
            acc = acc.max(FloatVector.fromArray(s, x, offset + i));
        }
        float max = acc.reduceLanes(VectorOperators.MAX);
        for (; i < cols; i++) {
            max = Math.max(max, x[offset + i]);
        }
        return max;
    }

    /** Sum of {@code x[offset, offset + n)} in double (masked-off lanes read 0). */
    private double sum(int n, float[] x, int offset) {
        VectorSpecies<Float> s = SPECIES;
        VectorSpecies<Double> d = s.withLanes(double.class);
        DoubleVector acc0 = DoubleVector.zero(d);
        DoubleVector acc1 = DoubleVector.zero(d);
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector v = FloatVector.fromArray(s, x, offset + i);
            acc0 = acc0.add(toDouble(v, d, 0));
            acc1 = acc1.add(toDouble(v, d, 1));
        }
        if (i < n) {
            FloatVector v = FloatVector.fromArray(s, x, offset + i, s.indexInRange(i, n));
            acc0 = acc0.add(toDouble(v, d, 0));
            acc1 = acc1.add(toDouble(v, d, 1));
        }
        return acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    }
}
