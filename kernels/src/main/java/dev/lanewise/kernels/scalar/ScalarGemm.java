package dev.lanewise.kernels.scalar;

import dev.lanewise.kernels.GemmKernels;

/** Placeholder. */
public final class ScalarGemm implements GemmKernels {
}
