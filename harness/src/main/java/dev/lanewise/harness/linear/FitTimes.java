package dev.lanewise.harness.linear;

import java.util.Arrays;
import java.util.Locale;

/**
 * Wall-clock times of repeated fits, in seconds, with the median and the spread (minimum and maximum) that
 * the report quotes.
 */
public record FitTimes(double[] seconds) {

    public FitTimes {
        if (seconds.length == 0) {
            throw new IllegalArgumentException("seconds must hold at least one time");
        }
        seconds = seconds.clone();
    }

    public double median() {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public double min() {
        return Arrays.stream(seconds).min().orElseThrow();
    }

    public double max() {
        return Arrays.stream(seconds).max().orElseThrow();
    }

    /** {@code {"median": .., "min": .., "max": .., "repeats": n, "samples": [..]}}. */
    public String toJson() {
        StringBuilder samples = new StringBuilder();
        for (double s : seconds) {
            samples.append(samples.isEmpty() ? "" : ", ").append(number(s));
        }
        return "{\"median\": " + number(median()) + ", \"min\": " + number(min()) + ", \"max\": " + number(max())
                + ", \"repeats\": " + seconds.length + ", \"samples\": [" + samples + "]}";
    }

    static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.9g", v) : "null";
    }
}
