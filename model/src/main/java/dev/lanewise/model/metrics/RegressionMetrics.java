package dev.lanewise.model.metrics;

/**
 * Regression metrics as scikit-learn 1.2 defines them: {@code mean_squared_error}, its square root,
 * {@code mean_absolute_error} and {@code r2_score}, for one output, without sample weights.
 *
 * <p>Each takes the true and predicted values either as whole arrays of the same length or as
 * {@code n} values from an offset in each. Differences and sums are taken in double. NaN in either
 * array is refused; infinities pass through (an infinite prediction gives an infinite error).
 */
public final class RegressionMetrics {
    private RegressionMetrics() {
    }

    /** Mean squared error, {@code sum((yTrue - yPred)^2) / n}. */
    public static double mse(float[] yTrue, float[] yPred) {
        return mse(yTrue, 0, yPred, 0, length(yTrue, yPred));
    }

    /** Mean squared error of {@code n} values from {@code trueOffset} and {@code predOffset}. */
    public static double mse(float[] yTrue, int trueOffset, float[] yPred, int predOffset, int n) {
        check(yTrue, trueOffset, yPred, predOffset, n);
        return sumSquaredErrors(yTrue, trueOffset, yPred, predOffset, n) / n;
    }

    /** Root mean squared error, {@code sqrt(mse)} (sklearn's {@code mean_squared_error(squared=False)}). */
    public static double rmse(float[] yTrue, float[] yPred) {
        return Math.sqrt(mse(yTrue, yPred));
    }

    /** Root mean squared error of {@code n} values from {@code trueOffset} and {@code predOffset}. */
    public static double rmse(float[] yTrue, int trueOffset, float[] yPred, int predOffset, int n) {
        return Math.sqrt(mse(yTrue, trueOffset, yPred, predOffset, n));
    }

    /** Mean absolute error, {@code sum|yTrue - yPred| / n}. */
    public static double mae(float[] yTrue, float[] yPred) {
        return mae(yTrue, 0, yPred, 0, length(yTrue, yPred));
    }

    /** Mean absolute error of {@code n} values from {@code trueOffset} and {@code predOffset}. */
    public static double mae(float[] yTrue, int trueOffset, float[] yPred, int predOffset, int n) {
        check(yTrue, trueOffset, yPred, predOffset, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.abs((double) yTrue[trueOffset + i] - yPred[predOffset + i]);
        }
        return sum / n;
    }

    /**
     * The coefficient of determination, sklearn's {@code r2_score}: {@code 1 - SSE / SST} with
     * {@code SST = sum((yTrue - mean(yTrue))^2)}. As sklearn (its default {@code force_finite=True}): a
     * constant {@code yTrue} gives 1.0 for perfect predictions and 0.0 otherwise, instead of NaN or -inf;
     * a single sample gives NaN (sklearn warns "not well-defined with less than two samples").
     */
    public static double r2(float[] yTrue, float[] yPred) {
        return r2(yTrue, 0, yPred, 0, length(yTrue, yPred));
    }

    /** R² of {@code n} values from {@code trueOffset} and {@code predOffset}; see {@link #r2(float[], float[])}. */
    public static double r2(float[] yTrue, int trueOffset, float[] yPred, int predOffset, int n) {
        check(yTrue, trueOffset, yPred, predOffset, n);
        if (n < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += yTrue[trueOffset + i];
        }
        double mean = sum / n;
        double sst = 0;
        for (int i = 0; i < n; i++) {
            double d = yTrue[trueOffset + i] - mean;
            sst += d * d;
        }
        double sse = sumSquaredErrors(yTrue, trueOffset, yPred, predOffset, n);
        if (sse == 0) {
            return 1.0;
        }
        return sst == 0 ? 0.0 : 1 - sse / sst;
    }

    private static double sumSquaredErrors(float[] yTrue, int trueOffset, float[] yPred, int predOffset, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = (double) yTrue[trueOffset + i] - yPred[predOffset + i];
            sum += d * d;
        }
        return sum;
    }

    private static int length(float[] yTrue, float[] yPred) {
        Inputs.notNull(yTrue, "yTrue");
        Inputs.notNull(yPred, "yPred");
        return Inputs.sameLength("yTrue", yTrue.length, "yPred", yPred.length);
    }

    private static void check(float[] yTrue, int trueOffset, float[] yPred, int predOffset, int n) {
        Inputs.notNull(yTrue, "yTrue");
        Inputs.notNull(yPred, "yPred");
        Inputs.range("yTrue", yTrue.length, trueOffset, n);
        Inputs.range("yPred", yPred.length, predOffset, n);
        Inputs.noNaN("yTrue", yTrue, trueOffset, n);
        Inputs.noNaN("yPred", yPred, predOffset, n);
    }
}
