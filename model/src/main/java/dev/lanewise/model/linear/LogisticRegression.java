package dev.lanewise.model.linear;

import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.estimator.Classifier;
import dev.lanewise.model.loss.BinaryCrossEntropyWithLogits;
import dev.lanewise.model.loss.Loss;
import dev.lanewise.model.nn.Dense;
import dev.lanewise.model.nn.Sequential;
import dev.lanewise.model.nn.WeightInit;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Binary logistic regression by gradient descent on the binary cross-entropy of the logits
 * ({@code BCEWithLogitsLoss}); one output column, the logit of class 1. Weights start at zero.
 */
public final class LogisticRegression extends Classifier {
    private final Loss loss = new BinaryCrossEntropyWithLogits();

    /** Adam at lr 0.01, 100 epochs of batches of 32, standardized features. */
    public LogisticRegression() {
        this(OptimizerSpec.adam(AdamConfig.adam().withLr(0.01)), TrainingConfig.defaults());
    }

    public LogisticRegression(OptimizerSpec optimizer, TrainingConfig training) {
        super(optimizer, training);
    }

    @Override
    public String kind() {
        return "logistic-regression";
    }

    @Override
    protected Loss loss() {
        return loss;
    }

    @Override
    protected int outputsFor(Dataset train) {
        if (train.numClasses() != 2) {
            throw new IllegalArgumentException("logistic regression needs 2 classes, the data has " + train.numClasses()
                    + " (use SoftmaxRegression)");
        }
        return 1;
    }

    @Override
    protected Sequential buildNetwork(int inputs, int outputs, long seed) {
        return new Sequential(new Dense("linear", inputs, outputs, WeightInit.ZEROS, seed, false));
    }

    /** Loads a model saved by {@link #save}; refuses a file of another kind or version. */
    public static LogisticRegression load(Path path) throws IOException {
        LogisticRegression model = new LogisticRegression();
        model.restore(read(path, "logistic-regression"));
        return model;
    }
}
