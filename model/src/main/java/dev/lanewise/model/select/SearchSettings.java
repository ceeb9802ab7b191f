package dev.lanewise.model.select;

import java.util.Objects;

/**
 * How a {@link GridSearch} or {@link RandomSearch} cross-validates its candidates. Immutable; start from
 * {@link #of(Scoring)} and change what you need with the {@code with...} methods.
 *
 * @param folds      the number of cross-validation folds, {@code >= 2} (default 5, as scikit-learn)
 * @param stratified stratified folds (classification data only; default false)
 * @param seed       seeds the folds and a random search's sampling (default 0)
 * @param scoring    what to score, higher is better
 * @param threads    how many candidate fits run at once, {@code >= 1} (default: the available processors).
 *                   With more than one, each fit runs its GEMM on one thread; with one, the fits run on
 *                   the calling thread and GEMM keeps its setting. The scores do not depend on it.
 */
public record SearchSettings(int folds, boolean stratified, long seed, Scoring scoring, int threads) {

    /** Checks every value. */
    public SearchSettings {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be >= 2, was " + folds);
        }
        Objects.requireNonNull(scoring, "scoring");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
    }

    /** 5 unstratified folds, seed 0, one worker per available processor. */
    public static SearchSettings of(Scoring scoring) {
        return new SearchSettings(5, false, 0, scoring, Runtime.getRuntime().availableProcessors());
    }

    public SearchSettings withFolds(int v) {
        return new SearchSettings(v, stratified, seed, scoring, threads);
    }

    public SearchSettings withStratified(boolean v) {
        return new SearchSettings(folds, v, seed, scoring, threads);
    }

    public SearchSettings withSeed(long v) {
        return new SearchSettings(folds, stratified, v, scoring, threads);
    }

    public SearchSettings withScoring(Scoring v) {
        return new SearchSettings(folds, stratified, seed, v, threads);
    }

    public SearchSettings withThreads(int v) {
        return new SearchSettings(folds, stratified, seed, scoring, v);
    }
}
