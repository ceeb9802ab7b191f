package dev.lanewise.model.optim.schedule;

/**
 * torch's {@code CosineAnnealingWarmRestarts} (SGDR, Loshchilov and Hutter 2016): cosine annealing from the
 * base rate towards {@code etaMin} over a period of {@code T_i} steps, then a restart at the base rate; the
 * first period is {@code t0} steps and each next one {@code tMult} times longer. Within a period, after
 * {@code T_cur} steps, the rate is {@code etaMin + (base - etaMin) * (1 + cos(pi * T_cur / T_i)) / 2}
 * (torch's closed form, so nothing accumulates).
 *
 * @param t0     the first period, in steps, {@code >= 1} (torch's {@code T_0})
 * @param tMult  the growth of the period at each restart, {@code >= 1} (torch's {@code T_mult}, default 1)
 * @param etaMin the lowest rate, finite and {@code >= 0} (torch's {@code eta_min}, default 0)
 */
public record CosineAnnealingWarmRestarts(int t0, int tMult, double etaMin) implements LrSchedule {
    /** Checks the hyperparameters. */
    public CosineAnnealingWarmRestarts {
        Check.atLeast("t0", t0, 1);
        Check.atLeast("tMult", tMult, 1);
        Check.nonNegative("etaMin", etaMin);
    }

    @Override
    public Scheduler start(double baseLr) {
        Check.baseLr(baseLr);
        return new Scheduler() {
            private long tCur;
            private long tI = t0; // long: with tMult 2 the period passes 2^31 after about 31 restarts
            private double lr = rate();

            private double rate() {
                return etaMin + (baseLr - etaMin) * (1 + StrictMath.cos(Math.PI * tCur / tI)) / 2;
            }

            @Override
            public double lr() {
                return lr;
            }

            @Override
            public void step(double metric) {
                step();
            }

            @Override
            public void step() {
                tCur++;
                if (tCur >= tI) {
                    tCur -= tI;
                    tI *= tMult;
                }
                lr = rate();
            }

            @Override
            public String toString() {
                return "CosineAnnealingWarmRestarts at T_cur " + tCur + " of T_i " + tI + ", lr " + lr;
            }
        };
    }
}
