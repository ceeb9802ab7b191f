package dev.lanewise.model.select;

import java.util.Map;
import java.util.Objects;

/**
 * One candidate of a search and its cross-validation: a row of scikit-learn's {@code cv_results_}.
 *
 * @param index  its place in the search's order (0-based)
 * @param params its hyperparameters, unmodifiable, in the grid's or sampler's order of names
 * @param cv     its fold scores, mean, standard deviation, divergence and times
 */
public record CandidateResult(int index, Map<String, Object> params, CrossValidationResult cv) {
    public CandidateResult {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(cv, "cv");
    }

    /** The mean cross-validated score. */
    public double meanScore() {
        return cv.mean();
    }

    /** The population standard deviation of the fold scores. */
    public double stdScore() {
        return cv.std();
    }

    /** Whether a fold's fit diverged, which rules the candidate out. */
    public boolean diverged() {
        return cv.anyDiverged();
    }
}
