package dev.lanewise.kernels.optim;

/**
 * Hyperparameters of {@code torch.optim.Adam} and {@code torch.optim.AdamW} (PyTorch 1.13 names and
 * defaults); {@link #decoupled} tells which.
 *
 * @param lr          learning rate (default 1e-3), {@code >= 0}
 * @param beta1       {@code betas[0]} (default 0.9), in [0, 1)
 * @param beta2       {@code betas[1]} (default 0.999), in [0, 1)
 * @param eps         added to the denominator (default 1e-8), {@code > 0}
 * @param weightDecay Adam: L2 penalty added to the gradient (default 0); AdamW: decoupled decay,
 *                    {@code theta *= 1 - lr * weight_decay} before the step (default 1e-2)
 * @param amsgrad     keep the running maximum of the second moment (needs its buffer)
 * @param maximize    ascend instead of descend
 * @param decoupled   AdamW's decoupled weight decay instead of Adam's coupled L2
 */
public record AdamConfig(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
        boolean maximize, boolean decoupled) {

    public AdamConfig {
        Hyperparameters.nonNegative("lr", lr);
        Hyperparameters.beta("betas[0]", beta1);
        Hyperparameters.beta("betas[1]", beta2);
        Hyperparameters.positive("eps", eps);
        Hyperparameters.nonNegative("weight_decay", weightDecay);
    }

    /** {@code torch.optim.Adam}'s defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0. */
    public static AdamConfig adam() {
        return new AdamConfig(1e-3, 0.9, 0.999, 1e-8, 0, false, false, false);
    }

    /** {@code torch.optim.AdamW}'s defaults: as Adam, but weight_decay 1e-2, decoupled. */
    public static AdamConfig adamW() {
        return new AdamConfig(1e-3, 0.9, 0.999, 1e-8, 1e-2, false, false, true);
    }

    public AdamConfig withLr(double lr) {
        return new AdamConfig(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, decoupled);
    }

    public AdamConfig withBetas(double beta1, double beta2) {
        return new AdamConfig(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, decoupled);
    }

    public AdamConfig withEps(double eps) {
        return new AdamConfig(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, decoupled);
    }

    public AdamConfig withWeightDecay(double weightDecay) {
        return new AdamConfig(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, decoupled);
    }

    public AdamConfig withAmsgrad(boolean amsgrad) {
        return new AdamConfig(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, decoupled);
    }

    public AdamConfig withMaximize(boolean maximize) {
        return new AdamConfig(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, decoupled);
    }

    /** The decay added to the gradient: {@link #weightDecay} for Adam, 0 for AdamW (whose decay is decoupled). */
    public float coupledWeightDecay() {
        return decoupled ? 0f : (float) weightDecay;
    }

    /** What theta is multiplied by before the step: AdamW's 1 - lr * weight_decay, or exactly 1 for Adam. */
    public float decayFactor() {
        return decoupled ? (float) (1 - lr * weightDecay) : 1f;
    }

    /** lr / (1 - beta1^t): the step size with the first bias correction folded in. */
    public float stepSize(long step) {
        return BiasCorrections.stepSize(lr, beta1, beta2, step);
    }

    /** 1 / sqrt(1 - beta2^t): the second bias correction as a factor on sqrt(v). */
    public float inverseSqrtBiasCorrection2(long step) {
        return BiasCorrections.inverseSqrtBiasCorrection2(lr, beta1, beta2, step);
    }
}
