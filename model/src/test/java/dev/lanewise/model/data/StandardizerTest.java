package dev.lanewise.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class StandardizerTest {
    @Test
    void meansAndPopulationStandardDeviationsMatchAHandComputation() {
        // Columns 1..4 (mean 2.5, population variance 1.25), 10..40 (25, 125) and a constant 5.
        Matrix x = Matrix.wrap(new float[] {1, 10, 5, 2, 20, 5, 3, 30, 5, 4, 40, 5}, 4, 3);
        Standardizer s = Standardizer.fit(x);
        assertArrayEquals(new double[] {2.5, 25, 5}, s.means());
        assertArrayEquals(new double[] {Math.sqrt(1.25), Math.sqrt(125), 1}, s.scales(), 1e-15);
        s.transform(x);
        double z = 1.5 / Math.sqrt(1.25); // 1.3416407864998738
        assertArrayEquals(new float[] {(float) -z, (float) -z, 0, (float) (-z / 3), (float) (-z / 3), 0,
                (float) (z / 3), (float) (z / 3), 0, (float) z, (float) z, 0}, x.toArray(), 1e-7f);
    }

    @Test
    void aConstantColumnGetsScaleOneAndBecomesZerosAsInScikitLearn() {
        // A standard deviation of 0 would turn the column into 0 / 0 = NaN.
        float[] data = new float[1000];
        java.util.Arrays.fill(data, 0.1f);
        Standardizer s = Standardizer.fit(Matrix.wrap(data, 1000, 1));
        assertEquals(1.0, s.scales()[0]);
        assertEquals(0.1f, s.means()[0]);
        s.transform(Matrix.wrap(data, 1000, 1));
        for (float v : data) {
            assertEquals(0f, v);
        }
    }

    @Test
    void diabetesColumnsHaveTheStatisticsTheirREADMEStates() throws IOException {
        // data/README.md: each column mean-centred with sum of squares 1, so mean 0 and std sqrt(1 / 442).
        Dataset d = CsvLoaderBundledDataTest.diabetes();
        Standardizer s = Standardizer.fit(d.features());
        double expected = Math.sqrt(1.0 / 442);
        for (int c = 0; c < d.cols(); c++) {
            assertEquals(0, s.means()[c], 1e-8, "mean of column " + c);
            assertEquals(expected, s.scales()[c], 1e-7 * expected, "scale of column " + c);
        }
    }

    @Test
    void transformedDigitsHaveMeanZeroAndUnitPopulationStd() throws IOException {
        Dataset digits = CsvLoaderBundledDataTest.digits();
        float[] before = digits.features().toArray();
        Dataset z = Standardizer.fit(digits.features()).transformed(digits);
        assertArrayEquals(before, digits.features().toArray(), "the input dataset is unchanged");
        assertNotSame(digits.features().data(), z.features().data());
        assertArrayEquals(digits.labels(), z.labels());
        assertEquals(digits.featureNames(), z.featureNames());
        int constantColumns = 0;
        for (int c = 0; c < z.cols(); c++) {
            double sum = 0;
            double squares = 0;
            boolean constant = true;
            for (int r = 0; r < z.rows(); r++) {
                double v = z.features().get(r, c);
                sum += v;
                squares += v * v;
                constant &= digits.features().get(r, c) == digits.features().get(0, c);
            }
            double mean = sum / z.rows();
            double std = Math.sqrt(squares / z.rows() - mean * mean);
            assertEquals(0, mean, 1e-6, "mean of column " + c);
            if (constant) {
                constantColumns++;
                assertEquals(0, std, 0, "a constant column becomes zeros, column " + c);
            } else {
                assertEquals(1, std, 1e-5, "std of column " + c);
            }
        }
        assertEquals(3, constantColumns, "pixel_0_0, pixel_4_0 and pixel_4_7 are always 0 in the digits test set");
    }

    @Test
    void transformTouchesOnlyTheViewsElements() {
        float[] data = {1, 3, -9, 5, 7, -9};
        Matrix x = Matrix.view(data, 0, 2, 2, 3);
        Standardizer.of(new double[] {1, 3}, new double[] {2, 4}).transform(x);
        assertArrayEquals(new float[] {0, 0, -9, 2, 1, -9}, data);
    }

    @Test
    void rebuiltFromItsStatisticsItTransformsTheSame() {
        Matrix x = Matrix.wrap(new float[] {1, 2, 4, 8, 16, 32}, 3, 2);
        Standardizer fitted = Standardizer.fit(x);
        Standardizer rebuilt = Standardizer.of(fitted.means(), fitted.scales());
        Matrix a = x.copy();
        Matrix b = x.copy();
        fitted.transform(a);
        rebuilt.transform(b);
        assertArrayEquals(a.toArray(), b.toArray());
        Standardizer fromFloats = Standardizer.of(new float[] {1, 2}, new float[] {0.5f, 4});
        assertArrayEquals(new double[] {0.5, 4}, fromFloats.scales());
    }

    @Test
    void refusesBadStatisticsAndMismatchedShapes() {
        assertEquals("scales[1] must be finite and > 0, was 0.0", assertThrows(IllegalArgumentException.class,
                () -> Standardizer.of(new double[] {0, 0}, new double[] {1, 0})).getMessage());
        assertEquals("means[0] must be finite, was NaN", assertThrows(IllegalArgumentException.class,
                () -> Standardizer.of(new double[] {Double.NaN}, new double[] {1})).getMessage());
        assertEquals("scales.length must equal means.length = 2, was 1", assertThrows(IllegalArgumentException.class,
                () -> Standardizer.of(new double[2], new double[] {1})).getMessage());
        Standardizer s = Standardizer.of(new double[2], new double[] {1, 1});
        assertEquals("the standardizer was fitted on 2 columns, the input has 3",
                assertThrows(IllegalArgumentException.class, () -> s.transform(Matrix.zeros(1, 3))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(Matrix.zeros(0, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> Standardizer.fit(Matrix.wrap(new float[] {1, Float.NaN}, 2, 1)));
    }
}
