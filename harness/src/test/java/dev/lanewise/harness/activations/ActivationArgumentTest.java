package dev.lanewise.harness.activations;

import dev.lanewise.kernels.activation.Activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input to the {@link Activations} facade is refused, named with its value, before anything is written. */
class ActivationArgumentTest {
    private final float[] x = {-2, -1, 0, 1, 2, 3};
    private final float[] g = {1, 1, 1, 1, 1, 1};
    private final float[] out = {9, 9, 9, 9, 9, 9};
    private final float[] outBefore = out.clone();

    private RuntimeException assertRefused(Class<? extends RuntimeException> type, String mustMention, Executable call) {
        RuntimeException e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(mustMention), "message '" + e.getMessage() + "' should mention " + mustMention);
        assertArrayEquals(outBefore, out, "the output must be untouched");
        assertArrayEquals(new float[] {-2, -1, 0, 1, 2, 3}, x, "x must be untouched");
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, g, "g must be untouched");
        return e;
    }

    /** A null argument: a {@link NullPointerException} whose message is exactly its name, nothing written. */
    private void assertNullNamed(String name, Executable call) {
        assertEquals(name, assertRefused(NullPointerException.class, name, call).getMessage());
    }

    @Test
    void nullArraysThrowNullPointerExceptionNamingThem() {
        assertNullNamed("x", () -> Activations.relu(3, null, 0, out, 0));
        assertNullNamed("out", () -> Activations.sigmoid(3, x, 0, null, 0));
        assertNullNamed("saved", () -> Activations.tanhBackward(3, g, 0, null, 0, out, 0));
        assertNullNamed("gradIn", () -> Activations.geluBackward(3, g, 0, x, 0, null, 0));
        assertNullNamed("x", () -> Activations.softmax(1, 3, 3, null, 0, out, 0));
        assertNullNamed("y", () -> Activations.logSoftmaxBackward(1, 3, 3, g, 0, null, 0, out, 0));
    }

    @Test
    void negativeLengthsAreNamedWithTheirValue() {
        assertRefused(IllegalArgumentException.class, "n must be >= 0, was -1", () -> Activations.silu(-1, x, 0, out, 0));
        assertRefused(IllegalArgumentException.class, "n must be >= 0, was -4",
                () -> Activations.softplusBackward(-4, g, 0, x, 0, out, 0));
    }

    @Test
    void offsetsPastTheEndAreRefusedBeforeAnyWrite() {
        // out is checked after x and fits, so a kernel that wrote before checking would show in out.
        assertRefused(IndexOutOfBoundsException.class, "x: offset 4 + length 3 exceeds its length 6",
                () -> Activations.tanh(3, x, 4, out, 0));
        assertRefused(IndexOutOfBoundsException.class, "saved: offset 5 + length 2 exceeds its length 6",
                () -> Activations.sigmoidBackward(2, g, 0, x, 5, out, 0));
        assertRefused(IndexOutOfBoundsException.class, "gradIn: offset 6 + length 1 exceeds its length 6",
                () -> Activations.eluBackward(1, 1f, g, 0, x, 0, out, 6));
        assertRefused(IndexOutOfBoundsException.class, "out offset must be >= 0, was -1",
                () -> Activations.geluTanh(2, x, 0, out, -1));
        assertRefused(IndexOutOfBoundsException.class, "exceeds its length",
                () -> Activations.relu(3, x, Integer.MAX_VALUE - 1, out, 0));
    }

    @Test
    void badHyperparametersAreNamed() {
        assertRefused(IllegalArgumentException.class, "negativeSlope must be finite, was NaN",
                () -> Activations.leakyRelu(3, Float.NaN, x, 0, out, 0));
        assertRefused(IllegalArgumentException.class, "alpha must be finite, was Infinity",
                () -> Activations.elu(3, Float.POSITIVE_INFINITY, x, 0, out, 0));
    }

    @Test
    void badMatrixShapesAreNamedWithTheirValue() {
        assertRefused(IllegalArgumentException.class, "x rows must be >= 0, was -1",
                () -> Activations.softmax(-1, 3, 3, x, 0, out, 0));
        assertRefused(IllegalArgumentException.class, "x cols must be >= 0, was -2",
                () -> Activations.logSoftmax(1, -2, 3, x, 0, out, 0));
        assertRefused(IllegalArgumentException.class, "leading dimension must be >= max(1, cols = 3), was 2",
                () -> Activations.softmax(2, 3, 2, x, 0, out, 0));
        assertRefused(IndexOutOfBoundsException.class, "3x3 matrix at offset 0 with leading dimension 3 needs 9 elements, has 6",
                () -> Activations.softmax(3, 3, 3, x, 0, out, 0));
        assertRefused(IndexOutOfBoundsException.class, "out: 2x3 matrix at offset 1",
                () -> Activations.logSoftmax(2, 3, 3, x, 0, out, 1));
        assertRefused(IndexOutOfBoundsException.class, "gradIn: 2x3 matrix at offset 2",
                () -> Activations.softmaxBackward(2, 3, 3, g, 0, x, 0, out, 2));
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertRefused(IllegalArgumentException.class, "x and out must have one length, were 6 and 5",
                () -> Activations.relu(x, new float[5]));
        assertRefused(IllegalArgumentException.class, "gradOut and saved must have one length, were 6 and 4",
                () -> Activations.tanhBackward(g, new float[4], out));
    }

    @Test
    void validCallsThroughTheFacadeWork() {
        float[] y = new float[6];
        Activations.relu(x, y);
        assertArrayEquals(new float[] {0, 0, 0, 1, 2, 3}, y);
        float[] p = new float[6];
        Activations.softmax(2, 3, x, p);
        assertTrue(Math.abs(p[0] + p[1] + p[2] - 1f) < 1e-6f && Math.abs(p[3] + p[4] + p[5] - 1f) < 1e-6f);
        Activations.softmax(0, 0, new float[0], new float[0]); // empty is fine
    }
}
