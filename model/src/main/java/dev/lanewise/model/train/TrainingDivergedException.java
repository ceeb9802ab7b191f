package dev.lanewise.model.train;

/**
 * A training run met a NaN or infinite loss or gradient. The model keeps its last finite parameters; the
 * message names the epoch, the step and what was not finite, and suggests a smaller learning rate.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int epoch;
    private final long step;

    public TrainingDivergedException(int epoch, long step, String what, double lr, boolean restored) {
        super("training diverged at epoch " + epoch + ", step " + step + ": " + what + " (learning rate " + lr
                + "); the model keeps its last finite parameters"
                + (restored ? ", those at the start of the epoch" : "") + ". Try a smaller learning rate,"
                + " gradient clipping or standardized features.");
        this.epoch = epoch;
        this.step = step;
    }

    /** The 1-based epoch in which the run diverged. */
    public int epoch() {
        return epoch;
    }

    /** The 1-based global step (counting every batch of every epoch) at which it diverged. */
    public long step() {
        return step;
    }
}
