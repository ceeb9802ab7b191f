package dev.lanewise.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanewise.model.data.Matrix;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shapes that do not match are refused with both sizes named, before any parameter or gradient is written. */
class LayerBadInputTest {
    private static final float SENTINEL = 7.25f;

    private Dense dense;
    private float[] weightBefore;

    @BeforeEach
    void layerWithKnownGradients() {
        dense = new Dense("lin", 4, 3, WeightInit.XAVIER_UNIFORM, 1, true);
        weightBefore = dense.weight().value().clone();
        Arrays.fill(dense.weight().grad(), SENTINEL);
        Arrays.fill(dense.bias().grad(), SENTINEL);
    }

    private void assertNothingWritten() {
        assertArrayEquals(weightBefore, dense.weight().value());
        assertArrayEquals(new float[3], dense.bias().value());
        float[] sentinels = new float[12];
        Arrays.fill(sentinels, SENTINEL);
        assertArrayEquals(sentinels, dense.weight().grad());
        assertArrayEquals(new float[] {SENTINEL, SENTINEL, SENTINEL}, dense.bias().grad());
    }

    @Test
    void denseForwardNamesTheColumnsItTakesAndTheColumnsItGot() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dense.forward(Matrix.zeros(2, 5), Mode.TRAIN));
        assertEquals("lin: input must have 4 columns, had 5", e.getMessage());
        // A refused training forward pass is not remembered for backward.
        IllegalStateException noForward = assertThrows(IllegalStateException.class, () -> dense.backward(Matrix.zeros(2, 3)));
        assertEquals("lin: backward before a training forward pass", noForward.getMessage());
        assertNothingWritten();
    }

    @Test
    void denseBackwardRefusesAGradientOfTheWrongShape() {
        dense.forward(Matrix.zeros(2, 4), Mode.TRAIN);
        IllegalArgumentException cols = assertThrows(IllegalArgumentException.class, () -> dense.backward(Matrix.zeros(2, 2)));
        assertEquals("lin: gradOutput must have 3 columns, had 2", cols.getMessage());
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class, () -> dense.backward(Matrix.zeros(5, 3)));
        assertEquals("lin: gradOutput must have the forward batch's 2 rows, had 5", rows.getMessage());
        assertNothingWritten();
    }

    @Test
    void denseRefusesEmptySizes() {
        assertEquals("in must be >= 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> new Dense("d", 0, 3, WeightInit.ZEROS, 0, false)).getMessage());
        assertEquals("out must be >= 1, was -2", assertThrows(IllegalArgumentException.class,
                () -> new Dense("d", 3, -2, WeightInit.ZEROS, 0, false)).getMessage());
        assertEquals("init", assertThrows(NullPointerException.class,
                () -> new Dense("d", 3, 2, null, 0, false)).getMessage());
    }

    @Test
    void sequentialNamesBothLayersAndSizesOfAMismatch() {
        Dense second = new Dense("second", 5, 2, WeightInit.ZEROS, 0, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Sequential(dense, second));
        assertEquals("layer 0 Dense(4 -> 3) outputs 3 columns but layer 1 Dense(5 -> 2) takes 5", e.getMessage());
        assertEquals("layers must not be empty",
                assertThrows(IllegalArgumentException.class, () -> new Sequential(List.of())).getMessage());
    }

    @Test
    void onlyTheFirstLayerMaySkipTheInputGradient() {
        Dense blind = new Dense("blind", 3, 2, WeightInit.ZEROS, 0, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Sequential(dense, blind));
        assertEquals("layer 1 Dense(3 -> 2) computes no input gradient, which only the first layer may skip:"
                + " layer 0 needs it", e.getMessage());
        new Sequential(blind); // first: fine
    }

    @Test
    void sequentialForwardNamesTheSizesAndChangesNoParameter() {
        Sequential net = new Sequential(dense, new Dense("out", 3, 1, WeightInit.XAVIER_UNIFORM, 2, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.forward(Matrix.zeros(1, 3), Mode.TRAIN));
        assertEquals("lin: input must have 4 columns, had 3", e.getMessage());
        assertNothingWritten();
    }

    @Test
    void parameterRefusesLengthsAndShapesThatDisagree() {
        assertEquals("p: grad must have the value's length 3, had 2", assertThrows(IllegalArgumentException.class,
                () -> new Parameter("p", new float[3], new float[2], new int[] {3}, true)).getMessage());
        assertEquals("p: shape [2, 2] holds 4 elements, value has 3", assertThrows(IllegalArgumentException.class,
                () -> new Parameter("p", new float[3], new float[3], new int[] {2, 2}, true)).getMessage());
        assertEquals("cols must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> new BatchBuffer(0)).getMessage());
    }
}
