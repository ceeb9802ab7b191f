package dev.lanewise.model.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.SgdConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.linear.LinearRegression;
import dev.lanewise.model.loss.MeanSquaredError;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bar: on diabetes, with plain SGD, a search finds a learning rate whose cross-validated MSE is
 * within 5% of the best of a fine grid of 30 rates, and never picks a diverging one.
 */
class LearningRateSearchTest {
    private static final int FOLDS = 5;
    private static final long SEED = 7;
    private static final TrainingConfig TRAINING = TrainingConfig.defaults().withFullBatch().withMaxEpochs(50);

    private static Dataset data;
    /** The best cross-validated MSE of 30 rates log-spaced over 1e-4 .. 10, and how many of them diverged. */
    private static double fineGridBestMse;
    private static int fineGridDiverged;

    private static LinearRegression sgd(double lr) {
        return new LinearRegression(new MeanSquaredError(), OptimizerSpec.sgd(SgdConfig.of(lr)), TRAINING);
    }

    private static LinearRegression build(Map<String, Object> params) {
        return sgd((Double) params.get("lr"));
    }

    private static SearchSettings settings() {
        return SearchSettings.of(Scoring.NEG_MEAN_SQUARED_ERROR).withFolds(FOLDS).withSeed(SEED).withThreads(2);
    }

    @BeforeAll
    static void fineGrid() {
        data = BundledData.diabetes();
        fineGridBestMse = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 30; i++) {
            double lr = 1e-4 * Math.pow(1e5, i / 29.0);
            CrossValidationResult cv = CrossValidation.score(() -> sgd(lr), data, FOLDS, false, SEED,
                    Scoring.NEG_MEAN_SQUARED_ERROR);
            fineGridDiverged += cv.anyDiverged() ? 1 : 0;
            if (!cv.anyDiverged()) {
                fineGridBestMse = Math.min(fineGridBestMse, -cv.mean());
            }
        }
    }

    private static void assertGoodAndFinite(SearchResult result) {
        assertTrue(fineGridDiverged >= 5, "the fine grid reaches rates that diverge: " + fineGridDiverged);
        long divergedCandidates = result.candidates().stream().filter(CandidateResult::diverged).count();
        assertTrue(divergedCandidates >= 2, "the search tried diverging rates too: " + divergedCandidates);
        assertFalse(result.best().diverged(), "picked a diverging rate: " + result);
        double mse = -result.bestScore();
        assertTrue(mse <= 1.05 * fineGridBestMse, "search MSE " + mse + " vs fine grid best " + fineGridBestMse);
        // The search scores with the same cross-validation as CrossValidation.score: the same bits.
        double lr = (Double) result.bestParams().get("lr");
        assertEquals(result.bestScore(), CrossValidation.score(() -> sgd(lr), data, FOLDS, false, SEED,
                Scoring.NEG_MEAN_SQUARED_ERROR).mean());
        // The refit is of the best rate, on every row.
        LinearRegression refitted = (LinearRegression) result.bestEstimator();
        assertEquals(lr, refitted.optimizer().lr());
        assertTrue(refitted.isFitted());
    }

    @Test
    void randomSearchOverLogUniformRatesFindsANearBestRateAndNeverADivergingOne() {
        ParameterSampler sampler = ParameterSampler.builder().add("lr", Distribution.logUniform(1e-3, 10)).build();
        SearchResult result = RandomSearch.run(sampler, 16, LearningRateSearchTest::build, data, settings());
        assertEquals(16, result.candidates().size());
        assertGoodAndFinite(result);
    }

    @Test
    void gridSearchOverHalfDecadesFindsANearBestRateAndNeverADivergingOne() {
        ParameterGrid grid = ParameterGrid.builder()
                .add("lr", 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1.0, 3.0, 10.0).build();
        SearchResult result = GridSearch.run(grid, LearningRateSearchTest::build, data, settings());
        assertGoodAndFinite(result);
    }
}
