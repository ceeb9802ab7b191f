package dev.lanewise.model.data;

import java.util.Objects;

/**
 * One fold of a k-fold cross-validation: the row indices to train on and the row indices to test on,
 * each in ascending order, disjoint, together covering every row. Arrays are compared by identity, as in
 * any record; use {@link Dataset#select} to get the rows.
 *
 * @param train the training rows' indices, ascending
 * @param test  the test rows' indices, ascending
 */
public record Fold(int[] train, int[] test) {
    /** Checks that neither array is null. */
    public Fold {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }
}
