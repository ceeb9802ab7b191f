package dev.lanewise.kernels;

/** Placeholder: filled in by the activations work. */
public interface ActivationKernels {
}
