package dev.lanewise.model.data;

import java.util.Objects;

/**
 * A dataset split into training, validation and test parts; see {@link Splits#trainValidationTest}.
 *
 * @param train      the rows to fit on (and to fit a {@link Standardizer} on)
 * @param validation the rows for early stopping and model selection
 * @param test       the rows for the final, untouched estimate
 */
public record TrainValidationTestSplit(Dataset train, Dataset validation, Dataset test) {
    /** Checks that no part is null. */
    public TrainValidationTestSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
    }
}
