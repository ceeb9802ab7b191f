package dev.lanewise.harness.support;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators for kernel inputs: lengths around every lane count, offsets, and values that include the
 * special ones (±0, subnormals, ±Inf, NaN, huge magnitudes).
 */
public final class FloatData {
    private FloatData() {}

    /** Lane counts of 128/256/512-bit float species and of the 4x unrolled loops, each ±1. */
    private static final Integer[] EDGE_LENGTHS = {
        0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 48, 49, 63, 64, 65, 127, 128, 129
    };
    private static final Integer[] PRIME_LENGTHS = {2, 3, 5, 11, 13, 37, 61, 67, 101, 103, 257, 1031, 4099};

    /** Lengths: the edge cases above, primes, and random lengths up to {@code max}. */
    public static Arbitrary<Integer> lengths(int max) {
        return Arbitraries.frequencyOf(
                weighted(4, Arbitraries.of(EDGE_LENGTHS)),
                weighted(2, Arbitraries.of(PRIME_LENGTHS).filter(n -> n <= max)),
                weighted(2, Arbitraries.integers().between(0, max)));
    }

    /** Offsets into an array: mostly 0, sometimes a few elements in, so misaligned loads are exercised. */
    public static Arbitrary<Integer> offsets() {
        return Arbitraries.frequencyOf(weighted(3, Arbitraries.just(0)), weighted(2, Arbitraries.integers().between(1, 19)));
    }

    /** Ordinary values of moderate size, in [-bound, bound]. */
    public static Arbitrary<Float> moderate(float bound) {
        return Arbitraries.floats().between(-bound, bound).withSpecialValue(0f).withSpecialValue(-0f);
    }

    /** The special values: ±0, subnormals, ±Inf, NaN, huge and tiny magnitudes. */
    public static Arbitrary<Float> specials() {
        return Arbitraries.of(0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL / 3, -Float.MIN_NORMAL / 7,
                Float.MIN_NORMAL, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MAX_VALUE,
                -Float.MAX_VALUE, 1e30f, -1e30f, 1e-30f, 1000f, -1000f, 88.7f, -88.7f, 1f, -1f);
    }

    /** Mostly moderate values with the special ones mixed in. */
    public static Arbitrary<Float> values() {
        return Arbitraries.frequencyOf(
                weighted(8, moderate(8f)), weighted(1, Arbitraries.floats().between(-1e6f, 1e6f)), weighted(1, specials()));
    }

    /** Only finite values of moderate size, for checks that need them (gradients, tight bounds). */
    public static Arbitrary<Float> finite(float bound) {
        return moderate(bound);
    }

    /** An array of {@code length} elements drawn from {@code values}. */
    public static Arbitrary<float[]> array(Arbitrary<Float> values, int length) {
        return values.array(float[].class).ofSize(length);
    }

    /** One array range: a length, an offset, and an array holding it with a little slack after. */
    public record Slice(int n, int offset, float[] data) {
        /** A copy of the array, so that each implementation writes into its own. */
        public float[] copy() {
            return data.clone();
        }

        @Override
        public String toString() {
            return "Slice[n=" + n + ", offset=" + offset + ", length=" + data.length + "]";
        }
    }

    /** A slice of {@code n} elements at a generated offset. */
    public static Arbitrary<Slice> slice(int n, Arbitrary<Float> values) {
        return Combinators.combine(offsets(), Arbitraries.integers().between(0, 3))
                .flatAs((offset, slack) -> array(values, offset + n + slack).map(a -> new Slice(n, offset, a)));
    }

    private static <T> net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends T>> weighted(int weight, Arbitrary<? extends T> arbitrary) {
        return net.jqwik.api.Tuple.of(weight, arbitrary);
    }
}
