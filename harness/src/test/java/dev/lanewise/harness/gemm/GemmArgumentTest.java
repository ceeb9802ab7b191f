package dev.lanewise.harness.gemm;

import dev.lanewise.kernels.gemm.Gemm;
import dev.lanewise.kernels.gemm.GemmSettings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input is refused with a message naming the argument and its value, before C or y is written. */
class GemmArgumentTest {
    // A 2x3, B 3x4, C 2x4, all dense.
    private final float[] a = new float[6];
    private final float[] b = new float[12];
    private final float[] c = new float[8];
    private final float[] cBefore;

    GemmArgumentTest() {
        Arrays.fill(a, 1f);
        Arrays.fill(b, 2f);
        Arrays.fill(c, 7f);
        cBefore = c.clone();
    }

    private RuntimeException assertRefused(Class<? extends RuntimeException> type, String mustMention, Executable call) {
        RuntimeException e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(mustMention), "message '" + e.getMessage() + "' should mention " + mustMention);
        assertArrayEquals(cBefore, c, "the output must be untouched");
        return e;
    }

    /** A null argument: a {@link NullPointerException} whose message is exactly its name, nothing written. */
    private void assertNullNamed(String name, Executable call) {
        assertEquals(name, assertRefused(NullPointerException.class, name, call).getMessage());
    }

    @Test
    void theValidCallWorks() {
        Gemm.sgemm(false, false, 2, 4, 3, 1f, a, 0, 3, b, 0, 4, 0f, c, 0, 4, 1);
        assertArrayEquals(new float[] {6, 6, 6, 6, 6, 6, 6, 6}, c);
    }

    @Test
    void negativeDimensionsAreNamed() {
        assertRefused(IllegalArgumentException.class, "m must be >= 0, was -1",
                () -> Gemm.sgemm(false, false, -1, 4, 3, 1f, a, 0, 3, b, 0, 4, 0f, c, 0, 4, 1));
        assertRefused(IllegalArgumentException.class, "k must be >= 0, was -3",
                () -> Gemm.sgemm(false, false, 2, 4, -3, 1f, a, 0, 3, b, 0, 4, 0f, c, 0, 4, 1));
        assertRefused(IllegalArgumentException.class, "threads must be >= 1, was 0",
                () -> Gemm.sgemm(false, false, 2, 4, 3, 1f, a, 0, 3, b, 0, 4, 0f, c, 0, 4, 0));
    }

    @Test
    void leadingDimensionShorterThanARowIsRefused() {
        assertRefused(IllegalArgumentException.class, "a leading dimension must be >= max(1, cols = 3), was 2",
                () -> Gemm.sgemm(false, false, 2, 4, 3, 1f, a, 0, 2, b, 0, 4, 0f, c, 0, 4, 1));
        // Transposed, A is stored 3x2: its rows have m = 2 elements.
        assertRefused(IllegalArgumentException.class, "a leading dimension must be >= max(1, cols = 2), was 1",
                () -> Gemm.sgemm(true, false, 2, 4, 3, 1f, a, 0, 1, b, 0, 4, 0f, c, 0, 4, 1));
        assertRefused(IllegalArgumentException.class, "b leading dimension must be >= max(1, cols = 3), was 2",
                () -> Gemm.sgemm(false, true, 2, 4, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 4, 1));
        assertRefused(IllegalArgumentException.class, "c leading dimension must be >= max(1, cols = 4), was 3",
                () -> Gemm.sgemm(false, false, 2, 4, 3, 1f, a, 0, 3, b, 0, 4, 0f, c, 0, 3, 1));
    }

    @Test
    void tooShortArraysAndOffsetsAreRefusedBeforeAnyWrite() {
        assertRefused(IndexOutOfBoundsException.class, "b: 3x4 matrix at offset 1 with leading dimension 4 needs 13 elements, has 12",
                () -> Gemm.sgemm(false, false, 2, 4, 3, 1f, a, 0, 3, b, 1, 4, 0f, c, 0, 4, 1));
        assertRefused(IndexOutOfBoundsException.class, "a: 2x3 matrix at offset 0 with leading dimension 4 needs 7 elements, has 6",
                () -> Gemm.sgemm(false, false, 2, 4, 3, 1f, a, 0, 4, b, 0, 4, 0f, c, 0, 4, 1));
        assertRefused(IndexOutOfBoundsException.class, "c: 2x4 matrix at offset 1",
                () -> Gemm.sgemm(false, false, 2, 4, 3, 1f, a, 0, 3, b, 0, 4, 0f, c, 1, 4, 1));
        assertRefused(IndexOutOfBoundsException.class, "a offset must be >= 0, was -1",
                () -> Gemm.sgemm(false, false, 2, 4, 3, 1f, a, -1, 3, b, 0, 4, 0f, c, 0, 4, 1));
        assertNullNamed("b", () -> Gemm.sgemm(false, false, 2, 4, 3, 1f, a, 0, 3, null, 0, 4, 0f, c, 0, 4, 1));
    }

    @Test
    void sgemvChecksTheVectorLengthsForEachTranspose() {
        // A is 2x4 (c's storage reused as A would be confusing: use b as A, 3x4).
        assertRefused(IndexOutOfBoundsException.class, "x: offset 0 + length 4 exceeds its length 3",
                () -> Gemm.sgemv(false, 3, 4, 1f, b, 0, 4, new float[3], 0, 0f, c, 0));
        assertRefused(IndexOutOfBoundsException.class, "y: offset 6 + length 3 exceeds its length 8",
                () -> Gemm.sgemv(false, 3, 4, 1f, b, 0, 4, new float[4], 0, 0f, c, 6));
        assertRefused(IndexOutOfBoundsException.class, "y: offset 5 + length 4 exceeds its length 8",
                () -> Gemm.sgemv(true, 3, 4, 1f, b, 0, 4, new float[3], 0, 0f, c, 5));
    }

    @Test
    void biasHelpersCheckBiasAndMatrix() {
        assertRefused(IndexOutOfBoundsException.class, "bias: offset 1 + length 4 exceeds its length 4",
                () -> Gemm.addBiasRows(2, 4, new float[4], 1, c, 0, 4));
        assertRefused(IllegalArgumentException.class, "c leading dimension must be >= max(1, cols = 4), was 2",
                () -> Gemm.addBiasRows(2, 4, new float[4], 0, c, 0, 2));
        assertRefused(IndexOutOfBoundsException.class, "out: offset 5 + length 4 exceeds its length 8",
                () -> Gemm.sumRows(2, 4, b, 0, 4, 0f, c, 5));
        assertRefused(IndexOutOfBoundsException.class, "g: 4x4 matrix at offset 0",
                () -> Gemm.sumRows(4, 4, b, 0, 4, 0f, c, 0));
    }

    @Test
    void settingsRefuseValuesThatMakeNoSense() {
        assertRefused(IllegalArgumentException.class, "threads must be >= 1, was 0", () -> GemmSettings.setThreads(0));
        assertRefused(IllegalArgumentException.class, "minSplitFlops must be >= 0, was -1",
                () -> GemmSettings.setMinSplitFlops(-1));
        assertTrue(GemmSettings.threads() >= 1 && GemmSettings.minSplitFlops() == GemmSettings.DEFAULT_MIN_SPLIT_FLOPS,
                "a refused setting leaves the old value");
    }
}
