package dev.lanewise.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesRoundTripTest {
    @TempDir
    Path dir;

    private ModelArchive roundTrip(ModelArchive a) throws IOException {
        Path file = dir.resolve("model.lwmodel");
        ModelFiles.save(a, file);
        return ModelFiles.load(file);
    }

    private static int[] bits(float[] f) {
        int[] b = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            b[i] = Float.floatToRawIntBits(f[i]);
        }
        return b;
    }

    private static long[] bits(double[] d) {
        long[] b = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            b[i] = Double.doubleToRawLongBits(d[i]);
        }
        return b;
    }

    @Test
    void specialFloatValuesComeBackBitForBit() throws IOException {
        float[] special = {0.0f, -0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL / 3, Float.MIN_NORMAL,
                Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
                Float.intBitsToFloat(0x7fc01234), Float.intBitsToFloat(0xffc00001), 1.0f / 3, (float) Math.PI};
        double[] specialD = {0.0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL / 7, Double.MAX_VALUE,
                Double.NEGATIVE_INFINITY, Double.NaN, Double.longBitsToDouble(0x7ff8000000000abcL), 0.1, 1.0 / 3};
        ModelArchive back = roundTrip(ModelArchive.builder("k")
                .floats("f", new int[] {3, 5}, special)
                .doubles("d", specialD)
                .build());
        assertArrayEquals(bits(special), bits(back.floats("f")));
        assertArrayEquals(new int[] {3, 5}, back.shape("f"));
        assertArrayEquals(bits(specialD), bits(back.doubles("d")));
    }

    @Test
    void emptyAndRankZeroTensorsKeepTheirShapes() throws IOException {
        ModelArchive back = roundTrip(ModelArchive.builder("k")
                .floats("empty1d", new float[0])
                .floats("empty3d", new int[] {4, 0, 2}, new float[0])
                .doubles("emptyD", new int[] {0, 0}, new double[0])
                .floats("scalar", new int[0], new float[] {-2.5f})
                .doubles("scalarD", new int[0], new double[] {1e-300})
                .build());
        assertArrayEquals(new int[] {0}, back.shape("empty1d"));
        assertArrayEquals(new int[] {4, 0, 2}, back.shape("empty3d"));
        assertEquals(0, back.floats("empty3d").length);
        assertArrayEquals(new int[] {0, 0}, back.shape("emptyD"));
        assertArrayEquals(new int[0], back.shape("scalar"));
        assertArrayEquals(new float[] {-2.5f}, back.floats("scalar"));
        assertArrayEquals(new double[] {1e-300}, back.doubles("scalarD"));
    }

    @Test
    void unicodeMetadataAndNamesComeBackUnchangedInOrder() throws IOException {
        String text = "line one\nline two\r\n\ttab, \u00e9t\u00e9, \u732b, \u0915\u094d\u0937, \uD83D\uDE00\uD83D\uDC4D"
                + "\u0000 NUL, \u200B zero width, \uFEFF BOM, \uFFFF";
        String longValue = "x".repeat(70_000) + "\u00e9"; // past writeUTF's 65535-byte limit
        ModelArchive a = ModelArchive.builder("r\u00e9gression \uD83D\uDE00")
                .metadata("z", "last key first")
                .metadata("", "empty key")
                .metadata("text", text)
                .metadata("\u732b.labels", "a\nb\nc")
                .metadata("empty", "")
                .metadata("long", longValue)
                .floats("\u00e9\u732b\uD83D\uDE00.weight", new float[] {1})
                .build();
        ModelArchive back = roundTrip(a);
        assertEquals("r\u00e9gression \uD83D\uDE00", back.kind());
        assertEquals(List.of("z", "", "text", "\u732b.labels", "empty", "long"), List.copyOf(back.metadata().keySet()));
        assertEquals(text, back.metadata("text"));
        assertEquals("a\nb\nc", back.metadata("\u732b.labels"));
        assertEquals(longValue, back.metadata("long"));
        assertEquals("", back.metadata("empty"));
        assertEquals("empty key", back.metadata(""));
        assertEquals(List.of("\u00e9\u732b\uD83D\uDE00.weight"), back.tensorNames());
        assertEquals(a, back);
    }

    @Test
    void anArchiveWithNothingButItsKindRoundTrips() throws IOException {
        ModelArchive back = roundTrip(ModelArchive.builder("k").build());
        assertEquals("k", back.kind());
        assertEquals(0, back.metadata().size());
        assertEquals(0, back.tensorNames().size());
    }

    @Test
    void largeSeededTensorsLongerThanTheIoChunkComeBackBitForBit() throws IOException {
        SplittableRandom random = new SplittableRandom(20240611);
        float[] weights = new float[7 * 28_087]; // twelve 64 KiB I/O chunks and one float more
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Float.intBitsToFloat(random.nextInt()); // every bit pattern, NaNs included
        }
        double[] means = new double[40_003];
        for (int i = 0; i < means.length; i++) {
            means[i] = random.nextDouble(-1e6, 1e6);
        }
        ModelArchive back = roundTrip(ModelArchive.builder("mlp-classifier")
                .floats("dense0.weight", new int[] {7, 28_087}, weights)
                .doubles("mean", means)
                .build());
        assertArrayEquals(bits(weights), bits(back.floats("dense0.weight")));
        assertArrayEquals(bits(means), bits(back.doubles("mean")));
    }
}
