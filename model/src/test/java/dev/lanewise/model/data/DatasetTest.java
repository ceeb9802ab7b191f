package dev.lanewise.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DatasetTest {
    private static final LabelMapping ABC = LabelMapping.of("a", "b", "c");

    @Test
    void regressionKeepsFeaturesTargetsAndNames() {
        Matrix x = Matrix.wrap(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        Dataset d = Dataset.regression(x, new float[] {10, 20, 30}, List.of("u", "v"));
        assertEquals(3, d.rows());
        assertEquals(2, d.cols());
        assertFalse(d.isClassification());
        assertEquals(Task.REGRESSION, d.task());
        assertEquals(List.of("u", "v"), d.featureNames());
        assertEquals(30f, d.targets()[2]);
        assertThrows(IllegalStateException.class, d::labels);
        assertThrows(IllegalStateException.class, d::labelMapping);
        assertEquals(List.of("feature_0", "feature_1"), Dataset.regression(x, new float[3]).featureNames());
    }

    @Test
    void classificationKeepsLabelsAndMapping() {
        Dataset d = Dataset.classification(Matrix.zeros(4, 1), new int[] {2, 0, 2, 1}, ABC, List.of("f"));
        assertTrue(d.isClassification());
        assertEquals(3, d.numClasses());
        assertArrayEquals(new int[] {1, 1, 2}, d.classCounts());
        assertEquals("c", d.labelMapping().nameOf(d.labels()[0]));
        assertThrows(IllegalStateException.class, d::targets);
    }

    @Test
    void constructionRefusesNonFiniteFeaturesNamingRowAndColumn() {
        float[] data = {1, 2, 3, 4, 5, Float.NaN};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.regression(Matrix.wrap(data, 3, 2), new float[3], List.of("u", "v")));
        assertEquals("feature at row 2, column 1 'v' must be finite, was NaN", e.getMessage());
        data[5] = 0;
        data[2] = Float.NEGATIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.classification(Matrix.wrap(data, 3, 2), new int[3], ABC, List.of("u", "v")));
        assertEquals("feature at row 1, column 0 'u' must be finite, was -Infinity", e.getMessage());
    }

    @Test
    void constructionRefusesNonFiniteTargetsAndBadLabels() {
        Matrix x = Matrix.zeros(3, 1);
        assertEquals("target at row 1 must be finite, was Infinity", assertThrows(IllegalArgumentException.class,
                () -> Dataset.regression(x, new float[] {0, Float.POSITIVE_INFINITY, 0})).getMessage());
        assertEquals("label at row 2 must be in 0..2 (the mapping's classes), was 3",
                assertThrows(IllegalArgumentException.class,
                        () -> Dataset.classification(x, new int[] {0, 1, 3}, ABC)).getMessage());
        assertEquals("label at row 0 must be in 0..2 (the mapping's classes), was -1",
                assertThrows(IllegalArgumentException.class,
                        () -> Dataset.classification(x, new int[] {-1, 1, 2}, ABC)).getMessage());
    }

    @Test
    void constructionRefusesMismatchedLengths() {
        Matrix x = Matrix.zeros(3, 2);
        assertEquals("y.length must equal x.rows() = 3, was 2", assertThrows(IllegalArgumentException.class,
                () -> Dataset.regression(x, new float[2])).getMessage());
        assertEquals("labels.length must equal x.rows() = 3, was 4", assertThrows(IllegalArgumentException.class,
                () -> Dataset.classification(x, new int[4], ABC)).getMessage());
        assertEquals("featureNames must have one name per column (2), had 1", assertThrows(
                IllegalArgumentException.class, () -> Dataset.regression(x, new float[3], List.of("u"))).getMessage());
    }

    @Test
    void aStridedFeatureViewIsStoredDense() {
        float[] data = {1, 2, -1, 3, 4, -1};
        Dataset d = Dataset.regression(Matrix.view(data, 0, 2, 2, 3), new float[2]);
        assertTrue(d.features().isDense());
        assertArrayEquals(new float[] {1, 2, 3, 4}, d.features().toArray());
    }

    @Test
    void selectGathersRowsAndTargetsInTheGivenOrder() {
        Matrix x = Matrix.wrap(new float[] {0, 1, 10, 11, 20, 21}, 3, 2);
        Dataset d = Dataset.classification(x, new int[] {0, 1, 2}, ABC, List.of("u", "v"));
        Dataset s = d.select(new int[] {2, 0, 2});
        assertArrayEquals(new float[] {20, 21, 0, 1, 20, 21}, s.features().toArray());
        assertArrayEquals(new int[] {2, 0, 2}, s.labels());
        assertEquals(ABC, s.labelMapping());
        assertEquals(d.featureNames(), s.featureNames());
        assertEquals(0, d.select(new int[0]).rows());
        assertThrows(IndexOutOfBoundsException.class, () -> d.select(new int[] {3}));

        Dataset r = Dataset.regression(x, new float[] {5, 6, 7}).select(new int[] {1});
        assertArrayEquals(new float[] {6}, r.targets());
        assertArrayEquals(new float[] {10, 11}, r.features().toArray());
    }
}
