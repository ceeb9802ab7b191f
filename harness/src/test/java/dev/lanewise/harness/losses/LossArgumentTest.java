package dev.lanewise.harness.losses;

import dev.lanewise.kernels.loss.Losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input through the {@link Losses} facade: refused, naming the argument and its value, grad untouched. */
class LossArgumentTest {
    private final float[] pred = {1, 2, 3, 4, 5};
    private final float[] target = {5, 4, 3, 2, 1};
    private final float[] grad = {9, 9, 9, 9, 9};
    private final float[] gradBefore = grad.clone();

    // 3 x 4 logits; grad matrix of the same shape.
    private final float[] logits = new float[12];
    private final float[] matrixGrad = filled(12, 9f);
    private final float[] matrixGradBefore = matrixGrad.clone();

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    private RuntimeException assertRefused(Class<? extends RuntimeException> type, String mustMention, Executable call) {
        RuntimeException e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(mustMention), "message '" + e.getMessage() + "' should mention '" + mustMention + "'");
        assertArrayEquals(gradBefore, grad, "grad must be untouched");
        assertArrayEquals(matrixGradBefore, matrixGrad, "the grad matrix must be untouched");
        return e;
    }

    /** A null argument: a {@link NullPointerException} whose message is exactly its name, nothing written. */
    private void assertNullNamed(String name, Executable call) {
        assertEquals(name, assertRefused(NullPointerException.class, name, call).getMessage());
    }

    @Test
    void nullArraysThrowNullPointerExceptionNamingThem() {
        assertNullNamed("pred", () -> Losses.mse(3, null, 0, target, 0, grad, 0));
        assertNullNamed("target", () -> Losses.mae(pred, null, grad));
        assertNullNamed("grad", () -> Losses.hinge(pred, target, null));
        assertNullNamed("logits", () -> Losses.bceWithLogits(2, null, 0, target, 0, grad, 0));
        assertNullNamed("labels", () -> Losses.softmaxCrossEntropy(3, 4, logits, 0, 4, null, 0, matrixGrad, 0, 4));
        assertNullNamed("grad", () -> Losses.softmaxCrossEntropy(4, logits, new int[] {0, 1, 2}, null));
    }

    @Test
    void negativeLengthsAreNamedWithTheirValue() {
        assertRefused(IllegalArgumentException.class, "n must be >= 0, was -1", () -> Losses.mse(-1, pred, 0, target, 0, grad, 0));
        assertRefused(IllegalArgumentException.class, "n must be >= 0, was -3",
                () -> Losses.huber(-3, 1f, pred, 0, target, 0, grad, 0));
        assertRefused(IllegalArgumentException.class, "rows must be >= 0, was -2",
                () -> Losses.softmaxCrossEntropy(-2, 4, logits, 0, 4, new int[3], 0, matrixGrad, 0, 4));
        assertRefused(IllegalArgumentException.class, "cols must be >= 1, was 0",
                () -> Losses.softmaxCrossEntropy(3, 0, logits, 0, 4, new int[3], 0, matrixGrad, 0, 4));
    }

    @Test
    void offsetsPastTheEndAreRefusedBeforeAnyWrite() {
        // grad is checked last and fits, so a kernel that wrote before checking target would show in grad.
        assertRefused(IndexOutOfBoundsException.class, "target: offset 3 + length 3 exceeds its length 5",
                () -> Losses.mse(3, pred, 0, target, 3, grad, 0));
        assertRefused(IndexOutOfBoundsException.class, "grad: offset 4 + length 2 exceeds its length 5",
                () -> Losses.bceWithLogits(2, pred, 0, target, 0, grad, 4));
        assertRefused(IndexOutOfBoundsException.class, "pred offset must be >= 0, was -1",
                () -> Losses.hinge(2, pred, -1, target, 0, grad, 0));
        assertRefused(IndexOutOfBoundsException.class, "exceeds its length",
                () -> Losses.mae(3, pred, Integer.MAX_VALUE - 1, target, 0, grad, 0));
        assertRefused(IndexOutOfBoundsException.class, "logits: 3x4 matrix at offset 1 with leading dimension 4 needs 13",
                () -> Losses.softmaxCrossEntropy(3, 4, logits, 1, 4, new int[3], 0, matrixGrad, 0, 4));
        assertRefused(IndexOutOfBoundsException.class, "grad: 3x4 matrix at offset 0 with leading dimension 5 needs 14",
                () -> Losses.softmaxCrossEntropy(3, 4, logits, 0, 4, new int[3], 0, matrixGrad, 0, 5));
        assertRefused(IndexOutOfBoundsException.class, "labels: offset 1 + length 3 exceeds its length 3",
                () -> Losses.softmaxCrossEntropy(3, 4, logits, 0, 4, new int[3], 1, matrixGrad, 0, 4));
        assertRefused(IllegalArgumentException.class, "logits leading dimension must be >= max(1, cols = 4), was 3",
                () -> Losses.softmaxCrossEntropy(3, 4, logits, 0, 3, new int[3], 0, matrixGrad, 0, 4));
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertRefused(IllegalArgumentException.class, "pred and target must have one length, were 5 and 4",
                () -> Losses.mse(pred, new float[4], grad));
        assertRefused(IllegalArgumentException.class, "logits and grad must have one length, were 5 and 6",
                () -> Losses.bceWithLogits(pred, target, new float[6]));
        assertRefused(IllegalArgumentException.class, "logits must hold labels.length * cols = 2 * 4 = 8 elements, had 12",
                () -> Losses.softmaxCrossEntropy(4, logits, new int[2], matrixGrad));
        assertRefused(IllegalArgumentException.class, "grad must hold labels.length * cols = 3 * 4 = 12 elements, had 5",
                () -> Losses.softmaxCrossEntropy(4, logits, new int[3], grad));
    }

    @Test
    void labelsOutOfRangeNameTheRowAndTheValue() {
        // The bad label sits in the last row, so a kernel that ran row by row would have written rows 0 and 1.
        assertRefused(IndexOutOfBoundsException.class, "labels[2] (row 2) must be in [0, cols = 4), was 4",
                () -> Losses.softmaxCrossEntropy(4, logits, new int[] {0, 3, 4}, matrixGrad));
        assertRefused(IndexOutOfBoundsException.class, "labels[3] (row 2) must be in [0, cols = 4), was -1",
                () -> Losses.softmaxCrossEntropy(3, 4, logits, 0, 4, new int[] {7, 1, 2, -1}, 1, matrixGrad, 0, 4));
    }

    @Test
    void nonsensicalDeltasAreRefused() {
        assertRefused(IllegalArgumentException.class, "delta must be finite and > 0, was 0.0", () -> Losses.huber(0f, pred, target, grad));
        assertRefused(IllegalArgumentException.class, "delta must be finite and > 0, was -1.0",
                () -> Losses.huber(5, -1f, pred, 0, target, 0, grad, 0));
        assertRefused(IllegalArgumentException.class, "delta must be finite and > 0, was NaN",
                () -> Losses.huber(Float.NaN, pred, target, grad));
        assertRefused(IllegalArgumentException.class, "delta must be finite and > 0, was Infinity",
                () -> Losses.huber(Float.POSITIVE_INFINITY, pred, target, grad));
    }
}
