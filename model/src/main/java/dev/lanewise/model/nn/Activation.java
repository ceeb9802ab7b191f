package dev.lanewise.model.nn;

import dev.lanewise.model.data.Matrix;
import java.util.List;
import java.util.Objects;

/** An elementwise activation layer on the kernels' fused forward and backward passes. */
public final class Activation implements Layer {
    private final ActivationFunction function;
    private final int size;
    private final BatchBuffer output;
    private final BatchBuffer gradInput;
    private Matrix saved;

    public Activation(ActivationFunction function, int size) {
        this.function = Objects.requireNonNull(function, "function");
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, was " + size);
        }
        this.size = size;
        this.output = new BatchBuffer(size);
        this.gradInput = new BatchBuffer(size);
    }

    public ActivationFunction function() {
        return function;
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
        if (x.cols() != size) {
            throw new IllegalArgumentException(describe() + ": input must have " + size + " columns, had " + x.cols());
        }
        if (!x.isDense()) {
            x = x.copy();
        }
        Matrix y = output.rows(x.rows());
        function.forward(x.rows() * size, x.data(), x.offset(), y.data(), y.offset());
        if (mode == Mode.TRAIN) {
            saved = function.savesOutput() ? y : x;
        }
        return y;
    }

    @Override
    public Matrix backward(Matrix dy) {
        if (saved == null) {
            throw new IllegalStateException(describe() + ": backward before a training forward pass");
        }
        Objects.requireNonNull(dy, "gradOutput");
        if (dy.rows() != saved.rows() || dy.cols() != size || !dy.isDense()) {
            throw new IllegalArgumentException(describe() + ": gradOutput must be a dense " + saved.rows() + "x" + size
                    + " matrix, was " + dy.rows() + "x" + dy.cols() + (dy.isDense() ? "" : " (not dense)"));
        }
        Matrix dx = gradInput.rows(dy.rows());
        function.backward(dy.rows() * size, dy.data(), dy.offset(), saved.data(), saved.offset(), dx.data(), dx.offset());
        return dx;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public String describe() {
        return function.cliName() + "(" + size + ")";
    }
}
