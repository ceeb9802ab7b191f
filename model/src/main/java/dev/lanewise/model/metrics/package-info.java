/**
 * Evaluation metrics with scikit-learn's definitions (version 1.2): regression errors and R² in
 * {@link dev.lanewise.model.metrics.RegressionMetrics}, accuracy and log-loss in
 * {@link dev.lanewise.model.metrics.ClassificationMetrics}, and per-class precision, recall and F1 in a
 * {@link dev.lanewise.model.metrics.ConfusionMatrix}.
 *
 * <p>Inputs are {@code float[]} (values, probabilities) and {@code int[]} (class labels {@code 0 .. k-1}),
 * with offsets where a batch sits inside a larger array; every sum is accumulated in double. Mismatched
 * lengths, empty inputs, labels out of range and NaN values are refused with messages that name the
 * argument and the value. Pure Java: nothing here touches the kernels.
 */
package dev.lanewise.model.metrics;
