package dev.lanewise.kernels.optim;

/**
 * Hyperparameters of {@code torch.optim.SGD} (PyTorch 1.13 names and defaults), validated at construction.
 *
 * @param lr          learning rate, {@code >= 0} (PyTorch has no default; {@link #of(double)} takes it)
 * @param momentum    momentum factor, {@code >= 0}; 0 needs no momentum buffer
 * @param dampening   dampening for momentum, in [0, 1]
 * @param weightDecay L2 penalty added to the gradient ({@code g += weight_decay * theta}), {@code >= 0}
 * @param nesterov    Nesterov momentum; needs {@code momentum > 0} and {@code dampening == 0}, as in PyTorch
 * @param maximize    ascend instead of descend (the gradient is negated first)
 */
public record SgdConfig(double lr, double momentum, double dampening, double weightDecay, boolean nesterov,
        boolean maximize) {

    public SgdConfig {
        Hyperparameters.nonNegative("lr", lr);
        Hyperparameters.nonNegative("momentum", momentum);
        Hyperparameters.unit("dampening", dampening);
        Hyperparameters.nonNegative("weight_decay", weightDecay);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("nesterov needs momentum > 0 and dampening = 0, were momentum = "
                    + momentum + " and dampening = " + dampening);
        }
    }

    /** Plain SGD at {@code lr}: no momentum, no weight decay. */
    public static SgdConfig of(double lr) {
        return new SgdConfig(lr, 0, 0, 0, false, false);
    }

    public SgdConfig withLr(double lr) {
        return new SgdConfig(lr, momentum, dampening, weightDecay, nesterov, maximize);
    }

    public SgdConfig withMomentum(double momentum) {
        return new SgdConfig(lr, momentum, dampening, weightDecay, nesterov, maximize);
    }

    public SgdConfig withDampening(double dampening) {
        return new SgdConfig(lr, momentum, dampening, weightDecay, nesterov, maximize);
    }

    public SgdConfig withWeightDecay(double weightDecay) {
        return new SgdConfig(lr, momentum, dampening, weightDecay, nesterov, maximize);
    }

    public SgdConfig withNesterov(boolean nesterov) {
        return new SgdConfig(lr, momentum, dampening, weightDecay, nesterov, maximize);
    }

    public SgdConfig withMaximize(boolean maximize) {
        return new SgdConfig(lr, momentum, dampening, weightDecay, nesterov, maximize);
    }

    /** Whether the update keeps a momentum buffer. */
    public boolean hasMomentum() {
        return momentum != 0;
    }
}
