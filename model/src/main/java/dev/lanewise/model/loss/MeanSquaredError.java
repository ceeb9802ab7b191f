package dev.lanewise.model.loss;

import dev.lanewise.kernels.loss.Losses;

/** {@code torch.nn.MSELoss()}: the mean of (output - target)^2 over every element. */
public final class MeanSquaredError extends ElementwiseLoss {
    @Override
    float kernel(int n, float[] pred, int predOffset, float[] target, int targetOffset, float[] grad, int gradOffset) {
        return Losses.mse(n, pred, predOffset, target, targetOffset, grad, gradOffset);
    }

    @Override
    public String name() {
        return "mse";
    }
}
