package dev.lanewise.model.select;

import dev.lanewise.model.estimator.NetworkEstimator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link GridSearch} or {@link RandomSearch} found: every candidate with its cross-validation
 * (scikit-learn's {@code cv_results_}), the best one ({@code best_params_}, {@code best_score_},
 * {@code best_index_}) and the best refitted on all the training rows ({@code best_estimator_}).
 */
public final class SearchResult {
    private final List<CandidateResult> candidates;
    private final int bestIndex;
    private final NetworkEstimator bestEstimator;
    private final double seconds;

    SearchResult(List<CandidateResult> candidates, int bestIndex, NetworkEstimator bestEstimator, double seconds) {
        this.candidates = List.copyOf(candidates);
        this.bestIndex = bestIndex;
        this.bestEstimator = Objects.requireNonNull(bestEstimator, "bestEstimator");
        this.seconds = seconds;
    }

    /** Every candidate, in the search's order. */
    public List<CandidateResult> candidates() {
        return candidates;
    }

    /** The index of the best candidate: the highest mean score, the first of equals, never a diverged one. */
    public int bestIndex() {
        return bestIndex;
    }

    /** The best candidate. */
    public CandidateResult best() {
        return candidates.get(bestIndex);
    }

    /** The best candidate's hyperparameters. */
    public Map<String, Object> bestParams() {
        return best().params();
    }

    /** The best candidate's mean cross-validated score. */
    public double bestScore() {
        return best().meanScore();
    }

    /** The best candidate's model, refitted on every training row. */
    public NetworkEstimator bestEstimator() {
        return bestEstimator;
    }

    /** The wall-clock seconds of the whole search, refit included. */
    public double seconds() {
        return seconds;
    }

    @Override
    public String toString() {
        return "SearchResult[" + candidates.size() + " candidates, best #" + bestIndex + " " + bestParams() + ": "
                + best().cv() + "]";
    }
}
