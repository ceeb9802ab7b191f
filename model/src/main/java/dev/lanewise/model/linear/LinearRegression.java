package dev.lanewise.model.linear;

import dev.lanewise.kernels.optim.SgdConfig;
import dev.lanewise.model.estimator.Regressor;
import dev.lanewise.model.io.ModelArchive;
import dev.lanewise.model.loss.HuberLoss;
import dev.lanewise.model.loss.Loss;
import dev.lanewise.model.loss.MeanAbsoluteError;
import dev.lanewise.model.loss.MeanSquaredError;
import dev.lanewise.model.loss.RegressionLosses;
import dev.lanewise.model.nn.Dense;
import dev.lanewise.model.nn.Sequential;
import dev.lanewise.model.nn.WeightInit;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Linear regression by gradient descent, {@code y = x w + b}: least squares (MSE) by default, or the Huber or
 * absolute-error loss for targets with outliers. Weights start at zero (the problem is convex).
 */
public final class LinearRegression extends Regressor {
    private final Loss loss;

    /** Least squares with plain SGD at lr 0.01, 200 full-batch epochs, standardized features. */
    public LinearRegression() {
        this(new MeanSquaredError(), OptimizerSpec.sgd(SgdConfig.of(0.01)), TrainingConfig.defaults().withMaxEpochs(200).withFullBatch());
    }

    /** @param loss {@link MeanSquaredError}, {@link HuberLoss} or {@link MeanAbsoluteError} */
    public LinearRegression(Loss loss, OptimizerSpec optimizer, TrainingConfig training) {
        super(optimizer, training);
        this.loss = Objects.requireNonNull(loss, "loss");
        if (loss.usesLabels()) {
            throw new IllegalArgumentException("loss must be a regression loss (mse, huber, mae), was " + loss.name());
        }
    }

    @Override
    public String kind() {
        return "linear-regression";
    }

    @Override
    protected Loss loss() {
        return loss;
    }

    @Override
    protected Sequential buildNetwork(int inputs, int outputs, long seed) {
        return new Sequential(new Dense("linear", inputs, outputs, WeightInit.ZEROS, seed, false));
    }

    /** The weights, one per feature (in standardized units when standardization is on). */
    public float[] coefficients() {
        return ((Dense) network().layers().get(0)).weight().value().clone();
    }

    public float intercept() {
        return ((Dense) network().layers().get(0)).bias().value()[0];
    }

    @Override
    protected void writeStructure(ModelArchive.Builder archive) {
        RegressionLosses.write(loss, archive);
    }

    /** Loads a model saved by {@link #save}; refuses a file of another kind or version. */
    public static LinearRegression load(Path path) throws IOException {
        ModelArchive archive = read(path, "linear-regression");
        LinearRegression model = new LinearRegression(RegressionLosses.read(archive), OptimizerSpec.sgd(SgdConfig.of(0.01)), TrainingConfig.defaults());
        model.restore(archive);
        return model;
    }
}
