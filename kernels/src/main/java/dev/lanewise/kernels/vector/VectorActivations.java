package dev.lanewise.kernels.vector;

import dev.lanewise.kernels.ActivationKernels;
import jdk.incubator.vector.VectorSpecies;

/** Placeholder. */
public record VectorActivations(VectorSpecies<Float> species) implements ActivationKernels {
}
