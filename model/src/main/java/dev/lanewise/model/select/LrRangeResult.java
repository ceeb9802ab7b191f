package dev.lanewise.model.select;

import java.util.OptionalDouble;

/**
 * The curve of a {@link LrRangeTest}: the learning rate of each step and the (smoothed) loss it gave, and
 * the suggested rate.
 */
public final class LrRangeResult {
    private final double[] lrs;
    private final double[] losses;
    private final double[] rawLosses;
    private final int suggestionIndex;
    private final boolean diverged;
    private final String stopReason;

    LrRangeResult(double[] lrs, double[] losses, double[] rawLosses, int suggestionIndex, boolean diverged, String stopReason) {
        this.lrs = lrs;
        this.losses = losses;
        this.rawLosses = rawLosses;
        this.suggestionIndex = suggestionIndex;
        this.diverged = diverged;
        this.stopReason = stopReason;
    }

    /** The learning rate of each recorded step, increasing exponentially. */
    public double[] lrs() {
        return lrs.clone();
    }

    /** The smoothed loss of each recorded step (the raw loss when the smoothing is off). */
    public double[] losses() {
        return losses.clone();
    }

    /** The batch objective of each recorded step (mean loss plus penalties), unsmoothed. */
    public double[] rawLosses() {
        return rawLosses.clone();
    }

    /** The number of recorded steps. */
    public int steps() {
        return lrs.length;
    }

    /**
     * The suggested learning rate: where the smoothed loss falls fastest, the most negative slope of loss
     * against {@code ln(lr)} (as PyTorch Lightning's {@code suggestion()}), or empty when too few points
     * remain after the skipped ones.
     */
    public OptionalDouble suggestion() {
        return suggestionIndex < 0 ? OptionalDouble.empty() : OptionalDouble.of(lrs[suggestionIndex]);
    }

    /** The index of the suggested step, or -1. */
    public int suggestionIndex() {
        return suggestionIndex;
    }

    /** Whether the test stopped early because the loss diverged (exceeded the threshold or was not finite). */
    public boolean diverged() {
        return diverged;
    }

    /** Why the test stopped. */
    public String stopReason() {
        return stopReason;
    }

    @Override
    public String toString() {
        return "LrRangeResult[" + steps() + " steps, suggestion " + suggestion() + ", " + stopReason + "]";
    }
}
