package dev.lanewise.model.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.model.data.Matrix;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each loss refuses shapes, targets and labels that do not fit, naming them, and writes no gradient then. */
class LossBadInputTest {
    private static final float SENTINEL = -3.5f;

    private static Matrix sentinels(int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        Arrays.fill(m.data(), SENTINEL);
        return m;
    }

    private static void assertUntouched(Matrix grad) {
        float[] expected = new float[grad.data().length];
        Arrays.fill(expected, SENTINEL);
        assertArrayEquals(expected, grad.data());
    }

    @Test
    void aGradientOfAnotherShapeIsRefusedByEveryLoss() {
        Matrix output = Matrix.zeros(3, 1);
        Matrix grad = sentinels(2, 1);
        for (Loss loss : new Loss[] {new MeanSquaredError(), new MeanAbsoluteError(), new HuberLoss(1),
                new BinaryCrossEntropyWithLogits(), new SoftmaxCrossEntropy()}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loss.valueAndGradient(output, new float[3], new int[3], 0, grad), loss.name());
            assertEquals("grad must be 3x1 like output, was 2x1", e.getMessage(), loss.name());
        }
        assertUntouched(grad);
    }

    @Test
    void tooFewTargetsForTheBatchAreRefused() {
        Matrix grad = sentinels(3, 1);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> new MeanSquaredError().valueAndGradient(Matrix.zeros(3, 1), new float[4], null, 2, grad));
        assertTrue(e.getMessage().contains("offset 2") && e.getMessage().contains("length 3")
                && e.getMessage().contains("its length 4"), e.getMessage());
        assertUntouched(grad);
    }

    @Test
    void aStridedOutputIsRefusedByTheElementwiseLosses() {
        Matrix strided = Matrix.view(new float[6], 0, 3, 1, 2);
        Matrix grad = sentinels(3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MeanAbsoluteError().valueAndGradient(strided, new float[3], null, 0, grad));
        assertEquals("output must be dense (ld == cols = 1), had ld 2", e.getMessage());
        assertUntouched(grad);
    }

    @Test
    void binaryCrossEntropyRefusesASecondColumnALabelOtherThan01AndTooFewLabels() {
        BinaryCrossEntropyWithLogits bce = new BinaryCrossEntropyWithLogits();
        Matrix wide = sentinels(2, 2);
        assertEquals("binary cross-entropy needs one output column, had 2", assertThrows(IllegalArgumentException.class,
                () -> bce.valueAndGradient(Matrix.zeros(2, 2), null, new int[2], 0, wide)).getMessage());
        assertUntouched(wide);

        Matrix grad = sentinels(3, 1);
        assertEquals("labels[1] must be 0 or 1, was 2", assertThrows(IllegalArgumentException.class,
                () -> bce.valueAndGradient(Matrix.zeros(3, 1), null, new int[] {0, 2, 1}, 0, grad)).getMessage());
        assertEquals("labels[3] must be 0 or 1, was -1", assertThrows(IllegalArgumentException.class,
                () -> bce.valueAndGradient(Matrix.zeros(3, 1), null, new int[] {0, 0, 1, -1}, 1, grad)).getMessage());
        assertEquals("labels must hold rows 1..3 of the batch, had length 3", assertThrows(IndexOutOfBoundsException.class,
                () -> bce.valueAndGradient(Matrix.zeros(3, 1), null, new int[] {0, 1, 1}, 1, grad)).getMessage());
        assertEquals("labels", assertThrows(NullPointerException.class,
                () -> bce.valueAndGradient(Matrix.zeros(3, 1), new float[3], null, 0, grad)).getMessage());
        assertUntouched(grad);
    }

    @Test
    void softmaxCrossEntropyRefusesALabelBeyondTheOutputColumns() {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        Matrix grad = sentinels(2, 3);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> ce.valueAndGradient(Matrix.zeros(2, 3), null, new int[] {0, 3}, 0, grad));
        assertEquals("labels[1] (row 1) must be in [0, cols = 3), was 3", e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class,
                () -> ce.valueAndGradient(Matrix.zeros(2, 3), null, new int[] {9, -1, 2}, 1, grad));
        assertEquals("labels[1] (row 0) must be in [0, cols = 3), was -1", e.getMessage());
        assertUntouched(grad);
    }

    @Test
    void aHuberDeltaThatIsNotFiniteAndPositiveIsRefused() {
        for (float delta : new float[] {0, -1, Float.NaN, Float.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HuberLoss(delta));
            assertEquals("delta must be finite and > 0, was " + delta, e.getMessage());
        }
    }
}
