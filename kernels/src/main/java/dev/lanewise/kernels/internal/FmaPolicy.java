package dev.lanewise.kernels.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The one fused-multiply-add policy that both the scalar and the vector paths follow, so that
 * elementwise kernels stay bit-identical: where {@link #USE_FMA} is true the scalar path calls
 * {@link Math#fma} exactly where the vector path calls {@code FloatVector.fma}; where it is false both use
 * a rounded multiply followed by a rounded add.
 *
 * <p>Why not always fuse: when the JVM runs without hardware FMA (for example under {@code -XX:UseAVX=0}),
 * {@code Math.fma} and {@code FloatVector.fma} fall back to software and become thousands of times slower.
 * The JVM's own {@code UseFMA} flag says whether it emits the instruction; the system property
 * {@value #PROPERTY} ({@code auto}, {@code true}, {@code false}) overrides it. Where the flag cannot be read
 * (not HotSpot, or no {@code jdk.management} module: see {@link HotSpotFlags}) the policy is multiply-add, the
 * choice that is never thousands of times slower.
 */
public final class FmaPolicy {
    /** System property that forces the policy: {@code auto} (default), {@code true} or {@code false}. */
    public static final String PROPERTY = "lanewise.fma";

    /** Whether kernels fuse multiply-add. Constant for the life of the JVM, so C2 folds every branch on it. */
    public static final boolean USE_FMA = decide();

    /** Why {@link #USE_FMA} has its value, for the dispatch log line. */
    public static final String REASON = reason();

    private FmaPolicy() {}

    /** {@code a * b + c}, fused exactly when {@link #USE_FMA} is true. */
    public static float fma(float a, float b, float c) {
        return USE_FMA ? Math.fma(a, b, c) : a * b + c;
    }

    private static boolean decide() {
        String forced = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        return switch (forced) {
            case "true" -> true;
            case "false" -> false;
            case "auto" -> jvmUsesFma();
            default -> throw new IllegalArgumentException(PROPERTY + " must be auto, true or false, was " + forced);
        };
    }

    private static String reason() {
        String forced = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (!forced.equals("auto")) {
            return PROPERTY + "=" + forced;
        }
        Optional<String> flag = HotSpotFlags.get("UseFMA");
        if (flag.isEmpty()) {
            return "UseFMA cannot be read because " + HotSpotFlags.unreadableReason().orElse("the VM has no such flag")
                    + ", so multiply-add";
        }
        return USE_FMA ? "the JVM reports UseFMA=true" : "the JVM reports no hardware FMA (UseFMA=false)";
    }

    /** HotSpot's UseFMA flag; a JVM where it cannot be read is assumed to have no fast FMA. */
    private static boolean jvmUsesFma() {
        return HotSpotFlags.get("UseFMA").map(Boolean::parseBoolean).orElse(false);
    }
}
