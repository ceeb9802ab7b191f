package dev.lanewise.kernels;

import java.util.Locale;

/**
 * What a trainer does about the kernels' warm-up ({@link Kernels#warmUp()}) at its first fit, set by the
 * system property {@value Kernels#WARM_UP_PROPERTY}.
 *
 * <p>Off by default: on the 2-core machines measured (see {@code results/amd-epyc-2c/mlp-digits-fit.md}) neither
 * a blocking nor a background warm-up shortened a short cold fit (both made it 10-20% longer: the JIT's
 * compiler threads are the bottleneck, and the warm-up competes with the fit for them).
 */
public enum WarmUpMode {
    /** Start the warm-up on a background thread and train at once. */
    BACKGROUND,
    /** Wait for the warm-up to finish, then train: the first step runs compiled code. */
    BLOCKING,
    /** Leave the warm-up to the program (the default). */
    OFF;

    /** Parses {@code background}, {@code blocking} or {@code off} (any case, surrounding blanks ignored). */
    public static WarmUpMode parse(String value) {
        String v = value.strip().toUpperCase(Locale.ROOT);
        for (WarmUpMode mode : values()) {
            if (mode.name().equals(v)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(Kernels.WARM_UP_PROPERTY + " must be background, blocking or off, was " + value);
    }
}
