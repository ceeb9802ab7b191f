package dev.lanewise.model.data;

import java.util.Objects;

/**
 * Per-column standardization, {@code z = (x - mean) / scale}, as scikit-learn's {@code StandardScaler}:
 * the mean and the population standard deviation (divisor {@code n}, not {@code n - 1}) of each column.
 *
 * <p>Fit it on the training split only, after splitting, and apply the same standardizer to the
 * validation and test splits: fitting on all rows would leak the held-out rows' statistics into training.
 * Store {@link #means()} and {@link #scales()} with a saved model and rebuild it with {@link #of}.
 *
 * <p>Statistics are computed in {@code double} with sklearn's corrected two-pass formula. A column is
 * treated as constant, and gets scale 1 (so it becomes all zeros rather than NaN), when sklearn 1.2 does
 * so: its variance is at most {@code (n * mean * eps)^2 + n * eps * var} with {@code eps = 2^-52}, or its
 * standard deviation is below {@code 10 * eps}. Each transformed value is computed in {@code double} and
 * rounded once to {@code float}. Immutable.
 */
public final class Standardizer {
    private static final double EPS = Math.ulp(1.0);

    private final double[] means;
    private final double[] scales;

    private Standardizer(double[] means, double[] scales) {
        this.means = means;
        this.scales = scales;
    }

    /**
     * The means and population standard deviations of the columns of {@code x}.
     *
     * @throws IllegalArgumentException if {@code x} has no rows or a column is not finite
     */
    public static Standardizer fit(Matrix x) {
        Objects.requireNonNull(x, "x");
        int n = x.rows();
        int cols = x.cols();
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit a standardizer on 0 rows");
        }
        float[] data = x.data();
        double[] sum = new double[cols];
        for (int r = 0; r < n; r++) {
            int row = x.offset() + r * x.ld();
            for (int c = 0; c < cols; c++) {
                sum[c] += data[row + c];
            }
        }
        double[] means = new double[cols];
        for (int c = 0; c < cols; c++) {
            means[c] = sum[c] / n;
        }
        // Corrected two-pass: sum(d^2) - sum(d)^2 / n cancels most of the rounding error left in the mean.
        double[] squares = new double[cols];
        double[] deviations = new double[cols];
        for (int r = 0; r < n; r++) {
            int row = x.offset() + r * x.ld();
            for (int c = 0; c < cols; c++) {
                double d = data[row + c] - means[c];
                squares[c] += d * d;
                deviations[c] += d;
            }
        }
        double[] scales = new double[cols];
        for (int c = 0; c < cols; c++) {
            double variance = (squares[c] - deviations[c] * deviations[c] / n) / n;
            if (!Double.isFinite(means[c]) || !Double.isFinite(variance)) {
                throw new IllegalArgumentException("column " + c + " must be finite, its mean was " + means[c]
                        + " and its variance " + variance);
            }
            double constantBound = n * EPS * variance + Math.pow(n * means[c] * EPS, 2);
            double scale = Math.sqrt(Math.max(variance, 0.0));
            scales[c] = variance <= constantBound || scale < 10 * EPS ? 1.0 : scale;
        }
        return new Standardizer(means, scales);
    }

    /**
     * A standardizer with the given statistics, as stored with a model.
     *
     * @throws IllegalArgumentException if the lengths differ, a mean is not finite, or a scale is not
     *                                  finite and positive
     */
    public static Standardizer of(double[] means, double[] scales) {
        Objects.requireNonNull(means, "means");
        Objects.requireNonNull(scales, "scales");
        if (means.length != scales.length) {
            throw new IllegalArgumentException(
                    "scales.length must equal means.length = " + means.length + ", was " + scales.length);
        }
        for (int c = 0; c < means.length; c++) {
            if (!Double.isFinite(means[c])) {
                throw new IllegalArgumentException("means[" + c + "] must be finite, was " + means[c]);
            }
            if (!(scales[c] > 0) || !Double.isFinite(scales[c])) {
                throw new IllegalArgumentException("scales[" + c + "] must be finite and > 0, was " + scales[c]);
            }
        }
        return new Standardizer(means.clone(), scales.clone());
    }

    /** {@link #of(double[], double[])} from {@code float} statistics. */
    public static Standardizer of(float[] means, float[] scales) {
        Objects.requireNonNull(means, "means");
        Objects.requireNonNull(scales, "scales");
        return of(widen(means), widen(scales));
    }

    /** Number of columns this standardizer applies to. */
    public int cols() {
        return means.length;
    }

    /** The column means (a copy). */
    public double[] means() {
        return means.clone();
    }

    /** The column scales, the standard deviations with constant columns at 1 (a copy). */
    public double[] scales() {
        return scales.clone();
    }

    /**
     * Standardizes {@code x} in place: {@code x[r][c] = (x[r][c] - means[c]) / scales[c]}.
     *
     * @throws IllegalArgumentException if {@code x} does not have {@link #cols()} columns
     */
    public void transform(Matrix x) {
        Objects.requireNonNull(x, "x");
        requireCols(x.cols());
        float[] data = x.data();
        for (int r = 0; r < x.rows(); r++) {
            int row = x.offset() + r * x.ld();
            for (int c = 0; c < means.length; c++) {
                data[row + c] = (float) ((data[row + c] - means[c]) / scales[c]);
            }
        }
    }

    /**
     * A new dataset with standardized features and the same targets, names and label mapping; the given
     * dataset is unchanged.
     *
     * @throws IllegalArgumentException if {@code data} does not have {@link #cols()} columns
     */
    public Dataset transformed(Dataset data) {
        Objects.requireNonNull(data, "data");
        requireCols(data.cols());
        Matrix x = data.features().copy();
        transform(x);
        return data.withFeatures(x);
    }

    private void requireCols(int cols) {
        if (cols != means.length) {
            throw new IllegalArgumentException(
                    "the standardizer was fitted on " + means.length + " columns, the input has " + cols);
        }
    }

    private static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
