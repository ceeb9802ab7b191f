package dev.lanewise.kernels;

import java.util.Locale;

/**
 * How a trainer warms the kernels up before its first step, set by the system property
 * {@value Kernels#WARM_UP_PROPERTY}: see {@link Kernels#warmUp()} for why.
 */
public enum WarmUpMode {
    /** Start the warm-up on a background thread and train at once (the default). */
    BACKGROUND,
    /** Wait for the warm-up to finish, then train. */
    BLOCKING,
    /** Never warm up: {@link Kernels#warmUp()} and {@link Kernels#warmUpInBackground()} do nothing. */
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
