package dev.lanewise.kernels.vector;

import dev.lanewise.kernels.GemmKernels;
import jdk.incubator.vector.VectorSpecies;

/** Placeholder. */
public record VectorGemm(VectorSpecies<Float> species) implements GemmKernels {
    public static VectorGemm of(VectorSpecies<Float> species) {
        return new VectorGemm(species);
    }
}
