package dev.lanewise.model.metrics;

/**
 * Classification metrics as scikit-learn 1.2 defines them: {@code accuracy_score} and {@code log_loss},
 * without sample weights. Class labels are ints {@code 0 .. k-1}; per-class precision, recall and F1 are
 * in {@link ConfusionMatrix}.
 *
 * <p>Log-loss clips each probability to {@code [eps, 1 - eps]} with {@link #LOG_LOSS_EPS} = 1e-15, then
 * divides each row by its sum, as sklearn does. sklearn 1.2's own default is {@code eps="auto"} (the
 * input dtype's machine epsilon: 2.2e-16 for float64, 1.2e-7 for float32); 1e-15 was the default before
 * 1.2, so these values are sklearn 1.2's {@code log_loss(..., eps=1e-15)} on the probabilities widened to
 * float64. The clip bounds a confidently wrong sample's loss at about {@code -ln(1e-15)} = 34.5 (34.54 for a
 * wrong 1 of class 0, whose {@code 1 - (1 - 1e-15)} is 9.992e-16 in double, exactly as in sklearn).
 */
public final class ClassificationMetrics {
    /** The clipping bound of {@link #logLoss}: sklearn's {@code eps=1e-15}. */
    public static final double LOG_LOSS_EPS = 1e-15;

    private ClassificationMetrics() {
    }

    /** The fraction of samples whose predicted label equals the true one; labels must be {@code >= 0}. */
    public static double accuracy(int[] yTrue, int[] yPred) {
        Inputs.notNull(yTrue, "yTrue");
        Inputs.notNull(yPred, "yPred");
        return accuracy(yTrue, 0, yPred, 0, Inputs.sameLength("yTrue", yTrue.length, "yPred", yPred.length));
    }

    /** The accuracy of {@code n} labels from {@code trueOffset} and {@code predOffset}. */
    public static double accuracy(int[] yTrue, int trueOffset, int[] yPred, int predOffset, int n) {
        Inputs.notNull(yTrue, "yTrue");
        Inputs.notNull(yPred, "yPred");
        Inputs.range("yTrue", yTrue.length, trueOffset, n);
        Inputs.range("yPred", yPred.length, predOffset, n);
        Inputs.labels("yTrue", yTrue, trueOffset, n, Integer.MAX_VALUE);
        Inputs.labels("yPred", yPred, predOffset, n, Integer.MAX_VALUE);
        long correct = 0;
        for (int i = 0; i < n; i++) {
            if (yTrue[trueOffset + i] == yPred[predOffset + i]) {
                correct++;
            }
        }
        return (double) correct / n;
    }

    /**
     * Binary log-loss (cross-entropy) from the probabilities of class 1:
     * {@code -mean(y * ln(p) + (1 - y) * ln(1 - p))}, clipped and renormalized as sklearn does.
     *
     * @param yTrue      labels, each 0 or 1
     * @param probaOfOne the predicted probability of class 1 per sample, each in {@code [0, 1]}
     */
    public static double logLoss(int[] yTrue, float[] probaOfOne) {
        Inputs.notNull(yTrue, "yTrue");
        Inputs.notNull(probaOfOne, "probaOfOne");
        return logLoss(yTrue, 0, probaOfOne, 0,
                Inputs.sameLength("yTrue", yTrue.length, "probaOfOne", probaOfOne.length));
    }

    /** Binary log-loss of {@code n} samples from {@code trueOffset} and {@code probaOffset}. */
    public static double logLoss(int[] yTrue, int trueOffset, float[] probaOfOne, int probaOffset, int n) {
        Inputs.notNull(yTrue, "yTrue");
        Inputs.notNull(probaOfOne, "probaOfOne");
        Inputs.range("yTrue", yTrue.length, trueOffset, n);
        Inputs.range("probaOfOne", probaOfOne.length, probaOffset, n);
        Inputs.labels("yTrue", yTrue, trueOffset, n, 2);
        Inputs.probabilities("probaOfOne", probaOfOne, probaOffset, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double one = clip(probaOfOne[probaOffset + i]);
            double zero = 1 - one;
            // sklearn builds the two columns [1 - p, p] and divides by their (rounded) sum
            sum -= Math.log((yTrue[trueOffset + i] == 1 ? one : zero) / (zero + one));
        }
        return sum / n;
    }

    /**
     * Multiclass log-loss from a row-major {@code n x numClasses} probability matrix, {@code n} being
     * {@code yTrue.length}: {@code -mean(ln(p[i][yTrue[i]]))} after clipping each probability and dividing
     * each row by its sum, as sklearn does (rows need not sum to 1 exactly).
     *
     * @param yTrue      labels in {@code [0, numClasses)}
     * @param proba      the probabilities, row {@code i} at {@code [i * numClasses, (i + 1) * numClasses)},
     *                   each in {@code [0, 1]}
     * @param numClasses the number of classes, {@code >= 2}
     */
    public static double logLoss(int[] yTrue, float[] proba, int numClasses) {
        Inputs.notNull(yTrue, "yTrue");
        Inputs.notNull(proba, "proba");
        checkClasses(numClasses);
        if ((long) yTrue.length * numClasses != proba.length) {
            throw new IllegalArgumentException("proba must hold yTrue.length * numClasses = " + yTrue.length + " * "
                    + numClasses + " values, had " + proba.length);
        }
        return logLoss(yTrue, 0, proba, 0, yTrue.length, numClasses);
    }

    /**
     * Multiclass log-loss of {@code n} samples: labels from {@code trueOffset}, and {@code n} contiguous rows
     * of {@code numClasses} probabilities from {@code probaOffset}.
     */
    public static double logLoss(int[] yTrue, int trueOffset, float[] proba, int probaOffset, int n, int numClasses) {
        Inputs.notNull(yTrue, "yTrue");
        Inputs.notNull(proba, "proba");
        checkClasses(numClasses);
        Inputs.range("yTrue", yTrue.length, trueOffset, n);
        if ((long) n * numClasses > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("n * numClasses = " + n + " * " + numClasses + " overflows an array");
        }
        Inputs.range("proba", proba.length, probaOffset, n * numClasses);
        Inputs.labels("yTrue", yTrue, trueOffset, n, numClasses);
        Inputs.probabilities("proba", proba, probaOffset, n * numClasses);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int row = probaOffset + i * numClasses;
            double rowSum = 0;
            for (int c = 0; c < numClasses; c++) {
                rowSum += clip(proba[row + c]);
            }
            sum -= Math.log(clip(proba[row + yTrue[trueOffset + i]]) / rowSum);
        }
        return sum / n;
    }

    private static double clip(float p) {
        return Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    }

    private static void checkClasses(int numClasses) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses must be >= 2, was " + numClasses);
        }
    }
}
