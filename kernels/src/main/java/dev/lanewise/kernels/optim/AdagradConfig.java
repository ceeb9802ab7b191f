package dev.lanewise.kernels.optim;

/**
 * Hyperparameters of {@code torch.optim.Adagrad} (PyTorch 1.13 names and defaults).
 *
 * @param lr                      learning rate (default 1e-2), {@code >= 0}
 * @param lrDecay                 learning-rate decay (default 0): step t uses lr / (1 + (t - 1) lr_decay)
 * @param weightDecay             L2 penalty added to the gradient (default 0)
 * @param initialAccumulatorValue starting value of the sum of squares (default 0), {@code >= 0}; fill the
 *                                state with {@link Optimizers#initAdagrad}
 * @param eps                     added to the root of the sum (default 1e-10), {@code > 0}
 * @param maximize                ascend instead of descend
 */
public record AdagradConfig(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue,
        double eps, boolean maximize) {

    public AdagradConfig {
        Hyperparameters.nonNegative("lr", lr);
        Hyperparameters.nonNegative("lr_decay", lrDecay);
        Hyperparameters.nonNegative("weight_decay", weightDecay);
        Hyperparameters.nonNegative("initial_accumulator_value", initialAccumulatorValue);
        Hyperparameters.positive("eps", eps);
    }

    /** PyTorch's defaults. */
    public static AdagradConfig defaults() {
        return new AdagradConfig(1e-2, 0, 0, 0, 1e-10, false);
    }

    public AdagradConfig withLr(double lr) {
        return new AdagradConfig(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    public AdagradConfig withLrDecay(double lrDecay) {
        return new AdagradConfig(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    public AdagradConfig withWeightDecay(double weightDecay) {
        return new AdagradConfig(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    public AdagradConfig withInitialAccumulatorValue(double value) {
        return new AdagradConfig(lr, lrDecay, weightDecay, value, eps, maximize);
    }

    public AdagradConfig withEps(double eps) {
        return new AdagradConfig(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    public AdagradConfig withMaximize(boolean maximize) {
        return new AdagradConfig(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
    }

    /** The learning rate of step {@code t}: lr / (1 + (t - 1) lr_decay). */
    public float clr(long step) {
        return (float) (lr / (1 + (step - 1) * lrDecay));
    }
}
