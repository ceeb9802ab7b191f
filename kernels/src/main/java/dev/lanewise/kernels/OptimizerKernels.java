package dev.lanewise.kernels;

/** Placeholder: filled in by the optimizer work. */
public interface OptimizerKernels {
}
