package dev.lanewise.kernels;

/** Placeholder: filled in by the losses work. */
public interface LossKernels {
}
