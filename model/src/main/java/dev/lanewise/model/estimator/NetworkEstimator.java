package dev.lanewise.model.estimator;

import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.LabelMapping;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.data.Standardizer;
import dev.lanewise.model.io.ModelArchive;
import dev.lanewise.model.io.ModelFiles;
import dev.lanewise.model.loss.Loss;
import dev.lanewise.model.nn.Layer;
import dev.lanewise.model.nn.Parameter;
import dev.lanewise.model.nn.Sequential;
import dev.lanewise.model.optim.Optimizer;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.Callback;
import dev.lanewise.model.train.Checkpoint;
import dev.lanewise.model.train.EpochRecord;
import dev.lanewise.model.train.History;
import dev.lanewise.model.train.Scorer;
import dev.lanewise.model.train.Trainer;
import dev.lanewise.model.train.TrainingConfig;
import dev.lanewise.model.train.TrainingStart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What every trainable model shares, in scikit-learn's habits: {@code fit} on a dataset, then predict on a
 * matrix; the network, its loss, the standardization fitted on the training rows, the label mapping of a
 * classifier, the history, and save/load. Linear models are a network of one {@code Dense} layer; an MLP is
 * more layers; both train through the one {@link Trainer}.
 */
public abstract class NetworkEstimator {
    /** Rows per forward pass at prediction time: big enough for GEMM speed, small enough for the cache. */
    private static final int PREDICT_CHUNK = 1024;

    private OptimizerSpec optimizer;
    private TrainingConfig training;
    private boolean standardize = true;
    private long seed;
    private final List<Callback> callbacks = new ArrayList<>();

    private Sequential network;
    private Standardizer standardizer;
    private LabelMapping labelMapping;
    private List<String> featureNames = List.of();
    private History history;

    protected NetworkEstimator(OptimizerSpec optimizer, TrainingConfig training) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.training = Objects.requireNonNull(training, "training");
    }

    /** The model's kind in saved files, e.g. {@code logistic-regression}. */
    public abstract String kind();

    /** The loss this model minimizes. */
    protected abstract Loss loss();

    /** The network for {@code inputs} features and {@code outputs} output columns, its weights seeded. */
    protected abstract Sequential buildNetwork(int inputs, int outputs, long seed);

    /** The number of output columns for this training data. */
    protected abstract int outputsFor(Dataset train);

    /** The metric recorded in the history each epoch. */
    protected abstract Scorer scorer();

    /** Whether this model trains on class labels. */
    protected abstract boolean isClassifier();

    /** Adds what {@link #buildNetwork} needs beyond inputs and outputs (hidden sizes, activation, ...). */
    protected void writeStructure(ModelArchive.Builder archive) {}

    // ---- configuration ----

    public OptimizerSpec optimizer() {
        return optimizer;
    }

    public NetworkEstimator setOptimizer(OptimizerSpec optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        return this;
    }

    public TrainingConfig training() {
        return training;
    }

    public NetworkEstimator setTraining(TrainingConfig training) {
        this.training = Objects.requireNonNull(training, "training");
        return this;
    }

    /** Whether features are standardized (fitted on the training rows only); on by default. */
    public NetworkEstimator setStandardize(boolean standardize) {
        this.standardize = standardize;
        return this;
    }

    /** Seeds the initial weights (the training config's seed seeds the shuffling). */
    public NetworkEstimator setSeed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Adds a callback that every later {@link #fit} calls (progress lines, checkpoints, stopping rules). */
    public NetworkEstimator addCallback(Callback callback) {
        callbacks.add(Objects.requireNonNull(callback, "callback"));
        return this;
    }

    /** Removes every callback. */
    public NetworkEstimator clearCallbacks() {
        callbacks.clear();
        return this;
    }

    /**
     * During each later {@link #fit}, saves this model every {@code epochs} epochs to
     * {@code directory/<kind>-epoch-<n>.lwmodel} (e.g. {@code logistic-regression-epoch-10.lwmodel}), each file
     * loadable by the model's {@code load}. The directory must exist.
     *
     * @return the checkpoint callback, which says which epochs it saved
     */
    public Checkpoint checkpointEvery(int epochs, Path directory) {
        Objects.requireNonNull(directory, "directory");
        Checkpoint checkpoint = Checkpoint.every(epochs, e -> directory.resolve(kind() + "-epoch-" + e + ".lwmodel"), this::save);
        addCallback(checkpoint);
        return checkpoint;
    }

    /**
     * During each later {@link #fit}, saves this model to {@code file} whenever the validation loss reaches a
     * new minimum: the file ends with the best epoch's weights. A fit without validation data is refused.
     *
     * @return the checkpoint callback, which says which epochs it saved
     */
    public Checkpoint checkpointBest(Path file) {
        Checkpoint checkpoint = Checkpoint.onBestValidationLoss(file, this::save);
        addCallback(checkpoint);
        return checkpoint;
    }

    // ---- fitting ----

    /** Fits on {@code train}, without validation data. */
    public History fit(Dataset train) {
        return fit(train, null);
    }

    /**
     * Fits on {@code train}; {@code validation} (may be null) gives the validation loss and metric per epoch
     * and early stopping. Standardization is fitted on {@code train} only and applied to both.
     */
    public History fit(Dataset train, Dataset validation) {
        Objects.requireNonNull(train, "train");
        if (validation != null && validation.cols() != train.cols()) {
            throw new IllegalArgumentException("validation has " + validation.cols() + " feature columns, train has " + train.cols());
        }
        Prepared prepared = prepare(train);
        TrainingSetup setup = prepared.setup();
        Dataset validRows = validation == null || prepared.scaler() == null ? validation : prepared.scaler().transformed(validation);
        // Publish the network once the trainer and every callback have accepted the run, before the first step:
        // a refused run leaves this model as it was, a diverged one with its last finite parameters, and a
        // checkpoint can save the model while it trains.
        List<Callback> all = new ArrayList<>(callbacks);
        all.add(new Callback() {
            @Override
            public void onTrainBegin(TrainingStart start) {
                publish(prepared);
            }

            @Override
            public boolean onEpochEnd(EpochRecord record) {
                return true;
            }
        });
        this.history = new Trainer(training).fit(setup.network(), setup.loss(), setup.optimizer(), setup.rows(), validRows,
                scorer(), all);
        return history;
    }

    private void publish(Prepared prepared) {
        this.network = prepared.setup().network();
        this.standardizer = prepared.scaler();
        this.labelMapping = prepared.train().isClassification() ? prepared.train().labelMapping() : null;
        this.featureNames = prepared.train().featureNames();
        this.history = null;
    }

    /**
     * What {@link #prepareFit} returns: the model's network at its initial (seeded) weights, a fresh optimizer
     * over its parameters, the loss, and the training rows as the network sees them (standardized when
     * standardization is on).
     */
    public record TrainingSetup(Sequential network, Loss loss, Optimizer optimizer, Dataset rows) {}

    /**
     * Does what {@link #fit} does before its first step, and no training: checks {@code train}, fits the
     * standardization on it, builds the network with its initial (seeded) weights and makes it this model's
     * (so {@link #isFitted()} is then true, and predictions use the untrained weights). For tools that drive
     * training step by step themselves, such as the learning-rate range test; {@link #fit} calls it too.
     *
     * @throws IllegalArgumentException if {@code train} is of the wrong task for this model
     */
    public TrainingSetup prepareFit(Dataset train) {
        Prepared prepared = prepare(train);
        publish(prepared);
        return prepared.setup();
    }

    /** A fit's network, optimizer and rows, and what the model keeps, before the model takes any of it. */
    private record Prepared(TrainingSetup setup, Standardizer scaler, Dataset train) {}

    private Prepared prepare(Dataset train) {
        Objects.requireNonNull(train, "train");
        if (train.isClassification() != isClassifier()) {
            throw new IllegalArgumentException(kind() + " needs a " + (isClassifier() ? "classification" : "regression")
                    + " dataset, got a " + train.task() + " one");
        }
        int outputs = outputsFor(train);
        Standardizer scaler = standardize ? Standardizer.fit(train.features()) : null;
        Dataset fitRows = scaler == null ? train : scaler.transformed(train);
        Sequential net = buildNetwork(train.cols(), outputs, seed);
        List<Parameter> params = net.parameters();
        float[][] values = new float[params.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = params.get(i).value();
        }
        return new Prepared(new TrainingSetup(net, loss(), optimizer.create(values), fitRows), scaler, train);
    }

    /** Whether {@link #fit} (or {@link #load}) has given this model parameters. */
    public boolean isFitted() {
        return network != null;
    }

    /** The history of the last fit, or null. */
    public History history() {
        return history;
    }

    /** The trained network (shared, not copied). */
    public Sequential network() {
        requireFitted();
        return network;
    }

    /** The label mapping of a fitted classifier, or null for a regressor. */
    public LabelMapping labelMapping() {
        return labelMapping;
    }

    /** The standardization fitted on the training rows, or null if it was off. */
    public Standardizer standardizer() {
        return standardizer;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    // ---- prediction ----

    /**
     * The raw network outputs (logits for a classifier), one row per input row; {@code x} is not changed.
     *
     * @throws IllegalArgumentException if {@code x} has the wrong number of columns or a NaN or infinite value
     */
    public Matrix outputs(Matrix x) {
        requireFitted();
        Objects.requireNonNull(x, "x");
        if (x.cols() != network.inputSize()) {
            throw new IllegalArgumentException("x must have " + network.inputSize() + " columns, had " + x.cols());
        }
        requireFinite(x);
        Matrix input = x.copy();
        if (standardizer != null) {
            standardizer.transform(input);
        }
        Matrix result = Matrix.zeros(x.rows(), network.outputSize());
        network.forwardInChunks(input, PREDICT_CHUNK, (from, out) -> {
            for (int r = 0; r < out.rows(); r++) {
                System.arraycopy(out.data(), out.index(r, 0), result.data(), result.index(from + r, 0), out.cols());
            }
        });
        return result;
    }

    /** The mean training loss of this model on a dataset (loss only, no penalty). */
    public double loss(Dataset data) {
        requireFitted();
        Objects.requireNonNull(data, "data");
        Dataset rows = standardizer == null ? data : standardizer.transformed(data);
        return Trainer.evaluateLoss(network, loss(), rows, PREDICT_CHUNK);
    }

    /** A NaN would come out as a silent NaN prediction (or class 0): refuse it as {@link Dataset} does. */
    private static void requireFinite(Matrix x) {
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                float v = x.get(r, c);
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("x at row " + r + ", column " + c + " must be finite, was " + v);
                }
            }
        }
    }

    protected final void requireFitted() {
        if (network == null) {
            throw new IllegalStateException(kind() + " is not fitted: call fit first (or load a saved model)");
        }
    }

    // ---- persistence ----

    /**
     * Saves the model (kind, structure, weights, standardization, labels, training config), atomically. Each
     * layer's {@link Layer#state()} (batch norm's running statistics) is saved as tensors {@code state.<key>}.
     */
    public void save(Path path) throws IOException {
        requireFitted();
        ModelArchive.Builder archive = ModelArchive.builder(kind())
                .metadata("inputs", Integer.toString(network.inputSize()))
                .metadata("outputs", Integer.toString(network.outputSize()))
                .metadata("network", network.describe())
                .metadata("loss", loss().toString())
                .metadata("optimizer", optimizer.toString())
                .metadata("training", training.toString())
                .metadata("feature_count", Integer.toString(featureNames.size()));
        for (int i = 0; i < featureNames.size(); i++) {
            archive.metadata("feature." + i, featureNames.get(i));
        }
        if (labelMapping != null) {
            archive.metadata("class_count", Integer.toString(labelMapping.numClasses()));
            for (int k = 0; k < labelMapping.numClasses(); k++) {
                archive.metadata("class." + k, labelMapping.nameOf(k));
            }
        }
        writeStructure(archive);
        for (Parameter p : network.parameters()) {
            archive.floats("param." + p.name(), p.shape(), p.value());
        }
        // Non-trainable state (batch norm's running statistics) is part of the model: without it inference differs.
        // Sorted by key, as a layer's map may iterate in any order and a file's bytes should not.
        for (Layer layer : network.layers()) {
            for (Map.Entry<String, float[]> state : new TreeMap<>(layer.state()).entrySet()) {
                archive.floats("state." + state.getKey(), state.getValue());
            }
        }
        if (standardizer != null) {
            archive.doubles("standardizer.means", standardizer.means());
            archive.doubles("standardizer.scales", standardizer.scales());
        }
        ModelFiles.save(archive.build(), path);
    }

    /**
     * Restores a saved model into this (unfitted or fitted) instance, whose structural settings must
     * already match the file's ({@code load} methods of subclasses read them first): parameters from the
     * {@code param.<name>} tensors, each layer's {@link Layer#state()} from {@code state.<key>}, written into
     * the state's arrays. Nothing is changed unless the whole file fits.
     */
    protected final void restore(ModelArchive archive) {
        archive.requireKind(kind());
        int inputs = intMetadata(archive, "inputs");
        int outputs = intMetadata(archive, "outputs");
        Sequential net = buildNetwork(inputs, outputs, 0);
        for (Parameter p : net.parameters()) {
            String name = "param." + p.name();
            float[] stored = archive.floats(name);
            if (!java.util.Arrays.equals(archive.shape(name), p.shape())) {
                throw new IllegalArgumentException("model file tensor '" + name + "' has shape "
                        + java.util.Arrays.toString(archive.shape(name)) + ", the network needs " + java.util.Arrays.toString(p.shape()));
            }
            System.arraycopy(stored, 0, p.value(), 0, stored.length);
        }
        for (Layer layer : net.layers()) {
            for (Map.Entry<String, float[]> state : layer.state().entrySet()) {
                String name = "state." + state.getKey();
                float[] stored = archive.floats(name);
                if (stored.length != state.getValue().length) {
                    throw new IllegalArgumentException("model file tensor '" + name + "' has " + stored.length
                            + " elements, layer " + layer.describe() + " keeps " + state.getValue().length);
                }
                System.arraycopy(stored, 0, state.getValue(), 0, stored.length);
            }
        }
        Standardizer scaler = archive.hasTensor("standardizer.means")
                ? Standardizer.of(archive.doubles("standardizer.means"), archive.doubles("standardizer.scales")) : null;
        List<String> features = new ArrayList<>();
        int featureCount = intMetadata(archive, "feature_count");
        for (int i = 0; i < featureCount; i++) {
            features.add(archive.metadata("feature." + i));
        }
        LabelMapping mapping = null;
        if (archive.hasMetadata("class_count")) {
            int classes = intMetadata(archive, "class_count");
            List<String> names = new ArrayList<>();
            for (int k = 0; k < classes; k++) {
                names.add(archive.metadata("class." + k));
            }
            mapping = LabelMapping.of(names);
        }
        this.network = net;
        this.standardizer = scaler;
        this.featureNames = List.copyOf(features);
        this.labelMapping = mapping;
        this.history = null;
    }

    /** Reads a model file, checking its kind. */
    protected static ModelArchive read(Path path, String kind) throws IOException {
        ModelArchive archive = ModelFiles.load(path);
        archive.requireKind(kind);
        return archive;
    }

    protected static int intMetadata(ModelArchive archive, String key) {
        String value = archive.metadata(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model file metadata '" + key + "' must be an integer, was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return kind() + (network == null ? " (not fitted)" : ": " + network.describe()) + ", " + optimizer;
    }
}
