package dev.lanewise.kernels;

import java.util.Objects;

/**
 * What a kernel warm-up ({@link Kernels#warmUp()}) did.
 *
 * @param implementation the kernels it ran ({@link KernelProvider#name()}), or {@code none} where it did not run
 * @param rounds         rounds of the warm-up workload it ran (0 where it did not run)
 * @param seconds        wall time it took
 * @param outcome        why it stopped, or why it did not run, in words
 */
public record WarmUpReport(String implementation, long rounds, double seconds, String outcome) {
    public WarmUpReport {
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(outcome, "outcome");
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must be >= 0, was " + rounds);
        }
    }

    /** Whether the workload ran at all. */
    public boolean ran() {
        return rounds > 0;
    }
}
