package dev.lanewise.model.train;

import java.util.Objects;

/**
 * What a {@link Callback} learns before the first epoch.
 *
 * @param config         the training configuration (max epochs, batch size, stopping rules, ...)
 * @param trainRows      rows of training data
 * @param validationRows rows of validation data, 0 without validation data
 * @param metricName     the metric recorded each epoch (e.g. {@code accuracy}), empty without one
 */
public record TrainingStart(TrainingConfig config, int trainRows, int validationRows, String metricName) {

    public TrainingStart {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(metricName, "metricName");
        if (trainRows < 1) {
            throw new IllegalArgumentException("trainRows must be >= 1, was " + trainRows);
        }
        if (validationRows < 0) {
            throw new IllegalArgumentException("validationRows must be >= 0, was " + validationRows);
        }
    }

    /** Whether each epoch has a validation loss. */
    public boolean hasValidation() {
        return validationRows > 0;
    }
}
