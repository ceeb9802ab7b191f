package dev.lanewise.model.select;

import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.estimator.NetworkEstimator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Exhaustive search over a {@link ParameterGrid}, as scikit-learn's {@code GridSearchCV}: every candidate
 * is scored by k-fold cross-validation, the one with the best mean score is picked (the first of equal
 * scores; never one whose fit diverged in a fold), and refitted on all the training rows.
 *
 * <p>Any hyperparameter of a model, its optimizer or its schedule can be searched: {@code build} turns a
 * candidate's named values into a model, so nothing is set by reflection.
 *
 * <pre>{@code
 * ParameterGrid grid = ParameterGrid.builder().add("lr", 0.3, 0.1, 0.03).add("l2", 0.0, 1e-3).build();
 * SearchResult result = GridSearch.run(grid, p -> new LinearRegression(new MeanSquaredError(),
 *                 OptimizerSpec.sgd(SgdConfig.of((Double) p.get("lr"))),
 *                 TrainingConfig.defaults().withFullBatch().withL2((Double) p.get("l2"))),
 *         train, SearchSettings.of(Scoring.NEG_MEAN_SQUARED_ERROR));
 * }</pre>
 *
 * <p>Parallel: the (candidate, fold) fits run on a fixed pool of {@link SearchSettings#threads()} workers,
 * each fit's GEMM on its own worker alone. Each result has its own slot and GEMM's result does not depend
 * on its thread count, so the scores are the same bits for any number of threads.
 */
public final class GridSearch {
    private GridSearch() {}

    /**
     * Runs the search.
     *
     * @param build called on the calling thread once per (candidate, fold) and once for the refit of the
     *              best; must return a new, unfitted model each time
     * @throws IllegalArgumentException for settings that do not fit the data or the models
     * @throws IllegalStateException    if every candidate diverged
     * @throws dev.lanewise.model.train.TrainingDivergedException if the refit of the best diverges
     */
    public static SearchResult run(ParameterGrid grid, Function<? super Map<String, Object>, ? extends NetworkEstimator> build,
            Dataset train, SearchSettings settings) {
        Objects.requireNonNull(grid, "grid");
        return Search.run(grid.candidates(), build, train, settings);
    }
}
