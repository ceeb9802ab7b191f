package dev.lanewise.kernels.vector;

import dev.lanewise.kernels.LossKernels;
import jdk.incubator.vector.VectorSpecies;

/** Placeholder. */
public record VectorLosses(VectorSpecies<Float> species) implements LossKernels {
}
