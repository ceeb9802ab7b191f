package dev.lanewise.kernels.internal.scalar;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The scalar twin of {@link ScalarLosses} on memory segments: the same loops and the same float operations
 * in the same order, reading and writing the segments directly, so each result is bit-identical to the
 * scalar array form's. Unchecked: the caller checked every argument and label. Lengths and offsets count
 * elements.
 */
public final class ScalarSegmentLosses {
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;

    private ScalarSegmentLosses() {}

    /** {@link ScalarLosses#mse}. */
    public static float mse(long n, MemorySegment pred, long predOffset, MemorySegment target, long targetOffset,
            MemorySegment grad, long gradOffset) {
        float scale = 2f / n;
        float sum = 0f;
        for (long i = 0; i < n; i++) {
            float d = pred.getAtIndex(FLOAT, predOffset + i) - target.getAtIndex(FLOAT, targetOffset + i);
            sum += d * d;
            grad.setAtIndex(FLOAT, gradOffset + i, d * scale);
        }
        return sum / n;
    }

    /** {@link ScalarLosses#mae}. */
    public static float mae(long n, MemorySegment pred, long predOffset, MemorySegment target, long targetOffset,
            MemorySegment grad, long gradOffset) {
        float invN = 1f / n;
        float sum = 0f;
        for (long i = 0; i < n; i++) {
            float d = pred.getAtIndex(FLOAT, predOffset + i) - target.getAtIndex(FLOAT, targetOffset + i);
            sum += Math.abs(d);
            grad.setAtIndex(FLOAT, gradOffset + i, Math.signum(d) * invN);
        }
        return sum / n;
    }

    /** {@link ScalarLosses#huber}. */
    public static float huber(long n, float delta, MemorySegment pred, long predOffset, MemorySegment target,
            long targetOffset, MemorySegment grad, long gradOffset) {
        float invN = 1f / n;
        float halfDelta = 0.5f * delta;
        float sum = 0f;
        for (long i = 0; i < n; i++) {
            float d = pred.getAtIndex(FLOAT, predOffset + i) - target.getAtIndex(FLOAT, targetOffset + i);
            float a = Math.abs(d);
            sum += a < delta ? 0.5f * d * d : delta * (a - halfDelta);
            float clamped = d > delta ? delta : (d < -delta ? -delta : d);
            grad.setAtIndex(FLOAT, gradOffset + i, clamped * invN);
        }
        return sum / n;
    }

    /** {@link ScalarLosses#bceWithLogits}. */
    public static float bceWithLogits(long n, MemorySegment logits, long logitsOffset, MemorySegment targets,
            long targetsOffset, MemorySegment grad, long gradOffset) {
        float invN = 1f / n;
        float sum = 0f;
        for (long i = 0; i < n; i++) {
            float z = logits.getAtIndex(FLOAT, logitsOffset + i);
            float y = targets.getAtIndex(FLOAT, targetsOffset + i);
            float e = (float) Math.exp(-Math.abs(z));
            float softplusTail = (float) Math.log1p(e);
            sum += Math.max(z, 0f) - z * y + softplusTail;
            float sigmoid = z >= 0f ? 1f / (1f + e) : e / (1f + e);
            grad.setAtIndex(FLOAT, gradOffset + i, (sigmoid - y) * invN);
        }
        return sum / n;
    }

    /** {@link ScalarLosses#hinge}. */
    public static float hinge(long n, MemorySegment pred, long predOffset, MemorySegment targets, long targetsOffset,
            MemorySegment grad, long gradOffset) {
        float invN = 1f / n;
        float sum = 0f;
        for (long i = 0; i < n; i++) {
            float t = targets.getAtIndex(FLOAT, targetsOffset + i);
            float margin = 1f - t * pred.getAtIndex(FLOAT, predOffset + i);
            sum += Math.max(margin, 0f);
            float g = margin > 0f ? -t * invN : 0f;
            grad.setAtIndex(FLOAT, gradOffset + i, Float.isNaN(margin) ? margin : g);
        }
        return sum / n;
    }

    /** {@link ScalarLosses#softmaxCrossEntropy}. */
    public static float softmaxCrossEntropy(long rows, int cols, MemorySegment logits, long logitsOffset,
            long ldLogits, MemorySegment labels, long labelsOffset, MemorySegment grad, long gradOffset, long ldGrad) {
        float invRows = (float) (1.0 / rows);
        double total = 0;
        for (long r = 0; r < rows; r++) {
            long x = logitsOffset + r * ldLogits;
            long g = gradOffset + r * ldGrad;
            int label = labels.getAtIndex(INT, labelsOffset + r);
            // Read the label's logit first: grad may be the logits matrix itself.
            float labelLogit = logits.getAtIndex(FLOAT, x + label);
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, logits.getAtIndex(FLOAT, x + j));
            }
            float sum = 0f;
            for (int j = 0; j < cols; j++) {
                float e = (float) Math.exp(logits.getAtIndex(FLOAT, x + j) - max);
                sum += e;
                grad.setAtIndex(FLOAT, g + j, e);
            }
            float scale = (float) (1.0 / ((double) sum * rows));
            for (int j = 0; j < cols; j++) {
                grad.setAtIndex(FLOAT, g + j, grad.getAtIndex(FLOAT, g + j) * scale);
            }
            grad.setAtIndex(FLOAT, g + label, grad.getAtIndex(FLOAT, g + label) - invRows);
            total += (double) max - labelLogit + Math.log(sum);
        }
        return (float) (total / rows);
    }
}
