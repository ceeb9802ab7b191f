package dev.lanewise.model.nn;

import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.estimator.Classifier;
import dev.lanewise.model.io.ModelArchive;
import dev.lanewise.model.loss.BinaryCrossEntropyWithLogits;
import dev.lanewise.model.loss.Loss;
import dev.lanewise.model.loss.SoftmaxCrossEntropy;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A multilayer perceptron classifier ({@link MlpArchitecture}: hidden dense layers with an activation, optional
 * batch norm, dropout and weight normalization), trained by the one {@link dev.lanewise.model.train.Trainer}.
 *
 * <p>Output and loss follow the number of classes: with 3 or more classes the output layer has a logit per
 * class and the loss is the softmax cross-entropy ({@code CrossEntropyLoss}); with 2 it has one output, the
 * logit of class 1, and the loss is the binary cross-entropy of that logit ({@code BCEWithLogitsLoss}), as
 * {@code LogisticRegression} has, and as scikit-learn's {@code MLPClassifier} does with its single logistic
 * output. {@link #predictProba} gives two columns either way.
 *
 * <p>Defaults are scikit-learn's, see {@link MlpDefaults}. The structure settings ({@link #setActivation} and
 * the others) apply at the next {@link #fit}; a fitted model keeps, and saves, the structure it was fitted with.
 */
public final class MlpClassifier extends Classifier implements MlpStructure<MlpClassifier> {
    static final String KIND = "mlp-classifier";

    private MlpArchitecture architecture;
    /** The structure of the fitted (or loaded) network, which {@link #save} writes. */
    private MlpArchitecture built;
    private Loss loss = new SoftmaxCrossEntropy();

    /** One hidden layer of 100 ReLU units, Adam at lr 1e-3, batches of 200, at most 200 epochs ({@link MlpDefaults}). */
    public MlpClassifier() {
        this(MlpDefaults.optimizer(), MlpDefaults.training(), MlpDefaults.hiddenSizes());
    }

    /** Hidden layers of these widths, with the default optimizer and training ({@link MlpDefaults}). */
    public MlpClassifier(int... hiddenSizes) {
        this(MlpDefaults.optimizer(), MlpDefaults.training(), hiddenSizes);
    }

    /**
     * @param hiddenSizes the width of each hidden layer, input side first; at least one, each &gt;= 1
     */
    public MlpClassifier(OptimizerSpec optimizer, TrainingConfig training, int... hiddenSizes) {
        super(optimizer, training);
        this.architecture = MlpArchitecture.of(hiddenSizes);
    }

    @Override
    public MlpArchitecture architecture() {
        return architecture;
    }

    @Override
    public MlpClassifier setArchitecture(MlpArchitecture architecture) {
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
    protected int outputsFor(Dataset train) {
        int classes = train.numClasses();
        if (classes < 2) {
            throw new IllegalArgumentException("an MLP classifier needs at least 2 classes, the data has " + classes);
        }
        return classes == 2 ? 1 : classes;
    }

    @Override
    protected Sequential buildNetwork(int inputs, int outputs, long seed) {
        Sequential network = architecture.build(inputs, outputs, seed);
        built = architecture;
        loss = outputs == 1 ? new BinaryCrossEntropyWithLogits() : new SoftmaxCrossEntropy();
        return network;
    }

    @Override
    protected void writeStructure(ModelArchive.Builder archive) {
        built.write(archive);
    }

    /** Loads a model saved by {@link #save}; refuses a file of another kind or version. */
    public static MlpClassifier load(Path path) throws IOException {
        ModelArchive archive = read(path, KIND);
        MlpClassifier model = new MlpClassifier();
        model.setArchitecture(MlpArchitecture.read(archive));
        model.restore(archive);
        return model;
    }
}
