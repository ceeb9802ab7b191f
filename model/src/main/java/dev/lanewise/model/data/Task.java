package dev.lanewise.model.data;

/** What a dataset's targets are: real numbers to predict, or class labels. */
public enum Task {
    /** One {@code float} target per row. */
    REGRESSION,
    /** One class label {@code 0..k-1} per row, named by a {@link LabelMapping}. */
    CLASSIFICATION
}
