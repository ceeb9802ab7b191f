package dev.lanewise.kernels.internal;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.activation.ActivationKernels;
import dev.lanewise.kernels.blas.BlasKernels;
import dev.lanewise.kernels.gemm.GemmKernels;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.OptimizerKernels;
import java.util.concurrent.Executor;

/**
 * One round of the kernels that a dense network's training step and its evaluation run, on small arrays of
 * its own, so that the JIT sees each of them called often with the branches real sizes take:
 * <ul>
 *   <li>the matrix products of a dense layer, forward {@code X·W}, weight gradient {@code Xᵀ·dY} and input
 *       gradient {@code dY·Wᵀ}, each with C wider than one vector (the wide micro-kernels) and as wide as a
 *       classifier's 10 outputs (the narrow ones), with whole and cut tiles; bias rows and column sums;</li>
 *   <li>ReLU forward and backward, softmax cross-entropy over 10 classes;</li>
 *   <li>the L2 penalty, the finiteness check and Adam; the 2-norm and argmax (history and prediction).</li>
 * </ul>
 * Other kernels (other activations, losses and optimizers, products wide enough for A to be packed) are left
 * out: each kernel warmed here costs its compilation even in a program that never calls it.
 *
 * <p>Sizes are chosen against the micro-kernels' tiles (6 and 8 rows, 2 vectors and 1 vector of columns) at
 * the lane count of the provider, so every width takes the same paths. The inputs are fixed small values; only
 * this object's arrays are written, and each round starts the parameters afresh, so any number of rounds
 * stays finite.
 */
final class WarmUpWorkload {
    private static final int ROWS = 20;     // 3 tiles of 6 rows and a cut one, 2 tiles of 8 and a cut one
    private static final int DEPTH = 24;    // an inner loop long enough to be profiled as a loop
    private static final int CLASSES = 10;  // a classifier's output layer
    private static final int LONG = 300;    // elementwise kernels: several vectors and a tail at any width
    /** The products run on the calling thread alone (threads = 1), but the call takes an executor. */
    private static final Executor CALLER = Runnable::run;
    private static final AdamConfig ADAM = AdamConfig.adam();

    private final KernelProvider provider;
    private final int wide;
    private final float[] x;
    private final float[] w;
    private final float[] y;
    private final float[] bias;
    private final float[] weightGrad;
    private final float[] inputGrad;
    private final float[] columnSums;
    private final float[] activations;
    private final float[] upstream;
    private final float[] grad;
    private final float[] paramStart;
    private final float[] param;
    private final float[] m;
    private final float[] v;
    private final int[] labels;
    private long step;

    WarmUpWorkload(KernelProvider provider) {
        this.provider = provider;
        int lanes = Math.max(4, provider.vectorBitSize() / Float.SIZE);
        // One whole tile of the wide micro-kernel (two vectors of columns) and a cut one.
        this.wide = 2 * lanes + lanes / 2 + 3;
        this.x = fill(new float[ROWS * DEPTH], 0.37f);
        this.w = fill(new float[DEPTH * wide], 0.11f);
        this.y = new float[ROWS * wide];
        this.bias = fill(new float[wide], 0.05f);
        this.weightGrad = new float[DEPTH * wide];
        this.inputGrad = new float[ROWS * DEPTH];
        this.columnSums = new float[wide];
        this.activations = new float[LONG];
        this.upstream = fill(new float[LONG], 0.17f);
        this.grad = new float[LONG];
        this.paramStart = fill(new float[LONG], 0.03f);
        this.param = new float[LONG];
        this.m = new float[LONG];
        this.v = new float[LONG];
        this.labels = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            labels[r] = r % CLASSES;
        }
    }

    /** Values in [-scale, scale), varied so that ReLU's two branches and every comparison are taken. */
    private static float[] fill(float[] values, float scale) {
        for (int i = 0; i < values.length; i++) {
            values[i] = scale * (((i * 37 + 11) % 23) / 11.5f - 1f);
        }
        return values;
    }

    /** Runs every kernel of the workload once; returns a value that depends on the results. */
    float round() {
        GemmKernels gemm = provider.gemm();
        float sink = 0;
        for (int n : new int[] {wide, CLASSES}) {
            gemm.sgemm(false, false, ROWS, n, DEPTH, 1f, x, 0, DEPTH, w, 0, n, 0f, y, 0, n, 1, CALLER);
            gemm.addBiasRows(ROWS, n, bias, 0, y, 0, n);
            gemm.sgemm(true, false, DEPTH, n, ROWS, 1f, x, 0, DEPTH, y, 0, n, 0f, weightGrad, 0, n, 1, CALLER);
            gemm.sumRows(ROWS, n, y, 0, n, 0f, columnSums, 0);
            gemm.sgemm(false, true, ROWS, DEPTH, n, 1f, y, 0, n, w, 0, n, 0f, inputGrad, 0, DEPTH, 1, CALLER);
            sink += weightGrad[0] + inputGrad[0] + columnSums[0];
        }

        ActivationKernels act = provider.activations();
        act.relu(LONG, upstream, 0, activations, 0);
        act.reluBackward(LONG, upstream, 0, x, 0, grad, 0);
        // y holds the last product, ROWS x CLASSES logits.
        sink += provider.losses().softmaxCrossEntropy(ROWS, CLASSES, y, 0, CLASSES, labels, 0, grad, 0, CLASSES);

        OptimizerKernels opt = provider.optimizers();
        System.arraycopy(paramStart, 0, param, 0, LONG);
        step++;
        sink += opt.l2Penalty(LONG, 1e-4f, param, 0, grad, 0);
        if (opt.allFinite(LONG, grad, 0)) {
            opt.adam(LONG, param, 0, grad, 0, m, 0, v, 0, null, 0, ADAM, step);
        }

        BlasKernels blas = provider.blas();
        sink += blas.nrm2(LONG, param, 0) + blas.argmax(CLASSES, y, 0);
        return sink;
    }
}
