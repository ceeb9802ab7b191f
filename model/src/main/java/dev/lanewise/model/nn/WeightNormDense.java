package dev.lanewise.model.nn;

import dev.lanewise.kernels.blas.Blas;
import dev.lanewise.kernels.gemm.Gemm;
import dev.lanewise.model.data.Matrix;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A fully connected layer with weight normalization (Salimans and Kingma, 2016), {@code Y = X W + b} with
 * each output unit's weights (a column of the {@code in x out} matrix W) written as
 * {@code w_j = g_j * v_j / ||v_j||}: the direction {@code v} and the length {@code g} are trained
 * separately. This is PyTorch's {@code torch.nn.utils.weight_norm(nn.Linear(in, out))} (its {@code dim=0}
 * is over output units; PyTorch stores {@code v} as {@code out x in}, we store its transpose as Dense does).
 *
 * <p>Parameters: {@code name.v} ({@code in x out}, decays), {@code name.g} ({@code out}, no decay; starts
 * at {@code ||v_j||}, so that W starts equal to v, as PyTorch does) and {@code name.bias} (starts at 0).
 * The forward pass computes W into a buffer, then one GEMM; backward is Dense's three products plus
 * elementwise kernels for the chain rule through the normalization.
 */
public final class WeightNormDense implements Layer {
    private final String name;
    private final int in;
    private final int out;
    private final Parameter v;
    private final Parameter g;
    private final Parameter bias;
    private final boolean inputGradient;
    private final float[] w;
    private final float[] scratch;
    private final float[] norm;
    private final float[] scale;
    private final float[] columnScratch;
    private final BatchBuffer output;
    private final BatchBuffer gradInput;
    private Matrix lastInput;

    /**
     * @param name          prefix of the parameter names ({@code name.v}, {@code name.g}, {@code name.bias})
     * @param in            input columns, &gt;= 1
     * @param out           output columns, &gt;= 1
     * @param init          how {@code v} starts; not {@link WeightInit#ZEROS}, whose zero columns have no
     *                      direction
     * @param seed          seeds {@code v}
     * @param inputGradient whether backward computes the gradient for the input (not needed by a first layer)
     */
    public WeightNormDense(String name, int in, int out, WeightInit init, long seed, boolean inputGradient) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(init, "init");
        if (in < 1) {
            throw new IllegalArgumentException("in must be >= 1, was " + in);
        }
        if (out < 1) {
            throw new IllegalArgumentException("out must be >= 1, was " + out);
        }
        if (init == WeightInit.ZEROS) {
            throw new IllegalArgumentException("init must not be ZEROS for a weight-normalized layer: a zero v has"
                    + " no direction (g * v / ||v|| is 0 / 0), was " + init);
        }
        this.in = in;
        this.out = out;
        this.v = Parameter.zeros(name + ".v", true, in, out);
        this.g = Parameter.zeros(name + ".g", false, out);
        this.bias = Parameter.zeros(name + ".bias", false, out);
        this.inputGradient = inputGradient;
        this.w = new float[Math.multiplyExact(in, out)];
        this.scratch = new float[w.length];
        this.norm = new float[out];
        this.scale = new float[out];
        this.columnScratch = new float[out];
        this.output = new BatchBuffer(out);
        this.gradInput = new BatchBuffer(in);
        init.fill(v.value(), in, out, new SplittableRandom(seed));
        columnNorms(v.value(), g.value());
    }

    @Override
    public int inputSize() {
        return in;
    }

    @Override
    public int outputSize() {
        return out;
    }

    /** The direction, {@code in x out}. */
    public Parameter v() {
        return v;
    }

    /** The length of each output unit's weights. */
    public Parameter g() {
        return g;
    }

    public Parameter bias() {
        return bias;
    }

    /** A new array holding W = g * v / ||v|| ({@code in x out}) for the current parameters. */
    public float[] effectiveWeight() {
        float[] result = new float[w.length];
        computeWeight(new float[out], new float[out], result);
        return result;
    }

    @Override
    public Matrix forward(Matrix x, Mode mode) {
        requireCols("input", x, in);
        Objects.requireNonNull(mode, "mode");
        int n = x.rows();
        // The optimizer changes v and g in place between steps, so W is recomputed every pass: O(in * out),
        // small next to the GEMM's O(n * in * out).
        computeWeight(norm, scale, w);
        Matrix y = output.rows(n);
        Gemm.sgemm(false, false, n, out, in, 1f, x.data(), x.offset(), x.ld(), w, 0, out,
                0f, y.data(), y.offset(), y.ld());
        Gemm.addBiasRows(n, out, bias.value(), 0, y.data(), y.offset(), y.ld());
        if (mode == Mode.TRAIN) {
            lastInput = x;
        }
        return y;
    }

    /**
     * Dense's gradients for W and b and the input, then the chain rule through w_ij = g_j v_ij / ||v_j||:
     * <pre>
     *   dw_ij/dg_j  = v_ij / ||v_j||
     *   dw_ij/dv_kj = g_j (delta_ik / ||v_j|| - v_ij v_kj / ||v_j||^3)
     * so
     *   dg_j  = sum_i dW_ij v_ij / ||v_j||                       (dW's column projected on v's direction)
     *   dv_kj = (g_j / ||v_j||) dW_kj - (g_j dg_j / ||v_j||^2) v_kj   (the rest of dW, orthogonal to v_j, scaled)
     * </pre>
     */
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
        Matrix dx = null;
        if (inputGradient) {
            dx = gradInput.rows(n);
            Gemm.sgemm(false, true, n, in, out, 1f, dy.data(), dy.offset(), dy.ld(), w, 0, out,
                    0f, dx.data(), dx.offset(), dx.ld());
        }
        Gemm.sumRows(n, out, dy.data(), dy.offset(), dy.ld(), 0f, bias.grad(), 0);
        // dW = X^T dY, written straight into v's gradient and turned into dv below.
        float[] dv = v.grad();
        Gemm.sgemm(true, false, in, out, n, 1f, x.data(), x.offset(), x.ld(), dy.data(), dy.offset(), dy.ld(),
                0f, dv, 0, out);
        float[] dg = g.grad();
        Blas.mul(dv, v.value(), scratch);
        Gemm.sumRows(in, out, scratch, 0, out, 0f, dg, 0);
        Blas.div(dg, norm, dg);
        // b_j = -(g_j / ||v_j||) dg_j / ||v_j||; scale_j = g_j / ||v_j|| is the forward pass's.
        float[] b = columnScratch;
        Blas.mul(scale, dg, b);
        Blas.div(b, norm, b);
        Blas.scal(-1f, b);
        for (int r = 0; r < in; r++) {
            int row = r * out;
            Blas.mul(out, dv, row, scale, 0, dv, row);
            Blas.mul(out, v.value(), row, b, 0, scratch, row);
        }
        Blas.add(dv, scratch, dv);
        return dx;
    }

    /** weight = v * scales per column, scales_j = g_j / norms_j, norms_j = ||v_j||. */
    private void computeWeight(float[] norms, float[] scales, float[] weight) {
        columnNorms(v.value(), norms);
        Blas.div(g.value(), norms, scales);
        for (int r = 0; r < in; r++) {
            Blas.mul(out, v.value(), r * out, scales, 0, weight, r * out);
        }
    }

    /** The Euclidean norm of each column of the {@code in x out} matrix m: squares, column sums, roots. */
    private void columnNorms(float[] m, float[] norms) {
        Blas.mul(m, m, scratch);
        Gemm.sumRows(in, out, scratch, 0, out, 0f, norms, 0);
        // One square root per column: out of them, no kernel for it.
        for (int j = 0; j < out; j++) {
            norms[j] = (float) Math.sqrt(norms[j]);
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(v, g, bias);
    }

    @Override
    public String describe() {
        return "WeightNormDense(" + in + " -> " + out + ")";
    }

    private void requireCols(String what, Matrix m, int cols) {
        Objects.requireNonNull(m, what);
        if (m.cols() != cols) {
            throw new IllegalArgumentException(name + ": " + what + " must have " + cols + " columns, had " + m.cols());
        }
    }
}
