package dev.lanewise.model.train;

import dev.lanewise.kernels.blas.Blas;
import dev.lanewise.kernels.optim.GradientTransforms;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.loss.Loss;
import dev.lanewise.model.nn.BatchBuffer;
import dev.lanewise.model.nn.Layer;
import dev.lanewise.model.nn.Mode;
import dev.lanewise.model.nn.Parameter;
import dev.lanewise.model.nn.Sequential;
import dev.lanewise.model.optim.Optimizer;
import dev.lanewise.model.parallel.ComputePool;
import dev.lanewise.model.parallel.UsesComputePool;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One gradient-descent step on one batch: forward, fused loss and gradient, backward, penalties, clipping,
 * decoupled weight decay, the optimizer's fused update, constraints. The {@link Trainer} calls it once per
 * batch; benchmarks call it directly. After the first call at each batch size it allocates nothing on one
 * thread (on several, {@code Gemm.sgemm}'s hand-over of a split product allocates a few small objects).
 *
 * <p>Threads: a step runs on one {@link ComputePool}, made once (with {@link TrainingConfig#resolvedThreads()}
 * threads) or given by the caller, and shared by every layer's matrix products and the optimizer's update
 * of large arrays. While the step is open, the network's layers and the optimizer run on that pool (in
 * inference too); {@link #close} gives them back their own defaults and stops a pool the step made itself.
 * The bits do not depend on the thread count.
 */
public final class TrainingStep implements AutoCloseable {
    private final Sequential network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final TrainingConfig config;
    private final List<Parameter> parameters;
    private final List<List<Parameter>> layerParameters = new ArrayList<>();
    private final float[][] grads;
    private final BatchBuffer gradOutput;
    private final Constraints constraints;
    private final ComputePool pool;
    private final boolean ownsPool;
    private double lastGradNorm = Double.NaN;
    private String failure = "";

    /** A step on a pool of its own, of {@link TrainingConfig#resolvedThreads()} threads; close it when done. */
    public TrainingStep(Sequential network, Loss loss, Optimizer optimizer, TrainingConfig config) {
        this(network, loss, optimizer, config, null);
    }

    /**
     * A step on the caller's {@code pool} (which {@link #close} leaves open), for example one pool shared by
     * the folds of a cross-validation; null makes a pool of {@link TrainingConfig#resolvedThreads()} threads.
     */
    public TrainingStep(Sequential network, Loss loss, Optimizer optimizer, TrainingConfig config, ComputePool pool) {
        this.network = Objects.requireNonNull(network, "network");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.config = Objects.requireNonNull(config, "config");
        requireOptimizerOf(network, optimizer);
        this.parameters = network.parameters();
        this.grads = new float[parameters.size()][];
        for (int i = 0; i < grads.length; i++) {
            grads[i] = parameters.get(i).grad();
        }
        for (Layer layer : network.layers()) {
            if (!layer.parameters().isEmpty()) {
                layerParameters.add(layer.parameters());
            }
        }
        this.gradOutput = new BatchBuffer(network.outputSize());
        this.constraints = new Constraints(config.maxNorm(), config.weightClip(), parameters);
        this.ownsPool = pool == null;
        this.pool = pool != null ? pool : new ComputePool(threadsFor(network, config));
        useThreads(this.pool);
    }

    /** Networks with fewer parameters than this train on one thread when the config leaves threads to us. */
    static final int SMALL_NETWORK_PARAMETERS = 65_536;

    /**
     * The config's threads; with {@code threads = 0} (automatic), one thread for a small network: its products
     * stay under GEMM's split threshold and its arrays under the optimizer's chunk size at usual batch sizes,
     * so other threads would only be started and parked (measured: the pool's start made a warm fit of logistic
     * regression on 455 rows several times slower than the fit itself).
     */
    private static int threadsFor(Sequential network, TrainingConfig config) {
        if (config.threads() == 0) {
            long parameters = 0;
            for (Parameter p : network.parameters()) {
                parameters += p.size();
            }
            if (parameters < SMALL_NETWORK_PARAMETERS) {
                return 1;
            }
        }
        return config.resolvedThreads();
    }

    /** The number of threads a step runs on, the caller's included. */
    public int threads() {
        return pool.threads();
    }

    /**
     * Gives the layers and the optimizer back their defaults (Gemm's threads, the calling thread) and stops
     * the pool if this step made it. The network and the optimizer stay usable. Idempotent.
     */
    @Override
    public void close() {
        useThreads(null);
        if (ownsPool) {
            pool.close();
        }
    }

    private void useThreads(ComputePool threads) {
        for (Layer layer : network.layers()) {
            if (layer instanceof UsesComputePool user) {
                user.useThreads(threads);
            }
        }
        optimizer.useThreads(threads);
    }

    /**
     * Trains on one batch.
     *
     * @param layerGradNorms where non-null, receives each parameterized layer's gradient norm (before
     *                       clipping), and {@link #lastGradNorm()} the global one
     * @return the batch objective (mean loss plus penalties), or NaN if the loss or a gradient was not finite,
     *         in which case nothing was updated and {@link #failure()} says what
     */
    public double step(Matrix x, float[] targets, int[] labels, int rowOffset, double[] layerGradNorms) {
        Matrix out = network.forward(x, Mode.TRAIN);
        Matrix dOut = gradOutput.rows(x.rows());
        double value = loss.valueAndGradient(out, targets, labels, rowOffset, dOut);
        if (!Double.isFinite(value)) {
            failure = "the loss is " + value;
            return Double.NaN;
        }
        network.backward(dOut);
        value += penalties();
        if (layerGradNorms != null) {
            lastGradNorm = gradientNorms(layerGradNorms);
        }
        clipGradients();
        if (config.decoupledWeightDecay() > 0) {
            for (Parameter p : parameters) {
                if (p.decays()) {
                    GradientTransforms.decoupledWeightDecay(p.size(), p.value(), 0, optimizer.lr(), config.decoupledWeightDecay());
                }
            }
        }
        if (!optimizer.step(grads)) {
            failure = "a gradient holds NaN or an infinity";
            return Double.NaN;
        }
        constraints.apply(parameters);
        return value;
    }

    /** Refuses an optimizer that does not update exactly the network's parameter arrays, in order. */
    static void requireOptimizerOf(Sequential network, Optimizer optimizer) {
        List<float[]> values = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            values.add(p.value());
        }
        if (!optimizer.updates(values)) {
            throw new IllegalArgumentException("optimizer must update the network's " + values.size()
                    + " parameter arrays, in order (create it from network.parameters()' values); it was given others: "
                    + optimizer);
        }
    }

    /** The global gradient norm of the last step that asked for norms. */
    public double lastGradNorm() {
        return lastGradNorm;
    }

    /** What was not finite in the last failed step. */
    public String failure() {
        return failure;
    }

    /** Adds the penalties' gradients to the weights' gradients and returns the penalties' value. */
    private double penalties() {
        if (config.l1() == 0 && config.l2() == 0) {
            return 0;
        }
        double sum = 0;
        for (Parameter p : parameters) {
            if (!p.decays()) {
                continue;
            }
            if (config.l2() > 0) {
                sum += GradientTransforms.l2Penalty(p.size(), (float) config.l2(), p.value(), 0, p.grad(), 0);
            }
            if (config.l1() > 0) {
                sum += GradientTransforms.l1Penalty(p.size(), (float) config.l1(), p.value(), 0, p.grad(), 0);
            }
        }
        return sum;
    }

    private void clipGradients() {
        if (config.clipValue() > 0) {
            for (float[] g : grads) {
                GradientTransforms.clipByValue(g.length, g, 0, (float) config.clipValue());
            }
        }
        if (config.clipNorm() > 0) {
            GradientTransforms.clipByGlobalNorm(grads, (float) config.clipNorm());
        }
    }

    /** Fills the per-layer gradient norms and returns the global one. */
    private double gradientNorms(double[] perLayer) {
        double total = 0;
        for (int l = 0; l < perLayer.length; l++) {
            double squares = 0;
            for (Parameter p : layerParameters.get(l)) {
                double norm = Blas.nrm2(p.size(), p.grad(), 0);
                squares += norm * norm;
            }
            perLayer[l] = Math.sqrt(squares);
            total += squares;
        }
        return Math.sqrt(total);
    }
}
