package dev.lanewise.model.optim.schedule;

/**
 * torch's {@code ExponentialLR}: the rate is multiplied by {@code gamma} at every step, so after {@code t}
 * steps it is {@code baseLr * gamma^t} (by repeated multiplication, as torch). A {@code gamma} above 1
 * grows the rate, as a learning-rate range test wants.
 *
 * @param gamma the factor per step, finite and {@code > 0}
 */
public record ExponentialLr(double gamma) implements LrSchedule {
    /** Checks the hyperparameter. */
    public ExponentialLr {
        Check.positive("gamma", gamma);
    }

    @Override
    public Scheduler start(double baseLr) {
        return new EpochScheduler(Check.baseLr(baseLr), baseLr) {
            @Override
            double next(double lr, long epoch) {
                return lr * gamma;
            }
        };
    }
}
