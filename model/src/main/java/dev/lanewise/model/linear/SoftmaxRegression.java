package dev.lanewise.model.linear;

import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.estimator.Classifier;
import dev.lanewise.model.loss.Loss;
import dev.lanewise.model.loss.SoftmaxCrossEntropy;
import dev.lanewise.model.nn.Dense;
import dev.lanewise.model.nn.Sequential;
import dev.lanewise.model.nn.WeightInit;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Multinomial logistic (softmax) regression by gradient descent on the softmax cross-entropy, a logit per
 * class. Weights start at zero.
 */
public final class SoftmaxRegression extends Classifier {
    private final Loss loss = new SoftmaxCrossEntropy();

    /** Adam at lr 0.01, 100 epochs of batches of 32, standardized features. */
    public SoftmaxRegression() {
        this(OptimizerSpec.adam(AdamConfig.adam().withLr(0.01)), TrainingConfig.defaults());
    }

    public SoftmaxRegression(OptimizerSpec optimizer, TrainingConfig training) {
        super(optimizer, training);
    }

    @Override
    public String kind() {
        return "softmax-regression";
    }

    @Override
    protected Loss loss() {
        return loss;
    }

    @Override
    protected int outputsFor(Dataset train) {
        if (train.numClasses() < 2) {
            throw new IllegalArgumentException("softmax regression needs at least 2 classes, the data has " + train.numClasses());
        }
        return train.numClasses();
    }

    @Override
    protected Sequential buildNetwork(int inputs, int outputs, long seed) {
        return new Sequential(new Dense("linear", inputs, outputs, WeightInit.ZEROS, seed, false));
    }

    /** Loads a model saved by {@link #save}; refuses a file of another kind or version. */
    public static SoftmaxRegression load(Path path) throws IOException {
        SoftmaxRegression model = new SoftmaxRegression();
        model.restore(read(path, "softmax-regression"));
        return model;
    }
}
