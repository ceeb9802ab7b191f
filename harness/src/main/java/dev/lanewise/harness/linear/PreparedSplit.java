package dev.lanewise.harness.linear;

import dev.lanewise.model.data.Dataset;
import java.util.Objects;

/**
 * The rows a linear-model timing trains and scores on, ready to fit (standardized where the problem asks,
 * on statistics of the training rows only).
 *
 * @param train       the training rows
 * @param test        the held-out rows
 * @param description how the split was made, for the report
 */
public record PreparedSplit(Dataset train, Dataset test, String description) {
    public PreparedSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(description, "description");
    }
}
