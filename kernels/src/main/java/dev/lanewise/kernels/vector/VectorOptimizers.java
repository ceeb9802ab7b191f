package dev.lanewise.kernels.vector;

import dev.lanewise.kernels.OptimizerKernels;
import jdk.incubator.vector.VectorSpecies;

/** Placeholder. */
public record VectorOptimizers(VectorSpecies<Float> species) implements OptimizerKernels {
    public static VectorOptimizers of(VectorSpecies<Float> species) {
        return new VectorOptimizers(species);
    }
}
