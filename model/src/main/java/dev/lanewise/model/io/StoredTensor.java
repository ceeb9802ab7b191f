package dev.lanewise.model.io;

/**
 * A tensor as a {@link ModelArchive} holds it. The arrays are the archive's own (copied on the way in and out),
 * so nothing in this package may hand them out or change them.
 */
sealed interface StoredTensor {
    /** The dimensions; their product is the data's length (1 for rank 0). */
    int[] shape();

    TensorType type();

    /** The number of elements. */
    int length();

    /** Raw IEEE 754 bits of element {@code i}, widened to a long: the equality and hash of an archive use them. */
    long rawBits(int i);

    /** A float32 tensor. */
    record Floats(int[] shape, float[] data) implements StoredTensor {
        @Override
        public TensorType type() {
            return TensorType.FLOAT32;
        }

        @Override
        public int length() {
            return data.length;
        }

        @Override
        public long rawBits(int i) {
            return Float.floatToRawIntBits(data[i]);
        }
    }

    /** A float64 tensor. */
    record Doubles(int[] shape, double[] data) implements StoredTensor {
        @Override
        public TensorType type() {
            return TensorType.FLOAT64;
        }

        @Override
        public int length() {
            return data.length;
        }

        @Override
        public long rawBits(int i) {
            return Double.doubleToRawLongBits(data[i]);
        }
    }
}
