package dev.lanewise.model.optim.schedule;

import java.util.Objects;

/**
 * A linear warmup before another schedule: torch's
 * {@code SequentialLR([LinearLR(start_factor=startFactor, end_factor=1.0, total_iters=warmupSteps), after],
 * milestones=[warmupSteps])}. Steps {@code 0 .. warmupSteps - 1} ramp the rate from
 * {@code baseLr * startFactor} towards the base rate; at step {@code warmupSteps} the {@code after}
 * schedule starts at its own step 0 from the base rate, and it is stepped from then on.
 *
 * <p>Metrics passed during the warmup, and at the switch, are dropped, so a {@link ReduceLrOnPlateau}
 * after the warmup sees its first metric one step after the switch. torch's {@code SequentialLR} cannot
 * hold a {@code ReduceLROnPlateau}; that combination is lanewise's own.
 *
 * @param warmupSteps the steps of the warmup, {@code >= 1}
 * @param startFactor the rate's factor at step 0, in {@code (0, 1]}
 * @param after       the schedule from step {@code warmupSteps} on
 */
public record LinearWarmup(int warmupSteps, double startFactor, LrSchedule after) implements LrSchedule {
    /** Checks the hyperparameters. */
    public LinearWarmup {
        Check.atLeast("warmupSteps", warmupSteps, 1);
        Check.inRange("startFactor", startFactor, 0, true, 1);
        Objects.requireNonNull(after, "after");
    }

    @Override
    public Scheduler start(double baseLr) {
        Check.baseLr(baseLr);
        Scheduler warmup = new LinearLr(startFactor, 1.0, warmupSteps).start(baseLr);
        return new Scheduler() {
            private long step;
            private Scheduler current = warmup;

            @Override
            public double lr() {
                return current.lr();
            }

            @Override
            public void step(double metric) {
                if (advance()) {
                    current.step(metric);
                }
            }

            @Override
            public void step() {
                if (advance()) {
                    current.step();
                }
            }

            /** Moves the warmup on or switches to {@code after}; true when the step is {@code after}'s. */
            private boolean advance() {
                step++;
                if (step < warmupSteps) {
                    current.step();
                } else if (step == warmupSteps) {
                    current = after.start(baseLr);
                }
                return step > warmupSteps;
            }

            @Override
            public String toString() {
                return "LinearWarmup at step " + step + ", " + (step < warmupSteps ? "warming up" : "then " + current)
                        + ", lr " + lr();
            }
        };
    }
}
