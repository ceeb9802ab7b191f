package dev.lanewise.model.nn;

import dev.lanewise.kernels.gemm.Gemm;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.parallel.ComputePool;
import dev.lanewise.model.parallel.UsesComputePool;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A fully connected layer, {@code Y = X W + b}, with W stored row-major as {@code in x out} so that the
 * forward pass and both backward products are single GEMM calls on the arrays as they are:
 * Y = X W, dW = X<sup>T</sup> dY, dX = dY W<sup>T</sup>; the bias through {@code addBiasRows} and
 * {@code sumRows}. (PyTorch's {@code nn.Linear} stores the transpose, {@code out x in}.)
 *
 * <p>The products run on the threads of the {@link ComputePool} given to {@link #useThreads} (a trainer
 * gives its step's pool), else on {@code GemmSettings}' default threads and executor. The result is the
 * same either way.
 */
public final class Dense implements Layer, UsesComputePool {
    private final String name;
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    private final boolean inputGradient;
    private final BatchBuffer output;
    private final BatchBuffer gradInput;
    private Matrix lastInput;
    private ComputePool pool;

    /**
     * @param name          prefix of the parameter names ({@code name + ".weight"}, {@code name + ".bias"})
     * @param in            input columns, &gt;= 1
     * @param out           output columns, &gt;= 1
     * @param init          how the weights start
     * @param seed          seeds the weights
     * @param inputGradient whether backward computes the gradient for the input; the first layer of a
     *                      network does not need it, and skipping it saves one GEMM per step
     */
    public Dense(String name, int in, int out, WeightInit init, long seed, boolean inputGradient) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(init, "init");
        if (in < 1) {
            throw new IllegalArgumentException("in must be >= 1, was " + in);
        }
        if (out < 1) {
            throw new IllegalArgumentException("out must be >= 1, was " + out);
        }
        this.in = in;
        this.out = out;
        this.weight = Parameter.zeros(name + ".weight", true, in, out);
        this.bias = Parameter.zeros(name + ".bias", false, out);
        init.fill(weight.value(), in, out, new SplittableRandom(seed));
        this.inputGradient = inputGradient;
        this.output = new BatchBuffer(out);
        this.gradInput = new BatchBuffer(in);
    }

    @Override
    public int inputSize() {
        return in;
    }

    @Override
    public int outputSize() {
        return out;
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    @Override
    public Matrix forward(Matrix x, Mode mode) {
        requireCols("input", x, in);
        int n = x.rows();
        Matrix y = output.rows(n);
        sgemm(false, false, n, out, in, x.data(), x.offset(), x.ld(), weight.value(), 0, out,
                y.data(), y.offset(), y.ld());
        Gemm.addBiasRows(n, out, bias.value(), 0, y.data(), y.offset(), y.ld());
        if (mode == Mode.TRAIN) {
            lastInput = x;
        }
        return y;
    }

    @Override
    public Matrix backward(Matrix dy) {
        if (lastInput == null) {
            throw new IllegalStateException(name + ": backward before a training forward pass");
        }
        requireCols("gradOutput", dy, out);
        Matrix x = lastInput;
        int n = x.rows();
        if (dy.rows() != n) {
            throw new IllegalArgumentException(name + ": gradOutput must have the forward batch's " + n
                    + " rows, had " + dy.rows());
        }
        sgemm(true, false, in, out, n, x.data(), x.offset(), x.ld(), dy.data(), dy.offset(), dy.ld(),
                weight.grad(), 0, out);
        Gemm.sumRows(n, out, dy.data(), dy.offset(), dy.ld(), 0f, bias.grad(), 0);
        if (!inputGradient) {
            return null;
        }
        Matrix dx = gradInput.rows(n);
        sgemm(false, true, n, in, out, dy.data(), dy.offset(), dy.ld(), weight.value(), 0, out,
                dx.data(), dx.offset(), dx.ld());
        return dx;
    }

    @Override
    public boolean computesInputGradient() {
        return inputGradient;
    }

    @Override
    public void useThreads(ComputePool pool) {
        this.pool = pool;
    }

    /** C = op(A) op(B) on the pool's threads, or on Gemm's defaults without a pool. */
    private void sgemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        ComputePool threads = pool;
        if (threads == null) {
            Gemm.sgemm(transA, transB, m, n, k, 1f, a, aOff, lda, b, bOff, ldb, 0f, c, cOff, ldc);
        } else {
            Gemm.sgemm(transA, transB, m, n, k, 1f, a, aOff, lda, b, bOff, ldb, 0f, c, cOff, ldc, threads.threads(),
                    threads);
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public String describe() {
        return "Dense(" + in + " -> " + out + ")";
    }

    private void requireCols(String what, Matrix m, int cols) {
        Objects.requireNonNull(m, what);
        if (m.cols() != cols) {
            throw new IllegalArgumentException(name + ": " + what + " must have " + cols + " columns, had " + m.cols());
        }
    }
}
