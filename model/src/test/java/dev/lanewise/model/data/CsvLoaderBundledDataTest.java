package dev.lanewise.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The three bundled data sets, checked against cells read by hand from the files (see data/README.md). */
class CsvLoaderBundledDataTest {
    static Dataset digits() throws IOException {
        return CsvLoader.load(Path.of("../data/digits.csv"), CsvOptions.classification());
    }

    static Dataset breastCancer() throws IOException {
        return CsvLoader.load(Path.of("../data/breast_cancer.csv"), CsvOptions.classification());
    }

    static Dataset diabetes() throws IOException {
        return CsvLoader.load(Path.of("../data/diabetes.csv"), CsvOptions.regression());
    }

    @Test
    void digitsHas1797RowsOf64PixelsAndTenClasses() throws IOException {
        Dataset d = digits();
        assertEquals(1797, d.rows());
        assertEquals(64, d.cols());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), d.labelMapping().names());
        assertEquals("pixel_0_0", d.featureNames().get(0));
        assertEquals("pixel_7_7", d.featureNames().get(63));
        // line 2: 0,0,5,13,9,1,0,0,0,0,13,15,... target 0
        assertEquals(5f, d.features().get(0, 2));
        assertEquals(13f, d.features().get(0, 3));
        assertEquals(13f, d.features().get(0, 10));
        assertEquals(0, d.labels()[0]);
        // line 1798: 0,0,10,14,8,1,0,0,0,2,16,... target 8
        assertEquals(10f, d.features().get(1796, 2));
        assertEquals(2f, d.features().get(1796, 9));
        assertEquals(8, d.labels()[1796]);
        // `awk -F, 'NR>1{print $NF}' digits.csv | sort -n | uniq -c`
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, d.classCounts());
    }

    @Test
    void breastCancerHas569RowsOf30FeaturesAndTwoClasses() throws IOException {
        Dataset d = breastCancer();
        assertEquals(569, d.rows());
        assertEquals(30, d.cols());
        assertEquals(2, d.numClasses());
        assertEquals("mean radius", d.featureNames().get(0));
        assertEquals("worst fractal dimension", d.featureNames().get(29));
        // line 2: 17.99,10.38,122.8,1001,... ,0.1189,0
        assertEquals(17.99f, d.features().get(0, 0));
        assertEquals(1001f, d.features().get(0, 3));
        assertEquals(0.1189f, d.features().get(0, 29));
        assertEquals(0, d.labels()[0]);
        // line 570: 7.76,... worst area 268.6, ... target 1
        assertEquals(7.76f, d.features().get(568, 0));
        assertEquals(268.6f, d.features().get(568, 23));
        assertEquals(1, d.labels()[568]);
        assertArrayEquals(new int[] {212, 357}, d.classCounts());
    }

    @Test
    void diabetesHas442RowsOf10FeaturesAndARealTarget() throws IOException {
        Dataset d = diabetes();
        assertFalse(d.isClassification());
        assertEquals(442, d.rows());
        assertEquals(List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"), d.featureNames());
        // line 2: 0.038075906433423026,0.05068011873981862,0.061696206518683294,... target 151
        assertEquals(0.038075906433423026f, d.features().get(0, 0));
        assertEquals(0.061696206518683294f, d.features().get(0, 2));
        assertEquals(151f, d.targets()[0]);
        // line 443: -0.045472477940023646,... s6 0.0030644094143684884, target 57
        assertEquals(-0.045472477940023646f, d.features().get(441, 0));
        assertEquals(0.0030644094143684884f, d.features().get(441, 9));
        assertEquals(57f, d.targets()[441]);
        assertTrue(d.features().isDense());
    }
}
