package dev.lanewise.model.loss;

import dev.lanewise.kernels.loss.Losses;

/** {@code torch.nn.HuberLoss(delta)}: quadratic within {@code delta} of the target, linear beyond. */
public final class HuberLoss extends ElementwiseLoss {
    private final float delta;

    /** @param delta where the loss turns linear; finite and &gt; 0 (PyTorch's default is 1) */
    public HuberLoss(float delta) {
        if (!(delta > 0) || Float.isInfinite(delta)) {
            throw new IllegalArgumentException("delta must be finite and > 0, was " + delta);
        }
        this.delta = delta;
    }

    public float delta() {
        return delta;
    }

    @Override
    float kernel(int n, float[] pred, int predOffset, float[] target, int targetOffset, float[] grad, int gradOffset) {
        return Losses.huber(n, delta, pred, predOffset, target, targetOffset, grad, gradOffset);
    }

    @Override
    public String name() {
        return "huber";
    }

    @Override
    public String toString() {
        return "huber(delta=" + delta + ")";
    }
}
