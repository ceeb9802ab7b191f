package dev.lanewise.model.select;

import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.estimator.Classifier;
import dev.lanewise.model.estimator.NetworkEstimator;
import dev.lanewise.model.estimator.Regressor;
import dev.lanewise.model.metrics.ClassificationMetrics;
import dev.lanewise.model.metrics.RegressionMetrics;
import java.util.Objects;

/**
 * How cross-validation scores a fitted model on its test fold. As scikit-learn's scorers, every score is
 * "higher is better": the losses are negated ({@code neg_log_loss}, {@code neg_mean_squared_error}), so a
 * search always picks the largest mean score.
 *
 * <p>A model whose predictions are not finite (NaN) scores {@code -Infinity}, so it is never picked.
 */
public enum Scoring {
    /** The fraction of test rows whose predicted class is right (sklearn's {@code accuracy}); classifiers. */
    ACCURACY("accuracy", true),
    /** Minus the log-loss of the predicted probabilities (sklearn's {@code neg_log_loss}); classifiers. */
    NEG_LOG_LOSS("neg_log_loss", true),
    /** Minus the mean squared error (sklearn's {@code neg_mean_squared_error}); regressors. */
    NEG_MEAN_SQUARED_ERROR("neg_mean_squared_error", false),
    /** The coefficient of determination (sklearn's {@code r2}); regressors. */
    R2("r2", false);

    private final String sklearnName;
    private final boolean forClassifiers;

    Scoring(String sklearnName, boolean forClassifiers) {
        this.sklearnName = sklearnName;
        this.forClassifiers = forClassifiers;
    }

    /** The scorer's name in scikit-learn ({@code scoring=...}). */
    public String sklearnName() {
        return sklearnName;
    }

    /** Whether it scores classifiers (else regressors). */
    public boolean forClassifiers() {
        return forClassifiers;
    }

    /**
     * The score of a fitted model on {@code test}, higher is better.
     *
     * @throws IllegalArgumentException if the model or the data is of the other kind (classifier, regressor)
     */
    public double score(NetworkEstimator fitted, Dataset test) {
        Objects.requireNonNull(fitted, "fitted");
        Objects.requireNonNull(test, "test");
        requireFits(fitted, test);
        Matrix x = test.features();
        return switch (this) {
            case ACCURACY -> ClassificationMetrics.accuracy(test.labels(), ((Classifier) fitted).predict(x));
            case NEG_LOG_LOSS -> {
                Matrix proba = ((Classifier) fitted).predictProba(x);
                yield hasNaN(proba.data()) ? Double.NEGATIVE_INFINITY
                        : -ClassificationMetrics.logLoss(test.labels(), proba.data(), proba.cols());
            }
            case NEG_MEAN_SQUARED_ERROR -> {
                float[] predicted = ((Regressor) fitted).predict(x);
                yield hasNaN(predicted) ? Double.NEGATIVE_INFINITY : -RegressionMetrics.mse(test.targets(), predicted);
            }
            case R2 -> {
                float[] predicted = ((Regressor) fitted).predict(x);
                yield hasNaN(predicted) ? Double.NEGATIVE_INFINITY : RegressionMetrics.r2(test.targets(), predicted);
            }
        };
    }

    /** Checks that this scoring applies to this model and this data, before anything is fitted. */
    void requireFits(NetworkEstimator estimator, Dataset data) {
        boolean classifier = estimator instanceof Classifier;
        boolean regressor = estimator instanceof Regressor;
        if (forClassifiers ? !classifier : !regressor) {
            throw new IllegalArgumentException("scoring " + sklearnName + " needs a " + (forClassifiers ? "Classifier" : "Regressor")
                    + ", got " + estimator.getClass().getSimpleName());
        }
        if (data.isClassification() != forClassifiers) {
            throw new IllegalArgumentException("scoring " + sklearnName + " needs a " + (forClassifiers ? "classification" : "regression")
                    + " dataset, got a " + data.task() + " one");
        }
    }

    private static boolean hasNaN(float[] values) {
        for (float v : values) {
            if (Float.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
