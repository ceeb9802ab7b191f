package dev.lanewise.model.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rows of numeric features with one target per row: a {@code float} for {@link Task#REGRESSION}, or a
 * class label {@code 0..k-1} with its {@link LabelMapping} for {@link Task#CLASSIFICATION}.
 *
 * <p>Construction refuses a NaN or infinite feature or target (the message names the row and column),
 * a label outside {@code 0..k-1}, and lengths that do not match, so a trainer can rely on finite inputs.
 *
 * <p>To stay cheap the dataset does not copy: the factories take the given arrays as they are (a
 * features matrix that is not {@linkplain Matrix#isDense() dense} is compacted into a dense copy), and
 * {@link #features()}, {@link #targets()} and {@link #labels()} return the dataset's own storage. Treat
 * them as read-only: nothing in lanewise writes to them, and a caller who does changes the dataset.
 * Operations that change values ({@link #select}, {@link Standardizer#transformed}) return a new dataset.
 */
public final class Dataset {
    private final Task task;
    private final Matrix features;
    private final float[] targets;
    private final int[] labels;
    private final LabelMapping labelMapping;
    private final List<String> featureNames;

    private Dataset(Task task, Matrix features, float[] targets, int[] labels, LabelMapping labelMapping,
                    List<String> featureNames) {
        this.task = task;
        this.features = features;
        this.targets = targets;
        this.labels = labels;
        this.labelMapping = labelMapping;
        this.featureNames = featureNames;
    }

    /**
     * A regression dataset: row {@code i} of {@code x} has target {@code y[i]}.
     *
     * @param featureNames one name per column of {@code x}
     * @throws IllegalArgumentException if the lengths disagree or a feature or target is NaN or infinite
     */
    public static Dataset regression(Matrix x, float[] y, List<String> featureNames) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        List<String> names = checkNames(featureNames, x.cols());
        requireLength("y", y.length, x.rows());
        requireFinite(x, names);
        for (int r = 0; r < y.length; r++) {
            if (!Float.isFinite(y[r])) {
                throw new IllegalArgumentException("target at row " + r + " must be finite, was " + y[r]);
            }
        }
        return new Dataset(Task.REGRESSION, dense(x), y, null, null, names);
    }

    /** A regression dataset whose columns are named {@code feature_0, feature_1, ...}. */
    public static Dataset regression(Matrix x, float[] y) {
        Objects.requireNonNull(x, "x");
        return regression(x, y, numberedNames(x.cols()));
    }

    /**
     * A classification dataset: row {@code i} of {@code x} belongs to class {@code labels[i]}, named
     * {@code mapping.nameOf(labels[i])}.
     *
     * @param featureNames one name per column of {@code x}
     * @throws IllegalArgumentException if the lengths disagree, a feature is NaN or infinite, or a label is
     *                                  outside {@code 0..mapping.numClasses()-1}
     */
    public static Dataset classification(Matrix x, int[] labels, LabelMapping mapping, List<String> featureNames) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(mapping, "mapping");
        List<String> names = checkNames(featureNames, x.cols());
        requireLength("labels", labels.length, x.rows());
        requireFinite(x, names);
        int k = mapping.numClasses();
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] < 0 || labels[r] >= k) {
                throw new IllegalArgumentException(
                        "label at row " + r + " must be in 0.." + (k - 1) + " (the mapping's classes), was " + labels[r]);
            }
        }
        return new Dataset(Task.CLASSIFICATION, dense(x), null, labels, mapping, names);
    }

    /** A classification dataset whose columns are named {@code feature_0, feature_1, ...}. */
    public static Dataset classification(Matrix x, int[] labels, LabelMapping mapping) {
        Objects.requireNonNull(x, "x");
        return classification(x, labels, mapping, numberedNames(x.cols()));
    }

    /** Regression or classification. */
    public Task task() {
        return task;
    }

    /** Whether the targets are class labels. */
    public boolean isClassification() {
        return task == Task.CLASSIFICATION;
    }

    /** Number of rows (samples). */
    public int rows() {
        return features.rows();
    }

    /** Number of feature columns. */
    public int cols() {
        return features.cols();
    }

    /** The features, one row per sample; always dense ({@code ld == cols}). Shared: treat as read-only. */
    public Matrix features() {
        return features;
    }

    /**
     * The regression targets, one per row. Shared: treat as read-only.
     *
     * @throws IllegalStateException on a classification dataset
     */
    public float[] targets() {
        if (targets == null) {
            throw new IllegalStateException("a classification dataset has labels(), not targets()");
        }
        return targets;
    }

    /**
     * The class labels {@code 0..numClasses()-1}, one per row. Shared: treat as read-only.
     *
     * @throws IllegalStateException on a regression dataset
     */
    public int[] labels() {
        requireClassification();
        return labels;
    }

    /**
     * The names of the classes.
     *
     * @throws IllegalStateException on a regression dataset
     */
    public LabelMapping labelMapping() {
        requireClassification();
        return labelMapping;
    }

    /**
     * Number of classes (of the mapping, whether or not every class occurs in this dataset).
     *
     * @throws IllegalStateException on a regression dataset
     */
    public int numClasses() {
        return labelMapping().numClasses();
    }

    /**
     * How many rows each class has, indexed by class.
     *
     * @throws IllegalStateException on a regression dataset
     */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** One name per feature column (unmodifiable). */
    public List<String> featureNames() {
        return featureNames;
    }

    /**
     * A new dataset of the given rows, in the given order, copied (a row may appear more than once).
     * Used by the splits and k-fold.
     *
     * @throws IndexOutOfBoundsException if an index is outside {@code 0..rows()-1}
     */
    public Dataset select(int[] rowIndices) {
        Objects.requireNonNull(rowIndices, "rowIndices");
        int n = rows();
        for (int index : rowIndices) {
            Objects.checkIndex(index, n);
        }
        int cols = cols();
        float[] x = new float[rowIndices.length * cols];
        float[] src = features.data();
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(src, features.offset() + rowIndices[i] * cols, x, i * cols, cols);
        }
        Matrix selected = Matrix.wrap(x, rowIndices.length, cols);
        if (isClassification()) {
            int[] y = new int[rowIndices.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = labels[rowIndices[i]];
            }
            return new Dataset(task, selected, null, y, labelMapping, featureNames);
        }
        float[] y = new float[rowIndices.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = targets[rowIndices[i]];
        }
        return new Dataset(task, selected, y, null, null, featureNames);
    }

    /** The same targets and names with other features of the same shape; for {@link Standardizer}. */
    Dataset withFeatures(Matrix newFeatures) {
        if (newFeatures.rows() != rows() || newFeatures.cols() != cols()) {
            throw new IllegalArgumentException("features must be " + rows() + " x " + cols() + ", was "
                    + newFeatures.rows() + " x " + newFeatures.cols());
        }
        requireFinite(newFeatures, featureNames);
        return new Dataset(task, dense(newFeatures), targets, labels, labelMapping, featureNames);
    }

    @Override
    public String toString() {
        return "Dataset[" + task + ", " + rows() + " x " + cols()
                + (isClassification() ? ", " + numClasses() + " classes" : "") + "]";
    }

    private void requireClassification() {
        if (labels == null) {
            throw new IllegalStateException("a regression dataset has targets(), not labels()");
        }
    }

    private static Matrix dense(Matrix x) {
        return x.isDense() ? x : x.copy();
    }

    private static void requireLength(String name, int length, int rows) {
        if (length != rows) {
            throw new IllegalArgumentException(name + ".length must equal x.rows() = " + rows + ", was " + length);
        }
    }

    private static void requireFinite(Matrix x, List<String> names) {
        float[] data = x.data();
        for (int r = 0; r < x.rows(); r++) {
            int start = x.offset() + r * x.ld();
            for (int c = 0; c < x.cols(); c++) {
                if (!Float.isFinite(data[start + c])) {
                    throw new IllegalArgumentException(
                            "feature at row " + r + ", column " + c + " '" + names.get(c) + "' must be finite, was " + data[start + c]);
                }
            }
        }
    }

    private static List<String> checkNames(List<String> featureNames, int cols) {
        Objects.requireNonNull(featureNames, "featureNames");
        if (featureNames.size() != cols) {
            throw new IllegalArgumentException(
                    "featureNames must have one name per column (" + cols + "), had " + featureNames.size());
        }
        return List.copyOf(featureNames); // refuses null names
    }

    private static List<String> numberedNames(int cols) {
        List<String> names = new ArrayList<>(cols);
        for (int c = 0; c < cols; c++) {
            names.add("feature_" + c);
        }
        return names;
    }
}
