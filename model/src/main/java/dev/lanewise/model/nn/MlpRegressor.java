package dev.lanewise.model.nn;

import dev.lanewise.model.estimator.Regressor;
import dev.lanewise.model.io.ModelArchive;
import dev.lanewise.model.loss.HuberLoss;
import dev.lanewise.model.loss.Loss;
import dev.lanewise.model.loss.MeanAbsoluteError;
import dev.lanewise.model.loss.MeanSquaredError;
import dev.lanewise.model.loss.RegressionLosses;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A multilayer perceptron regressor ({@link MlpArchitecture}) with one linear output, trained by the one
 * {@link dev.lanewise.model.train.Trainer} on the mean squared error by default, or the Huber or absolute error.
 *
 * <p>Defaults are scikit-learn's, see {@link MlpDefaults}. Features are standardized, targets are not (as in
 * scikit-learn): targets far from unit scale train faster once the caller scales them. The structure settings
 * apply at the next {@link #fit}; a fitted model keeps, and saves, the structure it was fitted with.
 */
public final class MlpRegressor extends Regressor implements MlpStructure<MlpRegressor> {
    static final String KIND = "mlp-regressor";

    private final Loss loss;
    private MlpArchitecture architecture;
    /** The structure of the fitted (or loaded) network, which {@link #save} writes. */
    private MlpArchitecture built;

    /** One hidden layer of 100 ReLU units, MSE, Adam at lr 1e-3, batches of 200, at most 200 epochs ({@link MlpDefaults}). */
    public MlpRegressor() {
        this(new MeanSquaredError(), MlpDefaults.optimizer(), MlpDefaults.training(), MlpDefaults.hiddenSizes());
    }

    /** Hidden layers of these widths, MSE, the default optimizer and training ({@link MlpDefaults}). */
    public MlpRegressor(int... hiddenSizes) {
        this(new MeanSquaredError(), MlpDefaults.optimizer(), MlpDefaults.training(), hiddenSizes);
    }

    /**
     * @param loss        {@link MeanSquaredError}, {@link HuberLoss} or {@link MeanAbsoluteError}
     * @param hiddenSizes the width of each hidden layer, input side first; at least one, each &gt;= 1
     */
    public MlpRegressor(Loss loss, OptimizerSpec optimizer, TrainingConfig training, int... hiddenSizes) {
        super(optimizer, training);
        this.loss = Objects.requireNonNull(loss, "loss");
        if (loss.usesLabels()) {
            throw new IllegalArgumentException("loss must be a regression loss (mse, huber, mae), was " + loss.name());
        }
        this.architecture = MlpArchitecture.of(hiddenSizes);
    }

    @Override
    public MlpArchitecture architecture() {
        return architecture;
    }

    @Override
    public MlpRegressor setArchitecture(MlpArchitecture architecture) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        return this;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    protected Loss loss() {
        return loss;
    }

    @Override
    protected Sequential buildNetwork(int inputs, int outputs, long seed) {
        Sequential network = architecture.build(inputs, outputs, seed);
        built = architecture;
        return network;
    }

    @Override
    protected void writeStructure(ModelArchive.Builder archive) {
        built.write(archive);
        RegressionLosses.write(loss, archive);
    }

    /** Loads a model saved by {@link #save}; refuses a file of another kind or version. */
    public static MlpRegressor load(Path path) throws IOException {
        ModelArchive archive = read(path, KIND);
        MlpRegressor model = new MlpRegressor(RegressionLosses.read(archive), MlpDefaults.optimizer(), MlpDefaults.training(), MlpDefaults.hiddenSizes());
        model.setArchitecture(MlpArchitecture.read(archive));
        model.restore(archive);
        return model;
    }
}
