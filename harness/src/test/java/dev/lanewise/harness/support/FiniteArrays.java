package dev.lanewise.harness.support;

import dev.lanewise.harness.support.FloatData.Slice;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Finite-only inputs up to {@value #MAX_LENGTH} elements, for checking the numeric bounds of reductions on
 * long arrays. {@link FloatData#values()} mixes in NaN and infinities (about 1.4% of elements), so an array
 * of a few hundred elements almost always takes the non-finite branch of a reduction's contract; these
 * never do. Arrays are filled from a seeded {@link SplittableRandom} (jqwik drawing 100,000 floats one by
 * one would be slow), and the seed and shape are in {@link Seeded#toString()}, so a failure reproduces.
 */
public final class FiniteArrays {
    private FiniteArrays() {}

    /** The longest generated array. */
    public static final int MAX_LENGTH = 100_000;

    /** Lengths on both sides of powers of two, where the unrolled loops and their tails change. */
    private static final Integer[] LONG_EDGES = {4095, 4096, 4097, 65535, 65536, 65537, 99_999, MAX_LENGTH};

    /** What the values look like. */
    public enum Shape {
        /** Uniform in [-8, 8]: cancellation between signs. */
        UNIFORM,
        /** Uniform in (0, 1]: no cancellation, every partial sum grows. */
        POSITIVE,
        /** Random signs, magnitudes 2^-24 to 2^24: every ordering rounds differently. */
        WIDE,
        /**
         * Uniform in [-1, 1] with a few spikes of magnitude about 2^14, always one at the first and one at the
         * last element: an element dropped or counted twice (a lost tail, an off-by-one unrolled loop) moves
         * the sum by far more than the bound allows.
         */
        SPIKES,
        /** Uniform in [-1, 1] with one element in ten tiny: ±0, subnormals, 1e-30 (products underflow). */
        TINY,
        /** 0 or 1: hard labels, for binary cross-entropy's targets (not among {@link #shapes()}). */
        BINARY,
        /** -1 or +1: the hinge loss's targets (not among {@link #shapes()}). */
        SIGNS
    }

    /**
     * One seeded array range: {@code data()[offset, offset + n)} plus a little slack after. The array is
     * filled on first use, not when jqwik generates the parameters (it builds many candidates, edge cases
     * among them, that a property never runs).
     */
    public static final class Seeded {
        private final int n;
        private final int offset;
        private final Shape shape;
        private final long seed;
        private float[] data;

        /** The range {@code [offset, offset + n)} of an array of {@code shape} filled from {@code seed}. */
        public Seeded(int n, int offset, Shape shape, long seed) {
            this.n = n;
            this.offset = offset;
            this.shape = shape;
            this.seed = seed;
        }

        public int n() {
            return n;
        }

        public int offset() {
            return offset;
        }

        /** The whole array, generated on the first call. */
        public float[] data() {
            if (data == null) {
                data = generate();
            }
            return data;
        }

        /** Element {@code i} of the range. */
        public float get(int i) {
            return data()[offset + i];
        }

        /** As a {@link Slice}, for the helpers that take one. */
        public Slice slice() {
            return new Slice(n, offset, data());
        }

        private float[] generate() {
            SplittableRandom random = new SplittableRandom(seed);
            float[] values = new float[offset + n + 3];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(random, shape);
            }
            if (shape == Shape.SPIKES && n > 0) {
                values[offset] = spike(random);
                values[offset + n - 1] = spike(random);
                for (int k = n / 10_000; k > 0; k--) {
                    values[offset + random.nextInt(n)] = spike(random);
                }
            }
            return values;
        }

        @Override
        public String toString() {
            return "Seeded[n=" + n + ", offset=" + offset + ", shape=" + shape + ", seed=" + seed + "L]";
        }
    }

    /**
     * Lengths: mostly long (to {@value #MAX_LENGTH}, with the edges around powers of two), some from
     * {@link FloatData#lengths}, so that the short paths see finite data too.
     */
    public static Arbitrary<Integer> lengths() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, FloatData.lengths(3000)),
                Tuple.of(2, Arbitraries.of(LONG_EDGES)),
                Tuple.of(4, Arbitraries.integers().between(3000, MAX_LENGTH).withDistribution(RandomDistribution.uniform())));
    }

    /** The shapes of general values (not the label shapes). */
    public static Arbitrary<Shape> shapes() {
        return Arbitraries.of(Shape.UNIFORM, Shape.POSITIVE, Shape.WIDE, Shape.SPIKES, Shape.TINY);
    }

    /** A seeded range of {@code n} elements at a generated offset, of a generated general shape. */
    public static Arbitrary<Seeded> seeded(int n) {
        return seeded(n, shapes());
    }

    /** A seeded range of {@code n} elements at a generated offset, of one of {@code shapes}. */
    public static Arbitrary<Seeded> seeded(int n, Arbitrary<Shape> shapes) {
        return Combinators.combine(FloatData.offsets(), shapes, Arbitraries.longs())
                .as((offset, shape, seed) -> new Seeded(n, offset, shape, seed));
    }

    /** A seeded range of generated length. */
    public static Arbitrary<Seeded> seeded() {
        return lengths().flatMap(FiniteArrays::seeded);
    }

    /** Two seeded ranges of one generated length, each with its own offset, shape and seed. */
    public static Arbitrary<Tuple.Tuple2<Seeded, Seeded>> pairs() {
        return lengths().flatMap(n -> Combinators.combine(seeded(n), seeded(n)).as(Tuple::of));
    }

    private static float value(SplittableRandom random, Shape shape) {
        return switch (shape) {
            case UNIFORM -> (float) random.nextDouble(-8, 8);
            case POSITIVE -> (float) (1 - random.nextDouble()); // (0, 1]
            case WIDE -> (random.nextBoolean() ? 1 : -1) * (float) Math.scalb(1 + random.nextDouble(), random.nextInt(-24, 24));
            case SPIKES -> (float) random.nextDouble(-1, 1);
            case TINY -> random.nextInt(10) == 0 ? tiny(random) : (float) random.nextDouble(-1, 1);
            case BINARY -> random.nextInt(2);
            case SIGNS -> random.nextBoolean() ? 1f : -1f;
        };
    }

    private static float spike(SplittableRandom random) {
        return (random.nextBoolean() ? 1 : -1) * (float) Math.scalb(1 + random.nextDouble(), 14);
    }

    private static float tiny(SplittableRandom random) {
        float[] tiny = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL / 3, 1e-30f, -1e-30f, 1e-40f};
        return tiny[random.nextInt(tiny.length)];
    }
}
