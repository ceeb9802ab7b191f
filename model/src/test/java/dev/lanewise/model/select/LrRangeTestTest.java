package dev.lanewise.model.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.SgdConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.linear.LinearRegression;
import dev.lanewise.model.linear.SoftmaxRegression;
import dev.lanewise.model.loss.MeanSquaredError;
import dev.lanewise.model.metrics.ClassificationMetrics;
import dev.lanewise.model.nn.Parameter;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class LrRangeTestTest {
    private static SoftmaxRegression softmax(double lr, int epochs) {
        return new SoftmaxRegression(OptimizerSpec.sgd(SgdConfig.of(lr)),
                TrainingConfig.defaults().withBatchSize(16).withSeed(3).withMaxEpochs(epochs));
    }

    private static LinearRegression fullBatchLinear() {
        return new LinearRegression(new MeanSquaredError(), OptimizerSpec.sgd(SgdConfig.of(0.01)),
                TrainingConfig.defaults().withFullBatch());
    }

    @Test
    void onDigitsItSuggestsARateInsideTheRangeWhereTheLossFallsAndRestoresTheWeights() {
        Dataset digits = BundledData.digits();
        SoftmaxRegression model = softmax(0.1, 1);
        LrRangeSettings settings = LrRangeSettings.defaults().withRange(1e-4, 100);
        LrRangeResult result = LrRangeTest.run(model, digits, settings);

        // One epoch of batches of 16: 113 steps, unless the loss diverged first; the rates rise by one factor.
        int steps = result.steps();
        assertTrue(steps >= 30 && steps <= 113, result.toString());
        assertEquals(steps < 113, result.diverged(), result.toString());
        double[] lrs = result.lrs();
        double ratio = Math.pow(1e6, 1.0 / 112);
        assertEquals(1e-4, lrs[0]);
        for (int i = 1; i < steps; i++) {
            assertEquals(ratio, lrs[i] / lrs[i - 1], 1e-9);
        }
        // The recorded loss is fast.ai's smoothed one: the first equals the raw loss, the second by hand.
        double[] raw = result.rawLosses();
        double[] losses = result.losses();
        assertEquals(Math.log(10), raw[0], 1e-6, "zero weights: ln(10)");
        assertEquals(raw[0], losses[0], 1e-12);
        assertEquals((0.98 * 0.02 * raw[0] + 0.02 * raw[1]) / (1 - 0.98 * 0.98), losses[1], 1e-12);

        double suggested = result.suggestion().orElseThrow();
        int at = result.suggestionIndex();
        assertEquals(lrs[at], suggested);
        assertTrue(at >= settings.skipBegin() && at < steps - settings.skipEnd(), "index " + at);
        assertTrue(suggested > 1e-4 && suggested < 100, "inside the range: " + suggested);
        assertTrue(losses[at + 1] < losses[at - 1], "the loss falls there");
        assertTrue(losses[at] < losses[0] - 0.1, "and has fallen by then: " + losses[at]);

        // The model is back at its initial weights: those a fresh model of the same seed starts from.
        List<Parameter> after = model.network().parameters();
        List<Parameter> initial = softmax(0.1, 1).prepareFit(digits).network().parameters();
        for (int i = 0; i < after.size(); i++) {
            assertArrayEquals(initial.get(i).value(), after.get(i).value(), 0f, after.get(i).name());
        }

        // And the suggestion trains: two epochs at that rate classify the training digits well.
        SoftmaxRegression trained = softmax(suggested, 2);
        trained.fit(digits);
        double accuracy = ClassificationMetrics.accuracy(digits.labels(), trained.predict(digits.features()));
        assertTrue(accuracy > 0.9, "accuracy at the suggested rate " + suggested + ": " + accuracy);
    }

    @Test
    void itStopsOnceTheLossExceedsFourTimesTheBest() {
        // Full-batch SGD on diabetes diverges above lr ~0.3: 60 steps from 1e-4 to 10 get there.
        LrRangeResult result = LrRangeTest.run(fullBatchLinear(), BundledData.diabetes(),
                LrRangeSettings.defaults().withRange(1e-4, 10).withNumIter(60));
        assertTrue(result.diverged(), result.toString());
        assertTrue(result.stopReason().contains("exceeds 4.0 times the best"), result.stopReason());
        double[] losses = result.losses();
        int last = losses.length - 1;
        assertTrue(last < 59, "stopped early: " + result);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < last; i++) {
            assertFalse(i > 0 && losses[i] > 4 * best, "no earlier point was past the threshold");
            best = Math.min(best, losses[i]);
        }
        assertTrue(losses[last] > 4 * best);
        assertTrue(result.suggestion().isPresent());
    }

    @Test
    void fullBatchTrainingNeedsNumIter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LrRangeTest.run(fullBatchLinear(), BundledData.diabetes(), LrRangeSettings.defaults()));
        assertTrue(e.getMessage().contains("set numIter"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LrRangeSettings.defaults().withRange(1, 1));
        assertThrows(IllegalArgumentException.class, () -> LrRangeSettings.defaults().withBeta(1));
        assertThrows(IllegalArgumentException.class, () -> LrRangeSettings.defaults().withDivergeThreshold(1));
    }

    @Test
    void theSmoothedLossIsTheBiasCorrectedMovingAverageByHand() {
        LossSmoother smoother = new LossSmoother(0.5);
        // averages 2, 2, 1.5 (from 0); divided by 1 - 0.5^t: 4, 8/3, 12/7
        assertEquals(4.0, smoother.add(4), 1e-15);
        assertEquals(8.0 / 3, smoother.add(2), 1e-15);
        assertEquals(12.0 / 7, smoother.add(1), 1e-15);
        assertEquals(3.0, new LossSmoother(0).add(3), 0.0, "beta 0: the raw loss");
    }

    @Test
    void theSuggestionIsTheSteepestDescentAgainstLogLrAsNumpyGradient() {
        double[] lrs = new double[7];
        for (int i = 0; i < 7; i++) {
            lrs[i] = Math.pow(10, i - 4);
        }
        double[] losses = {5, 5, 4.8, 4, 2, 1.5, 9};
        // np.gradient(losses) = [0, -0.1, -0.5, -1.4, -1.25, 3.5, 7.5] (per unit of index; ln 10 per index): index 3
        assertEquals(3, LrRangeTest.steepestDescent(lrs, losses, 0, 0));
        // Without the last point the edge slope of index 5 is 1.5 - 2 = -0.5: still index 3.
        assertEquals(3, LrRangeTest.steepestDescent(lrs, losses, 0, 1));
        // On [4, 6) both slopes are 1.5 - 2 = -0.5: the first.
        assertEquals(4, LrRangeTest.steepestDescent(lrs, losses, 4, 1));
        assertEquals(-1, LrRangeTest.steepestDescent(lrs, losses, 5, 1), "fewer than two points");
    }
}
