package dev.lanewise.model.data;

import java.util.Objects;

/**
 * A dataset split into a training part and a held-out test part; see {@link Splits#trainTest}.
 *
 * @param train the rows to fit on (and to fit a {@link Standardizer} on)
 * @param test  the held-out rows
 */
public record TrainTestSplit(Dataset train, Dataset test) {
    /** Checks that no part is null. */
    public TrainTestSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }
}
