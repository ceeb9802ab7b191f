package dev.lanewise.model.optim.schedule;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * torch's {@code MultiStepLR}: the rate is multiplied by {@code gamma} at each milestone step. A milestone
 * listed twice decays twice at that step ({@code gamma^2}), as torch's {@code Counter} of milestones does.
 *
 * @param milestones the steps at which to decay, each {@code >= 1}, in non-decreasing order
 * @param gamma      the decay factor, finite and {@code > 0} (torch's default is 0.1)
 */
public record MultiStepLr(List<Integer> milestones, double gamma) implements LrSchedule {
    /** Checks the hyperparameters and keeps an unmodifiable copy of the milestones. */
    public MultiStepLr {
        Objects.requireNonNull(milestones, "milestones");
        milestones = List.copyOf(milestones);
        for (int i = 0; i < milestones.size(); i++) {
            int m = milestones.get(i);
            if (m < 1) {
                throw new IllegalArgumentException("milestones[" + i + "] must be >= 1, was " + m);
            }
            if (i > 0 && m < milestones.get(i - 1)) {
                throw new IllegalArgumentException("milestones must be sorted, but milestones[" + i + "] = " + m
                        + " < milestones[" + (i - 1) + "] = " + milestones.get(i - 1) + " in " + milestones);
            }
        }
        Check.positive("gamma", gamma);
    }

    /** The same schedule from milestones given as {@code int...}. */
    public static MultiStepLr of(double gamma, int... milestones) {
        Objects.requireNonNull(milestones, "milestones");
        return new MultiStepLr(Arrays.stream(milestones).boxed().toList(), gamma);
    }

    @Override
    public Scheduler start(double baseLr) {
        int[] sorted = milestones.stream().mapToInt(Integer::intValue).toArray();
        return new EpochScheduler(Check.baseLr(baseLr), baseLr) {
            private int next; // index of the first milestone not yet passed

            @Override
            double next(double lr, long epoch) {
                int count = 0;
                while (next < sorted.length && sorted[next] == epoch) {
                    next++;
                    count++;
                }
                // torch: lr * gamma ** count; pow(gamma, 1) is gamma exactly
                return count == 0 ? lr : lr * (count == 1 ? gamma : StrictMath.pow(gamma, count));
            }
        };
    }
}
