package dev.lanewise.model.select;

import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.estimator.NetworkEstimator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Random search, as scikit-learn's {@code RandomizedSearchCV}: {@code nIter} candidates drawn from a
 * {@link ParameterSampler} with {@link SearchSettings#seed()}, each scored by k-fold cross-validation; the
 * best mean score is picked (the first of equal scores; never one whose fit diverged in a fold) and
 * refitted on all the training rows. For learning rates and penalties, draw from
 * {@link Distribution#logUniform}: with few candidates, it covers every order of magnitude.
 *
 * <p>Parallel as {@link GridSearch}, with the same guarantee: the scores do not depend on the thread count.
 */
public final class RandomSearch {
    private RandomSearch() {}

    /**
     * Runs the search.
     *
     * @param nIter the number of candidates, {@code >= 1}
     * @param build called on the calling thread once per (candidate, fold) and once for the refit of the
     *              best; must return a new, unfitted model each time
     * @throws IllegalArgumentException for {@code nIter < 1}, or settings that do not fit the data or models
     * @throws IllegalStateException    if every candidate diverged
     * @throws dev.lanewise.model.train.TrainingDivergedException if the refit of the best diverges
     */
    public static SearchResult run(ParameterSampler sampler, int nIter,
            Function<? super Map<String, Object>, ? extends NetworkEstimator> build, Dataset train, SearchSettings settings) {
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(settings, "settings");
        if (nIter < 1) {
            throw new IllegalArgumentException("nIter must be >= 1, was " + nIter);
        }
        return Search.run(sampler.sample(nIter, settings.seed()), build, train, settings);
    }
}
