package dev.lanewise.model.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.SgdConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.LabelMapping;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.data.Splits;
import dev.lanewise.model.data.TrainTestSplit;
import dev.lanewise.model.estimator.NetworkEstimator;
import dev.lanewise.model.io.ModelFileException;
import dev.lanewise.model.loss.SoftmaxCrossEntropy;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.History;
import dev.lanewise.model.train.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The estimators refuse use before a fit and fits that cannot run, naming why; a refused fit leaves the model
 * exactly as it was (unfitted, or with its earlier weights, standardization and history), and nothing is written.
 */
class EstimatorBadInputTest {

    @TempDir
    Path dir;

    private static void assertNotFitted(Executable call) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call);
        assertTrue(e.getMessage().contains("is not fitted"), e.getMessage());
    }

    @Test
    void everyUseOfAnUnfittedModelIsRefusedAndNothingIsWritten() {
        LogisticRegression logistic = new LogisticRegression();
        Matrix x = Matrix.zeros(2, 30);
        assertNotFitted(() -> logistic.predict(x));
        assertNotFitted(() -> logistic.predictProba(x));
        assertNotFitted(() -> logistic.predictLabels(x));
        assertNotFitted(() -> logistic.outputs(x));
        assertNotFitted(logistic::numClasses);
        assertNotFitted(logistic::network);
        assertNotFitted(() -> logistic.loss(Datasets.breastCancer()));
        LinearRegression linear = new LinearRegression();
        assertNotFitted(linear::coefficients);
        assertNotFitted(linear::intercept);
        Path file = dir.resolve("unfitted.lwmodel");
        assertNotFitted(() -> linear.save(file));
        assertFalse(Files.exists(file));
        assertFalse(logistic.isFitted() || linear.isFitted());
    }

    @Test
    void earlyStoppingWithoutValidationDataLeavesAnUnfittedModelUnfitted() {
        LogisticRegression model = new LogisticRegression(OptimizerSpec.sgd(SgdConfig.of(0.1)),
                TrainingConfig.defaults().withMaxEpochs(5).withEarlyStopping(2, 0, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(Datasets.breastCancer()));
        assertEquals("early stopping (patience 2) needs validation data", e.getMessage());
        assertFalse(model.isFitted());
        assertEquals(null, model.standardizer());
        assertEquals(null, model.labelMapping());
        assertEquals(null, model.history());
    }

    @Test
    void aRefusedFitLeavesAFittedModelBitwiseAsItWas() {
        TrainTestSplit split = Splits.trainTest(Datasets.breastCancer(), 0.2, 1, true);
        LogisticRegression model = new LogisticRegression(OptimizerSpec.sgd(SgdConfig.of(0.1)),
                TrainingConfig.defaults().withMaxEpochs(3));
        History history = model.fit(split.train());
        float[] proba = model.predictProba(split.test().features()).data();
        var network = model.network();
        var standardizer = model.standardizer();

        model.setTraining(TrainingConfig.defaults().withMaxEpochs(3).withEarlyStopping(2, 0, true));
        assertThrows(IllegalArgumentException.class, () -> model.fit(split.train()));
        // Validation data of the other task, and with more classes than the network outputs:
        Dataset regression = Dataset.regression(split.test().features(), new float[split.test().rows()]);
        IllegalArgumentException task = assertThrows(IllegalArgumentException.class, () -> model.fit(split.train(), regression));
        assertEquals("loss bce-with-logits needs class labels, but validation is a REGRESSION dataset", task.getMessage());
        int[] threeClasses = split.test().labels().clone();
        threeClasses[0] = 2;
        Dataset wider = Dataset.classification(split.test().features(), threeClasses, LabelMapping.identity(3));
        IllegalArgumentException classes = assertThrows(IllegalArgumentException.class, () -> model.fit(split.train(), wider));
        assertEquals("validation has 3 classes, the network outputs 1 columns", classes.getMessage());
        // A training set with another number of classes is refused by the model itself.
        IllegalArgumentException train = assertThrows(IllegalArgumentException.class, () -> model.fit(wider));
        assertTrue(train.getMessage().contains("2 classes") && train.getMessage().contains("3"), train.getMessage());

        assertSame(history, model.history());
        assertSame(network, model.network());
        assertSame(standardizer, model.standardizer());
        assertArrayEquals(proba, model.predictProba(split.test().features()).data());
    }

    @Test
    void aNaNToPredictIsRefusedNamingRowAndColumn() {
        LogisticRegression model = new LogisticRegression();
        model.setTraining(TrainingConfig.defaults().withMaxEpochs(1));
        model.fit(Datasets.breastCancer());
        Matrix x = Datasets.breastCancer().features().rowRange(0, 3).copy();
        x.set(1, 7, Float.NaN);
        float[] before = x.data().clone();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.predict(x));
        assertEquals("x at row 1, column 7 must be finite, was NaN", e.getMessage());
        x.set(1, 7, Float.NEGATIVE_INFINITY);
        e = assertThrows(IllegalArgumentException.class, () -> model.predictProba(x));
        assertEquals("x at row 1, column 7 must be finite, was -Infinity", e.getMessage());
        before[1 * 30 + 7] = Float.NEGATIVE_INFINITY;
        assertArrayEquals(before, x.data(), "x is not changed");
    }

    @Test
    void aLossOnDataThatDoesNotFitTheModelIsRefused() {
        LinearRegression model = new LinearRegression();
        model.setTraining(TrainingConfig.defaults().withMaxEpochs(2));
        model.fit(Datasets.diabetes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.loss(Datasets.breastCancer()));
        assertEquals("the standardizer was fitted on 10 columns, the input has 30", e.getMessage());
        model.setStandardize(false).fit(Datasets.diabetes());
        e = assertThrows(IllegalArgumentException.class, () -> model.loss(Datasets.breastCancer()));
        assertEquals("data has 30 feature columns, the network takes 10", e.getMessage());
    }

    @Test
    void constructionAndSettersRefuseNonsense() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LinearRegression(
                new SoftmaxCrossEntropy(), OptimizerSpec.sgd(SgdConfig.of(0.1)), TrainingConfig.defaults()));
        assertEquals("loss must be a regression loss (mse, huber, mae), was softmax-cross-entropy", e.getMessage());
        NetworkEstimator model = new SoftmaxRegression();
        assertEquals("optimizer", assertThrows(NullPointerException.class, () -> model.setOptimizer(null)).getMessage());
        assertEquals("training", assertThrows(NullPointerException.class, () -> model.setTraining(null)).getMessage());
        assertEquals("callback", assertThrows(NullPointerException.class, () -> model.addCallback(null)).getMessage());
        assertEquals("epochs must be >= 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> model.checkpointEvery(0, dir)).getMessage());
        assertEquals("directory", assertThrows(NullPointerException.class, () -> model.checkpointEvery(1, null)).getMessage());
    }

    @Test
    void loadingAMissingFileNamesIt() {
        Path missing = dir.resolve("missing.lwmodel");
        ModelFileException e = assertThrows(ModelFileException.class, () -> LogisticRegression.load(missing));
        assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
        assertEquals(List.of(), List.of(dir.toFile().list()));
    }
}
