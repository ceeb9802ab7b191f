package dev.lanewise.kernels.optim;

/**
 * Hyperparameters of {@code torch.optim.RAdam} (PyTorch 1.13 names and defaults). The rectification
 * switch is PyTorch's: the adaptive step is taken only where rho_t &gt; 5, before that an SGD-with-momentum
 * step ({@link #rectified}).
 *
 * @param lr          learning rate (default 1e-3)
 * @param beta1       {@code betas[0]} (default 0.9), in [0, 1)
 * @param beta2       {@code betas[1]} (default 0.999), in [0, 1)
 * @param eps         added to the denominator (default 1e-8), {@code > 0}
 * @param weightDecay L2 penalty added to the gradient (default 0)
 */
public record RAdamConfig(double lr, double beta1, double beta2, double eps, double weightDecay) {

    public RAdamConfig {
        Hyperparameters.nonNegative("lr", lr);
        Hyperparameters.beta("betas[0]", beta1);
        Hyperparameters.beta("betas[1]", beta2);
        Hyperparameters.positive("eps", eps);
        Hyperparameters.nonNegative("weight_decay", weightDecay);
    }

    /** PyTorch's defaults. */
    public static RAdamConfig defaults() {
        return new RAdamConfig(1e-3, 0.9, 0.999, 1e-8, 0);
    }

    public RAdamConfig withLr(double lr) {
        return new RAdamConfig(lr, beta1, beta2, eps, weightDecay);
    }

    public RAdamConfig withBetas(double beta1, double beta2) {
        return new RAdamConfig(lr, beta1, beta2, eps, weightDecay);
    }

    public RAdamConfig withWeightDecay(double weightDecay) {
        return new RAdamConfig(lr, beta1, beta2, eps, weightDecay);
    }

    /** rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t), with rho_inf = 2 / (1 - beta2) - 1. */
    public double rho(long step) {
        double rhoInf = 2 / (1 - beta2) - 1;
        double b2t = Math.pow(beta2, step);
        return rhoInf - 2 * step * b2t / (1 - b2t);
    }

    /** PyTorch's switch: the variance is tractable, and the adaptive step taken, where rho_t &gt; 5. */
    public boolean rectified(long step) {
        return rho(step) > 5;
    }

    /**
     * The factor on m / (sqrt(v) + eps) of a rectified step: lr * r_t * sqrt(1 - beta2^t) / (1 - beta1^t),
     * r_t = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t)).
     */
    public float rectifiedStepSize(long step) {
        double rhoInf = 2 / (1 - beta2) - 1;
        double rhoT = rho(step);
        double rect = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
        return (float) (lr * rect * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step)));
    }

    /** This step's factor: {@link #rectifiedStepSize} where {@link #rectified}, else {@link #plainStepSize}. */
    public float stepSize(long step) {
        return rectified(step) ? rectifiedStepSize(step) : plainStepSize(step);
    }

    /** The factor on m of an unrectified step: lr / (1 - beta1^t). */
    public float plainStepSize(long step) {
        return (float) (lr / (1 - Math.pow(beta1, step)));
    }
}
