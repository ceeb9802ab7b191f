package dev.lanewise.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.model.data.Matrix;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DropoutTest {
    private static final int ROWS = 1000;
    private static final int SIZE = 100;

    @Test
    void zeroesAFractionPOfTheElementsOfALargeBatch() {
        double p = 0.3;
        Matrix y = new Dropout(SIZE, p, 1).forward(randomMatrix(ROWS, SIZE, 5), Mode.TRAIN);
        long zeros = 0;
        for (float v : y.toArray()) {
            zeros += v == 0f ? 1 : 0;
        }
        double rate = zeros / (double) (ROWS * SIZE);
        // Binomial: the rate's standard deviation is sqrt(p (1 - p) / N) = 0.00145; allow 5 of them.
        assertEquals(p, rate, 5 * Math.sqrt(p * (1 - p) / (ROWS * SIZE)));
    }

    @Test
    void scalesTheKeptElementsByOneOverOneMinusPSoTheMeanIsKept() {
        double p = 0.3;
        Matrix x = randomMatrix(ROWS, SIZE, 6);
        Matrix y = new Dropout(SIZE, p, 2).forward(x, Mode.TRAIN);
        float scale = (float) (1 / (1 - p));
        float[] xs = x.toArray();
        float[] ys = y.toArray();
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < xs.length; i++) {
            assertTrue(ys[i] == 0f || ys[i] == xs[i] * scale, "element " + i + ": " + ys[i] + " from " + xs[i]);
            sumX += xs[i];
            sumY += ys[i];
        }
        // Inputs in [1, 2): y - x has variance x^2 p / (1 - p) <= 4 p / (1 - p) = 1.71; 5 standard deviations.
        assertEquals(sumX / xs.length, sumY / ys.length, 5 * Math.sqrt(4 * p / (1 - p) / xs.length));
    }

    @Test
    void inferenceReturnsTheInputUnchanged() {
        Matrix x = randomMatrix(7, SIZE, 3);
        float[] before = x.toArray();
        Dropout dropout = new Dropout(SIZE, 0.5, 3);
        assertSame(x, dropout.forward(x, Mode.INFERENCE));
        assertArrayEquals(before, x.toArray());
    }

    @Test
    void pZeroKeepsEveryElementInTraining() {
        Matrix x = randomMatrix(7, SIZE, 4);
        assertArrayEquals(x.toArray(), new Dropout(SIZE, 0.0, 4).forward(x, Mode.TRAIN).toArray());
    }

    @Test
    void theSameSeedGivesTheSameMasksAndEachCallANewOne() {
        Matrix x = randomMatrix(20, SIZE, 7);
        Dropout a = new Dropout(SIZE, 0.5, 42);
        Dropout b = new Dropout(SIZE, 0.5, 42);
        float[] a1 = a.forward(x, Mode.TRAIN).toArray();
        float[] a2 = a.forward(x, Mode.TRAIN).toArray();
        assertArrayEquals(a1, b.forward(x, Mode.TRAIN).toArray());
        assertArrayEquals(a2, b.forward(x, Mode.TRAIN).toArray());
        assertFalse(Arrays.equals(a1, a2), "a new mask at each training forward pass");
        assertFalse(Arrays.equals(a1, new Dropout(SIZE, 0.5, 43).forward(x, Mode.TRAIN).toArray()));
    }

    @Test
    void backwardMultipliesByTheMaskOfTheLastTrainingPass() {
        double p = 0.4;
        Dropout dropout = new Dropout(SIZE, p, 8);
        Matrix x = randomMatrix(30, SIZE, 9);
        float[] y = dropout.forward(x, Mode.TRAIN).toArray();
        dropout.forward(x, Mode.INFERENCE); // draws no mask
        Matrix dy = randomMatrix(30, SIZE, 10);
        float[] dx = dropout.backward(dy).toArray();
        float[] xs = x.toArray();
        float[] dys = dy.toArray();
        float scale = (float) (1 / (1 - p));
        for (int i = 0; i < xs.length; i++) {
            assertEquals(y[i] == 0f ? 0f : dys[i] * scale, dx[i], "element " + i);
        }
    }

    @Test
    void readsInputsWithGapsBetweenRows() {
        Matrix dense = randomMatrix(9, SIZE, 11);
        float[] padded = new float[9 * (SIZE + 3) + 2];
        Matrix gapped = Matrix.view(padded, 2, 9, SIZE, SIZE + 3);
        for (int r = 0; r < 9; r++) {
            for (int c = 0; c < SIZE; c++) {
                gapped.set(r, c, dense.get(r, c));
            }
        }
        assertArrayEquals(new Dropout(SIZE, 0.5, 12).forward(dense, Mode.TRAIN).toArray(),
                new Dropout(SIZE, 0.5, 12).forward(gapped, Mode.TRAIN).toArray());
    }

    @Test
    void reusesItsBuffersForTheSameBatchSize() {
        Dropout dropout = new Dropout(SIZE, 0.5, 13);
        Matrix x = randomMatrix(16, SIZE, 14);
        Matrix y1 = dropout.forward(x, Mode.TRAIN);
        Matrix dx1 = dropout.backward(x);
        assertSame(y1, dropout.forward(x, Mode.TRAIN));
        assertSame(dx1, dropout.backward(x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.0, 1.5, Double.NaN})
    void refusesPOutsideZeroToOne(double p) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(SIZE, p, 1));
        assertEquals("p must be in [0, 1), was " + p, e.getMessage());
    }

    @Test
    void refusesABadSizeAndABackwardBeforeATrainingPass() {
        assertThrows(IllegalArgumentException.class, () -> new Dropout(0, 0.5, 1));
        Dropout dropout = new Dropout(SIZE, 0.5, 1);
        dropout.forward(randomMatrix(2, SIZE, 1), Mode.INFERENCE);
        assertThrows(IllegalStateException.class, () -> dropout.backward(randomMatrix(2, SIZE, 1)));
        assertThrows(IllegalArgumentException.class, () -> dropout.forward(randomMatrix(2, SIZE + 1, 1), Mode.TRAIN));
        assertEquals(List.of(), dropout.parameters());
    }

    /** Values in [1, 2), so that no input is 0 and a zero output means a dropped element. */
    private static Matrix randomMatrix(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble(1, 2);
        }
        return Matrix.wrap(data, rows, cols);
    }
}
