package dev.lanewise.kernels.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Recovers the species as a compile-time constant inside a kernel that C2 compiled on its own.
 *
 * <p>Why: the Vector API intrinsics need the vector class as a constant. A species read from a record
 * field is one only where the kernel was inlined into a caller holding the record in a static final; a
 * long call (one big array, or 256 softmax rows) gets its hot loop compiled standalone first, where the
 * species is just a field value, and then {@code FloatVector.zero(s)}, {@code broadcast(s, x)} and
 * {@code s.indexInRange(...)} fail to intrinsify: every vector is boxed (measured: 6 bytes allocated per
 * element in MSE, 3 MB per 256 x 1000 softmax call, several times slower than scalar). A vector loaded
 * through {@code fromArray} does get its exact class, from the call's type profile; its {@code species()}
 * is then a static final of that class. In a JVM that uses one width (production) the profile has one
 * class; where several widths run (the tests) everything stays correct, only slower.
 */
final class LossSpecies {
    private LossSpecies() {}

    /** Enough zeros for the widest species (2048-bit vectors of floats have 64 lanes). */
    private static final float[] ZEROS = new float[64];

    /** The same species, but as a constant of the loaded vector's class. */
    static VectorSpecies<Float> pinned(VectorSpecies<Float> species) {
        return FloatVector.fromArray(species, ZEROS, 0).species();
    }
}
