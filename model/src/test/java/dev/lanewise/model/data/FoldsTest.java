package dev.lanewise.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class FoldsTest {
    private static void assertPartition(int n, List<Fold> folds) {
        int[] inTest = new int[n];
        for (Fold fold : folds) {
            assertEquals(n, fold.train().length + fold.test().length);
            boolean[] test = new boolean[n];
            for (int i = 0; i < fold.test().length; i++) {
                test[fold.test()[i]] = true;
                inTest[fold.test()[i]]++;
                assertTrue(i == 0 || fold.test()[i - 1] < fold.test()[i], "test ascending");
            }
            for (int i = 0; i < fold.train().length; i++) {
                assertFalse(test[fold.train()[i]], "row " + fold.train()[i] + " in train and test");
                assertTrue(i == 0 || fold.train()[i - 1] < fold.train()[i], "train ascending");
            }
        }
        for (int r = 0; r < n; r++) {
            assertEquals(1, inTest[r], "row " + r + " is in exactly one test fold");
        }
    }

    @Test
    void kFoldGivesFoldsOfNearlyEqualSizeCoveringEveryRowOnce() {
        List<Fold> folds = Folds.kFold(10, 3, 9);
        assertEquals(3, folds.size());
        assertEquals(4, folds.get(0).test().length);
        assertEquals(3, folds.get(1).test().length);
        assertEquals(3, folds.get(2).test().length);
        assertPartition(10, folds);
    }

    @Test
    void kFoldIsSeeded() {
        List<Fold> a = Folds.kFold(50, 5, 1);
        List<Fold> b = Folds.kFold(50, 5, 1);
        for (int f = 0; f < 5; f++) {
            assertArrayEquals(a.get(f).test(), b.get(f).test());
        }
        assertFalse(java.util.Arrays.equals(a.get(0).test(), Folds.kFold(50, 5, 2).get(0).test()));
    }

    @Test
    void stratifiedKFoldOnBreastCancerDealsTheClassesAsSklearnDoes() throws IOException {
        // 569 labels, sorted by class (212 zeros then 357 ones), dealt round-robin to 5 folds: fold f gets
        // the positions p = f (mod 5). Zeros sit at p = 0..211: 43 for folds 0 and 1, 42 for folds 2..4.
        // Ones at p = 212..568: 71, 71, 72, 72, 71. sklearn 1.2.1's StratifiedKFold(5, shuffle=True) agrees.
        Dataset d = CsvLoaderBundledDataTest.breastCancer();
        List<Fold> folds = Folds.stratifiedKFold(d.labels(), 5, 3);
        int[][] expected = {{43, 71}, {43, 71}, {42, 72}, {42, 72}, {42, 71}};
        for (int f = 0; f < 5; f++) {
            assertArrayEquals(expected[f], d.select(folds.get(f).test()).classCounts(), "fold " + f);
        }
        assertPartition(569, folds);
        List<Fold> again = Folds.stratifiedKFold(d.labels(), 5, 3);
        for (int f = 0; f < 5; f++) {
            assertArrayEquals(folds.get(f).test(), again.get(f).test());
        }
    }

    @Test
    void refusesImpossibleFolds() {
        assertEquals("k must be >= 2, was 1",
                assertThrows(IllegalArgumentException.class, () -> Folds.kFold(10, 1, 0)).getMessage());
        assertEquals("k must be <= the number of rows (3), was 4",
                assertThrows(IllegalArgumentException.class, () -> Folds.kFold(3, 4, 0)).getMessage());
        assertEquals("labels[1] must be >= 0, was -1", assertThrows(IllegalArgumentException.class,
                () -> Folds.stratifiedKFold(new int[] {0, -1, 0}, 2, 0)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Folds.stratifiedKFold(new int[] {0, 0, 1, 1, 2, 2}, 3, 0));
    }
}
