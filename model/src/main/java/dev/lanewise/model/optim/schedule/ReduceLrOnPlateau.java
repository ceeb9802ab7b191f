package dev.lanewise.model.optim.schedule;

import java.util.Objects;

/**
 * torch's {@code ReduceLROnPlateau}: the rate is multiplied by {@code factor} (but not below {@code minLr})
 * once the monitored metric has not improved for more than {@code patience} steps; after a reduction,
 * {@code cooldown} steps pass before bad steps count again. A metric improves on the best so far when, in
 * {@link Mode#MIN} mode, it is below {@code best * (1 - threshold)} ({@link ThresholdMode#REL}) or
 * {@code best - threshold} ({@link ThresholdMode#ABS}), and in {@link Mode#MAX} mode above
 * {@code best * (1 + threshold)} or {@code best + threshold}. A reduction smaller than {@code eps} is
 * skipped. {@link #defaults()} gives torch's defaults; the {@code with...} methods change one of them.
 *
 * <p>Its scheduler needs the metric: {@link Scheduler#step(double)} with a NaN metric, or
 * {@link Scheduler#step()}, throws (torch would count a NaN as a bad step and go on; here a NaN metric
 * means the run diverged, which the trainer should see).
 *
 * @param mode          whether smaller ({@code MIN}, for a loss) or larger ({@code MAX}, for an accuracy)
 *                      is better
 * @param factor        the factor per reduction, in {@code (0, 1)} (torch's default 0.1)
 * @param patience      the bad steps tolerated before a reduction, {@code >= 0} (torch's default 10)
 * @param threshold     how much better counts as better, finite and {@code >= 0}, and {@code < 1} in
 *                      {@code REL} mode (torch's default 1e-4)
 * @param thresholdMode whether {@code threshold} is relative to the best value or absolute (default REL)
 * @param cooldown      steps without counting after a reduction, {@code >= 0} (torch's default 0)
 * @param minLr         the lowest rate, finite and {@code >= 0} (torch's {@code min_lr}, default 0)
 * @param eps           reductions smaller than this are skipped, finite and {@code >= 0} (default 1e-8)
 */
public record ReduceLrOnPlateau(Mode mode, double factor, int patience, double threshold,
        ThresholdMode thresholdMode, int cooldown, double minLr, double eps) implements LrSchedule {

    /** Which direction of the monitored metric is an improvement (torch's {@code mode}). */
    public enum Mode {
        /** Smaller is better, as for a loss (torch's {@code 'min'}). */
        MIN,
        /** Larger is better, as for an accuracy (torch's {@code 'max'}). */
        MAX
    }

    /** How {@code threshold} is measured (torch's {@code threshold_mode}). */
    public enum ThresholdMode {
        /** Relative to the best value so far (torch's {@code 'rel'}). */
        REL,
        /** Absolute (torch's {@code 'abs'}). */
        ABS
    }

    /** Checks the hyperparameters. */
    public ReduceLrOnPlateau {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(thresholdMode, "thresholdMode");
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1), was " + factor);
        }
        Check.atLeast("patience", patience, 0);
        Check.nonNegative("threshold", threshold);
        if (thresholdMode == ThresholdMode.REL && threshold >= 1) {
            // in MIN mode best * (1 - threshold) <= 0 would make nothing count as better
            throw new IllegalArgumentException("threshold must be < 1 in REL mode, was " + threshold);
        }
        Check.atLeast("cooldown", cooldown, 0);
        Check.nonNegative("minLr", minLr);
        Check.nonNegative("eps", eps);
    }

    /** torch's defaults: mode 'min', factor 0.1, patience 10, threshold 1e-4 'rel', cooldown 0, min_lr 0, eps 1e-8. */
    public static ReduceLrOnPlateau defaults() {
        return defaults(Mode.MIN);
    }

    /** torch's defaults in the given mode. */
    public static ReduceLrOnPlateau defaults(Mode mode) {
        return new ReduceLrOnPlateau(mode, 0.1, 10, 1e-4, ThresholdMode.REL, 0, 0.0, 1e-8);
    }

    /** This schedule with another {@code mode}. */
    public ReduceLrOnPlateau withMode(Mode mode) {
        return new ReduceLrOnPlateau(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** This schedule with another {@code factor}. */
    public ReduceLrOnPlateau withFactor(double factor) {
        return new ReduceLrOnPlateau(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** This schedule with another {@code patience}. */
    public ReduceLrOnPlateau withPatience(int patience) {
        return new ReduceLrOnPlateau(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** This schedule with another {@code threshold} and {@code thresholdMode}. */
    public ReduceLrOnPlateau withThreshold(double threshold, ThresholdMode thresholdMode) {
        return new ReduceLrOnPlateau(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** This schedule with another {@code cooldown}. */
    public ReduceLrOnPlateau withCooldown(int cooldown) {
        return new ReduceLrOnPlateau(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** This schedule with another {@code minLr}. */
    public ReduceLrOnPlateau withMinLr(double minLr) {
        return new ReduceLrOnPlateau(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** This schedule with another {@code eps}. */
    public ReduceLrOnPlateau withEps(double eps) {
        return new ReduceLrOnPlateau(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    @Override
    public Scheduler start(double baseLr) {
        return new PlateauScheduler(this, Check.baseLr(baseLr));
    }

    /** torch's {@code ReduceLROnPlateau.step}, line by line. */
    private static final class PlateauScheduler implements Scheduler {
        private final ReduceLrOnPlateau spec;
        private double lr;
        private double best;
        private int badSteps;
        private int cooldownLeft;
        private long step;

        PlateauScheduler(ReduceLrOnPlateau spec, double baseLr) {
            this.spec = spec;
            this.lr = baseLr;
            this.best = spec.mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }

        @Override
        public double lr() {
            return lr;
        }

        @Override
        public void step() {
            throw new IllegalStateException("ReduceLrOnPlateau needs the monitored metric: call step(metric)");
        }

        @Override
        public void step(double metric) {
            if (Double.isNaN(metric)) {
                throw new IllegalArgumentException("metric must not be NaN (step " + (step + 1) + ")");
            }
            step++;
            if (isBetter(metric)) {
                best = metric;
                badSteps = 0;
            } else {
                badSteps++;
            }
            if (cooldownLeft > 0) {
                cooldownLeft--;
                badSteps = 0; // bad steps during the cooldown do not count
            }
            if (badSteps > spec.patience) {
                double reduced = Math.max(lr * spec.factor, spec.minLr);
                if (lr - reduced > spec.eps) {
                    lr = reduced;
                }
                cooldownLeft = spec.cooldown;
                badSteps = 0;
            }
        }

        private boolean isBetter(double metric) {
            return switch (spec.mode) {
                case MIN -> spec.thresholdMode == ThresholdMode.REL ? metric < best * (1 - spec.threshold)
                        : metric < best - spec.threshold;
                case MAX -> spec.thresholdMode == ThresholdMode.REL ? metric > best * (spec.threshold + 1)
                        : metric > best + spec.threshold;
            };
        }

        @Override
        public String toString() {
            return "ReduceLrOnPlateau at step " + step + ", best " + best + ", bad steps " + badSteps + ", cooldown "
                    + cooldownLeft + ", lr " + lr;
        }
    }
}
