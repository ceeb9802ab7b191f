package dev.lanewise.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SplitsTest {
    /** n rows whose feature 0 is the row's own index, so a part's rows can be traced back. */
    private static Dataset numbered(int n, int classes) {
        float[] x = new float[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            labels[i] = i % classes;
        }
        return Dataset.classification(Matrix.wrap(x, n, 1), labels, LabelMapping.identity(classes));
    }

    private static int[] ids(Dataset part) {
        int[] ids = new int[part.rows()];
        for (int r = 0; r < ids.length; r++) {
            ids[r] = (int) part.features().get(r, 0);
            assertEquals(ids[r] % part.numClasses(), part.labels()[r], "row " + ids[r] + " kept its label");
        }
        return ids;
    }

    private static void assertDisjointAndCovering(int n, Dataset... parts) {
        boolean[] seen = new boolean[n];
        int total = 0;
        for (Dataset part : parts) {
            for (int id : ids(part)) {
                assertFalse(seen[id], "row " + id + " is in two parts");
                seen[id] = true;
                total++;
            }
        }
        assertEquals(n, total);
    }

    @Test
    void trainTestSizesFollowSklearnsCeiling() {
        TrainTestSplit s = Splits.trainTest(numbered(569, 2), 0.25, 1, false);
        assertEquals(143, s.test().rows()); // ceil(0.25 * 569) = ceil(142.25)
        assertEquals(426, s.train().rows());
        TrainValidationTestSplit t = Splits.trainValidationTest(numbered(569, 2), 0.15, 0.15, 1, false);
        assertEquals(86, t.validation().rows()); // ceil(85.35)
        assertEquals(86, t.test().rows());
        assertEquals(397, t.train().rows());
    }

    @Test
    void partsAreDisjointAndCoverEveryRow() {
        for (boolean stratify : new boolean[] {false, true}) {
            TrainTestSplit s = Splits.trainTest(numbered(101, 3), 0.3, 7, stratify);
            assertDisjointAndCovering(101, s.train(), s.test());
            TrainValidationTestSplit t = Splits.trainValidationTest(numbered(101, 3), 0.2, 0.1, 7, stratify);
            assertDisjointAndCovering(101, t.train(), t.validation(), t.test());
        }
    }

    @Test
    void theSameSeedGivesTheSamePartsAndAnotherSeedOthers() {
        for (boolean stratify : new boolean[] {false, true}) {
            Dataset d = numbered(200, 4);
            TrainTestSplit a = Splits.trainTest(d, 0.2, 42, stratify);
            TrainTestSplit b = Splits.trainTest(d, 0.2, 42, stratify);
            TrainTestSplit c = Splits.trainTest(d, 0.2, 43, stratify);
            assertArrayEquals(ids(a.train()), ids(b.train()));
            assertArrayEquals(ids(a.test()), ids(b.test()));
            assertFalse(Arrays.equals(ids(a.test()), ids(c.test())));
        }
    }

    @Test
    void partsAreShuffledNotInFileOrder() {
        int[] train = ids(Splits.trainTest(numbered(200, 2), 0.2, 3, true).train());
        int[] sorted = train.clone();
        Arrays.sort(sorted);
        assertFalse(Arrays.equals(sorted, train));
    }

    @Test
    void stratifiedBreastCancerKeepsTheClassProportions() throws IOException {
        // 212 malignant, 357 benign. Train 426: 212 * 426 / 569 = 158.72, 357 * 426 / 569 = 267.28; the one
        // row left over goes to the larger remainder, class 0: 159 and 267; the test part takes the rest.
        // (sklearn 1.2.1's StratifiedShuffleSplit(test_size=0.25) gives the same counts.)
        Dataset d = CsvLoaderBundledDataTest.breastCancer();
        TrainTestSplit s = Splits.trainTest(d, 0.25, 11, true);
        assertArrayEquals(new int[] {159, 267}, s.train().classCounts());
        assertArrayEquals(new int[] {53, 90}, s.test().classCounts());
        // 0.2: train 455 -> 169.52 and 285.48 -> 170 and 285; test 42 and 72 (sklearn agrees).
        TrainTestSplit s2 = Splits.trainTest(d, 0.2, 11, true);
        assertArrayEquals(new int[] {170, 285}, s2.train().classCounts());
        assertArrayEquals(new int[] {42, 72}, s2.test().classCounts());
        // Three parts, 0.15 each: train 397 -> 147.92 and 249.08 -> 148 and 249; the 172 left
        // (64 and 108) halve exactly into validation and test: 32 and 54 each.
        TrainValidationTestSplit t = Splits.trainValidationTest(d, 0.15, 0.15, 11, true);
        assertArrayEquals(new int[] {148, 249}, t.train().classCounts());
        assertArrayEquals(new int[] {32, 54}, t.validation().classCounts());
        assertArrayEquals(new int[] {32, 54}, t.test().classCounts());
    }

    @Test
    void stratifiedDigitsKeepEachClassWithinOneRowOfItsShare() throws IOException {
        Dataset d = CsvLoaderBundledDataTest.digits();
        int[] all = d.classCounts();
        TrainTestSplit s = Splits.trainTest(d, 0.3, 5, true);
        int[] test = s.test().classCounts();
        for (int c = 0; c < all.length; c++) {
            double share = (double) all[c] * s.test().rows() / d.rows();
            assertTrue(Math.abs(test[c] - share) < 1, "class " + c + ": " + test[c] + " for a share of " + share);
        }
    }

    @Test
    void refusesBadFractionsEmptyPartsAndImpossibleStratification() {
        Dataset d = numbered(10, 2);
        assertEquals("testFraction must be in (0, 1), was 0.0", assertThrows(IllegalArgumentException.class,
                () -> Splits.trainTest(d, 0, 1, false)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Splits.trainTest(d, 1, 1, false));
        assertThrows(IllegalArgumentException.class, () -> Splits.trainTest(d, -0.1, 1, false));
        assertThrows(IllegalArgumentException.class, () -> Splits.trainTest(d, Double.NaN, 1, false));
        assertEquals("validationFraction + testFraction must be < 1, was 0.5 + 0.5 = 1.0",
                assertThrows(IllegalArgumentException.class,
                        () -> Splits.trainValidationTest(d, 0.5, 0.5, 1, false)).getMessage());
        assertEquals("the train part would be empty: 2 rows split as train 0, test 2",
                assertThrows(IllegalArgumentException.class,
                        () -> Splits.trainTest(numbered(2, 1), 0.6, 1, false)).getMessage());
        assertEquals("the train part would be empty: 3 rows split as train 0, validation 2, test 1",
                assertThrows(IllegalArgumentException.class,
                        () -> Splits.trainValidationTest(numbered(3, 1), 0.4, 0.2, 1, false)).getMessage());

        Dataset regression = Dataset.regression(Matrix.zeros(10, 1), new float[10]);
        assertEquals("stratify needs a classification dataset, this one is REGRESSION",
                assertThrows(IllegalArgumentException.class,
                        () -> Splits.trainTest(regression, 0.2, 1, true)).getMessage());
        Dataset lonely = Dataset.classification(Matrix.zeros(5, 1), new int[] {0, 0, 0, 0, 1}, LabelMapping.of("a", "b"));
        assertEquals("class 1 'b' has only 1 row; a stratified split needs at least 2 rows per class",
                assertThrows(IllegalArgumentException.class, () -> Splits.trainTest(lonely, 0.4, 1, true)).getMessage());
        assertEquals("the test part (2 rows) must have at least one row per class (3 classes): train 10, test 2",
                assertThrows(IllegalArgumentException.class,
                        () -> Splits.trainTest(numbered(12, 3), 0.1, 1, true)).getMessage());
    }
}
