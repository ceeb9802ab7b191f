package dev.lanewise.kernels.optim;

/**
 * Hyperparameters of {@code torch.optim.Adadelta} (PyTorch 1.13 names and defaults).
 *
 * @param lr          coefficient that scales delta (default 1.0)
 * @param rho         smoothing constant of both running averages (default 0.9), in [0, 1)
 * @param eps         added inside both roots (default 1e-6), {@code > 0}
 * @param weightDecay L2 penalty added to the gradient (default 0)
 * @param maximize    ascend instead of descend
 */
public record AdadeltaConfig(double lr, double rho, double eps, double weightDecay, boolean maximize) {

    public AdadeltaConfig {
        Hyperparameters.nonNegative("lr", lr);
        Hyperparameters.beta("rho", rho);
        Hyperparameters.positive("eps", eps);
        Hyperparameters.nonNegative("weight_decay", weightDecay);
    }

    /** PyTorch's defaults. */
    public static AdadeltaConfig defaults() {
        return new AdadeltaConfig(1.0, 0.9, 1e-6, 0, false);
    }

    public AdadeltaConfig withLr(double lr) {
        return new AdadeltaConfig(lr, rho, eps, weightDecay, maximize);
    }

    public AdadeltaConfig withRho(double rho) {
        return new AdadeltaConfig(lr, rho, eps, weightDecay, maximize);
    }

    public AdadeltaConfig withEps(double eps) {
        return new AdadeltaConfig(lr, rho, eps, weightDecay, maximize);
    }

    public AdadeltaConfig withWeightDecay(double weightDecay) {
        return new AdadeltaConfig(lr, rho, eps, weightDecay, maximize);
    }

    public AdadeltaConfig withMaximize(boolean maximize) {
        return new AdadeltaConfig(lr, rho, eps, weightDecay, maximize);
    }
}
