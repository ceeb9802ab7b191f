package dev.lanewise.kernels.internal.scalar;

import dev.lanewise.kernels.loss.LossKernels;

/**
 * The readable reference for {@link LossKernels}: one left-to-right loop per loss, each element's term and
 * gradient in float exactly as the interface defines them, transcendentals from {@link Math} in double,
 * rounded once to float.
 */
public final class ScalarLosses implements LossKernels {

    @Override
    public float mse(int n, float[] pred, int predOffset, float[] target, int targetOffset, float[] grad, int gradOffset) {
        float scale = 2f / n;
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            float d = pred[predOffset + i] - target[targetOffset + i];
            sum += d * d;
            grad[gradOffset + i] = d * scale;
        }
        return sum / n;
    }

    @Override
    public float mae(int n, float[] pred, int predOffset, float[] target, int targetOffset, float[] grad, int gradOffset) {
        float invN = 1f / n;
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            float d = pred[predOffset + i] - target[targetOffset + i];
            sum += Math.abs(d);
            // signum keeps ±0 at 0 (the subgradient PyTorch's sign gives) and NaN as NaN.
            grad[gradOffset + i] = Math.signum(d) * invN;
        }
        return sum / n;
    }

    @Override
    public float huber(int n, float delta, float[] pred, int predOffset, float[] target, int targetOffset,
            float[] grad, int gradOffset) {
        float invN = 1f / n;
        float halfDelta = 0.5f * delta;
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            float d = pred[predOffset + i] - target[targetOffset + i];
            float a = Math.abs(d);
            sum += a < delta ? 0.5f * d * d : delta * (a - halfDelta);
            // clamp, written so that NaN falls through both comparisons and stays NaN.
            float clamped = d > delta ? delta : (d < -delta ? -delta : d);
            grad[gradOffset + i] = clamped * invN;
        }
        return sum / n;
    }

    @Override
    public float bceWithLogits(int n, float[] logits, int logitsOffset, float[] targets, int targetsOffset,
            float[] grad, int gradOffset) {
        float invN = 1f / n;
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            float z = logits[logitsOffset + i];
            float y = targets[targetsOffset + i];
            // exp(-|z|) lies in (0, 1]: it never overflows, so neither the loss nor sigmoid does.
            float e = (float) Math.exp(-Math.abs(z));
            float softplusTail = (float) Math.log1p(e);
            sum += Math.max(z, 0f) - z * y + softplusTail;
            float sigmoid = z >= 0f ? 1f / (1f + e) : e / (1f + e);
            grad[gradOffset + i] = (sigmoid - y) * invN;
        }
        return sum / n;
    }

    @Override
    public float hinge(int n, float[] pred, int predOffset, float[] targets, int targetsOffset, float[] grad, int gradOffset) {
        float invN = 1f / n;
        float sum = 0f;
        for (int i = 0; i < n; i++) {
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
        float invRows = (float) (1.0 / rows);
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int x = logitsOffset + r * ldLogits;
            int g = gradOffset + r * ldGrad;
            int label = labels[labelsOffset + r];
            // Read the label's logit first: grad may be the logits matrix itself.
            float labelLogit = logits[x + label];
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, logits[x + j]);
            }
            float sum = 0f;
            for (int j = 0; j < cols; j++) {
                float e = (float) Math.exp(logits[x + j] - max);
                sum += e;
                grad[g + j] = e;
            }
            float scale = (float) (1.0 / ((double) sum * rows));
            for (int j = 0; j < cols; j++) {
                grad[g + j] = grad[g + j] * scale;
            }
            grad[g + label] = grad[g + label] - invRows;
            total += (double) max - labelLogit + Math.log(sum);
        }
        return (float) (total / rows);
    }
}
