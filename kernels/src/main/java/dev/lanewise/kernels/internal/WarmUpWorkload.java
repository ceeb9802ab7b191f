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
    // Every dimension of a product is, in one call or another, the row count of C, and every one comes whole
    // (a multiple of 24: whole tiles of 6 and of 8 rows) and cut (24k + 1: a last tile of one row), so that each
    // of the micro-kernels' "rows > r" branches is seen both ways; likewise for columns. Otherwise compiled code
    // meets an untaken branch in the first real product, falls back to the interpreter and is compiled again.
    private static final int ROWS = 25;
    private static final int CLASSES = 10;  // a classifier's output layer
    // Elementwise kernels: with a tail at every width, and a multiple of every unrolled step, without one.
    private static final int LONG = 300;
    private static final int EVEN = 256;
    /**
     * Two threads, as a trainer passes, so that the check for a split is profiled; products this small are never
     * split, and were one split, its parts would run here, on the calling thread.
     */
    private static final int THREADS = 2;
    private static final Executor CALLER = Runnable::run;
    private static final AdamConfig ADAM = AdamConfig.adam();

    private final KernelProvider provider;
    private final int wide;
    private final int depth;
    private final int exactRows;
    private final int exactWide;
    private final int exactDepth;
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
        // Two whole tiles of the wide micro-kernel (two vectors of columns each) and a cut one.
        this.wide = 4 * lanes + lanes / 2 + 3;
        // The inner dimension, also the rows of the weight gradient and the columns of the input gradient: 24k + 1
        // above two wide tiles, so whole tiles and a one-row (one-column) cut one, and a loop long enough to
        // be profiled as one.
        this.depth = 24 * ((4 * lanes + 1 + 23) / 24) + 1;
        // And products without a cut tile anywhere: rows a multiple of 6 and 8, columns of two vectors, the
        // inner dimension (the input gradient's columns) too.
        this.exactRows = 24;
        this.exactWide = 4 * lanes;
        this.exactDepth = lcm(24, 2 * lanes);
        int rows = Math.max(ROWS, exactRows);
        int inner = Math.max(depth, exactDepth);
        int cols = Math.max(wide, exactWide);
        this.x = fill(new float[rows * inner], 0.37f);
        this.w = fill(new float[inner * cols], 0.11f);
        this.y = new float[rows * cols];
        this.bias = fill(new float[cols], 0.05f);
        this.weightGrad = new float[inner * cols];
        this.inputGrad = new float[rows * inner];
        this.columnSums = new float[cols];
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

    private static int lcm(int a, int b) {
        int x = a;
        int y = b;
        while (y != 0) {
            int t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }

    /** Runs every kernel of the workload once; returns a value that depends on the results. */
    float round() {
        float sink = layer(exactRows, exactWide, exactDepth);
        sink += layer(ROWS, wide, depth);
        // Last, so that y holds ROWS x CLASSES logits for the loss.
        sink += layer(ROWS, CLASSES, depth);
        sink += provider.losses().softmaxCrossEntropy(ROWS, CLASSES, y, 0, CLASSES, labels, 0, grad, 0, CLASSES);
        sink += elementwise(LONG) + elementwise(EVEN);
        return sink;
    }

    /**
     * A dense layer's products on a batch of {@code rows}, {@code inputs} wide, to {@code outputs}: forward
     * X·W plus the bias, the weight gradient Xᵀ·dY with the bias gradient, the input gradient dY·Wᵀ.
     */
    private float layer(int rows, int outputs, int inputs) {
        GemmKernels gemm = provider.gemm();
        int n = outputs;
        gemm.sgemm(false, false, rows, n, inputs, 1f, x, 0, inputs, w, 0, n, 0f, y, 0, n, THREADS, CALLER);
        gemm.addBiasRows(rows, n, bias, 0, y, 0, n);
        gemm.sgemm(true, false, inputs, n, rows, 1f, x, 0, inputs, y, 0, n, 0f, weightGrad, 0, n, THREADS, CALLER);
        gemm.sumRows(rows, n, y, 0, n, 0f, columnSums, 0);
        gemm.sgemm(false, true, rows, inputs, n, 1f, y, 0, n, w, 0, n, 0f, inputGrad, 0, inputs, THREADS, CALLER);
        return weightGrad[0] + inputGrad[0] + columnSums[0];
    }

    /** The elementwise kernels over the first {@code n} elements. */
    private float elementwise(int n) {
        ActivationKernels act = provider.activations();
        act.relu(n, upstream, 0, activations, 0);
        act.reluBackward(n, upstream, 0, x, 0, grad, 0);
        OptimizerKernels opt = provider.optimizers();
        System.arraycopy(paramStart, 0, param, 0, n);
        step++;
        float sink = opt.l2Penalty(n, 1e-4f, param, 0, grad, 0);
        if (opt.allFinite(n, grad, 0)) {
            opt.adam(n, param, 0, grad, 0, m, 0, v, 0, null, 0, ADAM, step);
        }
        BlasKernels blas = provider.blas();
        return sink + blas.nrm2(n, param, 0) + blas.argmax(CLASSES, y, 0);
    }
}
