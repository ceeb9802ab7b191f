package dev.lanewise.harness.bench;

import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.loss.SoftmaxCrossEntropy;
import dev.lanewise.model.nn.Activation;
import dev.lanewise.model.nn.ActivationFunction;
import dev.lanewise.model.nn.Dense;
import dev.lanewise.model.nn.Parameter;
import dev.lanewise.model.nn.Sequential;
import dev.lanewise.model.nn.WeightInit;
import dev.lanewise.model.optim.Adam;
import dev.lanewise.model.parallel.ComputePool;
import dev.lanewise.model.train.TrainingConfig;
import dev.lanewise.model.train.TrainingStep;
import java.util.SplittableRandom;

/**
 * The train step of issue 10's speed bars, through the model layer: a {@link Sequential} of Dense(784 -> 256),
 * ReLU and Dense(256 -> 10), softmax cross-entropy and Adam (lr 1e-3), one {@link TrainingStep} per call,
 * on synthetic data. {@code peers/torch/mlp_step.py} does the same step in PyTorch.
 *
 * <p>The data: {@value #INPUT_ROWS} rows of pixels uniform in [0, 1), cycled batch by batch, and
 * {@value #LABEL_BLOCKS} blocks of random labels, one block per step, cycled too. Each input row thus meets
 * many different labels, so the network cannot learn them and the gradients stay of one size for the whole
 * run (a learnable set would drive them, and Adam's second moments, towards subnormal floats, which are slow
 * on x86 and would make a long run look unsteady for a reason that has nothing to do with the code).
 */
public final class MlpTrainStep implements AutoCloseable {
    public static final int INPUTS = 784;
    public static final int HIDDEN = 256;
    public static final int CLASSES = 10;
    static final int INPUT_ROWS = 4096;
    static final int LABEL_BLOCKS = 1024;

    private final int batch;
    private final Matrix[] inputs;
    private final int[] labels;
    private final ComputePool pool;
    private final TrainingStep step;
    private long steps;

    /**
     * @param batch     rows per step, a divisor of {@value #INPUT_ROWS}
     * @param threads   threads per step, the caller's included
     * @param spinNanos how long the pool's idle threads poll before they park
     */
    public MlpTrainStep(int batch, int threads, long spinNanos) {
        if (batch < 1 || INPUT_ROWS % batch != 0) {
            throw new IllegalArgumentException("batch must divide " + INPUT_ROWS + ", was " + batch);
        }
        this.batch = batch;
        SplittableRandom random = new SplittableRandom(42);
        float[] x = new float[INPUT_ROWS * INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        Matrix all = Matrix.wrap(x, INPUT_ROWS, INPUTS);
        this.inputs = new Matrix[INPUT_ROWS / batch];
        for (int b = 0; b < inputs.length; b++) {
            inputs[b] = all.rowRange(b * batch, (b + 1) * batch); // views made once: a step allocates none
        }
        this.labels = new int[LABEL_BLOCKS * batch];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(CLASSES);
        }
        Sequential network = new Sequential(
                new Dense("dense0", INPUTS, HIDDEN, WeightInit.HE_UNIFORM, 1, false),
                new Activation(ActivationFunction.RELU, HIDDEN),
                new Dense("dense1", HIDDEN, CLASSES, WeightInit.XAVIER_UNIFORM, 2, true));
        float[][] values = network.parameters().stream().map(Parameter::value).toArray(float[][]::new);
        Adam adam = new Adam(AdamConfig.adam().withLr(1e-3), values);
        this.pool = new ComputePool(threads, spinNanos);
        this.step = new TrainingStep(network, new SoftmaxCrossEntropy(), adam, TrainingConfig.defaults().withThreads(threads),
                pool);
    }

    /** Runs the next step and returns its loss. */
    public double next() {
        long s = steps++;
        int block = (int) (s % LABEL_BLOCKS);
        double loss = step.step(inputs[(int) (s % inputs.length)], null, labels, block * batch, null);
        if (Double.isNaN(loss)) {
            throw new IllegalStateException("step " + s + " failed: " + step.failure());
        }
        return loss;
    }

    public int batch() {
        return batch;
    }

    /**
     * Floating-point operations of one step, counting a multiply-add as 2: the forward products X W1 and
     * H W2, and the backward products dW2 = H^T dY, dH = dY W2^T and dW1 = X^T dH (the first layer computes
     * no input gradient), 2 * batch * (2 * 784 * 256 + 3 * 256 * 10); bias, ReLU, loss and Adam are not counted.
     */
    public static double flopsPerStep(int batch) {
        return 2.0 * batch * (2.0 * INPUTS * HIDDEN + 3.0 * HIDDEN * CLASSES);
    }

    @Override
    public void close() {
        step.close();
        pool.close();
    }
}
