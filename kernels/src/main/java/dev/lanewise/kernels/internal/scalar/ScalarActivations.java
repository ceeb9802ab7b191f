package dev.lanewise.kernels.internal.scalar;

import static dev.lanewise.kernels.internal.PolynomialConstants.GELU_DK3;
import static dev.lanewise.kernels.internal.PolynomialConstants.GELU_K1;
import static dev.lanewise.kernels.internal.PolynomialConstants.GELU_K3;
import static dev.lanewise.kernels.internal.PolynomialConstants.GELU_PDF_CLAMP;
import static dev.lanewise.kernels.internal.PolynomialConstants.GELU_TANH_CLAMP;
import static dev.lanewise.kernels.internal.PolynomialConstants.INV_SQRT2;
import static dev.lanewise.kernels.internal.PolynomialConstants.INV_SQRT_2PI;
import static dev.lanewise.kernels.internal.PolynomialConstants.SILU_CLAMP;
import static dev.lanewise.kernels.internal.PolynomialConstants.SOFTPLUS_THRESHOLD;
import static dev.lanewise.kernels.internal.PolynomialConstants.TANH_CLAMP;

import dev.lanewise.kernels.activation.ActivationKernels;
import dev.lanewise.kernels.internal.FmaPolicy;

/**
 * The readable reference for {@link ActivationKernels}: one plain loop per function, with the float
 * transcendentals of {@link ActivationMath}, which the vector path mirrors operation for operation.
 */
public final class ScalarActivations implements ActivationKernels {
    /** The float exp both paths use, exposed for the accuracy tests. */
    public static float exp(float x) {
        return ActivationMath.exp(x);
    }

    /** The float erf both paths use, exposed for the accuracy tests. */
    public static float erf(float x) {
        return ActivationMath.erf(x);
    }

    /** The float log1p on [0, 1] both paths use, exposed for the accuracy tests. */
    public static float log1p(float t) {
        return ActivationMath.log1p(t);
    }

    /** The float expm1 on [-87, 20] both paths use, exposed for the accuracy tests. */
    public static float expm1(float x) {
        return ActivationMath.expm1(x);
    }

    @Override
    public void identity(int n, float[] x, int xOffset, float[] out, int outOffset) {
        System.arraycopy(x, xOffset, out, outOffset, n);
    }

    @Override
    public void identityBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn,
            int giOffset) {
        System.arraycopy(gradOut, gOffset, gradIn, giOffset, n);
    }

    @Override
    public void relu(int n, float[] x, int xOffset, float[] out, int outOffset) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = Math.max(x[xOffset + i], 0f);
        }
    }

    @Override
    public void reluBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn,
            int giOffset) {
        leakyReluBackward(n, 0f, gradOut, gOffset, saved, sOffset, gradIn, giOffset);
    }

    @Override
    public void leakyRelu(int n, float negativeSlope, float[] x, int xOffset, float[] out, int outOffset) {
        for (int i = 0; i < n; i++) {
            float v = x[xOffset + i];
            out[outOffset + i] = v > 0f ? v : negativeSlope * v;
        }
    }

    @Override
    public void leakyReluBackward(int n, float negativeSlope, float[] gradOut, int gOffset, float[] saved, int sOffset,
            float[] gradIn, int giOffset) {
        for (int i = 0; i < n; i++) {
            float v = saved[sOffset + i];
            // A NaN input is neither > 0 nor <= 0: its slope is NaN, so NaN comes out.
            float slope = v > 0f ? 1f : v <= 0f ? negativeSlope : v;
            gradIn[giOffset + i] = gradOut[gOffset + i] * slope;
        }
    }

    @Override
    public void elu(int n, float alpha, float[] x, int xOffset, float[] out, int outOffset) {
        for (int i = 0; i < n; i++) {
            float v = x[xOffset + i];
            out[outOffset + i] = v > 0f ? v : alpha * ActivationMath.expm1(v);
        }
    }

    @Override
    public void eluBackward(int n, float alpha, float[] gradOut, int gOffset, float[] saved, int sOffset,
            float[] gradIn, int giOffset) {
        for (int i = 0; i < n; i++) {
            float v = saved[sOffset + i];
            float slope = v > 0f ? 1f : alpha * ActivationMath.expNonPositive(v);
            gradIn[giOffset + i] = gradOut[gOffset + i] * slope;
        }
    }

    /** sigmoid(x) = num / (1 + e^-|x|), with num = 1 for x >= 0 and e^-|x| below: nothing overflows. */
    static float sigmoid(float x) {
        float e = ActivationMath.expNonPositive(-Math.abs(x));
        return (x >= 0f ? 1f : e) / (1f + e);
    }

    /** 1 - sigmoid(x) = sigmoid(-x), computed without cancellation. */
    static float sigmoidComplement(float x) {
        float e = ActivationMath.expNonPositive(-Math.abs(x));
        return (x >= 0f ? e : 1f) / (1f + e);
    }

    @Override
    public void sigmoid(int n, float[] x, int xOffset, float[] out, int outOffset) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = sigmoid(x[xOffset + i]);
        }
    }

    @Override
    public void sigmoidBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn,
            int giOffset) {
        for (int i = 0; i < n; i++) {
            float y = saved[sOffset + i];
            gradIn[giOffset + i] = gradOut[gOffset + i] * (y * (1f - y));
        }
    }

    @Override
    public void tanh(int n, float[] x, int xOffset, float[] out, int outOffset) {
        for (int i = 0; i < n; i++) {
            float v = x[xOffset + i];
            float m = ActivationMath.expm1(2f * Math.min(Math.abs(v), TANH_CLAMP));
            out[outOffset + i] = Math.copySign(m / (m + 2f), v);
        }
    }

    @Override
    public void tanhBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn,
            int giOffset) {
        for (int i = 0; i < n; i++) {
            float y = saved[sOffset + i];
            // (1 - y)(1 + y) rather than 1 - y^2: exact subtraction near |y| = 1, where y^2 would round.
            gradIn[giOffset + i] = gradOut[gOffset + i] * ((1f - y) * (1f + y));
        }
    }

    @Override
    public void gelu(int n, float[] x, int xOffset, float[] out, int outOffset) {
        for (int i = 0; i < n; i++) {
            float v = x[xOffset + i];
            out[outOffset + i] = (0.5f * v) * (1f + ActivationMath.erf(v * INV_SQRT2));
        }
    }

    @Override
    public void geluBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn,
            int giOffset) {
        for (int i = 0; i < n; i++) {
            float v = saved[sOffset + i];
            float cdf = 0.5f * (1f + ActivationMath.erf(v * INV_SQRT2));
            float c = Math.min(Math.max(v, -GELU_PDF_CLAMP), GELU_PDF_CLAMP);
            float pdf = ActivationMath.expNonPositive(-0.5f * (c * c)) * INV_SQRT_2PI;
            gradIn[giOffset + i] = gradOut[gOffset + i] * FmaPolicy.fma(c, pdf, cdf);
        }
    }

    /** 2 sqrt(2/pi) (c + 0.044715 c^3), the argument of GELU-tanh's sigmoid. */
    static float geluTanhArgument(float c) {
        return c * FmaPolicy.fma(GELU_K3, c * c, GELU_K1);
    }

    @Override
    public void geluTanh(int n, float[] x, int xOffset, float[] out, int outOffset) {
        for (int i = 0; i < n; i++) {
            float v = x[xOffset + i];
            float c = Math.min(Math.max(v, -GELU_TANH_CLAMP), GELU_TANH_CLAMP);
            out[outOffset + i] = v * sigmoid(geluTanhArgument(c));
        }
    }

    @Override
    public void geluTanhBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn,
            int giOffset) {
        for (int i = 0; i < n; i++) {
            float v = saved[sOffset + i];
            float c = Math.min(Math.max(v, -GELU_TANH_CLAMP), GELU_TANH_CLAMP);
            float k = geluTanhArgument(c);
            float s = sigmoid(k);
            float slope = FmaPolicy.fma(GELU_DK3, c * c, GELU_K1);
            // d/dx [x s(k(x))] = s + x k'(x) s (1 - s)
            float d = FmaPolicy.fma(c * slope, s * sigmoidComplement(k), s);
            gradIn[giOffset + i] = gradOut[gOffset + i] * d;
        }
    }

    @Override
    public void silu(int n, float[] x, int xOffset, float[] out, int outOffset) {
        for (int i = 0; i < n; i++) {
            float v = x[xOffset + i];
            out[outOffset + i] = v * sigmoid(v);
        }
    }

    @Override
    public void siluBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn,
            int giOffset) {
        for (int i = 0; i < n; i++) {
            float v = saved[sOffset + i];
            float c = Math.min(Math.max(v, -SILU_CLAMP), SILU_CLAMP);
            float d = sigmoid(v) * FmaPolicy.fma(c, sigmoidComplement(v), 1f);
            gradIn[giOffset + i] = gradOut[gOffset + i] * d;
        }
    }

    @Override
    public void softplus(int n, float[] x, int xOffset, float[] out, int outOffset) {
        for (int i = 0; i < n; i++) {
            float v = x[xOffset + i];
            float smooth = Math.max(v, 0f) + ActivationMath.log1p(ActivationMath.expNonPositive(-Math.abs(v)));
            out[outOffset + i] = v > SOFTPLUS_THRESHOLD ? v : smooth;
        }
    }

    @Override
    public void softplusBackward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn,
            int giOffset) {
        for (int i = 0; i < n; i++) {
            gradIn[giOffset + i] = gradOut[gOffset + i] * sigmoid(saved[sOffset + i]);
        }
    }

    @Override
    public void softmax(int rows, int cols, int ld, float[] x, int xOffset, float[] out, int outOffset) {
        for (int r = 0; r < rows; r++) {
            int xi = xOffset + r * ld;
            int oi = outOffset + r * ld;
            float max = rowMax(cols, x, xi);
            double sum = 0d;
            for (int j = 0; j < cols; j++) {
                float e = ActivationMath.expNonPositive(x[xi + j] - max);
                out[oi + j] = e;
                sum += e;
            }
            float total = (float) sum;
            for (int j = 0; j < cols; j++) {
                out[oi + j] = out[oi + j] / total;
            }
        }
    }

    @Override
    public void logSoftmax(int rows, int cols, int ld, float[] x, int xOffset, float[] out, int outOffset) {
        for (int r = 0; r < rows; r++) {
            int xi = xOffset + r * ld;
            int oi = outOffset + r * ld;
            float max = rowMax(cols, x, xi);
            double sum = 0d;
            for (int j = 0; j < cols; j++) {
                sum += ActivationMath.expNonPositive(x[xi + j] - max);
            }
            float logSum = (float) Math.log(sum);
            for (int j = 0; j < cols; j++) {
                out[oi + j] = (x[xi + j] - max) - logSum;
            }
        }
    }

    @Override
    public void softmaxBackward(int rows, int cols, int ld, float[] gradOut, int gOffset, float[] y, int yOffset,
            float[] gradIn, int giOffset) {
        for (int r = 0; r < rows; r++) {
            int gi = gOffset + r * ld;
            int yi = yOffset + r * ld;
            int oi = giOffset + r * ld;
            // A float product is exact in double, so this is a sum of exact terms, rounded once to float.
            double dot = 0d;
            for (int j = 0; j < cols; j++) {
                dot += (double) gradOut[gi + j] * y[yi + j];
            }
            float s = (float) dot;
            for (int j = 0; j < cols; j++) {
                gradIn[oi + j] = y[yi + j] * (gradOut[gi + j] - s);
            }
        }
    }

    @Override
    public void logSoftmaxBackward(int rows, int cols, int ld, float[] gradOut, int gOffset, float[] y, int yOffset,
            float[] gradIn, int giOffset) {
        for (int r = 0; r < rows; r++) {
            int gi = gOffset + r * ld;
            int yi = yOffset + r * ld;
            int oi = giOffset + r * ld;
            double sum = 0d;
            for (int j = 0; j < cols; j++) {
                sum += gradOut[gi + j];
            }
            float s = (float) sum;
            for (int j = 0; j < cols; j++) {
                gradIn[oi + j] = FmaPolicy.fma(-ActivationMath.exp(y[yi + j]), s, gradOut[gi + j]);
            }
        }
    }

    /** The row maximum ({@link Math#max}: NaN wins); -Inf for an empty row. */
    private static float rowMax(int cols, float[] x, int offset) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, x[offset + j]);
        }
        return max;
    }
}
