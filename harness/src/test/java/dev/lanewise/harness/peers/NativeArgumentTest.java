package dev.lanewise.harness.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanewise.harness.bench.peers.CReference;
import dev.lanewise.harness.bench.peers.OpenBlas;
import org.junit.jupiter.api.Test;

/**
 * Native code reads and writes wherever it is told, so every peer call checks its arrays first: these throw
 * (whether or not the library is present) instead of corrupting the heap.
 */
class NativeArgumentTest {

    @Test
    void shortArraysAreRefusedBeforeTheCall() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> CReference.dot(5, new float[4], new float[5]));
        assertEquals("x must hold at least 5 elements, had 4", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> OpenBlas.saxpy(5, 1f, new float[5], new float[3]));
        assertThrows(IllegalArgumentException.class, () -> CReference.sigmoid(-1, new float[0], new float[0]));
    }

    @Test
    void matricesMustFitTheirLeadingDimensions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OpenBlas.sgemm(false, false, 2, 2, 3, 1f, new float[6], 2, new float[6], 2, 0f, new float[4], 2));
        assertEquals("the leading dimension of a must be >= max(1, 3), was 2", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class,
                () -> OpenBlas.sgemv(true, 3, 2, 1f, new float[6], 2, new float[2], 0f, new float[2]));
    }

    @Test
    void labelsOutsideTheClassesAreRefused() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> CReference.softmaxCrossEntropy(3, new float[6], new int[] {0, 3}, new float[6]));
        assertEquals("labels[1] must be in [0, 3), was 3", e.getMessage());
    }
}
