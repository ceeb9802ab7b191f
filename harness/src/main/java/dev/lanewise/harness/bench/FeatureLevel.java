package dev.lanewise.harness.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A CPU-feature level measured in its own JMH forks: the JVM flags that make the kernels (and C2's own
 * auto-vectorization of the plain Java loops) use at most that width, or that hide CPU features from the JVM.
 *
 * <p>Two kinds of narrowing, which differ (measured on JDK 25, AMD Zen 5 with AVX-512):
 * <ul>
 *   <li>{@code -XX:MaxVectorSize=16/32/64} ({@link #V128}, {@link #V256}, {@link #V512}) narrows the Vector API's
 *       preferred species and C2's auto-vectorizer alike; every instruction set stays on, so C2's scalar code
 *       still uses AVX-512's encodings.</li>
 *   <li>{@code -XX:UseAVX=N} ({@link #AVX2}, {@link #AVX1}, {@link #SSE}) makes the JVM act as on an older CPU:
 *       {@code UseAVX=2} gives 256-bit species and no AVX-512 instruction anywhere; {@code UseAVX=1} gives a
 *       128-bit preferred species but keeps {@code MaxVectorSize=32}, so it narrows only the Vector API (C2
 *       still auto-vectorizes float loops at 256 bits) and keeps {@code UseFMA}; {@code UseAVX=0} gives 128-bit
 *       SSE and {@code UseFMA=false}.</li>
 * </ul>
 * Which levels a CPU can show is decided from its flags ({@link #skipReason}), not only from its width.
 */
public enum FeatureLevel {
    /** The scalar reference kernels; C2 may still auto-vectorize the plain Java peers at full width. */
    SCALAR("scalar", 0, List.of("-Dlanewise.kernels=scalar"), null, null, null),
    /** 128-bit vectors (SSE/AVX xmm registers) for both the kernels and C2's auto-vectorizer. */
    V128("vector128", 128, List.of("-Dlanewise.vector.bits=128", "-XX:MaxVectorSize=16"), null, null, null),
    /** 256-bit vectors (AVX2 ymm registers). */
    V256("vector256", 256, List.of("-Dlanewise.vector.bits=256", "-XX:MaxVectorSize=32"), null, null, null),
    /** 512-bit vectors (AVX-512 zmm registers). */
    V512("vector512", 512, List.of("-Dlanewise.vector.bits=512", "-XX:MaxVectorSize=64"), null, null, null),
    /** Whatever the dispatcher picks on its own: the production configuration. */
    DEFAULT("default", -1, List.of(), null, null, null),
    /**
     * The JVM as on an AVX2 CPU ({@code -XX:UseAVX=2}): 256-bit species chosen by the dispatcher itself, and no
     * AVX-512 instruction even in C2's scalar code, which {@link #V256} keeps. Shown only on an AVX-512 CPU:
     * elsewhere it is the JVM's default.
     */
    AVX2("avx2", 256, List.of("-XX:UseAVX=2"), "avx2", "avx512f", null),
    /**
     * The JVM as on an AVX (first generation) CPU ({@code -XX:UseAVX=1}): a 128-bit preferred species for the
     * Vector API, while C2's auto-vectorizer keeps 256-bit float vectors; FMA stays on (it is a CPU flag of its
     * own). Unlike {@link #V128}, it narrows the kernels but not the plain Java peers. Shown only on an AVX2 CPU.
     */
    AVX1("avx1", 128, List.of("-XX:UseAVX=1"), "avx", "avx2",
            "the JVM keeps FMA and C2's 256-bit auto-vectorization here, so only the Vector API is narrowed"),
    /**
     * The JVM as on an SSE-only CPU ({@code -XX:UseAVX=0}): 128-bit species and no hardware FMA. The JVM then
     * reports {@code UseFMA=false} and the kernels' FMA policy already picks multiply-add; the fork also says
     * {@code -Dlanewise.fma=false}, so that the level never measures the JVM's software FMA (thousands of times
     * slower) whatever the JVM reports. The dispatcher refuses the vector path there (C2 leaves part of the API
     * unintrinsified without AVX), so the fork forces it with {@code -Dlanewise.kernels=vector}: the level shows
     * what SSE gives the Vector API, which is why production runs scalar there. Shown only on an AVX CPU.
     */
    SSE("sse", 128, List.of("-XX:UseAVX=0", "-Dlanewise.fma=false", "-Dlanewise.kernels=vector"), "sse4_2", "avx",
            "no hardware FMA: code that calls Math.fma or a vector fma itself (the plain-Java axpy peer) runs the "
                    + "JVM's software FMA, thousands of times slower; and the vector path is forced (production "
                    + "refuses it without AVX: division and square root ran 40-400x slower than scalar)");

    /** The levels {@code --levels all} considers, narrowest first. */
    private static final List<FeatureLevel> CANDIDATES = List.of(SCALAR, SSE, AVX1, V128, AVX2, V256, V512);

    private final String label;
    private final int bits;
    private final List<String> jvmArgs;
    /** The CPU flag without which the fork's flags mean nothing (null: any CPU). */
    private final String requiredFlag;
    /** The CPU flag whose presence makes this level differ from the JVM's default (null: always differs). */
    private final String narrowedFlag;
    private final String caveat;

    FeatureLevel(String label, int bits, List<String> jvmArgs, String requiredFlag, String narrowedFlag, String caveat) {
        this.label = label;
        this.bits = bits;
        this.jvmArgs = jvmArgs;
        this.requiredFlag = requiredFlag;
        this.narrowedFlag = narrowedFlag;
        this.caveat = caveat;
    }

    public String label() {
        return label;
    }

    /**
     * The Vector API width this level allows, 0 for scalar, -1 for the dispatcher's own choice. For the
     * {@code UseAVX} levels, the preferred species the JVM shows under that flag.
     */
    public int bits() {
        return bits;
    }

    /** The JVM flags of this level's forks (added to the common ones). */
    public List<String> jvmArgs() {
        return jvmArgs;
    }

    /** What a reader of this level's figures must know (for example that the JVM has no FMA there), if anything. */
    public Optional<String> caveat() {
        return Optional.ofNullable(caveat);
    }

    /**
     * Whether this level runs natively on hardware whose preferred width is {@code preferredBits}. It looks at the
     * width only; {@link #runsNatively(int, Collection)} also looks at the CPU flags the {@code UseAVX} levels need.
     */
    public boolean runsNatively(int preferredBits) {
        return bits <= preferredBits;
    }

    /**
     * Whether this level runs natively on a CPU with these SIMD flags (as {@code CpuInfo.simdFlags()} names them:
     * {@code sse4_2, avx, avx2, fma, avx512f, ...}) and a JVM whose preferred width is {@code preferredBits}.
     */
    public boolean runsNatively(int preferredBits, Collection<String> cpuFlags) {
        return runsNatively(preferredBits) && (requiredFlag == null || cpuFlags.contains(requiredFlag));
    }

    /**
     * Why {@code --levels all} leaves this level out on such a CPU, or empty where it runs it: it would measure
     * emulation (wider than the hardware, or a flag the CPU lacks), or it would be the JVM's default there and so
     * measure nothing that level {@code default} does not.
     */
    public Optional<String> skipReason(int preferredBits, Collection<String> cpuFlags) {
        if (requiredFlag != null && !cpuFlags.contains(requiredFlag)) {
            return Optional.of("needs the CPU flag " + requiredFlag + ", which this CPU does not report (it has: "
                    + (cpuFlags.isEmpty() ? "none known" : String.join(" ", cpuFlags)) + ")");
        }
        if (!runsNatively(preferredBits)) {
            return Optional.of("wider than this CPU's " + preferredBits + "-bit vectors (it would measure emulation)");
        }
        if (narrowedFlag != null && !cpuFlags.contains(narrowedFlag)) {
            return Optional.of(jvmArgs.get(0) + " is the JVM's default on a CPU without " + narrowedFlag
                    + ", so it would measure what level default does");
        }
        return Optional.empty();
    }

    /** The levels {@code --levels all} runs on such a CPU, narrowest first; {@link #skipReason} says why not the others. */
    public static List<FeatureLevel> allOn(int preferredBits, Collection<String> cpuFlags) {
        return CANDIDATES.stream().filter(l -> l.skipReason(preferredBits, cpuFlags).isEmpty()).toList();
    }

    /** Every level {@code --levels all} considers, narrowest first. */
    public static List<FeatureLevel> candidates() {
        return CANDIDATES;
    }

    public static FeatureLevel parse(String label) {
        for (FeatureLevel level : values()) {
            if (level.label.equalsIgnoreCase(label) || level.name().equalsIgnoreCase(label)) {
                return level;
            }
        }
        throw new IllegalArgumentException("level must be one of " + labels() + "; was " + label);
    }

    /** Every label, comma-separated, for messages and help. */
    public static String labels() {
        return Arrays.stream(values()).map(FeatureLevel::label).collect(Collectors.joining(", "));
    }
}
