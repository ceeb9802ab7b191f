package dev.lanewise.model.metrics;

import java.util.Arrays;
import java.util.Locale;

/**
 * A {@code k x k} confusion matrix as scikit-learn's {@code confusion_matrix(y_true, y_pred,
 * labels=range(k))}: row = true class, column = predicted class; with the per-class precision, recall
 * and F1 of {@code precision_recall_fscore_support(..., labels=range(k), zero_division=0)} and their
 * unweighted (macro) means over all {@code k} classes, including classes that occur in neither labels
 * nor predictions.
 *
 * <p>A ratio whose denominator is 0 (precision of a class never predicted, recall of a class that never
 * occurs, F1 when precision and recall are both 0) is 0, which is what sklearn returns by default (with
 * an {@code UndefinedMetricWarning}). Immutable.
 */
public final class ConfusionMatrix {
    private final int numClasses;
    private final long[] counts; // row-major: counts[t * numClasses + p]
    private final long total;

    private ConfusionMatrix(int numClasses, long[] counts, long total) {
        this.numClasses = numClasses;
        this.counts = counts;
        this.total = total;
    }

    /**
     * Counts each (true, predicted) pair of two label arrays of the same, non-zero length.
     *
     * @param numClasses the number of classes {@code k}, {@code >= 1}; labels lie in {@code [0, k)}
     */
    public static ConfusionMatrix of(int numClasses, int[] yTrue, int[] yPred) {
        Inputs.notNull(yTrue, "yTrue");
        Inputs.notNull(yPred, "yPred");
        return of(numClasses, yTrue, 0, yPred, 0, Inputs.sameLength("yTrue", yTrue.length, "yPred", yPred.length));
    }

    /** Counts {@code n} (true, predicted) pairs from {@code trueOffset} and {@code predOffset}. */
    public static ConfusionMatrix of(int numClasses, int[] yTrue, int trueOffset, int[] yPred, int predOffset, int n) {
        if (numClasses < 1 || numClasses > 46_340) { // k * k must fit an array
            throw new IllegalArgumentException("numClasses must be in [1, 46340], was " + numClasses);
        }
        Inputs.notNull(yTrue, "yTrue");
        Inputs.notNull(yPred, "yPred");
        Inputs.range("yTrue", yTrue.length, trueOffset, n);
        Inputs.range("yPred", yPred.length, predOffset, n);
        Inputs.labels("yTrue", yTrue, trueOffset, n, numClasses);
        Inputs.labels("yPred", yPred, predOffset, n, numClasses);
        long[] counts = new long[numClasses * numClasses];
        for (int i = 0; i < n; i++) {
            counts[yTrue[trueOffset + i] * numClasses + yPred[predOffset + i]]++;
        }
        return new ConfusionMatrix(numClasses, counts, n);
    }

    /** The number of classes {@code k}. */
    public int numClasses() {
        return numClasses;
    }

    /** How many samples of class {@code trueClass} were predicted as {@code predictedClass}. */
    public long count(int trueClass, int predictedClass) {
        checkClass("trueClass", trueClass);
        checkClass("predictedClass", predictedClass);
        return counts[trueClass * numClasses + predictedClass];
    }

    /** The number of samples counted. */
    public long total() {
        return total;
    }

    /** How many samples truly are of class {@code c} (its row sum; sklearn's "support"). */
    public long support(int c) {
        checkClass("c", c);
        long sum = 0;
        for (int p = 0; p < numClasses; p++) {
            sum += counts[c * numClasses + p];
        }
        return sum;
    }

    /** How many samples were predicted as class {@code c} (its column sum). */
    public long predicted(int c) {
        checkClass("c", c);
        long sum = 0;
        for (int t = 0; t < numClasses; t++) {
            sum += counts[t * numClasses + c];
        }
        return sum;
    }

    /** The fraction of samples on the diagonal. */
    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < numClasses; c++) {
            correct += counts[c * numClasses + c];
        }
        return (double) correct / total;
    }

    /** True positives over predicted positives of class {@code c}; 0 if {@code c} was never predicted. */
    public double precision(int c) {
        return ratio(counts[index(c)], predicted(c));
    }

    /** True positives over actual members of class {@code c}; 0 if {@code c} never occurs. */
    public double recall(int c) {
        return ratio(counts[index(c)], support(c));
    }

    /** The harmonic mean of precision and recall of class {@code c}; 0 if both are 0. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        double denominator = p + r;
        // sklearn's operation order: (1 + beta^2) * p * r / (beta^2 * p + r), with beta = 1
        return denominator == 0 ? 0 : 2 * p * r / denominator;
    }

    /** The mean of {@link #precision} over all classes. */
    public double macroPrecision() {
        double sum = 0;
        for (int c = 0; c < numClasses; c++) {
            sum += precision(c);
        }
        return sum / numClasses;
    }

    /** The mean of {@link #recall} over all classes. */
    public double macroRecall() {
        double sum = 0;
        for (int c = 0; c < numClasses; c++) {
            sum += recall(c);
        }
        return sum / numClasses;
    }

    /** The mean of {@link #f1} over all classes (sklearn's {@code f1_score(average="macro")}). */
    public double macroF1() {
        double sum = 0;
        for (int c = 0; c < numClasses; c++) {
            sum += f1(c);
        }
        return sum / numClasses;
    }

    /** A copy of the counts, {@code [trueClass][predictedClass]}. */
    public long[][] toArray() {
        long[][] out = new long[numClasses][];
        for (int t = 0; t < numClasses; t++) {
            out[t] = Arrays.copyOfRange(counts, t * numClasses, (t + 1) * numClasses);
        }
        return out;
    }

    /**
     * The counts as a table (rows true, columns predicted), then precision, recall, F1 and support per
     * class and their macro means, with four decimals, for a command line's report.
     */
    @Override
    public String toString() {
        int width = Math.max(5, Long.toString(total).length() + 1);
        String cell = "%" + width + "s";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "confusion matrix: %d samples, %d classes, accuracy %.4f%n", total,
                numClasses, accuracy()));
        sb.append(String.format(Locale.ROOT, "%10s", "true\\pred"));
        for (int p = 0; p < numClasses; p++) {
            sb.append(String.format(Locale.ROOT, cell, p));
        }
        sb.append(System.lineSeparator());
        for (int t = 0; t < numClasses; t++) {
            sb.append(String.format(Locale.ROOT, "%10d", t));
            for (int p = 0; p < numClasses; p++) {
                sb.append(String.format(Locale.ROOT, cell, counts[t * numClasses + p]));
            }
            sb.append(System.lineSeparator());
        }
        sb.append(String.format(Locale.ROOT, "%n%10s%11s%11s%11s%11s%n", "class", "precision", "recall", "f1",
                "support"));
        for (int c = 0; c < numClasses; c++) {
            sb.append(String.format(Locale.ROOT, "%10d%11.4f%11.4f%11.4f%11d%n", c, precision(c), recall(c), f1(c),
                    support(c)));
        }
        sb.append(String.format(Locale.ROOT, "%10s%11.4f%11.4f%11.4f%11d", "macro", macroPrecision(), macroRecall(),
                macroF1(), total));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && m.numClasses == numClasses && Arrays.equals(m.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * numClasses + Arrays.hashCode(counts);
    }

    private int index(int c) {
        checkClass("c", c);
        return c * numClasses + c;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private void checkClass(String name, int c) {
        if (c < 0 || c >= numClasses) {
            throw new IllegalArgumentException(name + " must be in [0, " + numClasses + "), was " + c);
        }
    }
}
