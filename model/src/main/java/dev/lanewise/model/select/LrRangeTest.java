package dev.lanewise.model.select;

import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.MiniBatches;
import dev.lanewise.model.estimator.NetworkEstimator;
import dev.lanewise.model.nn.Parameter;
import dev.lanewise.model.train.TrainingConfig;
import dev.lanewise.model.train.TrainingStep;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The learning-rate range test (Leslie Smith's, as fast.ai's {@code lr_find} and PyTorch Lightning's
 * {@code Tuner.lr_find} run it): train from the model's initial weights for one epoch of its mini-batches
 * (or {@code numIter} steps), raising the learning rate exponentially from {@code minLr} to {@code maxLr}
 * (step {@code i} of {@code n} uses {@code minLr * (maxLr / minLr)^(i / (n - 1))}), recording the smoothed
 * loss of each step; stop when it exceeds {@code divergeThreshold} times the best so far. Then put the
 * initial weights back, and suggest the rate where the loss falls fastest: the most negative slope of
 * the smoothed loss against {@code ln(lr)}, central differences as {@code numpy.gradient}, the first
 * {@code skipBegin} and last {@code skipEnd} points left out (Lightning's {@code suggestion()}).
 *
 * <p>Each step is the {@link TrainingStep} that fit uses, with the model's optimizer, penalties, clipping
 * and constraints from its {@link TrainingConfig} and its batches (size and shuffling seed); its schedule
 * is not used, as the test sets the rate itself. The suggestion is a starting point, usually a little
 * below the rate where the loss bottoms out; fast.ai users often take a rate ten times below that minimum.
 */
public final class LrRangeTest {
    private LrRangeTest() {}

    /**
     * Runs the test. The model ends as {@link NetworkEstimator#prepareFit} leaves it: its network built for
     * {@code train} at its initial (seeded) weights, which the test restores after its steps; a model that was
     * fitted before loses that fit. {@code fit} afterwards trains from the same initial weights.
     *
     * @throws IllegalArgumentException if the data does not suit the model, or the test would take fewer than
     *                                  two steps (one epoch of full-batch training: set {@code numIter})
     */
    public static LrRangeResult run(NetworkEstimator estimator, Dataset train, LrRangeSettings settings) {
        Objects.requireNonNull(estimator, "estimator");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(settings, "settings");
        TrainingConfig config = estimator.training();
        int batchSize = config.batchSize() == 0 ? train.rows() : Math.min(config.batchSize(), train.rows());
        int perEpoch = (train.rows() + batchSize - 1) / batchSize;
        int steps = settings.numIter() > 0 ? settings.numIter() : perEpoch;
        if (steps < 2) {
            throw new IllegalArgumentException("the range test needs at least 2 steps; one epoch of " + train.rows()
                    + " rows in batches of " + batchSize + " is " + perEpoch + ": set numIter");
        }

        NetworkEstimator.TrainingSetup setup = estimator.prepareFit(train);
        Dataset rows = setup.rows();
        List<Parameter> parameters = setup.network().parameters();
        float[][] initial = new float[parameters.size()][];
        for (int i = 0; i < initial.length; i++) {
            initial[i] = parameters.get(i).value().clone();
        }
        double[] lrs = new double[steps];
        double[] losses = new double[steps];
        double[] raw = new double[steps];
        int recorded = 0;
        boolean diverged = false;
        String reason = "ran all " + steps + " steps";
        try {
            TrainingStep stepper = new TrainingStep(setup.network(), setup.loss(), setup.optimizer(), config);
            MiniBatches batches = new MiniBatches(rows, batchSize, config.seed());
            boolean classification = rows.isClassification();
            LossSmoother smoother = new LossSmoother(settings.beta());
            double best = Double.POSITIVE_INFINITY;
            double logRange = Math.log(settings.maxLr() / settings.minLr());
            long epoch = 1; // the trainer's first epoch, so the first batches are those fit sees
            batches.startEpoch(epoch);
            for (int i = 0; i < steps; i++) {
                if (!batches.next()) {
                    batches.startEpoch(++epoch);
                    batches.next();
                }
                double lr = i == steps - 1 ? settings.maxLr() : settings.minLr() * Math.exp(logRange * i / (steps - 1));
                setup.optimizer().setLr(lr);
                double value = stepper.step(batches.features(), classification ? null : batches.targets(),
                        classification ? batches.labels() : null, batches.targetOffset(), null);
                if (Double.isNaN(value)) {
                    diverged = true;
                    reason = "diverged at step " + (i + 1) + " (lr " + lr + "): " + stepper.failure();
                    break;
                }
                double smoothed = smoother.add(value);
                lrs[recorded] = lr;
                losses[recorded] = smoothed;
                raw[recorded] = value;
                recorded++;
                if (i > 0 && smoothed > settings.divergeThreshold() * best) {
                    diverged = true;
                    reason = "diverged at step " + (i + 1) + " (lr " + lr + "): the loss " + smoothed + " exceeds "
                            + settings.divergeThreshold() + " times the best, " + best;
                    break;
                }
                best = Math.min(best, smoothed);
            }
        } finally {
            for (int i = 0; i < initial.length; i++) {
                System.arraycopy(initial[i], 0, parameters.get(i).value(), 0, initial[i].length);
            }
        }
        lrs = Arrays.copyOf(lrs, recorded);
        losses = Arrays.copyOf(losses, recorded);
        raw = Arrays.copyOf(raw, recorded);
        int suggestion = steepestDescent(lrs, losses, settings.skipBegin(), settings.skipEnd());
        return new LrRangeResult(lrs, losses, raw, suggestion, diverged, reason);
    }

    /**
     * The index of the most negative slope of {@code losses} against {@code ln(lrs)} among points
     * {@code [skipBegin, n - skipEnd)}: {@code numpy.gradient} on that window (central differences inside, one
     * sided at its two ends), the first of equal slopes; -1 if the window has fewer than two points.
     */
    static int steepestDescent(double[] lrs, double[] losses, int skipBegin, int skipEnd) {
        int from = skipBegin;
        int to = losses.length - skipEnd;
        if (to - from < 2) {
            return -1;
        }
        int best = -1;
        double steepest = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            int lo = Math.max(from, i - 1);
            int hi = Math.min(to - 1, i + 1);
            double slope = (losses[hi] - losses[lo]) / (Math.log(lrs[hi]) - Math.log(lrs[lo]));
            if (slope < steepest) {
                steepest = slope;
                best = i;
            }
        }
        return best;
    }
}
