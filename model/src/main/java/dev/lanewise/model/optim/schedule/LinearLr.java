package dev.lanewise.model.optim.schedule;

/**
 * torch's {@code LinearLR}: the rate's factor moves linearly from {@code startFactor} at step 0 to
 * {@code endFactor} at step {@code totalIters} and stays there, so it ramps up or decays. Computed with
 * torch's chainable form, each rate from the previous one:
 * {@code lr_t = lr_{t-1} * (1 + (end - start) / (totalIters * start + (t - 1) * (end - start)))}.
 *
 * @param startFactor the factor at step 0, in {@code (0, 1]}; torch allows 0 but then divides by zero at
 *                    step 1 (its default is 1/3)
 * @param endFactor   the factor from step {@code totalIters} on, in {@code [0, 1]} (torch's default is 1)
 * @param totalIters  the steps the change takes, {@code >= 1} (torch's {@code total_iters}, default 5)
 */
public record LinearLr(double startFactor, double endFactor, int totalIters) implements LrSchedule {
    /** Checks the hyperparameters. */
    public LinearLr {
        Check.inRange("startFactor", startFactor, 0, true, 1);
        Check.inRange("endFactor", endFactor, 0, false, 1);
        Check.atLeast("totalIters", totalIters, 1);
    }

    @Override
    public Scheduler start(double baseLr) {
        return new EpochScheduler(Check.baseLr(baseLr), baseLr * startFactor) {
            @Override
            double next(double lr, long epoch) {
                if (epoch > totalIters) {
                    return lr;
                }
                // torch's operation order, so that the rates agree to the last bit
                double change = endFactor - startFactor;
                return lr * (1.0 + change / (totalIters * startFactor + (epoch - 1) * change));
            }
        };
    }
}
