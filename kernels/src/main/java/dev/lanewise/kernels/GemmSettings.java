package dev.lanewise.kernels;

/**
 * How many threads {@link Gemm} uses when a call does not say: the system property {@value #PROPERTY} at
 * start-up (default: the available processors), changeable with {@link #setThreads}. The thread count
 * never changes the result (see {@link GemmKernels}), only the speed.
 */
public final class GemmSettings {
    /** System property with the default thread count. */
    public static final String PROPERTY = "lanewise.gemm.threads";

    private static volatile int threads = initial();

    private GemmSettings() {}

    /** The thread count {@link Gemm} uses by default. */
    public static int threads() {
        return threads;
    }

    /** Sets the default thread count; {@code threads >= 1}. */
    public static void setThreads(int threads) {
        Check.atLeast("threads", threads, 1);
        GemmSettings.threads = threads;
    }

    private static int initial() {
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(PROPERTY + " must be an integer >= 1, was " + value);
    }
}
