package dev.lanewise.model.select;

/**
 * How a {@link LrRangeTest} sweeps the learning rate. Immutable; start from {@link #defaults()}.
 *
 * @param minLr            the first learning rate, {@code > 0} (default 1e-7, as fast.ai)
 * @param maxLr            the last learning rate, {@code > minLr} (default 10, as fast.ai)
 * @param numIter          the number of steps; 0 (the default) runs one epoch of the model's mini-batches
 * @param beta             the smoothing of the recorded loss, an exponential moving average bias-corrected as
 *                         fast.ai and Lightning do; in {@code [0, 1)}, 0 records the raw loss (default 0.98)
 * @param divergeThreshold stop once the (smoothed) loss exceeds this multiple of the best so far, {@code > 1};
 *                         {@code Double.POSITIVE_INFINITY} never stops (default 4, as fast.ai and Lightning)
 * @param skipBegin        the suggestion ignores this many first points (default 10, as Lightning)
 * @param skipEnd          and this many last points (default 1, as Lightning)
 */
public record LrRangeSettings(double minLr, double maxLr, int numIter, double beta, double divergeThreshold,
        int skipBegin, int skipEnd) {

    /** Checks every value. */
    public LrRangeSettings {
        if (!(minLr > 0) || Double.isInfinite(minLr)) {
            throw new IllegalArgumentException("minLr must be finite and > 0, was " + minLr);
        }
        if (!(maxLr > minLr) || Double.isInfinite(maxLr)) {
            throw new IllegalArgumentException("maxLr must be finite and > minLr = " + minLr + ", was " + maxLr);
        }
        if (numIter < 0) {
            throw new IllegalArgumentException("numIter must be >= 0 (0: one epoch), was " + numIter);
        }
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1), was " + beta);
        }
        if (!(divergeThreshold > 1)) {
            throw new IllegalArgumentException("divergeThreshold must be > 1, was " + divergeThreshold);
        }
        if (skipBegin < 0) {
            throw new IllegalArgumentException("skipBegin must be >= 0, was " + skipBegin);
        }
        if (skipEnd < 0) {
            throw new IllegalArgumentException("skipEnd must be >= 0, was " + skipEnd);
        }
    }

    /** 1e-7 to 10 over one epoch, smoothed with beta 0.98, stopping at 4x the best loss. */
    public static LrRangeSettings defaults() {
        return new LrRangeSettings(1e-7, 10, 0, 0.98, 4, 10, 1);
    }

    /** The range of rates. */
    public LrRangeSettings withRange(double min, double max) {
        return new LrRangeSettings(min, max, numIter, beta, divergeThreshold, skipBegin, skipEnd);
    }

    public LrRangeSettings withNumIter(int v) {
        return new LrRangeSettings(minLr, maxLr, v, beta, divergeThreshold, skipBegin, skipEnd);
    }

    public LrRangeSettings withBeta(double v) {
        return new LrRangeSettings(minLr, maxLr, numIter, v, divergeThreshold, skipBegin, skipEnd);
    }

    public LrRangeSettings withDivergeThreshold(double v) {
        return new LrRangeSettings(minLr, maxLr, numIter, beta, v, skipBegin, skipEnd);
    }

    /** The points the suggestion ignores at each end of the curve. */
    public LrRangeSettings withSkip(int begin, int end) {
        return new LrRangeSettings(minLr, maxLr, numIter, beta, divergeThreshold, begin, end);
    }
}
