package dev.lanewise.model.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Model file bytes assembled field by field from the format description in package-info.java, without the
 * package's writer: for crafting files that the writer would never produce (absurd shapes, duplicate names with
 * a valid CRC) and for checking byte offsets.
 */
final class SpecBytes {
    static final int MAGIC_LENGTH = 16;
    static final int VERSION_OFFSET = 16;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** The magic and version 1. */
    static SpecBytes header() {
        return new SpecBytes().magic().i32(1);
    }

    SpecBytes magic() {
        return raw("LANEWISEMODEL\r\n\u001a".getBytes(StandardCharsets.US_ASCII));
    }

    SpecBytes i32(int v) {
        return raw(ByteBuffer.allocate(4).putInt(v).array());
    }

    SpecBytes u8(int v) {
        out.write(v);
        return this;
    }

    SpecBytes string(String s) {
        return bytesWithLength(s.getBytes(StandardCharsets.UTF_8));
    }

    SpecBytes bytesWithLength(byte[] b) {
        return i32(b.length).raw(b);
    }

    SpecBytes f32(float... values) {
        for (float v : values) {
            i32(Float.floatToRawIntBits(v));
        }
        return this;
    }

    SpecBytes f64(double... values) {
        for (double v : values) {
            raw(ByteBuffer.allocate(8).putLong(Double.doubleToRawLongBits(v)).array());
        }
        return this;
    }

    /** The number of bytes so far: the offset of the next field. */
    int size() {
        return out.size();
    }

    SpecBytes raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** Appends the CRC32 of everything so far and returns the file's bytes. */
    byte[] withCrc() {
        CRC32 crc = new CRC32();
        crc.update(out.toByteArray());
        return i32((int) crc.getValue()).out.toByteArray();
    }

    /** Replaces the last four bytes of a file with the CRC32 of the bytes before them. */
    static byte[] refreshCrc(byte[] file) {
        CRC32 crc = new CRC32();
        crc.update(file, 0, file.length - 4);
        byte[] copy = file.clone();
        ByteBuffer.wrap(copy).putInt(file.length - 4, (int) crc.getValue());
        return copy;
    }
}
