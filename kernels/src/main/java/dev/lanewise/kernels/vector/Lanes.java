package dev.lanewise.kernels.vector;

import dev.lanewise.kernels.FmaPolicy;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** Small lane helpers shared by the vector kernels. */
final class Lanes {
    private Lanes() {}

    /** {@code a * b + c}, fused exactly where {@link FmaPolicy#fma} fuses, so both paths round alike. */
    static FloatVector fma(FloatVector a, FloatVector b, FloatVector c) {
        return FmaPolicy.USE_FMA ? a.fma(b, c) : a.mul(b).add(c);
    }

    /** {@code a * b + c} in double lanes, under the same policy. */
    static DoubleVector fma(DoubleVector a, DoubleVector b, DoubleVector c) {
        return FmaPolicy.USE_FMA ? a.fma(b, c) : a.mul(b).add(c);
    }
}
