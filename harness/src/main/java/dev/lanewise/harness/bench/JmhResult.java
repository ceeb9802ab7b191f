package dev.lanewise.harness.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One benchmark's primary result as JMH wrote it to its JSON file, with the time per operation it means.
 * JMH writes average, sample and single-shot times as time per operation ({@code ns/op}, {@code us/op}, ...)
 * and throughput as operations per time ({@code ops/s}, ...); {@link #nsPerOp()} brings both to ns per operation.
 *
 * @param benchmark  simple class name, e.g. {@code BlasBenchmark}
 * @param method     benchmark method, e.g. {@code dotVector}
 * @param params     JMH parameters in the file's order, e.g. size=4096
 * @param level      the feature level of the forks
 * @param mode       JMH's mode: {@code avgt}, {@code thrpt}, {@code sample} or {@code ss}
 * @param score      JMH's score, in {@code scoreUnit}
 * @param scoreError JMH's 99.9% confidence half-width, in {@code scoreUnit} (NaN with too few iterations)
 * @param scoreUnit  e.g. {@code ns/op} or {@code ops/s}
 */
public record JmhResult(String benchmark, String method, Map<String, String> params, FeatureLevel level,
        String mode, double score, double scoreError, String scoreUnit) {

    public JmhResult {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(method, "method");
        // Kept in the file's order for display; Map equality ignores order, so keys still match.
        params = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(params, "params")));
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(scoreUnit, "scoreUnit");
        nanosPer(scoreUnit); // refuses a unit that is no time per operation or operations per time
    }

    /** What two reports' results are matched on: class, method, parameters and level. */
    public record Key(String benchmark, String method, Map<String, String> params, FeatureLevel level) {}

    public Key key() {
        return new Key(benchmark, method, params, level);
    }

    /** Whether the score is a rate (operations per time) rather than a time per operation. */
    public boolean isThroughput() {
        return scoreUnit.startsWith("ops/");
    }

    /** Mean time per operation, ns; a throughput's inverse. */
    public double nsPerOp() {
        return isThroughput() ? nanosPer(scoreUnit) / score : score * nanosPer(scoreUnit);
    }

    /**
     * The error of {@link #nsPerOp()}, ns. For a throughput it is carried to first order: the relative error of
     * 1/s equals that of s, which is what ratios use (the exact interval, 1/(s+e) to 1/(s-e), is lopsided).
     */
    public double nsError() {
        return isThroughput() ? nsPerOp() * scoreError / score : scoreError * nanosPer(scoreUnit);
    }

    /** As a {@link Measurement} with no stated work, so that {@link Ratio} can take it. */
    public Measurement toMeasurement() {
        return new Measurement(benchmark, method, params, level, nsPerOp(), nsError(), new Work(0, 0, 0));
    }

    /** The parameters as one short label, e.g. {@code size=4096}. */
    public String paramLabel() {
        return toMeasurement().paramLabel();
    }

    /** Nanoseconds in the time unit of {@code ns/op}, {@code us/op}, ..., or of {@code ops/ns}, {@code ops/s}, .... */
    static double nanosPer(String scoreUnit) {
        String unit = scoreUnit.endsWith("/op") ? scoreUnit.substring(0, scoreUnit.length() - 3)
                : scoreUnit.startsWith("ops/") ? scoreUnit.substring(4) : "";
        // The names JMH writes (org.openjdk.jmh.runner.options.TimeValue); "µs" also, as some tools write it.
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            case "hr" -> 3600e9;
            case "day" -> 86400e9;
            default -> throw new IllegalArgumentException("scoreUnit must be a time per operation (ns/op, us/op, ms/op, "
                    + "s/op, ...) or operations per time (ops/s, ops/ms, ...), was " + scoreUnit);
        };
    }
}
