package dev.lanewise.model.train;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.blas.Blas;
import dev.lanewise.kernels.optim.GradientTransforms;
import dev.lanewise.kernels.optim.Optimizers;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.data.MiniBatches;
import dev.lanewise.model.loss.Loss;
import dev.lanewise.model.nn.BatchBuffer;
import dev.lanewise.model.nn.Layer;
import dev.lanewise.model.nn.Parameter;
import dev.lanewise.model.nn.Sequential;
import dev.lanewise.model.optim.Optimizer;
import dev.lanewise.model.optim.schedule.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one training loop, for every model: full-batch, mini-batch and stochastic gradient descent.
 *
 * <pre>
 * for each epoch, for each seeded mini-batch:
 *   out = network.forward(x, TRAIN); loss = loss.valueAndGradient(out, y, dOut); network.backward(dOut)
 *   penalties (L1, L2) and clipping (by value, by global norm) on the gradients
 *   decoupled weight decay; optimizer.step(); constraints (max-norm, weight clipping)
 *   a non-finite loss or gradient: keep the last finite parameters, throw naming the epoch and step
 * history row, callbacks, schedule step, stopping rules (max epochs, tolerance, early stopping)
 * </pre>
 *
 * Every buffer is allocated before the first step (by the layers, on the first batch of each size), so a
 * step allocates nothing. The same seed gives the same bits, run after run and for any thread count
 * ({@link TrainingConfig#threads()}: the step's matrix products and optimizer update share one small pool).
 * A fit starts the kernels' warm-up ({@link Kernels#warmUp()}) where {@link Kernels#WARM_UP_PROPERTY} asks.
 */
public final class Trainer {
    private final TrainingConfig config;

    public Trainer(TrainingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public TrainingConfig config() {
        return config;
    }

    /**
     * Trains {@code network} in place.
     *
     * @param validation held-out rows for the validation loss, the metric and early stopping; may be null
     * @param scorer     the metric recorded each epoch; may be null
     * @throws TrainingDivergedException if a loss or gradient is not finite; the network keeps finite parameters
     */
    public History fit(Sequential network, Loss loss, Optimizer optimizer, Dataset train, Dataset validation,
            Scorer scorer, List<Callback> callbacks) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(callbacks, "callbacks");
        checkData("train", network, loss, train);
        TrainingStep.requireOptimizerOf(network, optimizer);
        if (validation != null) {
            checkData("validation", network, loss, validation);
        }
        if (config.patience() > 0 && validation == null) {
            throw new IllegalArgumentException("early stopping (patience " + config.patience() + ") needs validation data");
        }
        startKernelWarmUp();
        List<Callback> calls = List.copyOf(callbacks); // refuses null elements
        TrainingStart start = new TrainingStart(config, train.rows(), validation == null ? 0 : validation.rows(),
                scorer == null ? "" : scorer.name());
        for (Callback callback : calls) {
            callback.onTrainBegin(start);
        }
        Run run = new Run(network, loss, optimizer, train, validation, scorer, calls);
        try {
            return run.run();
        } finally {
            run.stepper.close(); // stops the step's threads; the network and optimizer stay usable
        }
    }

    /**
     * Until C2 compiles them, the vector kernels run boxed, a hundred times slower than compiled: where
     * {@link Kernels#WARM_UP_PROPERTY} asks, a fit starts their warm-up (once per JVM), in the background or
     * waiting for it. It runs on arrays of its own.
     */
    private static void startKernelWarmUp() {
        switch (Kernels.warmUpMode()) {
            case BACKGROUND -> Kernels.warmUpInBackground();
            case BLOCKING -> Kernels.warmUp();
            case OFF -> { }
        }
    }

    private static void checkData(String name, Sequential network, Loss loss, Dataset data) {
        if (data.cols() != network.inputSize()) {
            throw new IllegalArgumentException(name + " has " + data.cols() + " feature columns, the network takes "
                    + network.inputSize());
        }
        if (data.rows() == 0) {
            throw new IllegalArgumentException(name + " has no rows");
        }
        if (loss.usesLabels() != data.isClassification()) {
            throw new IllegalArgumentException("loss " + loss.name() + " needs " + (loss.usesLabels() ? "class labels" : "float targets")
                    + ", but " + name + " is a " + data.task() + " dataset");
        }
        if (loss.usesLabels()) {
            int classes = data.numClasses();
            int outputs = network.outputSize();
            boolean fits = outputs == 1 ? classes <= 2 : classes <= outputs;
            if (!fits) {
                throw new IllegalArgumentException(name + " has " + classes + " classes, the network outputs " + outputs + " columns");
            }
        } else if (network.outputSize() != 1) {
            throw new IllegalArgumentException("regression targets are one column, the network outputs " + network.outputSize());
        }
    }

    /** The mean loss of a network over a dataset, in inference mode, in chunks of at most {@code chunk} rows. */
    public static double evaluateLoss(Sequential network, Loss loss, Dataset data, int chunk) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(data, "data");
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1, was " + chunk);
        }
        checkData("data", network, loss, data);
        BatchBuffer scratch = new BatchBuffer(network.outputSize());
        return meanLoss(network, loss, data, chunk, scratch);
    }

    private static double meanLoss(Sequential network, Loss loss, Dataset data, int chunk, BatchBuffer scratch) {
        Matrix x = data.features();
        float[] targets = data.isClassification() ? null : data.targets();
        int[] labels = data.isClassification() ? data.labels() : null;
        double[] sum = {0};
        network.forwardInChunks(x, chunk, (from, out) -> sum[0] +=
                (double) loss.valueAndGradient(out, targets, labels, from, scratch.rows(out.rows())) * out.rows());
        return sum[0] / data.rows();
    }

    /** The state of one fit. */
    private final class Run {
        private final Sequential network;
        private final Loss loss;
        private final Optimizer optimizer;
        private final Dataset train;
        private final Dataset validation;
        private final Scorer scorer;
        private final List<Callback> callbacks;
        private final List<Parameter> parameters;
        private final TrainingStep stepper;
        private final List<List<Parameter>> layerParameters = new ArrayList<>();
        private final BatchBuffer evalScratch;
        private final ParameterSnapshot epochStart;
        private final ParameterSnapshot best;
        private final History history;
        private final Scheduler scheduler;
        private long step;

        Run(Sequential network, Loss loss, Optimizer optimizer, Dataset train, Dataset validation, Scorer scorer,
                List<Callback> callbacks) {
            this.network = network;
            this.loss = loss;
            this.optimizer = optimizer;
            this.train = train;
            this.validation = validation;
            this.scorer = scorer;
            this.callbacks = callbacks;
            this.parameters = network.parameters();
            this.stepper = new TrainingStep(network, loss, optimizer, config);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < network.layers().size(); i++) {
                Layer layer = network.layers().get(i);
                if (!layer.parameters().isEmpty()) {
                    layerParameters.add(layer.parameters());
                    names.add(layer.parameters().get(0).name().replaceFirst("\\.[^.]*$", ""));
                }
            }
            this.evalScratch = new BatchBuffer(network.outputSize());
            this.epochStart = new ParameterSnapshot(network);
            this.best = new ParameterSnapshot(network);
            this.history = new History(names);
            this.scheduler = config.schedule().start(optimizer.lr());
        }

        History run() {
            int batchSize = config.batchSize() == 0 ? train.rows() : config.batchSize();
            MiniBatches batches = new MiniBatches(train, batchSize, config.seed());
            boolean classification = train.isClassification();
            double bestValidation = Double.POSITIVE_INFINITY;
            int bestEpoch = 0;
            int sinceBest = 0;
            double bestTrain = Double.POSITIVE_INFINITY;
            int sinceTrainImproved = 0;
            String reason = "reached maxEpochs = " + config.maxEpochs();
            int lastEpoch = 0;
            for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
                lastEpoch = epoch;
                long started = System.nanoTime();
                optimizer.setLr(scheduler.lr());
                epochStart.take();
                batches.startEpoch(epoch);
                double lossSum = 0;
                long samples = 0;
                double gradNorm = Double.NaN;
                double[] layerGradNorms = new double[layerParameters.size()];
                int batchIndex = 0;
                int batchCount = batches.batchesPerEpoch();
                while (batches.next()) {
                    step++;
                    batchIndex++;
                    boolean lastBatch = batchIndex == batchCount;
                    int n = batches.size();
                    double value = stepper.step(batches.features(), classification ? null : batches.targets(),
                            classification ? batches.labels() : null, batches.targetOffset(), lastBatch ? layerGradNorms : null);
                    if (Double.isNaN(value)) {
                        throw diverged(epoch, stepper.failure());
                    }
                    if (lastBatch) {
                        gradNorm = stepper.lastGradNorm();
                    }
                    lossSum += value * n;
                    samples += n;
                    if (config.schedulePerBatch() && !lastBatch) {
                        scheduler.step();
                        optimizer.setLr(scheduler.lr());
                    }
                }
                double trainLoss = lossSum / samples;
                double validationLoss = validation == null ? Double.NaN
                        : meanLoss(network, loss, validation, Math.max(256, batchSize), evalScratch);
                Dataset scored = validation != null ? validation : train;
                double metric = scorer == null ? Double.NaN : scorer.score(network, scored);
                double[] weightNorms = weightNorms();
                double seconds = (System.nanoTime() - started) / 1e9;
                EpochRecord record = new EpochRecord(epoch, trainLoss, validationLoss, scorer == null ? "" : scorer.name(),
                        metric, optimizer.lr(), gradNorm, layerGradNorms, weightNorms, seconds, samples);
                history.add(record);
                boolean keepGoing = true;
                for (Callback callback : callbacks) {
                    keepGoing &= callback.onEpochEnd(record);
                }
                scheduler.step(validation != null ? validationLoss : trainLoss);
                if (!keepGoing) {
                    reason = "a callback asked to stop after epoch " + epoch;
                    break;
                }
                if (config.patience() > 0) {
                    if (validationLoss < bestValidation - config.minDelta()) {
                        bestValidation = validationLoss;
                        bestEpoch = epoch;
                        sinceBest = 0;
                        if (config.restoreBestWeights()) {
                            best.take();
                        }
                    } else if (++sinceBest >= config.patience()) {
                        reason = "early stopping: validation loss did not improve by " + config.minDelta() + " for "
                                + config.patience() + " epochs (best " + bestValidation + " at epoch " + bestEpoch + ")";
                        break;
                    }
                }
                if (config.tol() > 0) {
                    if (trainLoss > bestTrain - config.tol()) {
                        if (++sinceTrainImproved >= config.nIterNoChange()) {
                            reason = "training loss did not improve by tol = " + config.tol() + " for "
                                    + config.nIterNoChange() + " epochs";
                            bestTrain = Math.min(bestTrain, trainLoss);
                            break;
                        }
                    } else {
                        sinceTrainImproved = 0;
                    }
                    bestTrain = Math.min(bestTrain, trainLoss);
                }
            }
            int endEpoch = lastEpoch;
            if (config.patience() > 0 && config.restoreBestWeights() && bestEpoch > 0 && bestEpoch != lastEpoch) {
                best.restore();
                endEpoch = bestEpoch;
                reason += "; restored the weights of epoch " + bestEpoch;
            }
            history.stopped(reason, endEpoch);
            for (Callback callback : callbacks) {
                callback.onTrainEnd(history);
            }
            return history;
        }

        private double[] weightNorms() {
            double[] norms = new double[layerParameters.size()];
            for (int l = 0; l < norms.length; l++) {
                for (Parameter p : layerParameters.get(l)) {
                    if (p.decays()) {
                        double norm = Blas.nrm2(p.size(), p.value(), 0);
                        norms[l] += norm * norm;
                    }
                }
                norms[l] = Math.sqrt(norms[l]);
            }
            return norms;
        }

        /** Keeps the last finite parameters: the current ones if finite, else those at the epoch's start. */
        private TrainingDivergedException diverged(int epoch, String what) {
            boolean finite = true;
            for (Parameter p : parameters) {
                finite &= Optimizers.kernels().allFinite(p.size(), p.value(), 0);
            }
            if (!finite) {
                epochStart.restore();
            }
            return new TrainingDivergedException(epoch, step, what, optimizer.lr(), !finite);
        }
    }
}
