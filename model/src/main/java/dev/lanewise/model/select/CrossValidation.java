package dev.lanewise.model.select;

import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Fold;
import dev.lanewise.model.data.Folds;
import dev.lanewise.model.estimator.NetworkEstimator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * k-fold and stratified k-fold cross-validation, as scikit-learn's {@code cross_val_score} with
 * {@code KFold(shuffle=True)} or {@code StratifiedKFold(shuffle=True)}: the rows are split into {@code k}
 * seeded folds ({@link Folds}); for each, a fresh model is fitted on the other folds and scored on it.
 * Each fit standardizes on its own training folds only, so no test row leaks into it.
 *
 * <pre>{@code
 * CrossValidationResult cv = CrossValidation.score(() -> new LinearRegression(), data, 5, false, 42,
 *         Scoring.NEG_MEAN_SQUARED_ERROR);
 * double mse = -cv.mean();
 * }</pre>
 */
public final class CrossValidation {
    private CrossValidation() {}

    /**
     * Cross-validates the models {@code factory} makes, one per fold, fitted one after the other on this
     * thread.
     *
     * @param factory    makes a new, unfitted model on every call (the same instance twice is refused)
     * @param k          the number of folds, {@code 2 <= k <= rows}
     * @param stratified keep each class's proportion in every fold (classification data only)
     * @param seed       seeds the folds
     * @param scoring    what to score, higher is better
     * @throws IllegalArgumentException for a bad {@code k}, stratification of regression data, or a scoring
     *                                  that does not fit the model or the data
     */
    public static CrossValidationResult score(Supplier<? extends NetworkEstimator> factory, Dataset data, int k,
            boolean stratified, long seed, Scoring scoring) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(scoring, "scoring");
        List<Fold> folds = folds(data, k, stratified, seed);
        NetworkEstimator[] estimators = new NetworkEstimator[k];
        for (int f = 0; f < k; f++) {
            estimators[f] = factory.get();
        }
        requireFresh(estimators, "factory");
        for (NetworkEstimator estimator : estimators) {
            scoring.requireFits(estimator, data);
        }
        return new CrossValidationResult(FoldJobs.run(estimators, select(data, folds), scoring, 1));
    }

    /**
     * The folds {@link #score} uses: {@link Folds#stratifiedKFold} on the labels when {@code stratified},
     * else {@link Folds#kFold}.
     *
     * @throws IllegalArgumentException for a bad {@code k} or stratification of regression data
     */
    public static List<Fold> folds(Dataset data, int k, boolean stratified, long seed) {
        Objects.requireNonNull(data, "data");
        if (stratified && !data.isClassification()) {
            throw new IllegalArgumentException("stratified folds need a classification dataset, got a " + data.task() + " one");
        }
        return stratified ? Folds.stratifiedKFold(data.labels(), k, seed) : Folds.kFold(data.rows(), k, seed);
    }

    /** Each fold's training and test rows, copied once. */
    static List<FoldJobs.FoldData> select(Dataset data, List<Fold> folds) {
        List<FoldJobs.FoldData> selected = new ArrayList<>(folds.size());
        for (Fold fold : folds) {
            selected.add(new FoldJobs.FoldData(data.select(fold.train()), data.select(fold.test())));
        }
        return selected;
    }

    /** Refuses a null model, or one model for two fits (parallel fits would share its state). */
    static void requireFresh(NetworkEstimator[] estimators, String source) {
        Set<NetworkEstimator> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (NetworkEstimator estimator : estimators) {
            if (estimator == null) {
                throw new IllegalArgumentException(source + " returned null");
            }
            if (!seen.add(estimator)) {
                throw new IllegalArgumentException(source + " must return a new estimator on every call, it returned "
                        + estimator.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(estimator))
                        + " twice");
            }
        }
    }
}
