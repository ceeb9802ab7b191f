package dev.lanewise.model.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * Reads one model file, in the format of {@code package-info.java}, and refuses it whole at the first thing wrong.
 *
 * <p>Order of checks: magic, then version (a newer layout cannot be parsed at all), then the structure, where
 * every length, count and shape is checked against the bytes left in the file before anything is allocated;
 * then the CRC32, then that nothing follows it. Strings are decoded, and names checked for duplicates, only after
 * the CRC matched, so a flipped bit in a string is reported as the corruption it is.
 */
final class ArchiveReader {
    private static final int CHUNK_BYTES = 1 << 16;

    private final Path file;
    private final long size;
    private final CRC32 crc = new CRC32();
    private final DataInputStream in;
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private long position;

    private record RawMetadata(byte[] key, byte[] value) {
    }

    private record RawTensor(byte[] name, StoredTensor tensor) {
    }

    /**
     * @param size   the file's length in bytes, against which sizes read from the file are checked
     * @param source the file's bytes from the start; not closed here
     */
    ArchiveReader(Path file, long size, InputStream source) {
        this.file = file;
        this.size = size;
        this.in = new DataInputStream(new CheckedInputStream(new BufferedInputStream(source, CHUNK_BYTES), crc));
    }

    ModelArchive read() throws IOException {
        readMagic();
        int version = readInt("the format version");
        if (version != ModelFileFormat.VERSION) {
            throw fail("format version " + version + ", this lanewise reads " + ModelFileFormat.VERSION
                    + (version > ModelFileFormat.VERSION ? " (written by a newer lanewise?)" : " (corrupt file?)"));
        }
        byte[] kind = readString("the kind");

        int metadataCount = readCount("the metadata count", ModelFileFormat.MIN_METADATA_ENTRY_BYTES, "metadata entries");
        List<RawMetadata> metadata = new ArrayList<>();
        for (int i = 0; i < metadataCount; i++) {
            byte[] key = readString("the key of metadata entry " + i);
            byte[] value = readString("the value of metadata '" + label(key) + "'");
            metadata.add(new RawMetadata(key, value));
        }

        int tensorCount = readCount("the tensor count", ModelFileFormat.MIN_TENSOR_BYTES, "tensors");
        List<RawTensor> tensors = new ArrayList<>();
        for (int i = 0; i < tensorCount; i++) {
            byte[] name = readString("the name of tensor " + i);
            tensors.add(new RawTensor(name, readTensor("tensor '" + label(name) + "'")));
        }

        long computed = crc.getValue();
        int stored = readInt("the CRC32");
        if (stored != (int) computed) {
            throw fail("corrupt: CRC32 mismatch (stored " + hex32(stored) + ", computed " + hex32((int) computed)
                    + "): the file was damaged or changed after it was written");
        }
        if (position < size || in.read() >= 0) {
            throw fail(Math.max(1, size - position) + " trailing byte(s) after the CRC32 at offset " + (position - 4)
                    + ": not a file lanewise wrote, or another file appended to it");
        }
        return build(kind, metadata, tensors);
    }

    private void readMagic() throws IOException {
        byte[] magic = ModelFileFormat.MAGIC;
        int available = (int) Math.min(magic.length, size);
        byte[] start = new byte[available];
        readFully(start, "the magic bytes");
        if (!Arrays.equals(start, Arrays.copyOf(magic, available))) {
            throw fail("not a lanewise model file: it starts with bytes " + HexFormat.ofDelimiter(" ").formatHex(start)
                    + ", not \"LANEWISEMODEL\\r\\n\\x1A\"");
        }
        if (available < magic.length) {
            throw fail(available == 0 ? "truncated: the file is empty"
                    : "truncated: the file ends inside the magic bytes (" + available + " of " + magic.length + ")");
        }
    }

    private StoredTensor readTensor(String label) throws IOException {
        int code = readUnsignedByte("the dtype of " + label);
        TensorType type = TensorType.ofCode(code);
        if (type == null) {
            throw fail("corrupt: " + label + " has dtype code " + code + ", which this lanewise does not know ("
                    + TensorType.FLOAT32.code() + " = float32, " + TensorType.FLOAT64.code() + " = float64)");
        }
        int rank = readInt("the rank of " + label);
        if (rank < 0) {
            throw fail("corrupt: the rank of " + label + " is negative (" + rank + ")");
        }
        require((long) rank * Integer.BYTES, "the shape of " + label + " (rank " + rank + ")");
        int[] shape = new int[rank];
        for (int k = 0; k < rank; k++) {
            shape[k] = readInt("the shape of " + label);
        }
        long elements = 1;
        for (int d : shape) {
            if (d < 0) {
                throw fail("corrupt: " + label + " has a negative dimension in shape " + Arrays.toString(shape));
            }
            elements = Math.min(elements * d, ModelFileFormat.MAX_ELEMENTS + 1L);
        }
        if (elements > ModelFileFormat.MAX_ELEMENTS) {
            throw fail("corrupt: " + label + " has shape " + Arrays.toString(shape)
                    + ", more elements than a Java array holds (" + ModelFileFormat.MAX_ELEMENTS + ")");
        }
        int n = (int) elements;
        String what = "the values of " + label + " (" + type + Arrays.toString(shape) + ")";
        require(n * (long) type.bytes(), what);
        return switch (type) {
            case FLOAT32 -> new StoredTensor.Floats(shape, readFloats(n, what));
            case FLOAT64 -> new StoredTensor.Doubles(shape, readDoubles(n, what));
        };
    }

    private float[] readFloats(int n, String what) throws IOException {
        float[] data = new float[n];
        ByteBuffer buf = ByteBuffer.wrap(chunk);
        for (int i = 0; i < n; ) {
            int m = Math.min(n - i, CHUNK_BYTES / Float.BYTES);
            readFully(chunk, m * Float.BYTES, what);
            buf.clear();
            for (int k = 0; k < m; k++) {
                data[i + k] = Float.intBitsToFloat(buf.getInt());
            }
            i += m;
        }
        return data;
    }

    private double[] readDoubles(int n, String what) throws IOException {
        double[] data = new double[n];
        ByteBuffer buf = ByteBuffer.wrap(chunk);
        for (int i = 0; i < n; ) {
            int m = Math.min(n - i, CHUNK_BYTES / Double.BYTES);
            readFully(chunk, m * Double.BYTES, what);
            buf.clear();
            for (int k = 0; k < m; k++) {
                data[i + k] = Double.longBitsToDouble(buf.getLong());
            }
            i += m;
        }
        return data;
    }

    /** A count of entries, each at least {@code minBytes} long, checked against the bytes left. */
    private int readCount(String what, int minBytes, String entries) throws IOException {
        int count = readInt(what);
        if (count < 0) {
            throw fail("corrupt: " + what + " is negative (" + count + ")");
        }
        require((long) count * minBytes, count + " " + entries);
        return count;
    }

    /** The bytes of a length-prefixed string; decoded later, once the CRC has vouched for them. */
    private byte[] readString(String what) throws IOException {
        int length = readInt("the length of " + what);
        if (length < 0) {
            throw fail("corrupt: the length of " + what + " is negative (" + length + ")");
        }
        require(length, what);
        byte[] bytes = new byte[length];
        readFully(bytes, what);
        return bytes;
    }

    private int readInt(String what) throws IOException {
        require(Integer.BYTES, what);
        try {
            int v = in.readInt();
            position += Integer.BYTES;
            return v;
        } catch (EOFException e) {
            throw shrank(what, e);
        }
    }

    private int readUnsignedByte(String what) throws IOException {
        require(1, what);
        try {
            int v = in.readUnsignedByte();
            position++;
            return v;
        } catch (EOFException e) {
            throw shrank(what, e);
        }
    }

    private void readFully(byte[] b, String what) throws IOException {
        readFully(b, b.length, what);
    }

    private void readFully(byte[] b, int length, String what) throws IOException {
        require(length, what);
        try {
            in.readFully(b, 0, length);
            position += length;
        } catch (EOFException e) {
            throw shrank(what, e);
        }
    }

    /** Refuses a read of {@code bytes} more than the file has left: the check that comes before any allocation. */
    private void require(long bytes, String what) throws ModelFileException {
        long left = size - position;
        if (bytes > left) {
            throw fail("truncated or corrupt: the file ends inside " + what + " at offset " + position + " (needs "
                    + bytes + " bytes, " + left + " left)");
        }
    }

    /** The file had fewer bytes than its size said: it was cut while we read it. */
    private ModelFileException shrank(String what, EOFException e) {
        return new ModelFileException(file, "truncated while being read: the file ends inside " + what + " at offset "
                + position, e);
    }

    private ModelArchive build(byte[] kindBytes, List<RawMetadata> metadata, List<RawTensor> tensors)
            throws ModelFileException {
        String kind = decode(kindBytes, "the kind");
        if (kind.isEmpty()) {
            throw fail("invalid: the kind is empty");
        }
        ModelArchive.Builder builder = ModelArchive.builder(kind);
        Set<String> keys = new HashSet<>();
        for (RawMetadata m : metadata) {
            String key = decode(m.key(), "a metadata key");
            if (!keys.add(key)) {
                throw fail("invalid: metadata '" + key + "' appears twice");
            }
            builder.metadata(key, decode(m.value(), "the value of metadata '" + key + "'"));
        }
        Set<String> names = new HashSet<>();
        for (RawTensor t : tensors) {
            String name = decode(t.name(), "a tensor name");
            if (!names.add(name)) {
                throw fail("invalid: tensor '" + name + "' appears twice");
            }
            builder.adopt(name, t.tensor());
        }
        return builder.build();
    }

    private String decode(byte[] bytes, String what) throws ModelFileException {
        try {
            return Utf8.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new ModelFileException(file, "invalid: " + what + " is not well-formed UTF-8", e);
        }
    }

    /** A name for messages, before the CRC is checked: bad bytes shown as U+FFFD, long names cut. */
    private static String label(byte[] name) {
        String s = new String(name, StandardCharsets.UTF_8);
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    private static String hex32(int v) {
        return "0x" + HexFormat.of().toHexDigits(v);
    }

    private ModelFileException fail(String problem) {
        return new ModelFileException(file, problem);
    }
}
