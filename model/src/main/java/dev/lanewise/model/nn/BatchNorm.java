package dev.lanewise.model.nn;

import dev.lanewise.kernels.blas.Blas;
import dev.lanewise.kernels.gemm.Gemm;
import dev.lanewise.model.data.Matrix;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Batch normalization over the features of a batch, as PyTorch's {@code nn.BatchNorm1d(size, eps, momentum)}
 * with its affine parameters and running statistics: {@code y = gamma * (x - mean) / sqrt(var + eps) + beta}.
 *
 * <p>In {@link Mode#TRAIN} the mean and the biased variance are the batch's (so a training batch needs at
 * least 2 rows), and the running statistics move towards the batch's as PyTorch moves them:
 * {@code running = (1 - momentum) * running + momentum * batch}, with the <em>unbiased</em> batch variance
 * (times n/(n-1)) for {@code running_var}. In {@link Mode#INFERENCE} the running statistics take their place.
 * They start at mean 0 and variance 1, gamma at 1 and beta at 0; neither gamma nor beta decays.
 *
 * <p>Every per-element pass is a kernel call (column sums by {@code sumRows}, broadcasts by
 * {@code addBiasRows} and per-row {@code Blas.mul}); only per-column work of length {@code size} (the
 * inverse square roots) is written here.
 */
public final class BatchNorm implements Layer {
    /** PyTorch's default momentum. */
    public static final double DEFAULT_MOMENTUM = 0.1;
    /** PyTorch's default eps. */
    public static final double DEFAULT_EPS = 1e-5;

    private final String name;
    private final int size;
    private final double momentum;
    private final double eps;
    private final Parameter weight;
    private final Parameter bias;
    private final float[] runningMean;
    private final float[] runningVar;
    private final Map<String, float[]> state;
    private final BatchBuffer normalized;
    private final BatchBuffer output;
    private final BatchBuffer gradInput;
    // Per-column arrays of the last training batch (negMean, invStd) and scratch for the rest.
    private final float[] negMean;
    private final float[] invStd;
    private final float[] columnA;
    private final float[] columnB;
    private Matrix lastNormalized;

    /** With PyTorch's defaults, momentum 0.1 and eps 1e-5. */
    public BatchNorm(String name, int size) {
        this(name, size, DEFAULT_MOMENTUM, DEFAULT_EPS);
    }

    /**
     * @param name     prefix of the parameter and state names ({@code name.weight}, {@code name.bias},
     *                 {@code name.running_mean}, {@code name.running_var})
     * @param size     features, &gt;= 1
     * @param momentum how far one training batch moves the running statistics, in [0, 1]
     * @param eps      added to the variance before the square root, &gt; 0 and finite
     */
    public BatchNorm(String name, int size, double momentum, double eps) {
        this.name = Objects.requireNonNull(name, "name");
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, was " + size);
        }
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1], was " + momentum);
        }
        if (!(eps > 0 && eps < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("eps must be > 0 and finite, was " + eps);
        }
        this.size = size;
        this.momentum = momentum;
        this.eps = eps;
        this.weight = Parameter.zeros(name + ".weight", false, size);
        Arrays.fill(weight.value(), 1f);
        this.bias = Parameter.zeros(name + ".bias", false, size);
        this.runningMean = new float[size];
        this.runningVar = new float[size];
        Arrays.fill(runningVar, 1f);
        Map<String, float[]> s = new LinkedHashMap<>();
        s.put(name + ".running_mean", runningMean);
        s.put(name + ".running_var", runningVar);
        this.state = Collections.unmodifiableMap(s);
        this.normalized = new BatchBuffer(size);
        this.output = new BatchBuffer(size);
        this.gradInput = new BatchBuffer(size);
        this.negMean = new float[size];
        this.invStd = new float[size];
        this.columnA = new float[size];
        this.columnB = new float[size];
    }

    /** Gamma, the per-feature scale. */
    public Parameter weight() {
        return weight;
    }

    /** Beta, the per-feature shift. */
    public Parameter bias() {
        return bias;
    }

    /** The running mean (live array). */
    public float[] runningMean() {
        return runningMean;
    }

    /** The running variance, unbiased (live array). */
    public float[] runningVar() {
        return runningVar;
    }

    public double momentum() {
        return momentum;
    }

    public double eps() {
        return eps;
    }

    @Override
    public int inputSize() {
        return size;
    }

    @Override
    public int outputSize() {
        return size;
    }

    @Override
    public Matrix forward(Matrix x, Mode mode) {
        Objects.requireNonNull(x, "input");
        Objects.requireNonNull(mode, "mode");
        if (x.cols() != size) {
            throw new IllegalArgumentException(describe() + ": input must have " + size + " columns, had " + x.cols());
        }
        int n = x.rows();
        if (mode == Mode.INFERENCE) {
            return inference(x);
        }
        if (n < 2) {
            throw new IllegalArgumentException(describe() + ": a training batch needs at least 2 rows for a batch"
                    + " variance, had " + n);
        }
        Matrix xhat = normalized.rows(n);
        Matrix y = output.rows(n);
        // Centre: xhat = x - mean, the mean from the column sums.
        Gemm.sumRows(n, size, x.data(), x.offset(), x.ld(), 0f, negMean, 0);
        Blas.scal(-1f / n, negMean);
        copyRows(x, xhat);
        Gemm.addBiasRows(n, size, negMean, 0, xhat.data(), xhat.offset(), xhat.ld());
        // Biased variance from the centred squares (two passes, so no cancellation); y is free scratch here.
        Blas.mul(n * size, xhat.data(), xhat.offset(), xhat.data(), xhat.offset(), y.data(), y.offset());
        Gemm.sumRows(n, size, y.data(), y.offset(), y.ld(), 0f, columnA, 0);
        for (int j = 0; j < size; j++) {
            invStd[j] = (float) (1 / Math.sqrt(columnA[j] / (double) n + eps));
        }
        // running = (1 - momentum) running + momentum batch; the variance unbiased: sum / (n - 1).
        Blas.scal((float) (1 - momentum), runningMean);
        Blas.axpy((float) -momentum, negMean, runningMean);
        Blas.scal((float) (1 - momentum), runningVar);
        Blas.axpy((float) (momentum / (n - 1)), columnA, runningVar);
        // xhat *= invStd; y = gamma xhat + beta.
        for (int r = 0; r < n; r++) {
            int row = xhat.offset() + r * xhat.ld();
            Blas.mul(size, xhat.data(), row, invStd, 0, xhat.data(), row);
            Blas.mul(size, xhat.data(), row, weight.value(), 0, y.data(), y.offset() + r * y.ld());
        }
        Gemm.addBiasRows(n, size, bias.value(), 0, y.data(), y.offset(), y.ld());
        lastNormalized = xhat;
        return y;
    }

    /** y = x * scale + shift with scale = gamma / sqrt(running_var + eps), shift = beta - running_mean * scale. */
    private Matrix inference(Matrix x) {
        int n = x.rows();
        Matrix y = output.rows(n);
        float[] scale = columnA;
        float[] shift = columnB;
        float[] gamma = weight.value();
        for (int j = 0; j < size; j++) {
            scale[j] = (float) (gamma[j] / Math.sqrt(runningVar[j] + eps));
        }
        Blas.mul(runningMean, scale, shift);
        Blas.sub(bias.value(), shift, shift);
        for (int r = 0; r < n; r++) {
            Blas.mul(size, x.data(), x.offset() + r * x.ld(), scale, 0, y.data(), y.offset() + r * y.ld());
        }
        Gemm.addBiasRows(n, size, shift, 0, y.data(), y.offset(), y.ld());
        return y;
    }

    /**
     * The batch-norm gradient through the batch mean and variance. With k = gamma * invStd,
     * dbeta = sum_i dy, dgamma = sum_i dy * xhat, and
     * {@code dx = k * (dy - dbeta / n - xhat * dgamma / n)}: the two subtracted terms are the paths through
     * the mean and through the variance, which every row of the batch shares.
     */
    @Override
    public Matrix backward(Matrix dy) {
        if (lastNormalized == null) {
            throw new IllegalStateException(describe() + ": backward before a training forward pass");
        }
        Objects.requireNonNull(dy, "gradOutput");
        Matrix xhat = lastNormalized;
        int n = xhat.rows();
        if (dy.rows() != n || dy.cols() != size) {
            throw new IllegalArgumentException(describe() + ": gradOutput must be " + n + "x" + size + ", was "
                    + dy.rows() + "x" + dy.cols());
        }
        Matrix dx = gradInput.rows(n);
        Gemm.sumRows(n, size, dy.data(), dy.offset(), dy.ld(), 0f, bias.grad(), 0);
        // dx holds dy * xhat for a moment, to sum its columns into dgamma.
        for (int r = 0; r < n; r++) {
            Blas.mul(size, dy.data(), dy.offset() + r * dy.ld(), xhat.data(), xhat.offset() + r * xhat.ld(),
                    dx.data(), dx.offset() + r * dx.ld());
        }
        Gemm.sumRows(n, size, dx.data(), dx.offset(), dx.ld(), 0f, weight.grad(), 0);
        float[] k = columnA;
        float[] minusDgammaOverN = columnB;
        Blas.mul(weight.value(), invStd, k);
        Blas.scal(size, -1f / n, copyInto(weight.grad(), minusDgammaOverN), 0);
        for (int r = 0; r < n; r++) {
            int row = dx.offset() + r * dx.ld();
            Blas.mul(size, xhat.data(), xhat.offset() + r * xhat.ld(), minusDgammaOverN, 0, dx.data(), row);
            Blas.add(size, dx.data(), row, dy.data(), dy.offset() + r * dy.ld(), dx.data(), row);
        }
        float[] minusDbetaOverN = minusDgammaOverN;
        Blas.scal(size, -1f / n, copyInto(bias.grad(), minusDbetaOverN), 0);
        Gemm.addBiasRows(n, size, minusDbetaOverN, 0, dx.data(), dx.offset(), dx.ld());
        for (int r = 0; r < n; r++) {
            int row = dx.offset() + r * dx.ld();
            Blas.mul(size, dx.data(), row, k, 0, dx.data(), row);
        }
        return dx;
    }

    private static float[] copyInto(float[] from, float[] to) {
        System.arraycopy(from, 0, to, 0, from.length);
        return to;
    }

    private void copyRows(Matrix from, Matrix to) {
        if (from.isDense()) {
            System.arraycopy(from.data(), from.offset(), to.data(), to.offset(), from.rows() * size);
            return;
        }
        for (int r = 0; r < from.rows(); r++) {
            System.arraycopy(from.data(), from.offset() + r * from.ld(), to.data(), to.offset() + r * to.ld(), size);
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** {@code name.running_mean} and {@code name.running_var}, in that order. */
    @Override
    public Map<String, float[]> state() {
        return state;
    }

    @Override
    public String describe() {
        return "BatchNorm(" + size + ")";
    }
}
