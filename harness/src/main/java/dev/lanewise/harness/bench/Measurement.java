package dev.lanewise.harness.bench;

import java.util.Map;

/**
 * One JMH result with what it means: time per invocation (with JMH's 99.9% error) and the rates it implies.
 *
 * @param benchmark  simple class name, e.g. {@code BlasBenchmark}
 * @param method     benchmark method, e.g. {@code dotVector}
 * @param params     JMH parameters, e.g. size=4096
 * @param level      the feature level of the forks
 * @param nsPerOp    mean time per invocation, ns
 * @param nsError    JMH's 99.9% confidence half-width, ns (NaN with too few iterations)
 * @param work       what one invocation does
 */
public record Measurement(String benchmark, String method, Map<String, String> params, FeatureLevel level,
        double nsPerOp, double nsError, Work work) {

    /** GFLOPS (flops per ns), or NaN where the benchmark states no flops. */
    public double gflops() {
        return work.flops() > 0 ? work.flops() / nsPerOp : Double.NaN;
    }

    /** GB/s (bytes per ns). */
    public double gbPerSecond() {
        return work.bytes() > 0 ? work.bytes() / nsPerOp : Double.NaN;
    }

    /** Giga-elements per second. */
    public double gelemsPerSecond() {
        return work.elements() > 0 ? work.elements() / nsPerOp : Double.NaN;
    }

    /** Relative error of the time, to carry into ratios. */
    public double relativeError() {
        return Double.isNaN(nsError) ? Double.NaN : nsError / nsPerOp;
    }

    /** The parameters as one short label, e.g. {@code size=4096}. */
    public String paramLabel() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
