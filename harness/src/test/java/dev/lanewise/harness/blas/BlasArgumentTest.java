package dev.lanewise.harness.blas;

import dev.lanewise.kernels.blas.Blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input is refused with a message naming the argument and its value, before anything is written. */
class BlasArgumentTest {
    private final float[] a = {1, 2, 3, 4, 5};
    private final float[] b = {5, 4, 3, 2, 1};
    private final float[] out = {9, 9, 9, 9, 9};
    private final float[] outBefore = out.clone();

    private RuntimeException assertRefused(Class<? extends RuntimeException> type, String mustMention, Executable call) {
        RuntimeException e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(mustMention), "message '" + e.getMessage() + "' should mention " + mustMention);
        assertArrayEquals(outBefore, out, "the output must be untouched");
        assertArrayEquals(new float[] {5, 4, 3, 2, 1}, b, "b must be untouched");
        return e;
    }

    /** A null argument: a {@link NullPointerException} whose message is exactly its name, nothing written. */
    private void assertNullNamed(String name, Executable call) {
        assertEquals(name, assertRefused(NullPointerException.class, name, call).getMessage());
    }

    @Test
    void nullArraysThrowNullPointerExceptionNamingThem() {
        assertNullNamed("x", () -> Blas.dot(3, null, 0, b, 0));
        assertNullNamed("out", () -> Blas.add(3, a, 0, b, 0, null, 0));
        assertNullNamed("y", () -> Blas.axpy(3, 2f, a, 0, null, 0));
    }

    @Test
    void negativeLengthIsNamedWithItsValue() {
        assertRefused(IllegalArgumentException.class, "n must be >= 0, was -1", () -> Blas.axpy(-1, 2f, a, 0, out, 0));
        assertRefused(IllegalArgumentException.class, "n must be >= 0, was -2", () -> Blas.sum(-2, a, 0));
    }

    @Test
    void offsetsPastTheEndAreRefusedBeforeAnyWrite() {
        // out is checked last and fits, so a kernel that wrote before checking b would show in out.
        assertRefused(IndexOutOfBoundsException.class, "b: offset 3 + length 3 exceeds its length 5",
                () -> Blas.add(3, a, 0, b, 3, out, 0));
        assertRefused(IndexOutOfBoundsException.class, "y: offset 4 + length 2 exceeds its length 5",
                () -> Blas.axpy(2, 1f, a, 0, out, 4));
        assertRefused(IndexOutOfBoundsException.class, "x offset must be >= 0, was -1", () -> Blas.scal(2, 1f, out, -1));
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertRefused(IllegalArgumentException.class, "x and y must have one length, were 5 and 4",
                () -> Blas.axpy(1f, a, new float[4]));
        assertRefused(IllegalArgumentException.class, "a and out must have one length, were 5 and 6",
                () -> Blas.mul(a, b, new float[6]));
    }

    @Test
    void maxAndArgmaxNeedAnElement() {
        assertRefused(IllegalArgumentException.class, "n must be >= 1, was 0", () -> Blas.max(new float[0]));
        assertRefused(IllegalArgumentException.class, "n must be >= 1, was 0", () -> Blas.argmax(0, a, 0));
    }

    @Test
    void hugeOffsetsDoNotOverflowTheBoundsCheck() {
        assertRefused(IndexOutOfBoundsException.class, "exceeds its length",
                () -> Blas.axpy(3, 1f, a, Integer.MAX_VALUE - 1, out, 0));
    }
}
