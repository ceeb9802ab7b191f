package dev.lanewise.model.nn;

import dev.lanewise.kernels.blas.Blas;
import dev.lanewise.model.data.Matrix;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Inverted dropout, as PyTorch's {@code nn.Dropout(p)}: in training each element is zeroed with probability
 * {@code p} and the kept ones are scaled by {@code 1 / (1 - p)}, so that inference, which returns its input
 * unchanged, needs no rescaling. The mask is drawn afresh at every training forward pass from one seeded
 * stream: the same seed and the same sequence of calls give the same masks. Backward multiplies by the
 * mask of the last training forward pass.
 */
public final class Dropout implements Layer {
    private final int size;
    private final double p;
    private final float keptScale;
    private final SplittableRandom random;
    private final BatchBuffer mask;
    private final BatchBuffer output;
    private final BatchBuffer gradInput;
    private Matrix lastMask;

    /**
     * @param size columns in and out, &gt;= 1
     * @param p    the probability of zeroing an element, in [0, 1)
     * @param seed seeds the masks
     */
    public Dropout(int size, double p, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, was " + size);
        }
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in [0, 1), was " + p);
        }
        this.size = size;
        this.p = p;
        this.keptScale = (float) (1 / (1 - p));
        this.random = new SplittableRandom(seed);
        this.mask = new BatchBuffer(size);
        this.output = new BatchBuffer(size);
        this.gradInput = new BatchBuffer(size);
    }

    /** The probability of zeroing an element. */
    public double p() {
        return p;
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
        if (mode == Mode.INFERENCE) {
            return x;
        }
        int n = x.rows();
        Matrix m = mask.rows(n);
        float[] md = m.data();
        // Drawing the mask is one random number per element; no kernel draws random numbers, so this is the
        // one loop that does. The mask holds 0 or 1/(1-p), so forward and backward are one multiply each.
        for (int i = 0, length = n * size; i < length; i++) {
            md[i] = random.nextDouble() < p ? 0f : keptScale;
        }
        Matrix y = output.rows(n);
        multiplyRows(x, m, y);
        lastMask = m;
        return y;
    }

    @Override
    public Matrix backward(Matrix dy) {
        if (lastMask == null) {
            throw new IllegalStateException(describe() + ": backward before a training forward pass");
        }
        Objects.requireNonNull(dy, "gradOutput");
        if (dy.rows() != lastMask.rows() || dy.cols() != size) {
            throw new IllegalArgumentException(describe() + ": gradOutput must be " + lastMask.rows() + "x" + size
                    + ", was " + dy.rows() + "x" + dy.cols());
        }
        Matrix dx = gradInput.rows(dy.rows());
        multiplyRows(dy, lastMask, dx);
        return dx;
    }

    /** {@code out = a * dense}, elementwise; {@code a} may have gaps between rows, the others are dense. */
    private void multiplyRows(Matrix a, Matrix dense, Matrix out) {
        if (a.isDense()) {
            Blas.mul(a.rows() * size, a.data(), a.offset(), dense.data(), dense.offset(), out.data(), out.offset());
            return;
        }
        for (int r = 0; r < a.rows(); r++) {
            Blas.mul(size, a.data(), a.offset() + r * a.ld(), dense.data(), dense.offset() + r * size,
                    out.data(), out.offset() + r * size);
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public String describe() {
        return "Dropout(" + size + ", p=" + p + ")";
    }
}
