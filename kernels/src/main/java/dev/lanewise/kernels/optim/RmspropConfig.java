package dev.lanewise.kernels.optim;

/**
 * Hyperparameters of {@code torch.optim.RMSprop} (PyTorch 1.13 names and defaults).
 *
 * @param lr          learning rate (default 1e-2)
 * @param alpha       smoothing constant of the squared-gradient average (default 0.99), in [0, 1)
 * @param eps         added to the root (default 1e-8), {@code > 0}
 * @param weightDecay L2 penalty added to the gradient (default 0)
 * @param momentum    momentum factor (default 0), {@code >= 0}; above 0 needs a momentum buffer
 * @param centered    normalise by the estimated variance (needs a gradient-average buffer)
 * @param maximize    ascend instead of descend
 */
public record RmspropConfig(double lr, double alpha, double eps, double weightDecay, double momentum,
        boolean centered, boolean maximize) {

    public RmspropConfig {
        Hyperparameters.nonNegative("lr", lr);
        Hyperparameters.beta("alpha", alpha);
        Hyperparameters.positive("eps", eps);
        Hyperparameters.nonNegative("weight_decay", weightDecay);
        Hyperparameters.nonNegative("momentum", momentum);
    }

    /** PyTorch's defaults. */
    public static RmspropConfig defaults() {
        return new RmspropConfig(1e-2, 0.99, 1e-8, 0, 0, false, false);
    }

    public RmspropConfig withLr(double lr) {
        return new RmspropConfig(lr, alpha, eps, weightDecay, momentum, centered, maximize);
    }

    public RmspropConfig withAlpha(double alpha) {
        return new RmspropConfig(lr, alpha, eps, weightDecay, momentum, centered, maximize);
    }

    public RmspropConfig withEps(double eps) {
        return new RmspropConfig(lr, alpha, eps, weightDecay, momentum, centered, maximize);
    }

    public RmspropConfig withWeightDecay(double weightDecay) {
        return new RmspropConfig(lr, alpha, eps, weightDecay, momentum, centered, maximize);
    }

    public RmspropConfig withMomentum(double momentum) {
        return new RmspropConfig(lr, alpha, eps, weightDecay, momentum, centered, maximize);
    }

    public RmspropConfig withCentered(boolean centered) {
        return new RmspropConfig(lr, alpha, eps, weightDecay, momentum, centered, maximize);
    }

    public RmspropConfig withMaximize(boolean maximize) {
        return new RmspropConfig(lr, alpha, eps, weightDecay, momentum, centered, maximize);
    }
}
