package dev.lanewise.harness.mlp;

import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.nn.MlpClassifier;
import dev.lanewise.model.nn.WeightInit;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.History;
import dev.lanewise.model.train.TrainingConfig;

/**
 * The digits MLP of the fit comparison, set up as scikit-learn's
 * {@code MLPClassifier(hidden_layer_sizes=(64,), batch_size=32, early_stopping=True)} is, as far as lanewise's
 * trainer allows: one hidden layer of 64 ReLU units, softmax output and cross-entropy, Adam (lr 1e-3, betas 0.9
 * and 0.999, eps 1e-8), batches of 32 shuffled every epoch, at most 200 epochs, Glorot-uniform weights, no
 * standardization (the pixels are already divided by 16).
 *
 * <p>Where it differs: scikit-learn's L2 penalty {@code alpha = 1e-4} is divided by the batch's row count;
 * here it is {@code l2 = alpha / 32} on every batch, so the last, shorter batch of an epoch is penalized a
 * little less. scikit-learn starts the biases uniform in the weights' range, lanewise at zero. Adam: scikit-learn
 * folds the bias corrections into the step size and adds eps to the uncorrected {@code sqrt(v)}, PyTorch (and
 * lanewise) adds it to the corrected one. Random draws (weights, shuffles) come from other generators, so the
 * same seed does not give the same run; compare over several seeds.
 */
public final class DigitsMlpFit {
    public static final int HIDDEN = 64;
    public static final int BATCH_SIZE = 32;
    public static final int MAX_EPOCHS = 200;
    /** scikit-learn's {@code alpha}, divided here by the batch size (see the class comment). */
    public static final double ALPHA = 1e-4;
    public static final double TOL = 1e-4;
    public static final int N_ITER_NO_CHANGE = 10;

    private final StoppingRule rule;
    private final long seed;
    private final MlpClassifier model;
    private final ValidationAccuracyStopping accuracyStopping;

    /** A new, unfitted model; {@code seed} seeds both the weights and the shuffling. */
    public DigitsMlpFit(StoppingRule rule, long seed) {
        this.rule = rule;
        this.seed = seed;
        TrainingConfig training = TrainingConfig.defaults().withMaxEpochs(MAX_EPOCHS).withBatchSize(BATCH_SIZE)
                .withL2(ALPHA / BATCH_SIZE).withSeed(seed);
        // scikit-learn stops once the count of epochs without improvement exceeds n_iter_no_change; the
        // trainer stops when it reaches its count: hence + 1.
        training = switch (rule) {
            case VALIDATION_ACCURACY -> training;
            case VALIDATION_LOSS -> training.withEarlyStopping(N_ITER_NO_CHANGE + 1, TOL, true);
            case TRAINING_LOSS -> training.withTolerance(TOL, N_ITER_NO_CHANGE + 1);
        };
        this.model = new MlpClassifier(OptimizerSpec.adam(AdamConfig.adam().withLr(1e-3)), training, HIDDEN);
        model.setWeightInit(WeightInit.XAVIER_UNIFORM);
        model.setStandardize(false);
        model.setSeed(seed);
        if (rule == StoppingRule.VALIDATION_ACCURACY) {
            accuracyStopping = new ValidationAccuracyStopping(TOL, N_ITER_NO_CHANGE, model::network);
            model.addCallback(accuracyStopping);
        } else {
            accuracyStopping = null;
        }
    }

    /** Fits on the split's fit rows, validating on its validation rows where the rule uses them. */
    public History fit(DigitsMlpSplit split) {
        return model.fit(split.fit(), rule.usesValidation() ? split.validation() : null);
    }

    public MlpClassifier model() {
        return model;
    }

    public long seed() {
        return seed;
    }

    /** The epoch whose weights the fitted model has. */
    public int keptEpoch() {
        History history = model.history();
        return accuracyStopping != null ? accuracyStopping.bestEpoch() : history.bestEpoch();
    }

    /** A description of the settings, for the report. */
    public static String describe(StoppingRule rule) {
        return "MlpClassifier(" + HIDDEN + "), ReLU, Glorot-uniform, Adam(lr 1e-3), batch " + BATCH_SIZE + ", l2 " + ALPHA
                + "/" + BATCH_SIZE + ", max " + MAX_EPOCHS + " epochs, stopping " + rule.label() + " (tol " + TOL
                + ", n_iter_no_change " + N_ITER_NO_CHANGE + ")";
    }
}
