package dev.lanewise.model.optim.schedule;

/**
 * torch's {@code CosineAnnealingLR}: the rate follows half a cosine from the base rate down to
 * {@code etaMin} over {@code tMax} steps, {@code etaMin + (base - etaMin) * (1 + cos(pi * t / tMax)) / 2},
 * and past {@code tMax} climbs back up the next half period, and so on (torch does not stop at
 * {@code etaMin}; use {@link CosineAnnealingWarmRestarts} to restart at the top instead).
 *
 * <p>PyTorch 1.13 computes it in a recursive ("chainable") form, each rate from the previous one, with a
 * special step at the bottom of each period where the ratio form would divide by zero; this class does
 * the same, in torch's operation order, so that its rates follow torch's rather than the closed form.
 * The recursion accumulates rounding: it drifts from the closed form by roughly {@code 3e-16 * base} per
 * step (2e-13 after 10,000 steps at base 0.1), exactly as torch's does.
 *
 * @param tMax   half the period, in steps, {@code >= 1} (torch's {@code T_max})
 * @param etaMin the lowest rate, finite and {@code >= 0} (torch's {@code eta_min}, default 0)
 */
public record CosineAnnealingLr(int tMax, double etaMin) implements LrSchedule {
    /** Checks the hyperparameters. */
    public CosineAnnealingLr {
        Check.atLeast("tMax", tMax, 1);
        Check.nonNegative("etaMin", etaMin);
    }

    /** Annealing to 0 over {@code tMax} steps (torch's default {@code eta_min = 0}). */
    public CosineAnnealingLr(int tMax) {
        this(tMax, 0.0);
    }

    @Override
    public Scheduler start(double baseLr) {
        return new EpochScheduler(Check.baseLr(baseLr), baseLr) {
            @Override
            double next(double lr, long epoch) {
                if (Math.floorMod(epoch - 1 - tMax, 2L * tMax) == 0) {
                    // the step just after a minimum: 1 + cos(pi * (epoch - 1) / tMax) is 0 there
                    return lr + (baseLr - etaMin) * (1 - StrictMath.cos(Math.PI / tMax)) / 2;
                }
                return (1 + StrictMath.cos(Math.PI * epoch / tMax)) / (1 + StrictMath.cos(Math.PI * (epoch - 1) / tMax))
                        * (lr - etaMin) + etaMin;
            }
        };
    }
}
