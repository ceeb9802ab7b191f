package dev.lanewise.kernels.internal.vector;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.internal.WidthClassLoader;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The species every vector kernel in this copy of the package uses, as {@code static final}s so that C2
 * folds them to constants. Loaded normally, the width is the production one: {@code lanewise.vector.bits}
 * if set, else the CPU's preferred width. Loaded by a {@link WidthClassLoader}, it is that loader's width.
 */
public final class VectorWidth {
    /** The width in bits of this copy of the vector kernels. */
    public static final int BITS = bits();
    /** Float lanes at {@link #BITS}. */
    public static final VectorSpecies<Float> FLOAT = VectorSpecies.of(float.class, VectorShape.forBitSize(BITS));
    /** Double lanes at {@link #BITS}: half as many, for accumulating in double. */
    public static final VectorSpecies<Double> DOUBLE = VectorSpecies.of(double.class, VectorShape.forBitSize(BITS));
    /** Float lanes at {@link #BITS}. */
    public static final int FLOAT_LANES = FLOAT.length();
    /**
     * Float lanes at half of {@link #BITS} (at least 128): the loads of a streaming reduction at 512 bits (see
     * {@code VectorBlas.dot}).
     */
    public static final VectorSpecies<Float> FLOAT_HALF = VectorSpecies.of(float.class,
            VectorShape.forBitSize(Math.max(128, BITS / 2)));
    /** Double lanes at {@link #BITS}. */
    public static final int DOUBLE_LANES = DOUBLE.length();

    // Rotations by half, a quarter, an eighth and a sixteenth of the lanes. Adding a vector to its rotation
    // by half, then by a quarter, ... leaves the sum of all lanes in lane 0, always in the same order:
    // reductions use them instead of reduceLanes(ADD), whose order the API leaves open and which C2 and the
    // interpreter carry out in different orders (so a sum's bits depended on whether its kernel was compiled
    // yet). A rotation wider than the vector's lanes is never used (the kernels test the lane count first).
    public static final VectorShuffle<Float> FLOAT_FOLD_HALF = rotation(FLOAT, 2);
    public static final VectorShuffle<Float> FLOAT_FOLD_QUARTER = rotation(FLOAT, 4);
    public static final VectorShuffle<Float> FLOAT_FOLD_EIGHTH = rotation(FLOAT, 8);
    public static final VectorShuffle<Float> FLOAT_FOLD_SIXTEENTH = rotation(FLOAT, 16);
    public static final VectorShuffle<Float> FLOAT_HALF_FOLD_HALF = rotation(FLOAT_HALF, 2);
    public static final VectorShuffle<Float> FLOAT_HALF_FOLD_QUARTER = rotation(FLOAT_HALF, 4);
    public static final VectorShuffle<Float> FLOAT_HALF_FOLD_EIGHTH = rotation(FLOAT_HALF, 8);
    public static final VectorShuffle<Double> DOUBLE_FOLD_HALF = rotation(DOUBLE, 2);
    public static final VectorShuffle<Double> DOUBLE_FOLD_QUARTER = rotation(DOUBLE, 4);
    public static final VectorShuffle<Double> DOUBLE_FOLD_EIGHTH = rotation(DOUBLE, 8);
    public static final VectorShuffle<Double> DOUBLE_FOLD_SIXTEENTH = rotation(DOUBLE, 16);

    private VectorWidth() {}

    /** The CPU's preferred float width under this JVM's flags (for example -XX:MaxVectorSize). */
    public static int preferredBits() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize();
    }

    /** Lane i takes lane (i + lanes / divisor) mod lanes. */
    private static <E> VectorShuffle<E> rotation(VectorSpecies<E> species, int divisor) {
        return VectorShuffle.iota(species, Math.max(1, species.length() / divisor), 1, true);
    }

    private static int bits() {
        if (VectorWidth.class.getClassLoader() instanceof WidthClassLoader loader) {
            return loader.bits();
        }
        // At most 512: the GEMM micro-kernels (and the tile and index-map buffers) exist for 128, 256 and 512
        // bits, and a wider SVE machine runs the 512-bit species.
        return Kernels.forcedVectorBits().orElseGet(() -> Math.min(512, Math.max(128, preferredBits())));
    }

    static {
        // Touch DoubleVector here so that a missing species fails at class initialization, not mid-kernel.
        DoubleVector.zero(DOUBLE);
    }
}
