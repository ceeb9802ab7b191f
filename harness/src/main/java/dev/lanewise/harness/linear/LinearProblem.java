package dev.lanewise.harness.linear;

import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Splits;
import dev.lanewise.model.data.Standardizer;
import dev.lanewise.model.data.TrainTestSplit;
import dev.lanewise.model.estimator.Classifier;
import dev.lanewise.model.linear.LogisticRegression;
import dev.lanewise.model.linear.SoftmaxRegression;
import dev.lanewise.model.loss.BinaryCrossEntropyWithLogits;
import dev.lanewise.model.loss.Loss;
import dev.lanewise.model.loss.SoftmaxCrossEntropy;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The two linear-model problems that the benchmark, the fit timing and the scikit-learn peer script share,
 * with one configuration each, so that an epoch in JMH is an epoch of the timed fit.
 *
 * <p>Both train with Adam at lr {@value #LR} on mini-batches of {@value #BATCH_SIZE} with an L2 penalty of
 * {@value #L2} ({@code l2/2 * |w|^2} on the mean loss: the objective of scikit-learn's {@code SGDClassifier}
 * at its default {@code alpha = 1e-4}). The penalty also keeps the optimum finite, so that a long JMH run
 * trains at a steady state instead of growing the weights of separable data without bound.
 */
public enum LinearProblem {
    /** Softmax regression on digits (1797 x 64, 10 classes), pixels / 16, not standardized. */
    DIGITS("digits", "SoftmaxRegression", 1797, 64, 10, false, 60),
    /** Logistic regression on breast cancer (569 x 30, 2 classes), standardized on the training rows. */
    BREAST_CANCER("breast_cancer", "LogisticRegression", 569, 30, 1, true, 100);

    public static final double LR = 0.01;
    public static final int BATCH_SIZE = 32;
    public static final double L2 = 1e-4;
    /** Seeds the shuffling of the mini-batches (weights start at zero). */
    public static final long SHUFFLE_SEED = 0;
    /** The held-out fraction and seed of lanewise's own stratified split (sklearn's script uses the same). */
    public static final double TEST_FRACTION = 0.2;
    public static final long SPLIT_SEED = 42;

    private final String label;
    private final String model;
    private final int rows;
    private final int features;
    private final int outputs;
    private final boolean standardize;
    private final int defaultEpochs;

    LinearProblem(String label, String model, int rows, int features, int outputs, boolean standardize, int defaultEpochs) {
        this.label = label;
        this.model = model;
        this.rows = rows;
        this.features = features;
        this.outputs = outputs;
        this.standardize = standardize;
        this.defaultEpochs = defaultEpochs;
    }

    /** The data file's name without {@code .csv}, also the name in reports and split files. */
    public String label() {
        return label;
    }

    /** The lanewise estimator's class name. */
    public String modelName() {
        return model;
    }

    public int features() {
        return features;
    }

    /** The network's output columns: a logit per class, or one for binary logistic regression. */
    public int outputs() {
        return outputs;
    }

    /** Rows of the training part of an 80/20 split: the rest after {@code ceil(0.2 * rows)} test rows. */
    public int trainRows() {
        return rows - (int) Math.ceil(TEST_FRACTION * rows);
    }

    /** Whether features are standardized (on the training rows' statistics). */
    public boolean standardized() {
        return standardize;
    }

    /** Epochs of a fit unless told otherwise: as the model tests that reach the accuracy bars. */
    public int defaultEpochs() {
        return defaultEpochs;
    }

    public static LinearProblem parse(String label) {
        for (LinearProblem p : values()) {
            if (p.label.equals(label) || p.name().equalsIgnoreCase(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("problem must be digits or breast_cancer, was " + label);
    }

    /** The whole data set as bundled (digits already divided by 16). */
    public Dataset load() throws IOException {
        return this == DIGITS ? BundledData.digits() : BundledData.breastCancer();
    }

    /**
     * The training and test rows: scikit-learn's split where {@code splitsDir} holds {@code <label>.split},
     * else lanewise's stratified 80/20 split with seed {@value #SPLIT_SEED}; then standardized where this
     * problem asks.
     *
     * @param splitsDir a folder of split files, or null
     */
    public PreparedSplit prepare(Path splitsDir) throws IOException {
        Dataset data = load();
        TrainTestSplit split;
        String description;
        if (splitsDir != null) {
            Path file = splitsDir.resolve(label + ".split");
            split = SplitIndices.read(file).apply(data);
            description = "scikit-learn's train_test_split rows (" + file.getFileName() + ")";
        } else {
            split = Splits.trainTest(data, TEST_FRACTION, SPLIT_SEED, true);
            description = "lanewise Splits.trainTest(testFraction " + TEST_FRACTION + ", seed " + SPLIT_SEED + ", stratified)";
        }
        Dataset train = split.train();
        Dataset test = split.test();
        if (standardize) {
            Standardizer scaler = Standardizer.fit(train.features());
            train = scaler.transformed(train);
            test = scaler.transformed(test);
            description += "; standardized on the training rows";
        }
        return new PreparedSplit(train, test, description);
    }

    public OptimizerSpec optimizer() {
        return OptimizerSpec.adam(AdamConfig.adam().withLr(LR));
    }

    public TrainingConfig training(int epochs) {
        return TrainingConfig.defaults().withMaxEpochs(epochs).withBatchSize(BATCH_SIZE).withL2(L2).withSeed(SHUFFLE_SEED);
    }

    public Loss loss() {
        return this == DIGITS ? new SoftmaxCrossEntropy() : new BinaryCrossEntropyWithLogits();
    }

    /** A new, unfitted model for {@code epochs} epochs; it does not standardize (see {@link #prepare}). */
    public Classifier newModel(int epochs) {
        Classifier classifier = this == DIGITS
                ? new SoftmaxRegression(optimizer(), training(epochs))
                : new LogisticRegression(optimizer(), training(epochs));
        classifier.setStandardize(false);
        return classifier;
    }
}
