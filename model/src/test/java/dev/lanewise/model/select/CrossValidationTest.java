package dev.lanewise.model.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.SgdConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Fold;
import dev.lanewise.model.data.Folds;
import dev.lanewise.model.linear.LinearRegression;
import dev.lanewise.model.linear.LogisticRegression;
import dev.lanewise.model.loss.MeanSquaredError;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
    private static final TrainingConfig SHORT = TrainingConfig.defaults().withFullBatch().withMaxEpochs(30);

    private static LinearRegression sgd(double lr) {
        return new LinearRegression(new MeanSquaredError(), OptimizerSpec.sgd(SgdConfig.of(lr)), SHORT);
    }

    private static LogisticRegression logistic() {
        return new LogisticRegression(OptimizerSpec.sgd(SgdConfig.of(0.1)), TrainingConfig.defaults().withMaxEpochs(5));
    }

    @Test
    void foldScoresMeanAndPopulationStdMatchAHandComputation() {
        Dataset data = BundledData.diabetes();
        CrossValidationResult cv = CrossValidation.score(() -> sgd(0.05), data, 4, false, 3, Scoring.NEG_MEAN_SQUARED_ERROR);

        // By hand: the same folds, a model per fold, minus the mean squared error on its test rows.
        List<Fold> folds = Folds.kFold(data.rows(), 4, 3);
        double[] expected = new double[4];
        for (int f = 0; f < 4; f++) {
            LinearRegression model = sgd(0.05);
            model.fit(data.select(folds.get(f).train()));
            Dataset test = data.select(folds.get(f).test());
            float[] predicted = model.predict(test.features());
            double sse = 0;
            for (int i = 0; i < predicted.length; i++) {
                double d = (double) test.targets()[i] - predicted[i];
                sse += d * d;
            }
            expected[f] = -sse / predicted.length;
        }
        assertArrayEquals(expected, cv.foldScores(), 1e-9);
        double mean = (expected[0] + expected[1] + expected[2] + expected[3]) / 4;
        double squares = 0;
        for (double s : expected) {
            squares += (s - mean) * (s - mean);
        }
        assertEquals(mean, cv.mean(), 1e-9);
        assertEquals(Math.sqrt(squares / 4), cv.std(), 1e-9, "population standard deviation, as np.std");
        assertNotEquals(Math.sqrt(squares / 3), cv.std(), 1e-6, "not the sample standard deviation");
        assertEquals(4, cv.folds());
        assertEquals(0, cv.divergedFolds());
        assertTrue(cv.mean() < 0 && cv.mean() > -5000, "a sensible negative MSE: " + cv.mean());
    }

    @Test
    void theSameSeedGivesTheSameScoresAndAnotherSeedOtherFolds() {
        Dataset data = BundledData.diabetes();
        double[] a = CrossValidation.score(() -> sgd(0.05), data, 3, false, 5, Scoring.R2).foldScores();
        double[] b = CrossValidation.score(() -> sgd(0.05), data, 3, false, 5, Scoring.R2).foldScores();
        double[] c = CrossValidation.score(() -> sgd(0.05), data, 3, false, 6, Scoring.R2).foldScores();
        assertArrayEquals(a, b, 0.0);
        assertNotEquals(a[0], c[0]);
        for (double r2 : a) {
            assertTrue(r2 > 0.3 && r2 < 0.7, "diabetes R2 of a linear model: " + r2);
        }
    }

    @Test
    void stratifiedFoldsKeepTheClassProportions() {
        Dataset data = BundledData.breastCancer();
        int[] counts = data.classCounts(); // 212 malignant, 357 benign
        int k = 5;
        for (Fold fold : CrossValidation.folds(data, k, true, 11)) {
            int[] inTest = new int[counts.length];
            for (int row : fold.test()) {
                inTest[data.labels()[row]]++;
            }
            for (int c = 0; c < counts.length; c++) {
                assertTrue(inTest[c] == counts[c] / k || inTest[c] == counts[c] / k + 1,
                        "class " + c + ": " + inTest[c] + " of " + counts[c] + " in a test fold of " + k);
            }
        }
    }

    @Test
    void stratifiedCrossValidationOfAClassifierScoresAccuracyAndNegativeLogLoss() {
        Dataset data = BundledData.breastCancer();
        CrossValidationResult accuracy = CrossValidation.score(CrossValidationTest::logistic, data, 5, true, 1, Scoring.ACCURACY);
        CrossValidationResult logLoss = CrossValidation.score(CrossValidationTest::logistic, data, 5, true, 1, Scoring.NEG_LOG_LOSS);
        for (int f = 0; f < 5; f++) {
            assertTrue(accuracy.foldScores()[f] > 0.9 && accuracy.foldScores()[f] <= 1, "accuracy " + accuracy);
            assertTrue(logLoss.foldScores()[f] < 0 && logLoss.foldScores()[f] > -0.4, "neg log-loss " + logLoss);
        }
    }

    @Test
    void aDivergingFitScoresMinusInfinityAndIsReported() {
        CrossValidationResult cv = CrossValidation.score(() -> sgd(1000), BundledData.diabetes(), 3, false, 1,
                Scoring.NEG_MEAN_SQUARED_ERROR);
        assertArrayEquals(new boolean[] {true, true, true}, cv.foldDiverged());
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY},
                cv.foldScores(), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, cv.mean());
        assertTrue(Double.isNaN(cv.std()));
        assertTrue(cv.toString().contains("3 diverged"), cv.toString());
    }

    @Test
    void refusesWhatCannotWork() {
        Dataset diabetes = BundledData.diabetes();
        IllegalArgumentException stratified = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.score(() -> sgd(0.1), diabetes, 5, true, 1, Scoring.R2));
        assertTrue(stratified.getMessage().contains("stratified"), stratified.getMessage());
        IllegalArgumentException scoring = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.score(() -> sgd(0.1), diabetes, 5, false, 1, Scoring.ACCURACY));
        assertTrue(scoring.getMessage().contains("accuracy needs a Classifier"), scoring.getMessage());
        LinearRegression shared = sgd(0.1);
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.score(() -> shared, diabetes, 5, false, 1, Scoring.R2));
        assertTrue(same.getMessage().contains("new estimator on every call"), same.getMessage());
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.score(() -> sgd(0.1), diabetes, 1, false, 1, Scoring.R2));
        assertEquals("k must be >= 2, was 1", k.getMessage());
        assertTrue(!shared.isFitted(), "nothing was fitted before the checks");
    }
}
