package dev.lanewise.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.TrainTestSplit;
import dev.lanewise.model.loss.MeanSquaredError;
import dev.lanewise.model.loss.SoftmaxCrossEntropy;
import dev.lanewise.model.metrics.RegressionMetrics;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class MlpRegressorTest {

    /** The targets as (y - mean) / sd of the training targets: R² is the same in these units. */
    private static Dataset standardizedTargets(Dataset data, double mean, double sd) {
        float[] y = data.targets().clone();
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) ((y[i] - mean) / sd);
        }
        return Dataset.regression(data.features(), y, data.featureNames());
    }

    /**
     * Diabetes is small and nearly linear (linear regression's R² is about 0.5), so the MLP is kept small and
     * near-linear: 16 tanh units, a strong L2 penalty (0.1), 60 epochs. Targets (25 to 346) are standardized
     * on the training rows, as an MLP's output layer trains slowly towards a mean of 150.
     */
    @Test
    void diabetesHeldOutR2IsAtLeast045() {
        TrainTestSplit split = BundledData.split(BundledData.diabetes());
        float[] y = split.train().targets();
        double mean = 0;
        for (float v : y) {
            mean += v;
        }
        mean /= y.length;
        double squares = 0;
        for (float v : y) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / y.length);
        Dataset train = standardizedTargets(split.train(), mean, sd);
        Dataset test = standardizedTargets(split.test(), mean, sd);

        MlpRegressor model = new MlpRegressor(new MeanSquaredError(), OptimizerSpec.adam(AdamConfig.adam().withLr(3e-3)),
                TrainingConfig.defaults().withBatchSize(32).withMaxEpochs(60).withL2(0.1).withSeed(1), 16);
        model.setActivation(ActivationFunction.TANH).setSeed(11);
        model.fit(train);
        double r2 = RegressionMetrics.r2(test.targets(), model.predict(test.features()));
        assertTrue(r2 >= 0.45, "held-out R² " + r2);
    }

    @Test
    void aClassificationLossIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MlpRegressor(
                new SoftmaxCrossEntropy(), MlpDefaults.optimizer(), MlpDefaults.training(), 8));
        assertTrue(e.getMessage().contains("softmax-cross-entropy"), e.getMessage());
    }

    @Test
    void aRegressorHasOneLinearOutput() {
        MlpRegressor model = new MlpRegressor(new MeanSquaredError(), MlpDefaults.optimizer(),
                TrainingConfig.defaults().withMaxEpochs(1), 8, 4);
        model.fit(BundledData.diabetes());
        assertEquals(1, model.network().outputSize());
        assertEquals("Dense(10 -> 8) -> relu(8) -> Dense(8 -> 4) -> relu(4) -> Dense(4 -> 1)", model.network().describe());
    }
}
