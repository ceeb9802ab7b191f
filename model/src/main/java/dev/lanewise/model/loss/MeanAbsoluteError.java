package dev.lanewise.model.loss;

import dev.lanewise.kernels.loss.Losses;

/** {@code torch.nn.L1Loss()}: the mean of |output - target|; its gradient is the sign, divided by n. */
public final class MeanAbsoluteError extends ElementwiseLoss {
    @Override
    float kernel(int n, float[] pred, int predOffset, float[] target, int targetOffset, float[] grad, int gradOffset) {
        return Losses.mae(n, pred, predOffset, target, targetOffset, grad, gradOffset);
    }

    @Override
    public String name() {
        return "mae";
    }
}
