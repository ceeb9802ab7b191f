package dev.lanewise.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The format against an independent implementation: golden-v1.lwmodel was written by make_golden_v1.py (Python
 * struct and zlib, from the format description), so a change that breaks version 1 files fails here.
 */
class ModelFileFormatGoldenTest {
    @TempDir
    Path dir;

    private static byte[] golden() throws IOException {
        try (InputStream in = ModelFileFormatGoldenTest.class.getResourceAsStream("golden-v1.lwmodel")) {
            assertNotNull(in, "golden-v1.lwmodel on the test classpath");
            return in.readAllBytes();
        }
    }

    /** The archive make_golden_v1.py writes, its values given by their bits as the script gives them. */
    private static ModelArchive goldenArchive() {
        return ModelArchive.builder("golden-check")
                .metadata("labels", "cat\nchien\n\u732b\n\uD83D\uDE00")
                .metadata("empty", "")
                .metadata("config", "lr=0.1; epochs=3")
                .floats("w", new int[] {2, 3}, floatBits(0x3F800000, 0x80000000, 0x00000001, 0x7F800000, 0x7FC00000,
                        0xC0600000))
                .floats("b", new int[] {0}, new float[0])
                .floats("scale", new int[0], floatBits(0x3E800000))
                .doubles("mean", new int[] {3}, new double[] {Double.longBitsToDouble(0x3FB999999999999AL),
                        Double.longBitsToDouble(0x8000000000000000L), Double.longBitsToDouble(1L)})
                .doubles("empty2d", new int[] {2, 0}, new double[0])
                .build();
    }

    private static float[] floatBits(int... bits) {
        float[] f = new float[bits.length];
        for (int i = 0; i < bits.length; i++) {
            f[i] = Float.intBitsToFloat(bits[i]);
        }
        return f;
    }

    @Test
    void savesExactlyTheBytesOfTheIndependentlyWrittenGoldenFile() throws IOException {
        Path file = dir.resolve("m.lwmodel");
        ModelFiles.save(goldenArchive(), file);
        assertArrayEquals(golden(), Files.readAllBytes(file));
    }

    @Test
    void loadsTheGoldenFile() throws IOException {
        Path file = dir.resolve("golden.lwmodel");
        Files.write(file, golden());
        ModelArchive a = ModelFiles.load(file);

        assertEquals("golden-check", a.kind());
        assertEquals(List.of("labels", "empty", "config"), List.copyOf(a.metadata().keySet()));
        assertEquals("cat\nchien\n\u732b\n\uD83D\uDE00", a.metadata("labels"));
        assertEquals("", a.metadata("empty"));
        assertEquals(List.of("w", "b", "scale", "mean", "empty2d"), a.tensorNames());

        assertArrayEquals(new int[] {2, 3}, a.shape("w"));
        float[] w = a.floats("w");
        int[] wBits = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            wBits[i] = Float.floatToRawIntBits(w[i]);
        }
        assertArrayEquals(new int[] {0x3F800000, 0x80000000, 0x00000001, 0x7F800000, 0x7FC00000, 0xC0600000}, wBits);
        assertArrayEquals(new int[] {0}, a.shape("b"));
        assertEquals(0, a.floats("b").length);
        assertArrayEquals(new int[0], a.shape("scale"));
        assertArrayEquals(new float[] {0.25f}, a.floats("scale"));
        assertEquals(TensorType.FLOAT64, a.tensorType("mean"));
        double[] mean = a.doubles("mean");
        assertEquals(0x3FB999999999999AL, Double.doubleToRawLongBits(mean[0]));
        assertEquals(0x8000000000000000L, Double.doubleToRawLongBits(mean[1]));
        assertEquals(1L, Double.doubleToRawLongBits(mean[2]));
        assertArrayEquals(new int[] {2, 0}, a.shape("empty2d"));

        assertEquals(goldenArchive(), a);
    }
}
