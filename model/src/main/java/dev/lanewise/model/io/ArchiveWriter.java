package dev.lanewise.model.io;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/** Writes a {@link ModelArchive} in the model file format of {@code package-info.java}, field by field. */
final class ArchiveWriter {
    private static final int CHUNK_BYTES = 1 << 16;

    private ArchiveWriter() {
    }

    /** Writes the whole file to {@code sink} and flushes it; does not close it. */
    static void write(ModelArchive archive, OutputStream sink) throws IOException {
        CRC32 crc = new CRC32();
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(sink, CHUNK_BYTES), crc));
        out.write(ModelFileFormat.MAGIC);
        out.writeInt(ModelFileFormat.VERSION);
        writeString(out, archive.kind());

        Map<String, String> metadata = archive.metadata();
        out.writeInt(metadata.size());
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }

        Map<String, StoredTensor> tensors = archive.storedTensors();
        out.writeInt(tensors.size());
        byte[] chunk = new byte[CHUNK_BYTES];
        for (Map.Entry<String, StoredTensor> e : tensors.entrySet()) {
            StoredTensor t = e.getValue();
            writeString(out, e.getKey());
            out.writeByte(t.type().code());
            out.writeInt(t.shape().length);
            for (int d : t.shape()) {
                out.writeInt(d);
            }
            switch (t) {
                case StoredTensor.Floats f -> writeFloats(out, f.data(), chunk);
                case StoredTensor.Doubles d -> writeDoubles(out, d.data(), chunk);
            }
        }

        // The CRC covers every byte written so far: DataOutputStream does not buffer, so the checked stream saw them.
        out.writeInt((int) crc.getValue());
        out.flush();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        // Plain UTF-8 with an int length, not writeUTF: that is Java's modified UTF-8 and stops at 65535 bytes.
        byte[] bytes = Utf8.encode(s);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    // Raw bits, not DataOutputStream.writeFloat: that goes through floatToIntBits, which rewrites every NaN as the
    // canonical one.
    private static void writeFloats(DataOutputStream out, float[] data, byte[] chunk) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(chunk);
        for (int i = 0; i < data.length; ) {
            int n = Math.min(data.length - i, chunk.length / Float.BYTES);
            buf.clear();
            for (int k = 0; k < n; k++) {
                buf.putInt(Float.floatToRawIntBits(data[i + k]));
            }
            out.write(chunk, 0, n * Float.BYTES);
            i += n;
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] data, byte[] chunk) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(chunk);
        for (int i = 0; i < data.length; ) {
            int n = Math.min(data.length - i, chunk.length / Double.BYTES);
            buf.clear();
            for (int k = 0; k < n; k++) {
                buf.putLong(Double.doubleToRawLongBits(data[i + k]));
            }
            out.write(chunk, 0, n * Double.BYTES);
            i += n;
        }
    }
}
