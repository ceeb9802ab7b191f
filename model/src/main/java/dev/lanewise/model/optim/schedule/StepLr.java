package dev.lanewise.model.optim.schedule;

/**
 * torch's {@code StepLR}: the rate is multiplied by {@code gamma} every {@code stepSize} steps, so after
 * {@code t} steps it is {@code baseLr * gamma^floor(t / stepSize)} (computed, as torch does, by repeated
 * multiplication).
 *
 * @param stepSize steps between decays, {@code >= 1} (torch's {@code step_size})
 * @param gamma    the decay factor, finite and {@code > 0} (torch's default is 0.1)
 */
public record StepLr(int stepSize, double gamma) implements LrSchedule {
    /** Checks the hyperparameters. */
    public StepLr {
        Check.atLeast("stepSize", stepSize, 1);
        Check.positive("gamma", gamma);
    }

    @Override
    public Scheduler start(double baseLr) {
        return new EpochScheduler(Check.baseLr(baseLr), baseLr) {
            @Override
            double next(double lr, long epoch) {
                return epoch % stepSize == 0 ? lr * gamma : lr;
            }
        };
    }
}
