package dev.lanewise.model.linear;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.data.Splits;
import dev.lanewise.model.data.TrainTestSplit;
import dev.lanewise.model.metrics.ClassificationMetrics;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {

    @Test
    void digitsHeldOutAccuracyIsAtLeast095() {
        TrainTestSplit split = Splits.trainTest(Datasets.digits(), 0.2, 42, true);
        SoftmaxRegression model = new SoftmaxRegression(OptimizerSpec.adam(AdamConfig.adam().withLr(0.01)),
                TrainingConfig.defaults().withBatchSize(32).withMaxEpochs(60).withSeed(3));
        model.setStandardize(false);
        model.fit(split.train());
        double accuracy = ClassificationMetrics.accuracy(split.test().labels(), model.predict(split.test().features()));
        assertTrue(accuracy >= 0.95, "test accuracy " + accuracy);
    }
}
