package dev.lanewise.kernels.optim;

/**
 * Hyperparameters of {@code torch.optim.Adamax} (PyTorch 1.13 names and defaults).
 *
 * @param lr          learning rate (default 2e-3)
 * @param beta1       {@code betas[0]} (default 0.9), in [0, 1)
 * @param beta2       {@code betas[1]} (default 0.999), in [0, 1)
 * @param eps         added to |g| before the running maximum (default 1e-8), {@code > 0}
 * @param weightDecay L2 penalty added to the gradient (default 0)
 * @param maximize    ascend instead of descend
 */
public record AdamaxConfig(double lr, double beta1, double beta2, double eps, double weightDecay, boolean maximize) {

    public AdamaxConfig {
        Hyperparameters.nonNegative("lr", lr);
        Hyperparameters.beta("betas[0]", beta1);
        Hyperparameters.beta("betas[1]", beta2);
        Hyperparameters.positive("eps", eps);
        Hyperparameters.nonNegative("weight_decay", weightDecay);
    }

    /** PyTorch's defaults. */
    public static AdamaxConfig defaults() {
        return new AdamaxConfig(2e-3, 0.9, 0.999, 1e-8, 0, false);
    }

    public AdamaxConfig withLr(double lr) {
        return new AdamaxConfig(lr, beta1, beta2, eps, weightDecay, maximize);
    }

    public AdamaxConfig withWeightDecay(double weightDecay) {
        return new AdamaxConfig(lr, beta1, beta2, eps, weightDecay, maximize);
    }

    public AdamaxConfig withMaximize(boolean maximize) {
        return new AdamaxConfig(lr, beta1, beta2, eps, weightDecay, maximize);
    }

    /** lr / (1 - beta1^t). */
    public float stepSize(long step) {
        return (float) (lr / (1 - Math.pow(beta1, step)));
    }
}
