package dev.lanewise.model.optim.schedule;

/**
 * No schedule: the learning rate stays at the base rate (torch without a scheduler, or
 * {@code LambdaLR(lambda epoch: 1.0)}). Not torch's {@code ConstantLR}, which scales the rate by a factor
 * for a number of steps.
 */
public record Constant() implements LrSchedule {
    @Override
    public Scheduler start(double baseLr) {
        double lr = Check.baseLr(baseLr);
        return new Scheduler() {
            @Override
            public double lr() {
                return lr;
            }

            @Override
            public void step(double metric) {
            }

            @Override
            public void step() {
            }

            @Override
            public String toString() {
                return "Constant at lr " + lr;
            }
        };
    }
}
