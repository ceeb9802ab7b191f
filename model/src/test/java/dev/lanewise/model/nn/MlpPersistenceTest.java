package dev.lanewise.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.io.ModelFiles;
import dev.lanewise.model.linear.LogisticRegression;
import dev.lanewise.model.loss.HuberLoss;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlpPersistenceTest {

    @TempDir
    Path dir;

    private static TrainingConfig briefly() {
        return TrainingConfig.defaults().withBatchSize(64).withMaxEpochs(2).withSeed(3);
    }

    @Test
    void aSavedClassifierPredictsTheSameBitsAfterLoading() throws Exception {
        Dataset data = BundledData.digits();
        MlpClassifier model = new MlpClassifier(OptimizerSpec.adam(AdamConfig.adam()), briefly(), 32, 16);
        model.setActivation(ActivationFunction.TANH).setWeightInit(WeightInit.HE_NORMAL).setSeed(4);
        model.fit(data);
        Path file = dir.resolve("digits.model");
        model.save(file);

        MlpClassifier loaded = MlpClassifier.load(file);
        assertArrayEquals(model.predictProba(data.features()).data(), loaded.predictProba(data.features()).data());
        assertEquals(model.architecture(), loaded.architecture());
        assertEquals(model.network().describe(), loaded.network().describe());
        assertEquals(model.labelMapping().nameOf(7), loaded.labelMapping().nameOf(7));
        assertEquals(data.featureNames(), loaded.featureNames());
    }

    @Test
    void aSavedBinaryClassifierKeepsItsSingleLogit() throws Exception {
        Dataset data = BundledData.breastCancer();
        MlpClassifier model = new MlpClassifier(OptimizerSpec.adam(AdamConfig.adam()), briefly(), 8);
        model.fit(data);
        Path file = dir.resolve("bc.model");
        model.save(file);

        MlpClassifier loaded = MlpClassifier.load(file);
        assertEquals(1, loaded.network().outputSize());
        assertArrayEquals(model.predictProba(data.features()).data(), loaded.predictProba(data.features()).data());
        assertEquals(model.loss(data), loaded.loss(data));
    }

    /** Needs the real BatchNorm, Dropout and WeightNormDense layers (branch n-layers). */
    @Test
    void aSavedMlpWithBatchNormDropoutAndWeightNormKeepsItsRunningStatistics() throws Exception {
        Dataset data = BundledData.digits();
        MlpClassifier model = new MlpClassifier(OptimizerSpec.adam(AdamConfig.adam()), briefly(), 32, 16);
        model.setBatchNorm(true).setDropout(0.3).setWeightNorm(true).setSeed(4);
        model.fit(data);
        Path file = dir.resolve("bn.model");
        model.save(file);

        assertTrue(ModelFiles.load(file).tensorNames().stream().anyMatch(n -> n.startsWith("state.")),
                ModelFiles.load(file).tensorNames().toString());
        MlpClassifier loaded = MlpClassifier.load(file);
        assertEquals(model.architecture(), loaded.architecture());
        // Inference normalizes with the running statistics: equal bits only if they were restored.
        assertArrayEquals(model.predictProba(data.features()).data(), loaded.predictProba(data.features()).data());
    }

    @Test
    void aSavedHuberRegressorKeepsItsLossAndPredictions() throws Exception {
        Dataset data = BundledData.diabetes();
        MlpRegressor model = new MlpRegressor(new HuberLoss(30f), OptimizerSpec.adam(AdamConfig.adam().withLr(0.01)),
                briefly(), 12);
        model.setActivation(ActivationFunction.GELU);
        model.fit(data);
        Path file = dir.resolve("diabetes.model");
        model.save(file);

        MlpRegressor loaded = MlpRegressor.load(file);
        assertArrayEquals(model.predict(data.features()), loaded.predict(data.features()));
        assertEquals("huber(delta=30.0)", loaded.loss().toString());
        assertEquals(model.architecture(), loaded.architecture());
    }

    @Test
    void theFileHoldsTheStructureTheModelWasFittedWithNotLaterSettings() throws Exception {
        Dataset data = BundledData.breastCancer();
        MlpClassifier model = new MlpClassifier(OptimizerSpec.adam(AdamConfig.adam()), briefly(), 8);
        model.fit(data);
        model.setBatchNorm(true).setDropout(0.5).setActivation(ActivationFunction.ELU);
        Path file = dir.resolve("bc.model");
        model.save(file);

        MlpClassifier loaded = MlpClassifier.load(file);
        assertFalse(loaded.architecture().batchNorm());
        assertEquals(0.0, loaded.architecture().dropout());
        assertEquals(ActivationFunction.RELU, loaded.architecture().activation());
        assertArrayEquals(model.predictProba(data.features()).data(), loaded.predictProba(data.features()).data());
    }

    @Test
    void aModelFileOfAnotherKindIsRefusedByName() throws Exception {
        MlpClassifier classifier = new MlpClassifier(OptimizerSpec.adam(AdamConfig.adam()), briefly(), 4);
        classifier.fit(BundledData.breastCancer());
        Path mlpFile = dir.resolve("mlp.model");
        classifier.save(mlpFile);
        Exception e = assertThrows(IllegalArgumentException.class, () -> MlpRegressor.load(mlpFile));
        assertTrue(e.getMessage().contains("mlp-classifier") && e.getMessage().contains("mlp-regressor"), e.getMessage());

        LogisticRegression logistic = new LogisticRegression();
        logistic.setTraining(briefly());
        logistic.fit(BundledData.breastCancer());
        Path logisticFile = dir.resolve("logistic.model");
        logistic.save(logisticFile);
        e = assertThrows(IllegalArgumentException.class, () -> MlpClassifier.load(logisticFile));
        assertTrue(e.getMessage().contains("logistic-regression") && e.getMessage().contains("mlp-classifier"), e.getMessage());
    }
}
