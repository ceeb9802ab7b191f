package dev.lanewise.harness.segment;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** What the segment tests run over: every implementation by name, every segment kind, lengths and data. */
final class SegmentCases {
    private SegmentCases() {}

    /** The staging chunk, in floats. */
    static final int CHUNK = 2048;

    /**
     * Lengths around the lane counts (4, 8, 16 floats, four vectors of them) and around one and two staging
     * chunks.
     */
    static final int[] LENGTHS = {0, 1, 3, 15, 16, 17, 33, 64, 65, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 3};

    static List<String> implementations() {
        return List.of("scalar", "vector128", "vector256", "vector512");
    }

    /** Every implementation with every segment kind. */
    static Stream<Arguments> implementationsAndKinds() {
        List<Arguments> all = new ArrayList<>();
        for (String name : implementations()) {
            for (SegmentKind kind : SegmentKind.values()) {
                all.add(Arguments.of(name, kind));
            }
        }
        return all.stream();
    }

    static KernelProvider provider(String name) {
        return Kernels.named(name);
    }

    /**
     * {@code length} values in [-bound, bound], with special values (±0, subnormals, ±Inf, NaN) mixed in
     * where {@code specials}.
     */
    static float[] values(SplittableRandom random, int length, float bound, boolean specials) {
        float[] specialValues = {0f, -0f, Float.MIN_VALUE, -Float.MIN_NORMAL / 3, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.NaN, 1e30f, -88.7f, 25f};
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = specials && random.nextInt(16) == 0
                    ? specialValues[random.nextInt(specialValues.length)]
                    : (float) random.nextDouble(-bound, bound);
        }
        return x;
    }

    /** Values in (low, high). */
    static float[] between(SplittableRandom random, int length, double low, double high) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) random.nextDouble(low, high);
        }
        return x;
    }
}
