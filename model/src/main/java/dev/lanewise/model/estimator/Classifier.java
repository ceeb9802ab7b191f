package dev.lanewise.model.estimator;

import dev.lanewise.kernels.activation.Activations;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.Scorer;
import dev.lanewise.model.train.TrainingConfig;

/**
 * A model that predicts a class per row. A binary classifier has one output column of logits (the class-1
 * logit, through a sigmoid); a multiclass one has a logit per class (through a softmax).
 */
public abstract class Classifier extends NetworkEstimator {

    protected Classifier(OptimizerSpec optimizer, TrainingConfig training) {
        super(optimizer, training);
    }

    /** The class probabilities, {@code rows x numClasses} (two columns for a binary classifier). */
    public Matrix predictProba(Matrix x) {
        Matrix logits = outputs(x);
        int n = logits.rows();
        if (logits.cols() == 1) {
            float[] p1 = new float[n];
            Activations.sigmoid(n, logits.data(), 0, p1, 0);
            Matrix proba = Matrix.zeros(n, 2);
            for (int r = 0; r < n; r++) {
                proba.set(r, 0, 1 - p1[r]);
                proba.set(r, 1, p1[r]);
            }
            return proba;
        }
        Matrix proba = Matrix.zeros(n, logits.cols());
        Activations.softmax(n, logits.cols(), logits.cols(), logits.data(), 0, proba.data(), 0);
        return proba;
    }

    /** The most probable class index (0..k-1) per row; {@link #labelMapping()} names them. */
    public int[] predict(Matrix x) {
        return argmaxRows(outputs(x));
    }

    /** The most probable class per row, by its original label. */
    public String[] predictLabels(Matrix x) {
        int[] classes = predict(x);
        String[] labels = new String[classes.length];
        for (int r = 0; r < classes.length; r++) {
            labels[r] = labelMapping().nameOf(classes[r]);
        }
        return labels;
    }

    /** The number of classes the fitted model tells apart. */
    public int numClasses() {
        requireFitted();
        return labelMapping().numClasses();
    }

    static int[] argmaxRows(Matrix logits) {
        int[] classes = new int[logits.rows()];
        for (int r = 0; r < classes.length; r++) {
            if (logits.cols() == 1) {
                classes[r] = logits.get(r, 0) > 0 ? 1 : 0;
            } else {
                classes[r] = dev.lanewise.kernels.blas.Blas.argmax(logits.cols(), logits.data(), logits.index(r, 0));
            }
        }
        return classes;
    }

    @Override
    protected final boolean isClassifier() {
        return true;
    }

    @Override
    protected Scorer scorer() {
        return Scorers.ACCURACY;
    }
}
