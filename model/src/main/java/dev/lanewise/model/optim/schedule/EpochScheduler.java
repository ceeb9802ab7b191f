package dev.lanewise.model.optim.schedule;

/**
 * A scheduler that counts steps like torch's {@code _LRScheduler.last_epoch} and computes each new rate
 * from the previous one (torch's chainable {@code get_lr}); the metric is ignored.
 */
abstract class EpochScheduler implements Scheduler {
    /** The rate the optimizer was built with: torch's {@code base_lrs[0]}. */
    protected final double baseLr;
    private double lr;
    private long epoch;

    EpochScheduler(double baseLr, double initialLr) {
        this.baseLr = baseLr;
        this.lr = initialLr;
    }

    /** The rate at {@code epoch} (>= 1), from the rate at {@code epoch - 1}. */
    abstract double next(double previousLr, long epoch);

    @Override
    public final double lr() {
        return lr;
    }

    @Override
    public final void step(double metric) {
        step();
    }

    @Override
    public final void step() {
        epoch++;
        lr = next(lr, epoch);
    }

    /** Steps taken: torch's {@code last_epoch}. */
    final long epoch() {
        return epoch;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " at step " + epoch + ", lr " + lr;
    }
}
