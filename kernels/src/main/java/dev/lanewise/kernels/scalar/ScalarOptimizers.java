package dev.lanewise.kernels.scalar;

import dev.lanewise.kernels.OptimizerKernels;

/** Placeholder. */
public final class ScalarOptimizers implements OptimizerKernels {
}
