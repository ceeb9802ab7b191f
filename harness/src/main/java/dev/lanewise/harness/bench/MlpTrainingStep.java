package dev.lanewise.harness.bench;

import dev.lanewise.kernels.activation.Activations;
import dev.lanewise.kernels.blas.Blas;
import dev.lanewise.kernels.gemm.Gemm;
import dev.lanewise.kernels.loss.Losses;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.Optimizers;
import dev.lanewise.kernels.optim.SgdConfig;

import java.util.SplittableRandom;

/**
 * One training step of a one-hidden-layer MLP through the public facades, calling every kernel family in
 * the order a training loop does: two dense layers (GEMM and bias), ReLU, softmax cross-entropy plus a small
 * MSE term, the backward GEMMs and bias sums, gradient norms, Adam on the first layer and SGD with momentum
 * on the second. The hidden layer also runs leaky ReLU, sigmoid, tanh and GELU forward and backward on the
 * same pre-activations into scratch buffers, as a network with several layer kinds would, so that one loop
 * interleaves all of them.
 *
 * <p>Why it exists: a vector kernel can start allocating only after thousands of steps, when C2 recompiles
 * a caller and stops inlining a helper that takes vectors (issue 8: {@code reluBackward} then allocated
 * 1.4 MB a step at half speed). The steady-state allocation test and {@link TrainingStepCompositionBenchmark}
 * both run this composition. After construction a step allocates nothing: every buffer is made here.
 */
public final class MlpTrainingStep {
    /** Kernel calls made by one {@link #step()}, through the facades. */
    public static final int KERNEL_CALLS = 31;

    private static final float NEGATIVE_SLOPE = 0.01f;
    private static final float MSE_WEIGHT = 0.1f;
    private static final AdamConfig ADAM = AdamConfig.adam().withLr(1e-3);
    private static final SgdConfig SGD = SgdConfig.of(1e-2).withMomentum(0.9);

    private final int batch;
    private final int inputs;
    private final int hidden;
    private final int outputs;

    private final float[] x;
    private final int[] labels;
    private final float[] oneHot;

    private final float[] w1;
    private final float[] b1;
    private final float[] w2;
    private final float[] b2;
    private final float[] dw1;
    private final float[] db1;
    private final float[] dw2;
    private final float[] db2;
    private final float[] mW1;
    private final float[] vW1;
    private final float[] mB1;
    private final float[] vB1;
    private final float[] bufW2;
    private final float[] bufB2;

    private final float[] preActivation;
    private final float[] activation;
    private final float[] sideActivation;
    private final float[] sigmoidOut;
    private final float[] tanhOut;
    private final float[] logits;
    private final float[] probabilities;
    private final float[] dLogits;
    private final float[] dMse;
    private final float[] dActivation;
    private final float[] dPreActivation;
    private final float[] sideGradient;

    private long adamStep;
    private long sgdStep;

    /** A network {@code inputs -> hidden -> outputs} on one fixed, seeded batch of {@code batch} rows. */
    public MlpTrainingStep(int batch, int inputs, int hidden, int outputs, long seed) {
        this.batch = batch;
        this.inputs = inputs;
        this.hidden = hidden;
        this.outputs = outputs;
        SplittableRandom random = new SplittableRandom(seed);
        x = uniform(random, batch * inputs, 1);
        labels = new int[batch];
        oneHot = new float[batch * outputs];
        for (int r = 0; r < batch; r++) {
            labels[r] = random.nextInt(outputs);
            oneHot[r * outputs + labels[r]] = 1f;
        }
        w1 = uniform(random, inputs * hidden, Math.sqrt(6.0 / inputs));
        b1 = new float[hidden];
        w2 = uniform(random, hidden * outputs, Math.sqrt(6.0 / hidden));
        b2 = new float[outputs];
        dw1 = new float[w1.length];
        db1 = new float[hidden];
        dw2 = new float[w2.length];
        db2 = new float[outputs];
        mW1 = new float[w1.length];
        vW1 = new float[w1.length];
        mB1 = new float[hidden];
        vB1 = new float[hidden];
        bufW2 = new float[w2.length];
        bufB2 = new float[outputs];
        preActivation = new float[batch * hidden];
        activation = new float[batch * hidden];
        sideActivation = new float[batch * hidden];
        sigmoidOut = new float[batch * hidden];
        tanhOut = new float[batch * hidden];
        logits = new float[batch * outputs];
        probabilities = new float[batch * outputs];
        dLogits = new float[batch * outputs];
        dMse = new float[batch * outputs];
        dActivation = new float[batch * hidden];
        dPreActivation = new float[batch * hidden];
        sideGradient = new float[batch * hidden];
    }

    private static float[] uniform(SplittableRandom random, int n, double bound) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextDouble(-bound, bound);
        }
        return a;
    }

    /**
     * One forward pass, backward pass and update, on one thread; returns the loss (cross-entropy plus the
     * weighted MSE) plus the gradient norms, so that a benchmark can sink one number.
     */
    public float step() {
        int n = batch * hidden;
        // Forward: H = X W1 + b1, A = relu(H), logits = A W2 + b2.
        Gemm.sgemm(false, false, batch, hidden, inputs, 1f, x, 0, inputs, w1, 0, hidden, 0f, preActivation, 0, hidden, 1);
        Gemm.addBiasRows(batch, hidden, b1, 0, preActivation, 0, hidden);
        Activations.relu(n, preActivation, 0, activation, 0);
        Activations.leakyRelu(n, NEGATIVE_SLOPE, preActivation, 0, sideActivation, 0);
        Activations.sigmoid(n, preActivation, 0, sigmoidOut, 0);
        Activations.tanh(n, preActivation, 0, tanhOut, 0);
        Activations.gelu(n, preActivation, 0, sideActivation, 0);
        Gemm.sgemm(false, false, batch, outputs, hidden, 1f, activation, 0, hidden, w2, 0, outputs, 0f, logits, 0, outputs, 1);
        Gemm.addBiasRows(batch, outputs, b2, 0, logits, 0, outputs);

        // Loss: the probabilities a loop reports; cross-entropy plus a small MSE against the one-hot targets,
        // their gradients summed by axpy.
        Activations.softmax(batch, outputs, outputs, logits, 0, probabilities, 0);
        float loss = Losses.softmaxCrossEntropy(batch, outputs, logits, 0, outputs, labels, 0, dLogits, 0, outputs);
        loss += MSE_WEIGHT * Losses.mse(batch * outputs, logits, 0, oneHot, 0, dMse, 0);
        Blas.axpy(batch * outputs, MSE_WEIGHT, dMse, 0, dLogits, 0);

        // Backward: dW2 = A^T dLogits, db2 = column sums, dA = dLogits W2^T, dH = relu'(H) dA, dW1 = X^T dH.
        Gemm.sgemm(true, false, hidden, outputs, batch, 1f, activation, 0, hidden, dLogits, 0, outputs, 0f, dw2, 0, outputs, 1);
        Gemm.sumRows(batch, outputs, dLogits, 0, outputs, 0f, db2, 0);
        Gemm.sgemm(false, true, batch, hidden, outputs, 1f, dLogits, 0, outputs, w2, 0, outputs, 0f, dActivation, 0, hidden, 1);
        Activations.reluBackward(n, dActivation, 0, preActivation, 0, dPreActivation, 0);
        Activations.leakyReluBackward(n, NEGATIVE_SLOPE, dActivation, 0, preActivation, 0, sideGradient, 0);
        Activations.sigmoidBackward(n, dActivation, 0, sigmoidOut, 0, sideGradient, 0);
        Activations.tanhBackward(n, dActivation, 0, tanhOut, 0, sideGradient, 0);
        Activations.geluBackward(n, dActivation, 0, preActivation, 0, sideGradient, 0);
        Gemm.sgemm(true, false, inputs, hidden, batch, 1f, x, 0, inputs, dPreActivation, 0, hidden, 0f, dw1, 0, hidden, 1);
        Gemm.sumRows(batch, hidden, dPreActivation, 0, hidden, 0f, db1, 0);

        // Norms a training loop logs or clips by, then the updates.
        float norms = Blas.nrm2(dw1.length, dw1, 0) + Blas.dot(dw2.length, dw2, 0, dw2, 0)
                + Blas.sum(db1.length, db1, 0) + Blas.asum(db2.length, db2, 0);
        Optimizers.adam(w1.length, w1, 0, dw1, 0, mW1, 0, vW1, 0, null, 0, ADAM, ++adamStep);
        Optimizers.adam(b1.length, b1, 0, db1, 0, mB1, 0, vB1, 0, null, 0, ADAM, adamStep);
        Optimizers.sgd(w2.length, w2, 0, dw2, 0, bufW2, 0, SGD, ++sgdStep);
        Optimizers.sgd(b2.length, b2, 0, db2, 0, bufB2, 0, SGD, sgdStep);
        return loss + norms;
    }
}
