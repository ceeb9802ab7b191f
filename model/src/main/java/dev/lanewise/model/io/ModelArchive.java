package dev.lanewise.model.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * What a trained model saves of itself, and all it needs to come back: its kind, textual metadata and named
 * tensors. A model turns itself into an archive and back; {@link ModelFiles} writes and reads archives.
 *
 * <ul>
 *   <li>{@link #kind()}: what model this is, such as {@code "logistic-regression"} or {@code "mlp-classifier"};
 *       a loader checks it with {@link #requireKind}.</li>
 *   <li>{@link #metadata()}: ordered string pairs for anything textual (training configuration, label and
 *       feature names); any Unicode, newlines included.</li>
 *   <li>Tensors: ordered, named, each a shape and its row-major data, {@link TensorType#FLOAT32} for
 *       parameters or {@link TensorType#FLOAT64} for values that must round-trip exactly as doubles (the means
 *       and scales of a standardization). Tensor names share one namespace across both types.</li>
 * </ul>
 *
 * <p>Immutable: the builder copies every array it is given, and every getter returns a fresh copy. Two archives
 * are {@linkplain #equals equal} when kind, metadata and tensors are equal in the same order, tensor values
 * compared bit for bit (so {@code -0.0f} differs from {@code 0.0f} and a NaN equals the same NaN bits).
 *
 * <p>Strings must be valid Unicode: one holding an unpaired surrogate is refused, as UTF-8 cannot store it.
 */
public final class ModelArchive {
    private final String kind;
    private final Map<String, String> metadata;
    private final Map<String, StoredTensor> tensors;

    private ModelArchive(Builder b) {
        this.kind = b.kind;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(b.tensors));
    }

    /**
     * Starts an archive of the given kind.
     *
     * @param kind what model this is, e.g. {@code "logistic-regression"}; not empty
     */
    public static Builder builder(String kind) {
        return new Builder(kind);
    }

    /** What model this archive holds, e.g. {@code "logistic-regression"}. */
    public String kind() {
        return kind;
    }

    /**
     * Returns this archive if its kind is the expected one, so a loader can write
     * {@code ModelFiles.load(path).requireKind("logistic-regression")}.
     *
     * @throws IllegalArgumentException naming both kinds, if they differ
     */
    public ModelArchive requireKind(String expected) {
        Objects.requireNonNull(expected, "expected");
        if (!kind.equals(expected)) {
            throw new IllegalArgumentException("model file holds a '" + kind + "', not a '" + expected + "'");
        }
        return this;
    }

    /** All metadata, in the order it was added; unmodifiable. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Whether the metadata has this key. */
    public boolean hasMetadata(String key) {
        return metadata.containsKey(Objects.requireNonNull(key, "key"));
    }

    /**
     * The metadata value for a key.
     *
     * @throws NoSuchElementException naming the key and the keys there are, if it is missing
     */
    public String metadata(String key) {
        String value = metadata.get(Objects.requireNonNull(key, "key"));
        if (value == null) {
            throw new NoSuchElementException("model file has no metadata '" + key + "' (kind '" + kind
                    + "'; metadata keys: " + metadata.keySet() + ")");
        }
        return value;
    }

    /** The tensor names, in the order they were added; unmodifiable. */
    public List<String> tensorNames() {
        return List.copyOf(tensors.keySet());
    }

    /** Whether there is a tensor of this name, of either type. */
    public boolean hasTensor(String name) {
        return tensors.containsKey(Objects.requireNonNull(name, "name"));
    }

    /**
     * The element type of a tensor.
     *
     * @throws NoSuchElementException naming the tensor and the tensors there are, if it is missing
     */
    public TensorType tensorType(String name) {
        return tensor(name).type();
    }

    /**
     * A copy of a tensor's shape; its product is the number of elements (1 for an empty shape).
     *
     * @throws NoSuchElementException naming the tensor and the tensors there are, if it is missing
     */
    public int[] shape(String name) {
        return tensor(name).shape().clone();
    }

    /**
     * A copy of a float32 tensor's data, row-major.
     *
     * @throws NoSuchElementException   naming the tensor and the tensors there are, if it is missing
     * @throws IllegalArgumentException if the tensor is float64
     */
    public float[] floats(String name) {
        if (tensor(name) instanceof StoredTensor.Floats f) {
            return f.data().clone();
        }
        throw wrongType(name, TensorType.FLOAT32, "doubles");
    }

    /**
     * A copy of a float64 tensor's data, row-major.
     *
     * @throws NoSuchElementException   naming the tensor and the tensors there are, if it is missing
     * @throws IllegalArgumentException if the tensor is float32
     */
    public double[] doubles(String name) {
        if (tensor(name) instanceof StoredTensor.Doubles d) {
            return d.data().clone();
        }
        throw wrongType(name, TensorType.FLOAT64, "floats");
    }

    /** The stored tensors, in order, for the file writer; their arrays must not be changed or handed out. */
    Map<String, StoredTensor> storedTensors() {
        return tensors;
    }

    private StoredTensor tensor(String name) {
        StoredTensor t = tensors.get(Objects.requireNonNull(name, "name"));
        if (t == null) {
            throw new NoSuchElementException("model file has no tensor '" + name + "' (kind '" + kind
                    + "'; tensors: " + tensors.keySet() + ")");
        }
        return t;
    }

    private IllegalArgumentException wrongType(String name, TensorType wanted, String getter) {
        return new IllegalArgumentException("tensor '" + name + "' is " + tensors.get(name).type() + ", not " + wanted
                + "; read it with " + getter + "(\"" + name + "\")");
    }

    /** Equal kind, metadata and tensors, in the same order; tensor values compared bit for bit. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ModelArchive other)
                || !kind.equals(other.kind)
                || !List.copyOf(metadata.entrySet()).equals(List.copyOf(other.metadata.entrySet()))
                || !List.copyOf(tensors.keySet()).equals(List.copyOf(other.tensors.keySet()))) {
            return false;
        }
        for (Map.Entry<String, StoredTensor> e : tensors.entrySet()) {
            if (!sameBits(e.getValue(), other.tensors.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameBits(StoredTensor a, StoredTensor b) {
        if (a.type() != b.type() || !Arrays.equals(a.shape(), b.shape())) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (a.rawBits(i) != b.rawBits(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = kind.hashCode() * 31 + List.copyOf(metadata.entrySet()).hashCode();
        for (Map.Entry<String, StoredTensor> e : tensors.entrySet()) {
            StoredTensor t = e.getValue();
            h = h * 31 + e.getKey().hashCode();
            h = h * 31 + Arrays.hashCode(t.shape());
            for (int i = 0; i < t.length(); i++) {
                h = h * 31 + Long.hashCode(t.rawBits(i));
            }
        }
        return h;
    }

    /** A summary: the kind, the metadata keys and each tensor's type and shape (no values). */
    @Override
    public String toString() {
        List<String> described = new ArrayList<>();
        tensors.forEach((name, t) -> described.add(name + " " + t.type() + Arrays.toString(t.shape())));
        return "ModelArchive[kind=" + kind + ", metadata=" + metadata.keySet() + ", tensors=" + described + "]";
    }

    /**
     * Collects the parts of a {@link ModelArchive}. Every method checks its arguments at once and copies the
     * arrays it is given; names and keys may be added only once. A builder can go on after {@link #build()}.
     */
    public static final class Builder {
        private final String kind;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private final Map<String, StoredTensor> tensors = new LinkedHashMap<>();

        private Builder(String kind) {
            Objects.requireNonNull(kind, "kind");
            if (kind.isEmpty()) {
                throw new IllegalArgumentException("kind must not be empty");
            }
            this.kind = Utf8.requireEncodable("kind '" + kind + "'", kind);
        }

        /**
         * Adds a metadata entry.
         *
         * @throws IllegalArgumentException if the key was already added or a string has an unpaired surrogate
         */
        public Builder metadata(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Utf8.requireEncodable("metadata key '" + key + "'", key);
            Utf8.requireEncodable("value of metadata '" + key + "'", value);
            if (metadata.containsKey(key)) {
                throw new IllegalArgumentException("metadata '" + key + "' was already added");
            }
            metadata.put(key, value);
            return this;
        }

        /**
         * Adds a float32 tensor; the data is copied.
         *
         * @param shape its dimensions, each at least 0, whose product must equal {@code data.length}
         *              (an empty shape holds one element)
         * @param data  the elements, row-major
         * @throws IllegalArgumentException if the name was already added, or the shape does not fit the data
         */
        public Builder floats(String name, int[] shape, float[] data) {
            Objects.requireNonNull(data, "data");
            return adopt(name, new StoredTensor.Floats(checkedShape(name, shape, data.length), data.clone()));
        }

        /** Adds a one-dimensional float32 tensor of shape {@code [data.length]}; the data is copied. */
        public Builder floats(String name, float[] data) {
            Objects.requireNonNull(data, "data");
            return floats(name, new int[] {data.length}, data);
        }

        /**
         * Adds a float64 tensor; the data is copied.
         *
         * @param shape its dimensions, each at least 0, whose product must equal {@code data.length}
         *              (an empty shape holds one element)
         * @param data  the elements, row-major
         * @throws IllegalArgumentException if the name was already added, or the shape does not fit the data
         */
        public Builder doubles(String name, int[] shape, double[] data) {
            Objects.requireNonNull(data, "data");
            return adopt(name, new StoredTensor.Doubles(checkedShape(name, shape, data.length), data.clone()));
        }

        /** Adds a one-dimensional float64 tensor of shape {@code [data.length]}; the data is copied. */
        public Builder doubles(String name, double[] data) {
            Objects.requireNonNull(data, "data");
            return doubles(name, new int[] {data.length}, data);
        }

        /**
         * Adds a tensor whose arrays the builder takes over without copying: for the file reader, which made them
         * and drops them. The shape must already be checked against the data.
         */
        Builder adopt(String name, StoredTensor tensor) {
            Objects.requireNonNull(name, "name");
            Utf8.requireEncodable("tensor name '" + name + "'", name);
            if (tensors.containsKey(name)) {
                throw new IllegalArgumentException("tensor '" + name + "' was already added");
            }
            tensors.put(name, tensor);
            return this;
        }

        /** The archive of everything added so far. */
        public ModelArchive build() {
            return new ModelArchive(this);
        }

        /** A copy of the shape, if its dimensions are all at least 0 and their product is the data's length. */
        static int[] checkedShape(String name, int[] shape, int length) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(shape, "shape");
            int[] copy = shape.clone();
            long product = 1;
            for (int d : copy) {
                if (d < 0) {
                    throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(copy)
                            + " has a negative dimension");
                }
                // Saturate: past Integer.MAX_VALUE it can no longer equal an array length.
                product = Math.min(product * d, Integer.MAX_VALUE + 1L);
            }
            if (product != length) {
                throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(copy) + " holds "
                        + (product > Integer.MAX_VALUE ? "more than " + Integer.MAX_VALUE : product)
                        + " elements but the data has " + length);
            }
            return copy;
        }
    }
}
