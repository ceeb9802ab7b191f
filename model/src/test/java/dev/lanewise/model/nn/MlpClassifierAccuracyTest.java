package dev.lanewise.model.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.data.TrainTestSplit;
import dev.lanewise.model.metrics.ClassificationMetrics;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.optim.schedule.CosineAnnealingLr;
import dev.lanewise.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The accuracy bars on the held-out 20% of the bundled data ({@link BundledData#split}). */
class MlpClassifierAccuracyTest {

    private static double testAccuracy(MlpClassifier model, TrainTestSplit split) {
        model.fit(split.train());
        return ClassificationMetrics.accuracy(split.test().labels(), model.predict(split.test().features()));
    }

    /** Adam at 3e-3 annealed to 0 over 40 epochs of 32 rows, on the pixels / 16 (no standardization). */
    private static TrainingConfig digitsTraining() {
        return TrainingConfig.defaults().withBatchSize(32).withMaxEpochs(40).withSchedule(new CosineAnnealingLr(40)).withSeed(1);
    }

    @Test
    void digitsWithOneHiddenLayerOf64AndAdamReach097() {
        MlpClassifier model = new MlpClassifier(OptimizerSpec.adam(AdamConfig.adam().withLr(3e-3)), digitsTraining(), 64);
        model.setStandardize(false).setSeed(11);
        double accuracy = testAccuracy(model, BundledData.split(BundledData.digits()));
        assertTrue(accuracy >= 0.97, "test accuracy " + accuracy);
    }

    /** Needs the real BatchNorm and Dropout layers (branch n-layers). */
    @Test
    void digitsWithTwoHiddenLayersBatchNormAndDropoutReach097() {
        MlpClassifier model = new MlpClassifier(OptimizerSpec.adam(AdamConfig.adam().withLr(3e-3)), digitsTraining(), 128, 64);
        model.setBatchNorm(true).setDropout(0.2).setStandardize(false).setSeed(11);
        double accuracy = testAccuracy(model, BundledData.split(BundledData.digits()));
        assertTrue(accuracy >= 0.97, "test accuracy " + accuracy);
    }

    @Test
    void breastCancerReaches096() {
        MlpClassifier model = new MlpClassifier(OptimizerSpec.adam(AdamConfig.adam()),
                TrainingConfig.defaults().withBatchSize(32).withMaxEpochs(50).withL2(1e-2).withSeed(1), 16);
        model.setSeed(11);
        double accuracy = testAccuracy(model, BundledData.split(BundledData.breastCancer()));
        assertTrue(accuracy >= 0.96, "test accuracy " + accuracy);
    }
}
