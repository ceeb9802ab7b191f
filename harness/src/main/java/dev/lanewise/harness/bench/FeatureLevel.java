package dev.lanewise.harness.bench;

import java.util.List;

/**
 * A CPU-feature level measured in its own JMH forks: the JVM flags that make the kernels (and C2's own
 * auto-vectorization of the plain Java loops) use at most that width. Levels wider than the hardware's
 * preferred species are skipped, since they would only measure emulation.
 */
public enum FeatureLevel {
    /** The scalar reference kernels; C2 may still auto-vectorize the plain Java peers at full width. */
    SCALAR("scalar", 0, List.of("-Dlanewise.kernels=scalar")),
    /** 128-bit vectors (SSE/AVX xmm registers) for both the kernels and C2's auto-vectorizer. */
    V128("vector128", 128, List.of("-Dlanewise.vector.bits=128", "-XX:MaxVectorSize=16")),
    /** 256-bit vectors (AVX2 ymm registers). */
    V256("vector256", 256, List.of("-Dlanewise.vector.bits=256", "-XX:MaxVectorSize=32")),
    /** 512-bit vectors (AVX-512 zmm registers). */
    V512("vector512", 512, List.of("-Dlanewise.vector.bits=512", "-XX:MaxVectorSize=64")),
    /** Whatever the dispatcher picks on its own: the production configuration. */
    DEFAULT("default", -1, List.of());

    private final String label;
    private final int bits;
    private final List<String> jvmArgs;

    FeatureLevel(String label, int bits, List<String> jvmArgs) {
        this.label = label;
        this.bits = bits;
        this.jvmArgs = jvmArgs;
    }

    public String label() {
        return label;
    }

    /** The vector width this level allows, 0 for scalar, -1 for the dispatcher's own choice. */
    public int bits() {
        return bits;
    }

    /** The JVM flags of this level's forks (added to the common ones). */
    public List<String> jvmArgs() {
        return jvmArgs;
    }

    /** Whether this level runs natively on hardware whose preferred width is {@code preferredBits}. */
    public boolean runsNatively(int preferredBits) {
        return bits <= preferredBits;
    }

    public static FeatureLevel parse(String label) {
        for (FeatureLevel level : values()) {
            if (level.label.equalsIgnoreCase(label) || level.name().equalsIgnoreCase(label)) {
                return level;
            }
        }
        throw new IllegalArgumentException("level must be one of scalar, vector128, vector256, vector512, default; was " + label);
    }
}
