package dev.lanewise.harness.bench;

import java.util.Arrays;
import java.util.Objects;

/**
 * How the time of a kernel's calls settles in a fresh JVM, from the times of its calls in the order they ran
 * (times {@code t[0] .. t[n-1]}, any unit; the results are in the same unit):
 * <ul>
 *   <li>{@link #firstCall()} = {@code t[0]};</li>
 *   <li>{@link #steady()} = the median of the last {@code ceil(n / 5)} calls (the last 20%);</li>
 *   <li>a call is <em>slow</em> when it took more than {@value #SLOW_FACTOR} times {@link #steady()};</li>
 *   <li>with {@code W = min(}{@value #WINDOW}{@code , n)}, the steady phase starts at the smallest index
 *       {@code i} such that call {@code i} is not slow and every window of {@code W} consecutive calls
 *       {@code t[j] .. t[j+W-1]} with {@code i <= j <= n - W} holds at most {@code W / 10} slow calls (so that
 *       a lone pause, a GC or a safepoint, in the steady phase does not end it, but a run of three does);</li>
 *   <li>{@link #callsToSteady()} = {@code i}, the number of calls before the steady phase (0: steady from the
 *       first call), and {@link #timeToSteady()} = {@code t[0] + ... + t[i-1]}, the time spent in them;</li>
 *   <li>where no index qualifies (the series ends in slow calls) the steady phase was not {@link #reached()};
 *       then {@link #callsToSteady()} is {@code n} and {@link #timeToSteady()} the {@link #total()}.</li>
 * </ul>
 * Times are those of the calls alone: what a program waits for in the kernel, not counting the time between
 * calls (in which, during a benchmark, the JIT compiles on its own threads).
 *
 * @param calls         how many calls the series has
 * @param firstCall     the first call's time
 * @param steady        the steady time per call
 * @param callsToSteady the calls before the steady phase
 * @param timeToSteady  the time spent in those calls
 * @param total         the time of all the calls
 * @param reached       whether the series reached a steady phase
 */
public record ColdStart(int calls, double firstCall, double steady, int callsToSteady, double timeToSteady,
        double total, boolean reached) {

    /** A call slower than this many times the steady time is slow. */
    public static final double SLOW_FACTOR = 1.5;
    /** The window in which the steady phase tolerates a tenth of its calls slow. */
    public static final int WINDOW = 20;

    /**
     * Analyzes {@code times}, the calls' times in the order they ran.
     *
     * @throws IllegalArgumentException where there is no call, or a time is negative or not finite
     */
    public static ColdStart of(double[] times) {
        Objects.requireNonNull(times, "times");
        int n = times.length;
        if (n == 0) {
            throw new IllegalArgumentException("times must hold at least one call, was empty");
        }
        for (int k = 0; k < n; k++) {
            if (!(times[k] >= 0) || Double.isInfinite(times[k])) {
                throw new IllegalArgumentException("times[" + k + "] must be finite and >= 0, was " + times[k]);
            }
        }
        int tail = (n + 4) / 5;
        double steady = median(Arrays.copyOfRange(times, n - tail, n));
        double limit = SLOW_FACTOR * steady;
        int window = Math.min(WINDOW, n);
        int allowed = window / 10;
        // slowBefore[k]: slow calls among t[0] .. t[k-1], so a window's count is one subtraction.
        int[] slowBefore = new int[n + 1];
        for (int k = 0; k < n; k++) {
            slowBefore[k + 1] = slowBefore[k] + (times[k] > limit ? 1 : 0);
        }
        // The steady phase must start after the last window with too many slow calls.
        int lastBadWindow = -1;
        for (int j = 0; j + window <= n; j++) {
            if (slowBefore[j + window] - slowBefore[j] > allowed) {
                lastBadWindow = j;
            }
        }
        int start = -1;
        for (int k = lastBadWindow + 1; k < n; k++) {
            if (times[k] <= limit) {
                start = k;
                break;
            }
        }
        double total = sum(times, n);
        if (start < 0) {
            return new ColdStart(n, times[0], steady, n, total, total, false);
        }
        return new ColdStart(n, times[0], steady, start, sum(times, start), total, true);
    }

    /** {@code t[0] + ... + t[count-1]}. */
    public static double sum(double[] times, int count) {
        double s = 0;
        for (int k = 0; k < count; k++) {
            s += times[k];
        }
        return s;
    }

    /** The median; the mean of the two middle values of an even count. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
