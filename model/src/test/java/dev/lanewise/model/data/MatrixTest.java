package dev.lanewise.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatrixTest {
    private static float[] counting(int n) {
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = i;
        }
        return data;
    }

    @Test
    void viewReadsRowMajorWithOffsetAndLeadingDimension() {
        float[] data = counting(20);
        Matrix m = Matrix.view(data, 2, 3, 4, 6);
        assertEquals(3, m.rows());
        assertEquals(4, m.cols());
        assertEquals(6, m.ld());
        assertEquals(2, m.offset());
        assertSame(data, m.data());
        assertFalse(m.isDense());
        assertEquals(2 + 1 * 6 + 3, m.index(1, 3));
        assertEquals(10f, m.get(1, 2)); // data[2 + 6 + 2]
        assertEquals(17f, m.get(2, 3)); // data[2 + 12 + 3], the last element the view may touch
    }

    @Test
    void setWritesThroughToTheSharedArray() {
        float[] data = new float[12];
        Matrix m = Matrix.wrap(data, 3, 4);
        m.set(2, 1, 7.5f);
        assertEquals(7.5f, data[9]);
        assertTrue(m.isDense());
    }

    @Test
    void rowRangeIsAViewOnTheSameArray() {
        float[] data = counting(20);
        Matrix m = Matrix.view(data, 2, 3, 4, 6);
        Matrix tail = m.rowRange(1, 3);
        assertSame(data, tail.data());
        assertEquals(2 + 6, tail.offset());
        assertEquals(2, tail.rows());
        assertEquals(4, tail.cols());
        assertEquals(6, tail.ld());
        assertEquals(m.get(1, 0), tail.get(0, 0));
        tail.set(1, 3, -1f);
        assertEquals(-1f, m.get(2, 3));
        assertEquals(0, m.rowRange(3, 3).rows());
    }

    @Test
    void copyAndToArrayAreDenseAndIndependent() {
        float[] data = counting(20);
        Matrix m = Matrix.view(data, 2, 3, 4, 6);
        assertArrayEquals(new float[] {2, 3, 4, 5, 8, 9, 10, 11, 14, 15, 16, 17}, m.toArray());
        Matrix copy = m.copy();
        assertNotSame(data, copy.data());
        assertEquals(0, copy.offset());
        assertEquals(4, copy.ld());
        copy.set(0, 0, 99f);
        assertEquals(2f, m.get(0, 0));
        assertArrayEquals(new float[] {8, 9, 10, 11}, m.row(1));
    }

    @Test
    void zerosIsDenseAndZero() {
        Matrix m = Matrix.zeros(2, 3);
        assertEquals(6, m.data().length);
        assertArrayEquals(new float[6], m.toArray());
        assertEquals(3, m.ld());
    }

    @Test
    void emptyViewsAreAllowed() {
        float[] data = new float[6];
        assertEquals(0, Matrix.view(data, 6, 0, 3, 3).rows());
        assertEquals(0, Matrix.wrap(new float[0], 0, 5).rows());
        assertEquals(0, Matrix.zeros(4, 0).cols());
    }

    @Test
    void viewRefusesEveryBadArgumentNamingIt() {
        float[] data = new float[20];
        assertMessage("offset must be >= 0, was -1", () -> Matrix.view(data, -1, 2, 2, 2));
        assertMessage("rows must be >= 0, was -2", () -> Matrix.view(data, 0, -2, 2, 2));
        assertMessage("cols must be >= 0, was -3", () -> Matrix.view(data, 0, 2, -3, 2));
        assertMessage("ld must be >= cols (4), was 3", () -> Matrix.view(data, 0, 2, 4, 3));
        // offset 2 + (3 - 1) * 8 + 4 = 22 > 20
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matrix.view(data, 2, 3, 4, 8));
        assertTrue(e.getMessage().contains("needs data.length >= 22, was 20"), e.getMessage());
        assertMessage("view (offset 21, rows 0, cols 4, ld 4) needs data.length >= 21, was 20",
                () -> Matrix.view(data, 21, 0, 4, 4));
        assertThrows(NullPointerException.class, () -> Matrix.view(null, 0, 0, 0, 0));
        // the exact fit, with no padding after the last row, is fine
        assertEquals(3, Matrix.view(data, 2, 3, 4, 7).rows()); // 2 + 2 * 7 + 4 = 20
    }

    @Test
    void wrapAndZerosRefuseBadSizes() {
        assertMessage("data.length must be rows * cols = 3 * 4 = 12, was 10", () -> Matrix.wrap(new float[10], 3, 4));
        assertMessage("rows must be >= 0, was -1", () -> Matrix.zeros(-1, 4));
        assertMessage("rows * cols must fit an array, was 65536 * 65536 = 4294967296", () -> Matrix.zeros(65536, 65536));
    }

    @Test
    void elementAccessIsBoundsChecked() {
        // The view leaves room in the array, so an unchecked index would read a neighbour silently.
        Matrix m = Matrix.view(counting(20), 0, 2, 3, 5);
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> m.set(-1, 0, 1f));
        assertThrows(IndexOutOfBoundsException.class, () -> m.row(2));
    }

    @Test
    void rowRangeRefusesRangesOutsideTheMatrix() {
        Matrix m = Matrix.zeros(3, 2);
        assertMessage("rowRange [from, to) must lie within [0, 3], was [2, 4)", () -> m.rowRange(2, 4));
        assertMessage("rowRange [from, to) must lie within [0, 3], was [2, 1)", () -> m.rowRange(2, 1));
        assertMessage("rowRange [from, to) must lie within [0, 3], was [-1, 1)", () -> m.rowRange(-1, 1));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
