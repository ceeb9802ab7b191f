package dev.lanewise.harness.bench;

import java.util.Locale;

/** A speed ratio of two measurements with its error, propagated from JMH's errors of both. */
public record Ratio(double value, double error) {

    /** How many times faster {@code fast} is than {@code slow} (time of slow / time of fast). */
    public static Ratio speedup(Measurement fast, Measurement slow) {
        double value = slow.nsPerOp() / fast.nsPerOp();
        double relative = Math.hypot(nanToZero(fast.relativeError()), nanToZero(slow.relativeError()));
        return new Ratio(value, value * relative);
    }

    private static double nanToZero(double x) {
        return Double.isNaN(x) ? 0 : x;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2fx ± %.2f", value, error);
    }
}
