package dev.lanewise.harness.mlp;

import dev.lanewise.model.nn.Parameter;
import dev.lanewise.model.nn.Sequential;
import dev.lanewise.model.train.Callback;
import dev.lanewise.model.train.EpochRecord;
import dev.lanewise.model.train.History;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * scikit-learn's {@code MLPClassifier(early_stopping=True)} rule (1.2, {@code _update_no_improvement_count}),
 * as a callback: after each epoch it reads the validation accuracy the trainer recorded; an epoch whose
 * accuracy is below {@code best + tol} counts as no improvement, any other resets the count; an accuracy above
 * the best (strictly) becomes the best and its weights are copied; the fit stops once the count exceeds
 * {@code nIterNoChange}, and ends with the best epoch's weights.
 *
 * <p>The trainer's own early stopping ({@code TrainingConfig.withEarlyStopping}) watches the validation
 * <em>loss</em>; scikit-learn watches the accuracy, which on 144 validation rows moves in steps of 1/144 and
 * so stops at other epochs. This class lets the comparison stop where scikit-learn's rule would.
 */
public final class ValidationAccuracyStopping implements Callback {
    private final double tol;
    private final int nIterNoChange;
    private final Supplier<Sequential> network;
    private double best = Double.NEGATIVE_INFINITY;
    private int bestEpoch;
    private int noImprovement;
    private float[][] bestValues;

    /**
     * @param network the network being trained, read at the first epoch's end (an estimator publishes it
     *                only once its fit has begun)
     */
    public ValidationAccuracyStopping(double tol, int nIterNoChange, Supplier<Sequential> network) {
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tol must be >= 0, was " + tol);
        }
        if (nIterNoChange < 1) {
            throw new IllegalArgumentException("nIterNoChange must be >= 1, was " + nIterNoChange);
        }
        this.tol = tol;
        this.nIterNoChange = nIterNoChange;
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public boolean onEpochEnd(EpochRecord record) {
        double score = record.metric();
        if (Double.isNaN(score)) {
            throw new IllegalStateException("validation-accuracy stopping needs validation data and an accuracy metric");
        }
        noImprovement = score < best + tol ? noImprovement + 1 : 0;
        if (score > best) {
            best = score;
            bestEpoch = record.epoch();
            copy(true);
        }
        return noImprovement <= nIterNoChange;
    }

    @Override
    public void onTrainEnd(History history) {
        if (bestValues != null) {
            copy(false);
        }
    }

    /** The epoch whose weights the fit ended with (0 before the first epoch). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The best validation accuracy. */
    public double bestScore() {
        return best;
    }

    private void copy(boolean save) {
        List<Parameter> parameters = network.get().parameters();
        if (bestValues == null) {
            bestValues = new float[parameters.size()][];
            for (int i = 0; i < bestValues.length; i++) {
                bestValues[i] = new float[parameters.get(i).size()];
            }
        }
        for (int i = 0; i < bestValues.length; i++) {
            float[] value = parameters.get(i).value();
            if (save) {
                System.arraycopy(value, 0, bestValues[i], 0, value.length);
            } else {
                System.arraycopy(bestValues[i], 0, value, 0, value.length);
            }
        }
    }
}
