package dev.lanewise.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ModelArchiveTest {

    private static ModelArchive sample() {
        return ModelArchive.builder("mlp-classifier")
                .metadata("zeta", "1")
                .metadata("alpha", "2")
                .floats("dense0.bias", new float[] {1, 2})
                .doubles("mean", new double[] {0.5})
                .floats("dense1.weight", new int[] {2, 1}, new float[] {3, 4})
                .build();
    }

    @Test
    void keepsInsertionOrderOfMetadataAndTensors() {
        ModelArchive a = sample();
        assertEquals(List.of("zeta", "alpha"), List.copyOf(a.metadata().keySet()));
        assertEquals(List.of("dense0.bias", "mean", "dense1.weight"), a.tensorNames());
        assertEquals("mlp-classifier", a.kind());
        assertArrayEquals(new int[] {2, 1}, a.shape("dense1.weight"));
        assertArrayEquals(new int[] {2}, a.shape("dense0.bias"));
        assertEquals(TensorType.FLOAT64, a.tensorType("mean"));
        assertEquals(TensorType.FLOAT32, a.tensorType("dense0.bias"));
    }

    @Test
    void missingTensorNamesItAndTheTensorsThereAre() {
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> sample().floats("dense0.weight"));
        assertTrue(e.getMessage().contains("model file has no tensor 'dense0.weight'"), e.getMessage());
        assertTrue(e.getMessage().contains("[dense0.bias, mean, dense1.weight]"), e.getMessage());
        assertThrows(NoSuchElementException.class, () -> sample().shape("nope"));
        assertThrows(NoSuchElementException.class, () -> sample().doubles("nope"));
        assertFalse(sample().hasTensor("nope"));
    }

    @Test
    void missingMetadataNamesTheKey() {
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> sample().metadata("labels"));
        assertTrue(e.getMessage().contains("model file has no metadata 'labels'"), e.getMessage());
        assertTrue(e.getMessage().contains("[zeta, alpha]"), e.getMessage());
        assertEquals("2", sample().metadata("alpha"));
    }

    @Test
    void readingATensorAsTheOtherTypeSaysWhichGetterFits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sample().floats("mean"));
        assertEquals("tensor 'mean' is float64, not float32; read it with doubles(\"mean\")", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> sample().doubles("dense0.bias"));
        assertEquals("tensor 'dense0.bias' is float32, not float64; read it with floats(\"dense0.bias\")", e.getMessage());
    }

    @Test
    void requireKindNamesBothKinds() {
        ModelArchive a = sample();
        assertSame(a, a.requireKind("mlp-classifier"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.requireKind("logistic-regression"));
        assertEquals("model file holds a 'mlp-classifier', not a 'logistic-regression'", e.getMessage());
    }

    @Test
    void copiesArraysOnTheWayInAndOut() {
        float[] data = {1, 2, 3, 4};
        int[] shape = {2, 2};
        double[] means = {0.25};
        ModelArchive a = ModelArchive.builder("k").floats("w", shape, data).doubles("m", means).build();
        data[0] = 99;
        shape[0] = 4;
        shape[1] = 1;
        means[0] = 99;
        assertArrayEquals(new float[] {1, 2, 3, 4}, a.floats("w"));
        assertArrayEquals(new int[] {2, 2}, a.shape("w"));
        assertArrayEquals(new double[] {0.25}, a.doubles("m"));

        a.floats("w")[1] = 99;
        a.shape("w")[0] = 7;
        a.doubles("m")[0] = 99;
        assertArrayEquals(new float[] {1, 2, 3, 4}, a.floats("w"));
        assertArrayEquals(new int[] {2, 2}, a.shape("w"));
        assertArrayEquals(new double[] {0.25}, a.doubles("m"));
        assertThrows(UnsupportedOperationException.class, () -> a.metadata().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> a.tensorNames().add("x"));
    }

    @Test
    void builderGoesOnAfterBuildWithoutChangingWhatItBuilt() {
        ModelArchive.Builder b = ModelArchive.builder("k").metadata("a", "1");
        ModelArchive first = b.build();
        b.metadata("b", "2").floats("w", new float[] {1});
        assertEquals(Map.of("a", "1"), first.metadata());
        assertEquals(List.of(), first.tensorNames());
        assertEquals(2, b.build().metadata().size());
    }

    @Test
    void refusesAShapeThatDoesNotFitTheData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelArchive.builder("k").floats("w", new int[] {2, 3}, new float[5]));
        assertEquals("tensor 'w': shape [2, 3] holds 6 elements but the data has 5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ModelArchive.builder("k").doubles("m", new int[] {3, -1}, new double[0]));
        assertEquals("tensor 'm': shape [3, -1] has a negative dimension", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ModelArchive.builder("k").floats("w", new int[] {65536, 65536}, new float[0]));
        assertEquals("tensor 'w': shape [65536, 65536] holds more than 2147483647 elements but the data has 0",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ModelArchive.builder("k").floats("s", new int[0], new float[0]));
        assertEquals("tensor 's': shape [] holds 1 elements but the data has 0", e.getMessage());
    }

    @Test
    void refusesDuplicateNamesAcrossBothTypesAndDuplicateKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelArchive.builder("k").floats("w", new float[1]).doubles("w", new double[1]));
        assertEquals("tensor 'w' was already added", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ModelArchive.builder("k").metadata("a", "1").metadata("a", "2"));
        assertEquals("metadata 'a' was already added", e.getMessage());
    }

    @Test
    void refusesAnEmptyKindAndNulls() {
        assertEquals("kind must not be empty",
                assertThrows(IllegalArgumentException.class, () -> ModelArchive.builder("")).getMessage());
        assertEquals("kind", assertThrows(NullPointerException.class, () -> ModelArchive.builder(null)).getMessage());
        ModelArchive.Builder b = ModelArchive.builder("k");
        assertEquals("value", assertThrows(NullPointerException.class, () -> b.metadata("a", null)).getMessage());
        assertEquals("data", assertThrows(NullPointerException.class, () -> b.floats("w", (float[]) null)).getMessage());
        assertEquals("shape",
                assertThrows(NullPointerException.class, () -> b.doubles("w", null, new double[0])).getMessage());
    }

    @Test
    void refusesUnpairedSurrogatesWhichUtf8CannotStore() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelArchive.builder("k").metadata("labels", "ok\uD800"));
        assertEquals("value of metadata 'labels' has an unpaired surrogate U+D800 at index 2, which UTF-8 cannot store",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelArchive.builder("k").floats("\uDC00w", new float[0]));
        assertThrows(IllegalArgumentException.class, () -> ModelArchive.builder("k\uD83D"));
        // A proper pair is fine.
        ModelArchive.builder("k").metadata("emoji", "\uD83D\uDE00");
    }

    @Test
    void equalityComparesBitsAndOrder() {
        ModelArchive zero = ModelArchive.builder("k").floats("w", new float[] {0.0f}).build();
        ModelArchive negativeZero = ModelArchive.builder("k").floats("w", new float[] {-0.0f}).build();
        ModelArchive nan = ModelArchive.builder("k").floats("w", new float[] {Float.NaN}).build();
        assertNotEquals(zero, negativeZero);
        assertEquals(nan, ModelArchive.builder("k").floats("w", new float[] {Float.NaN}).build());
        assertEquals(nan.hashCode(), ModelArchive.builder("k").floats("w", new float[] {Float.NaN}).build().hashCode());
        assertEquals(sample(), sample());
        assertEquals(sample().hashCode(), sample().hashCode());

        ModelArchive ab = ModelArchive.builder("k").metadata("a", "1").metadata("b", "2").build();
        ModelArchive ba = ModelArchive.builder("k").metadata("b", "2").metadata("a", "1").build();
        assertNotEquals(ab, ba);
        ModelArchive f = ModelArchive.builder("k").floats("w", new float[] {1}).build();
        ModelArchive d = ModelArchive.builder("k").doubles("w", new double[] {1}).build();
        assertNotEquals(f, d);
        ModelArchive row = ModelArchive.builder("k").floats("w", new int[] {1, 2}, new float[] {1, 2}).build();
        ModelArchive column = ModelArchive.builder("k").floats("w", new int[] {2, 1}, new float[] {1, 2}).build();
        assertNotEquals(row, column);
    }

    @Test
    void toStringSummarizesWithoutValues() {
        assertEquals("ModelArchive[kind=mlp-classifier, metadata=[zeta, alpha], tensors=[dense0.bias float32[2], "
                + "mean float64[1], dense1.weight float32[2, 1]]]", sample().toString());
    }
}
