package dev.lanewise.model.select;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The scores of one model on the test folds of a cross-validation, higher is better (see {@link Scoring}).
 *
 * <p>The mean is the plain average of the fold scores in fold order; the standard deviation is the
 * <em>population</em> one, {@code sqrt(sum((s_i - mean)^2) / k)}, as scikit-learn's {@code cv_results_}
 * ({@code std_test_score}, from {@code np.std}) reports it. A fold whose fit diverged scores
 * {@code -Infinity}; then the mean is {@code -Infinity} and the standard deviation NaN, and a search never
 * picks the model.
 */
public final class CrossValidationResult {
    private final double[] foldScores;
    private final boolean[] diverged;
    private final double[] foldSeconds;
    private final double mean;
    private final double std;

    CrossValidationResult(List<FoldOutcome> folds) {
        int k = folds.size();
        this.foldScores = new double[k];
        this.diverged = new boolean[k];
        this.foldSeconds = new double[k];
        double sum = 0;
        for (int f = 0; f < k; f++) {
            FoldOutcome outcome = Objects.requireNonNull(folds.get(f), "fold outcome");
            foldScores[f] = outcome.score();
            diverged[f] = outcome.diverged();
            foldSeconds[f] = outcome.seconds();
            sum += outcome.score();
        }
        this.mean = sum / k;
        double squares = 0;
        for (double s : foldScores) {
            squares += (s - mean) * (s - mean);
        }
        this.std = Double.isFinite(mean) ? Math.sqrt(squares / k) : Double.NaN;
    }

    /** The number of folds. */
    public int folds() {
        return foldScores.length;
    }

    /** Each test fold's score, in fold order ({@code -Infinity} for a fold whose fit diverged). */
    public double[] foldScores() {
        return foldScores.clone();
    }

    /** Whether each fold's fit diverged (threw {@link dev.lanewise.model.train.TrainingDivergedException}). */
    public boolean[] foldDiverged() {
        return diverged.clone();
    }

    /** How many folds' fits diverged. */
    public int divergedFolds() {
        int count = 0;
        for (boolean d : diverged) {
            count += d ? 1 : 0;
        }
        return count;
    }

    /** Whether any fold's fit diverged. */
    public boolean anyDiverged() {
        return divergedFolds() > 0;
    }

    /** The seconds each fold's fit and scoring took (wall clock; the only part that varies run to run). */
    public double[] foldSeconds() {
        return foldSeconds.clone();
    }

    /** The mean seconds per fold, sklearn's {@code mean_fit_time + mean_score_time}. */
    public double meanSeconds() {
        double sum = 0;
        for (double s : foldSeconds) {
            sum += s;
        }
        return sum / foldSeconds.length;
    }

    /** The mean fold score ({@code -Infinity} if a fold diverged). */
    public double mean() {
        return mean;
    }

    /** The population standard deviation of the fold scores (NaN if a fold diverged). */
    public double std() {
        return std;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.6g +- %.3g over %d folds%s %s", mean, std, folds(),
                anyDiverged() ? " (" + divergedFolds() + " diverged)" : "", Arrays.toString(foldScores));
    }
}
