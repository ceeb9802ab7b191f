package dev.lanewise.model.optim.schedule;

/**
 * The running state of one {@link LrSchedule}: the current learning rate and the step that moves it on.
 * Not thread-safe; one trainer owns it.
 */
public interface Scheduler {
    /** The current learning rate: torch's {@code scheduler.get_last_lr()[0]}. */
    double lr();

    /**
     * One scheduler step (torch's {@code scheduler.step(metric)}), called once per epoch or once per batch,
     * after the optimizer step. Only {@link ReduceLrOnPlateau} reads {@code metric}; the others ignore it.
     *
     * @param metric the monitored quantity, such as the validation loss
     */
    void step(double metric);

    /**
     * One scheduler step without a metric (torch's {@code scheduler.step()}).
     *
     * @throws IllegalStateException from a {@link ReduceLrOnPlateau} scheduler, which needs a metric
     */
    void step();
}
