package dev.lanewise.model.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.SgdConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.loss.HuberLoss;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {

    @TempDir
    Path dir;

    @Test
    void aSavedClassifierPredictsTheSameBitsAfterLoading() throws Exception {
        Dataset data = Datasets.digits();
        SoftmaxRegression model = new SoftmaxRegression();
        model.setTraining(TrainingConfig.defaults().withMaxEpochs(2));
        model.fit(data);
        Path file = dir.resolve("digits.model");
        model.save(file);
        SoftmaxRegression loaded = SoftmaxRegression.load(file);
        assertArrayEquals(model.predictProba(data.features()).data(), loaded.predictProba(data.features()).data());
        assertEquals(model.labelMapping().nameOf(3), loaded.labelMapping().nameOf(3));
        assertEquals(data.featureNames(), loaded.featureNames());
        assertArrayEquals(model.standardizer().means(), loaded.standardizer().means());
    }

    @Test
    void aSavedHuberRegressionKeepsItsLossAndPredictions() throws Exception {
        Dataset data = Datasets.diabetes();
        LinearRegression model = new LinearRegression(new HuberLoss(2.5f), OptimizerSpec.sgd(SgdConfig.of(0.05)),
                TrainingConfig.defaults().withMaxEpochs(5));
        model.fit(data);
        Path file = dir.resolve("diabetes.model");
        model.save(file);
        LinearRegression loaded = LinearRegression.load(file);
        assertArrayEquals(model.predict(data.features()), loaded.predict(data.features()));
        assertEquals("huber(delta=2.5)", loaded.loss().toString());
    }

    @Test
    void aModelFileOfAnotherKindIsRefusedByName() throws Exception {
        LogisticRegression model = new LogisticRegression();
        model.setTraining(TrainingConfig.defaults().withMaxEpochs(1));
        model.fit(Datasets.breastCancer());
        Path file = dir.resolve("bc.model");
        model.save(file);
        Exception e = assertThrows(Exception.class, () -> SoftmaxRegression.load(file));
        assertTrue(e.getMessage().contains("logistic-regression") && e.getMessage().contains("softmax-regression"), e.getMessage());
    }

    @Test
    void savingAnUnfittedModelWritesNothing() {
        Path file = dir.resolve("nothing.model");
        assertThrows(IllegalStateException.class, () -> new LogisticRegression().save(file));
        assertTrue(!Files.exists(file));
    }
}
