package dev.lanewise.model.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Counts, per-class scores by hand, zero-division, the table and the checks of {@link ConfusionMatrix}. */
class ConfusionMatrixTest {
    // sklearn's confusion_matrix docstring example: [[2, 0, 0], [0, 0, 1], [1, 0, 2]]
    private static final int[] Y_TRUE = {2, 0, 2, 2, 0, 1};
    private static final int[] Y_PRED = {0, 0, 2, 2, 0, 2};

    private static void assertRefused(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void rowsAreTrueClassesAndColumnsPredictedOnes() {
        ConfusionMatrix m = ConfusionMatrix.of(3, Y_TRUE, Y_PRED);
        assertArrayEquals(new long[][] {{2, 0, 0}, {0, 0, 1}, {1, 0, 2}}, m.toArray());
        assertEquals(6, m.total());
        assertEquals(1, m.count(2, 0));
        assertEquals(3, m.support(2));
        assertEquals(3, m.predicted(2));
        assertEquals(4.0 / 6, m.accuracy());
    }

    @Test
    void perClassScoresAndMacroMeansByHand() {
        ConfusionMatrix m = ConfusionMatrix.of(3, Y_TRUE, Y_PRED);
        // class 0: tp 2, predicted 3, support 2; class 1: never predicted; class 2: tp 2, predicted 3, support 3
        assertEquals(2.0 / 3, m.precision(0));
        assertEquals(1.0, m.recall(0));
        assertEquals(0.8, m.f1(0), 1e-16);
        assertEquals(0.0, m.precision(1)); // 0/0: zero_division=0
        assertEquals(0.0, m.recall(1));
        assertEquals(0.0, m.f1(1));
        assertEquals(2.0 / 3, m.precision(2));
        assertEquals(2.0 / 3, m.recall(2));
        assertEquals(2.0 / 3, m.f1(2), 1e-16);
        assertEquals((2.0 / 3 + 0 + 2.0 / 3) / 3, m.macroPrecision(), 1e-16);
        assertEquals((1 + 0 + 2.0 / 3) / 3, m.macroRecall(), 1e-16);
        assertEquals((0.8 + 0 + 2.0 / 3) / 3, m.macroF1(), 1e-16);
    }

    @Test
    void aClassAbsentFromBothSidesCountsAsZeroInTheMacroMeans() {
        ConfusionMatrix m = ConfusionMatrix.of(2, new int[] {0, 0}, new int[] {0, 0});
        assertEquals(1.0, m.f1(0));
        assertEquals(0.0, m.f1(1));
        assertEquals(0.5, m.macroF1());
    }

    @Test
    void offsetsSelectTheSamePairs() {
        int[] t = {7, 2, 0, 2, 2, 0, 1};
        int[] p = {0, 0, 2, 2, 0, 2, 7, 7};
        assertEquals(ConfusionMatrix.of(3, Y_TRUE, Y_PRED), ConfusionMatrix.of(3, t, 1, p, 0, 6));
        assertNotEquals(ConfusionMatrix.of(3, Y_TRUE, Y_PRED), ConfusionMatrix.of(3, Y_PRED, Y_TRUE));
    }

    @Test
    void toStringIsAReadableTable() {
        String expected = String.join(System.lineSeparator(),
                "confusion matrix: 6 samples, 3 classes, accuracy 0.6667",
                " true\\pred    0    1    2",
                "         0    2    0    0",
                "         1    0    0    1",
                "         2    1    0    2",
                "",
                "     class  precision     recall         f1    support",
                "         0     0.6667     1.0000     0.8000          2",
                "         1     0.0000     0.0000     0.0000          1",
                "         2     0.6667     0.6667     0.6667          3",
                "     macro     0.4444     0.5556     0.4889          6");
        assertEquals(expected, ConfusionMatrix.of(3, Y_TRUE, Y_PRED).toString());
    }

    @Test
    void badInputsAreRefusedNamingArgumentAndValue() {
        assertRefused("yTrue[0] = 2 is not a class label in [0, 2)",
                () -> ConfusionMatrix.of(2, Y_TRUE, Y_PRED));
        assertRefused("yPred[1] = -3 is not a class label in [0, 3)",
                () -> ConfusionMatrix.of(3, new int[] {0, 1}, new int[] {0, -3}));
        assertRefused("numClasses must be in [1, 46340], was 0", () -> ConfusionMatrix.of(0, Y_TRUE, Y_PRED));
        assertRefused("yTrue and yPred must have the same length, had 6 and 5",
                () -> ConfusionMatrix.of(3, Y_TRUE, new int[5]));
        assertRefused("yTrue and yPred must not be empty", () -> ConfusionMatrix.of(3, new int[0], new int[0]));
        assertRefused("yPred: offset 4 + n 3 is outside its length 6",
                () -> ConfusionMatrix.of(3, Y_TRUE, 0, Y_PRED, 4, 3));
        ConfusionMatrix m = ConfusionMatrix.of(3, Y_TRUE, Y_PRED);
        assertRefused("c must be in [0, 3), was 3", () -> m.precision(3));
        assertRefused("trueClass must be in [0, 3), was -1", () -> m.count(-1, 0));
    }
}
