package dev.lanewise.kernels.optim;

/**
 * Hyperparameters of Lion (EvoLved Sign Momentum; X. Chen et al., "Symbolic Discovery of Optimization
 * Algorithms", 2023, Algorithm 2). Not in {@code torch.optim}; names and defaults follow the paper and its
 * reference implementation (lr 1e-4, betas (0.9, 0.99), weight_decay 0).
 *
 * @param lr          learning rate, {@code >= 0}
 * @param beta1       interpolation weight of the update direction, in [0, 1)
 * @param beta2       momentum decay, in [0, 1)
 * @param weightDecay decoupled decay: {@code theta *= 1 - lr * weight_decay}, {@code >= 0}
 */
public record LionConfig(double lr, double beta1, double beta2, double weightDecay) {

    public LionConfig {
        Hyperparameters.nonNegative("lr", lr);
        Hyperparameters.beta("betas[0]", beta1);
        Hyperparameters.beta("betas[1]", beta2);
        Hyperparameters.nonNegative("weight_decay", weightDecay);
    }

    /** The paper's defaults. */
    public static LionConfig defaults() {
        return new LionConfig(1e-4, 0.9, 0.99, 0);
    }

    public LionConfig withLr(double lr) {
        return new LionConfig(lr, beta1, beta2, weightDecay);
    }

    public LionConfig withWeightDecay(double weightDecay) {
        return new LionConfig(lr, beta1, beta2, weightDecay);
    }

    /** What theta is multiplied by before the step: 1 - lr * weight_decay, rounded once to float. */
    public float decayFactor() {
        return (float) (1 - lr * weightDecay);
    }
}
