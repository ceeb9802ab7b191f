package dev.lanewise.model.train;

import dev.lanewise.model.optim.schedule.Constant;
import dev.lanewise.model.optim.schedule.LrSchedule;
import java.util.Objects;

/**
 * How to train: how long, in what batches, with which schedule, penalties, clipping, constraints and stopping
 * rules. Immutable; start from {@link #defaults()} and change what you need with the {@code with...} methods.
 *
 * @param maxEpochs            the most epochs to run (&gt;= 1)
 * @param batchSize            rows per step: 1 is stochastic gradient descent, 0 (or anything &gt;= the
 *                             number of rows) full-batch gradient descent
 * @param seed                 seeds the shuffling (and nothing else: weights are seeded by the model)
 * @param schedule             the learning-rate schedule, started at the optimizer's lr
 * @param schedulePerBatch     step the schedule after every batch (PyTorch users' OneCycle habit) instead
 *                             of after every epoch (the default, as {@code torch.optim.lr_scheduler} examples do)
 * @param l1                   L1 penalty {@code l1 * sum|w|} on the weights (not biases), &gt;= 0
 * @param l2                   L2 penalty {@code l2/2 * sum w^2} on the weights (not biases), &gt;= 0
 * @param decoupledWeightDecay {@code w *= 1 - lr * decay} before each step (AdamW's decoupled decay for any
 *                             optimizer), &gt;= 0
 * @param clipValue            clamp each gradient element to [-clipValue, clipValue]; 0 = off
 * @param clipNorm             scale all gradients together so their global 2-norm is at most clipNorm
 *                             ({@code torch.nn.utils.clip_grad_norm_}); 0 = off
 * @param maxNorm              after each step, rescale each output unit's incoming weights (a column of a
 *                             Dense weight) to a 2-norm of at most maxNorm (Keras's {@code MaxNorm}); 0 = off
 * @param weightClip           after each step, clamp every weight to [-weightClip, weightClip]; 0 = off
 * @param tol                  stop when the training loss has not improved by at least {@code tol} for
 *                             {@code nIterNoChange} epochs in a row (scikit-learn's {@code tol} and
 *                             {@code n_iter_no_change}); 0 = off
 * @param nIterNoChange        see {@code tol}, &gt;= 1
 * @param patience             early stopping: stop when the validation loss has not improved for this many
 *                             epochs (needs validation data); 0 = off
 * @param minDelta             early stopping: the least decrease of the validation loss that counts as one
 * @param restoreBestWeights   early stopping: end with the weights of the best validation epoch
 * @param threads              threads a training step uses, the caller's included (its matrix products and
 *                             the optimizer update of large arrays; see {@code ComputePool}); 0 (the
 *                             default) = automatic: one thread for a network of fewer than 65,536
 *                             parameters, else GEMM's thread count (every available processor unless set),
 *                             read at the start of each fit. The result has the same bits for any thread
 *                             count, so this changes only the speed.
 */
public record TrainingConfig(int maxEpochs, int batchSize, long seed, LrSchedule schedule, boolean schedulePerBatch,
        double l1, double l2, double decoupledWeightDecay, double clipValue, double clipNorm, double maxNorm,
        double weightClip, double tol, int nIterNoChange, int patience, double minDelta, boolean restoreBestWeights,
        int threads) {

    public TrainingConfig {
        if (maxEpochs < 1) {
            throw new IllegalArgumentException("maxEpochs must be >= 1, was " + maxEpochs);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batchSize must be >= 0 (0 = full batch), was " + batchSize);
        }
        Objects.requireNonNull(schedule, "schedule");
        nonNegative("l1", l1);
        nonNegative("l2", l2);
        nonNegative("decoupledWeightDecay", decoupledWeightDecay);
        nonNegative("clipValue", clipValue);
        nonNegative("clipNorm", clipNorm);
        nonNegative("maxNorm", maxNorm);
        nonNegative("weightClip", weightClip);
        nonNegative("tol", tol);
        nonNegative("minDelta", minDelta);
        if (nIterNoChange < 1) {
            throw new IllegalArgumentException("nIterNoChange must be >= 1, was " + nIterNoChange);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0 (0 = off), was " + patience);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0 = every available processor), was " + threads);
        }
    }

    /**
     * 100 epochs of mini-batches of 32, seed 0, constant rate, no penalty, clipping, constraint or stopping rule,
     * on every available processor.
     */
    public static TrainingConfig defaults() {
        return new TrainingConfig(100, 32, 0, new Constant(), false, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, true, 0);
    }

    public TrainingConfig withMaxEpochs(int v) {
        return new TrainingConfig(v, batchSize, seed, schedule, schedulePerBatch, l1, l2, decoupledWeightDecay, clipValue,
                clipNorm, maxNorm, weightClip, tol, nIterNoChange, patience, minDelta, restoreBestWeights, threads);
    }

    public TrainingConfig withBatchSize(int v) {
        return new TrainingConfig(maxEpochs, v, seed, schedule, schedulePerBatch, l1, l2, decoupledWeightDecay, clipValue,
                clipNorm, maxNorm, weightClip, tol, nIterNoChange, patience, minDelta, restoreBestWeights, threads);
    }

    /** Full-batch gradient descent: every step sees every row. */
    public TrainingConfig withFullBatch() {
        return withBatchSize(0);
    }

    public TrainingConfig withSeed(long v) {
        return new TrainingConfig(maxEpochs, batchSize, v, schedule, schedulePerBatch, l1, l2, decoupledWeightDecay, clipValue,
                clipNorm, maxNorm, weightClip, tol, nIterNoChange, patience, minDelta, restoreBestWeights, threads);
    }

    public TrainingConfig withSchedule(LrSchedule v, boolean perBatch) {
        return new TrainingConfig(maxEpochs, batchSize, seed, v, perBatch, l1, l2, decoupledWeightDecay, clipValue,
                clipNorm, maxNorm, weightClip, tol, nIterNoChange, patience, minDelta, restoreBestWeights, threads);
    }

    public TrainingConfig withSchedule(LrSchedule v) {
        return withSchedule(v, false);
    }

    public TrainingConfig withL1(double v) {
        return new TrainingConfig(maxEpochs, batchSize, seed, schedule, schedulePerBatch, v, l2, decoupledWeightDecay, clipValue,
                clipNorm, maxNorm, weightClip, tol, nIterNoChange, patience, minDelta, restoreBestWeights, threads);
    }

    public TrainingConfig withL2(double v) {
        return new TrainingConfig(maxEpochs, batchSize, seed, schedule, schedulePerBatch, l1, v, decoupledWeightDecay, clipValue,
                clipNorm, maxNorm, weightClip, tol, nIterNoChange, patience, minDelta, restoreBestWeights, threads);
    }

    public TrainingConfig withDecoupledWeightDecay(double v) {
        return new TrainingConfig(maxEpochs, batchSize, seed, schedule, schedulePerBatch, l1, l2, v, clipValue,
                clipNorm, maxNorm, weightClip, tol, nIterNoChange, patience, minDelta, restoreBestWeights, threads);
    }

    public TrainingConfig withClipValue(double v) {
        return new TrainingConfig(maxEpochs, batchSize, seed, schedule, schedulePerBatch, l1, l2, decoupledWeightDecay, v,
                clipNorm, maxNorm, weightClip, tol, nIterNoChange, patience, minDelta, restoreBestWeights, threads);
    }

    public TrainingConfig withClipNorm(double v) {
        return new TrainingConfig(maxEpochs, batchSize, seed, schedule, schedulePerBatch, l1, l2, decoupledWeightDecay, clipValue,
                v, maxNorm, weightClip, tol, nIterNoChange, patience, minDelta, restoreBestWeights, threads);
    }

    public TrainingConfig withMaxNorm(double v) {
        return new TrainingConfig(maxEpochs, batchSize, seed, schedule, schedulePerBatch, l1, l2, decoupledWeightDecay, clipValue,
                clipNorm, v, weightClip, tol, nIterNoChange, patience, minDelta, restoreBestWeights, threads);
    }

    public TrainingConfig withWeightClip(double v) {
        return new TrainingConfig(maxEpochs, batchSize, seed, schedule, schedulePerBatch, l1, l2, decoupledWeightDecay, clipValue,
                clipNorm, maxNorm, v, tol, nIterNoChange, patience, minDelta, restoreBestWeights, threads);
    }

    /** Stop when the training loss has not improved by {@code tol} for {@code nIterNoChange} epochs. */
    public TrainingConfig withTolerance(double tol, int nIterNoChange) {
        return new TrainingConfig(maxEpochs, batchSize, seed, schedule, schedulePerBatch, l1, l2, decoupledWeightDecay, clipValue,
                clipNorm, maxNorm, weightClip, tol, nIterNoChange, patience, minDelta, restoreBestWeights, threads);
    }

    /** Early stopping on the validation loss. */
    public TrainingConfig withEarlyStopping(int patience, double minDelta, boolean restoreBestWeights) {
        return new TrainingConfig(maxEpochs, batchSize, seed, schedule, schedulePerBatch, l1, l2, decoupledWeightDecay, clipValue,
                clipNorm, maxNorm, weightClip, tol, nIterNoChange, patience, minDelta, restoreBestWeights, threads);
    }

    /** Threads for each step: {@code n >= 1}, or 0 for every available processor. */
    public TrainingConfig withThreads(int n) {
        return new TrainingConfig(maxEpochs, batchSize, seed, schedule, schedulePerBatch, l1, l2, decoupledWeightDecay, clipValue,
                clipNorm, maxNorm, weightClip, tol, nIterNoChange, patience, minDelta, restoreBestWeights, n);
    }

    /** The thread count a step uses now: {@link #threads()}, or the available processors where it is 0. */
    public int resolvedThreads() {
        // 0 follows GEMM's setting, which a hyperparameter search scopes to 1 thread per candidate
        // (GemmSettings.callWithThreads); by default it is every available processor.
        return threads == 0 ? dev.lanewise.kernels.gemm.GemmSettings.threads() : threads;
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + v);
        }
    }
}
