package dev.lanewise.kernels.optim;

/**
 * Hyperparameters of {@code torch.optim.NAdam} (PyTorch 1.13 names and defaults). NAdam's momentum
 * schedule mu_t = beta1 (1 - 0.5 * 0.96^(t * momentum_decay)) has a running product as state, which the
 * caller carries (see {@link OptimizerKernels#nadam}).
 *
 * @param lr            learning rate (default 2e-3)
 * @param beta1         {@code betas[0]} (default 0.9), in [0, 1)
 * @param beta2         {@code betas[1]} (default 0.999), in [0, 1)
 * @param eps           added to the denominator (default 1e-8), {@code > 0}
 * @param weightDecay   L2 penalty added to the gradient (default 0)
 * @param momentumDecay momentum_decay (default 4e-3), {@code >= 0}
 */
public record NAdamConfig(double lr, double beta1, double beta2, double eps, double weightDecay,
        double momentumDecay) {

    public NAdamConfig {
        Hyperparameters.nonNegative("lr", lr);
        Hyperparameters.beta("betas[0]", beta1);
        Hyperparameters.beta("betas[1]", beta2);
        Hyperparameters.positive("eps", eps);
        Hyperparameters.nonNegative("weight_decay", weightDecay);
        Hyperparameters.nonNegative("momentum_decay", momentumDecay);
    }

    /** PyTorch's defaults. */
    public static NAdamConfig defaults() {
        return new NAdamConfig(2e-3, 0.9, 0.999, 1e-8, 0, 4e-3);
    }

    public NAdamConfig withLr(double lr) {
        return new NAdamConfig(lr, beta1, beta2, eps, weightDecay, momentumDecay);
    }

    public NAdamConfig withWeightDecay(double weightDecay) {
        return new NAdamConfig(lr, beta1, beta2, eps, weightDecay, momentumDecay);
    }

    public NAdamConfig withMomentumDecay(double momentumDecay) {
        return new NAdamConfig(lr, beta1, beta2, eps, weightDecay, momentumDecay);
    }

    /** mu_t = beta1 (1 - 0.5 * 0.96^(t * momentum_decay)). */
    public double mu(long step) {
        return beta1 * (1 - 0.5 * Math.pow(0.96, step * momentumDecay));
    }

    /**
     * The scalars of step {@code step}, computed here once so that the scalar and vector kernels use the same
     * bits (see {@link OptimizerKernels#nadam}).
     *
     * @param muProduct mu_1 ... mu_{t-1} (1 on the first step)
     */
    public StepFactors stepFactors(long step, double muProduct) {
        double mu = mu(step);
        double muNext = mu(step + 1);
        double product = muProduct * mu;
        return new StepFactors(product,
                (float) (-lr * (1 - mu) / (1 - product)),
                (float) (-lr * muNext / (1 - product * muNext)),
                (float) (1 / (1 - Math.pow(beta2, step))));
    }

    /**
     * NAdam's per-step scalars, computed in double and rounded once to float.
     *
     * @param muProduct              P_t = mu_1 ... mu_t, the state to carry into the next step
     * @param gradFactor             -lr (1 - mu_t) / (1 - P_t), the factor on g
     * @param momentFactor           -lr mu_{t+1} / (1 - P_t mu_{t+1}), the factor on m
     * @param inverseBiasCorrection2 1 / (1 - beta2^t), the factor on v under the square root
     */
    public record StepFactors(double muProduct, float gradFactor, float momentFactor, float inverseBiasCorrection2) {}
}
