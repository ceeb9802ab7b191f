package dev.lanewise.model.select;

/**
 * fast.ai's smoothed loss: an exponential moving average {@code avg = beta * avg + (1 - beta) * loss},
 * started at 0 and divided by {@code 1 - beta^t} after {@code t} values to undo the pull toward that 0
 * (the bias correction Adam uses for its moments).
 */
final class LossSmoother {
    private final double beta;
    private double average;
    private double betaPower = 1;

    LossSmoother(double beta) {
        this.beta = beta;
    }

    /** Adds a loss and returns the smoothed loss so far. */
    double add(double loss) {
        average = beta * average + (1 - beta) * loss;
        betaPower *= beta;
        return average / (1 - betaPower);
    }
}
