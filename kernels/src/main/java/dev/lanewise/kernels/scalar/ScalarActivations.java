package dev.lanewise.kernels.scalar;

import dev.lanewise.kernels.ActivationKernels;

/** Placeholder. */
public final class ScalarActivations implements ActivationKernels {
}
