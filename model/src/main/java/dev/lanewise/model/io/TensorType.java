package dev.lanewise.model.io;

/** The element type of a tensor in a {@link ModelArchive}, with the code and width it has in a model file. */
public enum TensorType {
    /** IEEE 754 binary32, Java's {@code float}: weights, biases, optimizer state. */
    FLOAT32(1, Float.BYTES),
    /** IEEE 754 binary64, Java's {@code double}: statistics that must round-trip exactly, such as standardization means. */
    FLOAT64(2, Double.BYTES);

    private final int code;
    private final int bytes;

    TensorType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The dtype byte that stands for this type in a model file. */
    int code() {
        return code;
    }

    /** Bytes per element in a model file. */
    int bytes() {
        return bytes;
    }

    /** The type a model file's dtype byte stands for, or null for a code this version does not know. */
    static TensorType ofCode(int code) {
        for (TensorType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /** The name used in messages and in the format description: {@code float32} or {@code float64}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
