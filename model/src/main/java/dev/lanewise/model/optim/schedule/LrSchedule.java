package dev.lanewise.model.optim.schedule;

/**
 * An immutable learning-rate schedule: data that names a {@code torch.optim.lr_scheduler} policy and its
 * hyperparameters (checked at construction), and that starts any number of independent schedulers.
 *
 * <p>Implementations are records, so {@code equals} and {@code toString} are those of the data.
 */
public interface LrSchedule {
    /**
     * A fresh scheduler at step 0, whose {@link Scheduler#lr()} is what torch's {@code get_last_lr()[0]}
     * returns right after the scheduler was built on an optimizer with learning rate {@code baseLr}.
     *
     * @param baseLr the optimizer's initial learning rate, finite and {@code >= 0}
     * @throws IllegalArgumentException if {@code baseLr} is negative, infinite or NaN
     */
    Scheduler start(double baseLr);
}
