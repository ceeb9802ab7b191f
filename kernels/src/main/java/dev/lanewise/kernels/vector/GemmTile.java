package dev.lanewise.kernels.vector;

import dev.lanewise.kernels.FmaPolicy;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/** Stores one accumulator vector of a micro-kernel tile into C. */
final class GemmTile {
    private GemmTile() {}

    /**
     * {@code C[off, off + cols) = alpha * acc + beta * C} (only {@code alpha * acc} when {@code !readC}),
     * for the first {@code min(cols, lanes)} lanes; nothing when {@code cols <= 0}. A full vector takes the
     * plain store; only the right edge of C pays for a mask.
     */
    static void store(FloatVector acc, float[] c, int off, int cols, float alpha, float beta, boolean readC) {
        // The species from VectorWidth, not a parameter: C2 often compiles this method on its own (it is
        // too large to inline after the micro-kernel's loop), and only a static final folds there.
        VectorSpecies<Float> s = VectorWidth.FLOAT;
        if (cols >= s.length()) {
            FloatVector result = readC ? combine(acc, alpha, beta, FloatVector.fromArray(s, c, off)) : scaled(acc, alpha);
            result.intoArray(c, off);
        } else if (cols > 0) {
            VectorMask<Float> mask = s.indexInRange(0, cols);
            FloatVector result = readC ? combine(acc, alpha, beta, FloatVector.fromArray(s, c, off, mask)) : scaled(acc, alpha);
            result.intoArray(c, off, mask);
        }
    }

    private static FloatVector scaled(FloatVector acc, float alpha) {
        return alpha == 1f ? acc : acc.mul(alpha);
    }

    private static FloatVector combine(FloatVector acc, float alpha, float beta, FloatVector old) {
        FloatVector alphaV = FloatVector.broadcast(acc.species(), alpha);
        return (FmaPolicy.USE_FMA ? (acc).fma(alphaV, beta == 1f ? old : old.mul(beta)) : (acc).mul(alphaV).add(beta == 1f ? old : old.mul(beta)));
    }
}
