package dev.lanewise.model.select;

import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.estimator.NetworkEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** What grid and random search share: cross-validate every candidate, pick the best, refit it. */
final class Search {
    private Search() {}

    static SearchResult run(List<Map<String, Object>> candidates,
            Function<? super Map<String, Object>, ? extends NetworkEstimator> build, Dataset train, SearchSettings settings) {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(settings, "settings");
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a search needs at least one candidate");
        }
        long started = System.nanoTime();
        int k = settings.folds();
        List<FoldJobs.FoldData> folds = CrossValidation.select(train,
                CrossValidation.folds(train, k, settings.stratified(), settings.seed()));

        // Every model is built here, on the calling thread, so that the build function need not be thread-safe.
        NetworkEstimator[] estimators = new NetworkEstimator[candidates.size() * k];
        for (int c = 0; c < candidates.size(); c++) {
            for (int f = 0; f < k; f++) {
                estimators[c * k + f] = build.apply(candidates.get(c));
            }
        }
        CrossValidation.requireFresh(estimators, "build");
        for (NetworkEstimator estimator : estimators) {
            settings.scoring().requireFits(estimator, train);
        }

        List<FoldOutcome> outcomes = FoldJobs.run(estimators, folds, settings.scoring(), settings.threads());
        List<CandidateResult> results = new ArrayList<>(candidates.size());
        int best = -1;
        for (int c = 0; c < candidates.size(); c++) {
            CrossValidationResult cv = new CrossValidationResult(outcomes.subList(c * k, (c + 1) * k));
            results.add(new CandidateResult(c, candidates.get(c), cv));
            // Strictly greater: the first of equal scores wins. -Infinity (diverged) and NaN never do.
            if (cv.mean() > Double.NEGATIVE_INFINITY && (best < 0 || cv.mean() > results.get(best).meanScore())) {
                best = c;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no candidate can be picked: each of the " + candidates.size()
                    + " diverged in at least one fold or could not be scored; try smaller learning rates. First: "
                    + results.get(0).params() + " " + results.get(0).cv());
        }
        NetworkEstimator refitted = build.apply(candidates.get(best));
        Objects.requireNonNull(refitted, "build returned null");
        refitted.fit(train);
        return new SearchResult(results, best, refitted, (System.nanoTime() - started) / 1e9);
    }
}
