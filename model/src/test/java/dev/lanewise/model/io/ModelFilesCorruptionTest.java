package dev.lanewise.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a model file can be wrong, made by editing the bytes of a sound file, and the message each gives.
 * The sound file is assembled by {@link SpecBytes} from the format description, so the offsets of its fields
 * are known here without asking the code under test.
 */
class ModelFilesCorruptionTest {
    @TempDir
    Path dir;
    Path file;

    /** A sound file and the offsets of its fields. */
    byte[] sound;
    int kindLengthAt;
    int metadataCountAt;
    int labelsValueAt;
    int labelsValueEnd;
    int dtypeAt;
    int rankAt;
    int shapeAt;
    int valuesAt;
    int valuesEnd;
    int biasValuesAt;
    int crcAt;

    @BeforeEach
    void writeSoundFile() throws IOException {
        SpecBytes b = SpecBytes.header();
        kindLengthAt = b.size();
        b.string("logistic-regression");
        metadataCountAt = b.size();
        b.i32(1).string("labels");
        labelsValueAt = b.size() + 4;
        b.string("benign\nmalignant \u732b");
        labelsValueEnd = b.size();
        b.i32(2).string("weight");
        dtypeAt = b.size();
        b.u8(1);
        rankAt = b.size();
        b.i32(2);
        shapeAt = b.size();
        b.i32(2).i32(3);
        valuesAt = b.size();
        b.f32(1, 2, 3, 4, 5, 6);
        valuesEnd = b.size();
        b.string("bias").u8(2).i32(1).i32(2);
        biasValuesAt = b.size();
        b.f64(0.5, -0.25);
        crcAt = b.size();
        sound = b.withCrc();
        file = dir.resolve("model.lwmodel");

        ModelArchive a = load(sound);
        assertEquals("logistic-regression", a.kind());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, a.floats("weight"));
        assertArrayEquals(new double[] {0.5, -0.25}, a.doubles("bias"));
    }

    private ModelArchive load(byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return ModelFiles.load(file);
    }

    /** Loads the bytes, expects a refusal, and returns its message without the leading path. */
    private String refusal(byte[] bytes) throws IOException {
        Files.write(file, bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertEquals(file, e.file());
        return e.getMessage().substring(file.toString().length() + 2);
    }

    private byte[] withInt(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).putInt(offset, value);
        return copy;
    }

    private byte[] flipped(int offset) {
        byte[] copy = sound.clone();
        copy[offset] ^= 0x20;
        return copy;
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.lwmodel");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(missing));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void aDirectoryIsNotAModelFile() {
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(dir));
        assertEquals(dir + ": is a directory, not a model file", e.getMessage());
    }

    @Test
    void aFlippedValueByteIsACrcMismatch() throws IOException {
        String m = refusal(flipped(valuesAt + 5));
        assertTrue(m.startsWith("corrupt: CRC32 mismatch (stored 0x"), m);
        assertTrue(m.endsWith("): the file was damaged or changed after it was written"), m);
        assertTrue(refusal(flipped(biasValuesAt + 7)).startsWith("corrupt: CRC32 mismatch"));
        assertTrue(refusal(flipped(crcAt + 3)).startsWith("corrupt: CRC32 mismatch"));
    }

    @Test
    void aBadUtf8ByteInAStringIsReportedAsTheCorruptionItIsNotAsBadText() throws IOException {
        byte[] bad = sound.clone();
        bad[labelsValueAt + 2] = (byte) 0xFF;
        assertTrue(refusal(bad).startsWith("corrupt: CRC32 mismatch"));
    }

    @Test
    void everySingleFlippedByteIsRefusedWithAFittingMessage() throws IOException {
        for (int i = 0; i < sound.length; i++) {
            String m = refusal(flipped(i));
            String where = "byte " + i + ": " + m;
            if (i < SpecBytes.MAGIC_LENGTH) {
                assertTrue(m.startsWith("not a lanewise model file"), where);
            } else if (i < SpecBytes.VERSION_OFFSET + 4) {
                assertTrue(m.startsWith("format version "), where);
            } else if ((i >= labelsValueAt && i < labelsValueEnd) || (i >= valuesAt && i < valuesEnd)
                    || i >= biasValuesAt) {
                assertTrue(m.startsWith("corrupt: CRC32 mismatch"), where);
            }
        }
    }

    @Test
    void everyTruncationIsRefusedAsTruncated() throws IOException {
        for (int length = 0; length < sound.length; length++) {
            String m = refusal(Arrays.copyOf(sound, length));
            assertTrue(m.startsWith("truncated"), "length " + length + ": " + m);
        }
    }

    @Test
    void aTruncationNamesTheEntryItCutInto() throws IOException {
        assertEquals("truncated: the file is empty", refusal(new byte[0]));
        assertEquals("truncated: the file ends inside the magic bytes (10 of 16)", refusal(Arrays.copyOf(sound, 10)));
        assertEquals("truncated or corrupt: the file ends inside the format version at offset 16 (needs 4 bytes, 2 left)",
                refusal(Arrays.copyOf(sound, 18)));
        assertEquals("truncated or corrupt: the file ends inside the values of tensor 'weight' (float32[2, 3]) at offset "
                + valuesAt + " (needs 24 bytes, 5 left)", refusal(Arrays.copyOf(sound, valuesAt + 5)));
        assertEquals("truncated or corrupt: the file ends inside the value of metadata 'labels' at offset "
                + labelsValueAt + " (needs 20 bytes, 3 left)", refusal(Arrays.copyOf(sound, labelsValueAt + 3)));
        assertEquals("truncated or corrupt: the file ends inside the CRC32 at offset " + crcAt + " (needs 4 bytes, 1 left)",
                refusal(Arrays.copyOf(sound, crcAt + 1)));
    }

    @Test
    void aNewerFormatVersionIsRefusedByNumber() throws IOException {
        assertEquals("format version 7, this lanewise reads 1 (written by a newer lanewise?)",
                refusal(withInt(sound, SpecBytes.VERSION_OFFSET, 7)));
        assertEquals("format version 0, this lanewise reads 1 (corrupt file?)",
                refusal(withInt(sound, SpecBytes.VERSION_OFFSET, 0)));
    }

    @Test
    void aBadMagicSaysItIsNotALanewiseModel() throws IOException {
        byte[] bad = sound.clone();
        bad[9] = '0'; // LANEWISEM0DEL
        assertEquals("not a lanewise model file: it starts with bytes 4c 41 4e 45 57 49 53 45 4d 30 44 45 4c 0d 0a 1a, "
                + "not \"LANEWISEMODEL\\r\\n\\x1A\"", refusal(bad));

        // A text-mode transfer that turned CR LF into LF.
        byte[] lf = new byte[sound.length - 1];
        System.arraycopy(sound, 0, lf, 0, 13);
        System.arraycopy(sound, 14, lf, 13, sound.length - 14);
        assertTrue(refusal(lf).startsWith("not a lanewise model file"));

        assertTrue(refusal("PK\u0003\u0004 a zip file".getBytes(StandardCharsets.ISO_8859_1))
                .startsWith("not a lanewise model file: it starts with bytes 50 4b 03 04"));
        assertEquals("not a lanewise model file: it starts with bytes 7b 7d, not \"LANEWISEMODEL\\r\\n\\x1A\"",
                refusal("{}".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void bytesAfterTheCrcAreRefused() throws IOException {
        byte[] longer = Arrays.copyOf(sound, sound.length + 1);
        assertEquals("1 trailing byte(s) after the CRC32 at offset " + crcAt
                + ": not a file lanewise wrote, or another file appended to it", refusal(longer));
        byte[] twice = Arrays.copyOf(sound, sound.length * 2);
        System.arraycopy(sound, 0, twice, sound.length, sound.length);
        assertTrue(refusal(twice).startsWith(sound.length + " trailing byte(s) after the CRC32"));
    }

    @Test
    void aShapeLargerThanAnyArrayIsRefusedBeforeAllocating() throws IOException {
        byte[] bad = withInt(withInt(sound, shapeAt, 1_000_000_000), shapeAt + 4, 1_000_000_000);
        assertEquals("corrupt: tensor 'weight' has shape [1000000000, 1000000000], more elements than a Java array "
                + "holds (2147483639)", refusal(SpecBytes.refreshCrc(bad)));
    }

    @Test
    void aShapeLargerThanTheFileIsRefusedWithoutAllocatingIt() throws IOException {
        // 2e9 floats would be 8 GB; 50 million would be 200 MB and could be allocated, so measure that it is not.
        byte[] huge = withInt(withInt(sound, rankAt, 1), shapeAt, 2_000_000_000);
        String m = refusal(huge);
        assertTrue(m.startsWith("truncated or corrupt: the file ends inside the values of tensor 'weight' "
                + "(float32[2000000000]) at offset " + (shapeAt + 4) + " (needs 8000000000 bytes, "), m);

        byte[] big = withInt(withInt(sound, shapeAt, 50_000), shapeAt + 4, 1000);
        Files.write(file, big);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(file));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(e.getMessage().contains("(float32[50000, 1000]) at offset " + valuesAt + " (needs 200000000 bytes, "
                + (sound.length - valuesAt) + " left)"), e.getMessage());
        assertTrue(allocated < 10_000_000, "allocated " + allocated + " bytes");
    }

    @Test
    void negativeSizesAreCorrupt() throws IOException {
        assertEquals("corrupt: tensor 'weight' has a negative dimension in shape [2, -3]",
                refusal(withInt(sound, shapeAt + 4, -3)));
        assertEquals("corrupt: the length of the kind is negative (-1)", refusal(withInt(sound, kindLengthAt, -1)));
        assertEquals("corrupt: the metadata count is negative (-2)", refusal(withInt(sound, metadataCountAt, -2)));
        assertEquals("corrupt: the rank of tensor 'weight' is negative (-1)", refusal(withInt(sound, rankAt, -1)));
    }

    @Test
    void absurdLengthsAndCountsAreRefusedAgainstTheBytesLeft() throws IOException {
        assertEquals("truncated or corrupt: the file ends inside the kind at offset " + (kindLengthAt + 4)
                        + " (needs 2147483647 bytes, " + (sound.length - kindLengthAt - 4) + " left)",
                refusal(withInt(sound, kindLengthAt, Integer.MAX_VALUE)));
        assertEquals("truncated or corrupt: the file ends inside 2000000000 metadata entries at offset "
                        + (metadataCountAt + 4) + " (needs 16000000000 bytes, " + (sound.length - metadataCountAt - 4)
                        + " left)",
                refusal(withInt(sound, metadataCountAt, 2_000_000_000)));
        assertEquals("truncated or corrupt: the file ends inside the shape of tensor 'weight' (rank 100000000) at offset "
                        + shapeAt + " (needs 400000000 bytes, " + (sound.length - shapeAt) + " left)",
                refusal(withInt(sound, rankAt, 100_000_000)));
    }

    @Test
    void anUnknownDtypeIsNamed() throws IOException {
        byte[] bad = sound.clone();
        bad[dtypeAt] = 3;
        assertEquals("corrupt: tensor 'weight' has dtype code 3, which this lanewise does not know "
                + "(1 = float32, 2 = float64)", refusal(bad));
    }

    @Test
    void contentsTheWriterNeverProducesAreRefusedEvenWithAValidCrc() throws IOException {
        byte[] duplicateTensor = SpecBytes.header().string("k").i32(0).i32(2)
                .string("w").u8(1).i32(1).i32(1).f32(1)
                .string("w").u8(1).i32(1).i32(1).f32(2)
                .withCrc();
        assertEquals("invalid: tensor 'w' appears twice", refusal(duplicateTensor));

        byte[] duplicateKey = SpecBytes.header().string("k").i32(2).string("a").string("1").string("a").string("2")
                .i32(0).withCrc();
        assertEquals("invalid: metadata 'a' appears twice", refusal(duplicateKey));

        byte[] badUtf8 = SpecBytes.header().string("k").i32(1).string("labels")
                .bytesWithLength(new byte[] {'o', 'k', (byte) 0xC0, (byte) 0x80}) // an overlong NUL
                .i32(0).withCrc();
        assertEquals("invalid: the value of metadata 'labels' is not well-formed UTF-8", refusal(badUtf8));

        byte[] encodedSurrogate = SpecBytes.header().string("k").i32(0).i32(1)
                .bytesWithLength(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}).u8(1).i32(1).i32(0)
                .withCrc();
        assertEquals("invalid: a tensor name is not well-formed UTF-8", refusal(encodedSurrogate));

        byte[] emptyKind = SpecBytes.header().string("").i32(0).i32(0).withCrc();
        assertEquals("invalid: the kind is empty", refusal(emptyKind));
    }

    @Test
    void theSmallestSoundFileLoads() throws IOException {
        ModelArchive a = load(SpecBytes.header().string("k").i32(0).i32(0).withCrc());
        assertEquals("k", a.kind());
        assertEquals(0, a.tensorNames().size());
    }
}
