package dev.lanewise.kernels.scalar;

import dev.lanewise.kernels.LossKernels;

/** Placeholder. */
public final class ScalarLosses implements LossKernels {
}
