package dev.lanewise.kernels.optim;

/**
 * Validation shared by the optimizer configuration records. Each refusal names the hyperparameter (by its
 * PyTorch name) and the value, and happens at construction, so a bad value never reaches a kernel.
 */
final class Hyperparameters {
    private Hyperparameters() {}

    /** Finite and {@code >= 0} (learning rates, weight decay, momentum, dampening, ...). */
    static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
        }
    }

    /** Finite and {@code > 0} (eps). */
    static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
        }
    }

    /** In {@code [0, 1)} (betas, alpha, rho): 1 would stop the running average from ever moving. */
    static void beta(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), was " + value);
        }
    }

    /** In {@code [0, 1]} (dampening). */
    static void unit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }

    /** Finite (any sign). */
    static void finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
    }
}
