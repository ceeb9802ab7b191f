package dev.lanewise.model.nn;

import dev.lanewise.model.data.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Layers applied in order; backward runs them in reverse. A linear model is a Sequential of one Dense. */
public final class Sequential {
    private final List<Layer> layers;
    private final List<Parameter> parameters;

    public Sequential(List<? extends Layer> layers) {
        Objects.requireNonNull(layers, "layers");
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("layers must not be empty");
        }
        Objects.requireNonNull(layers.get(0), "layers[0]");
        for (int i = 1; i < layers.size(); i++) {
            Layer before = layers.get(i - 1);
            Layer after = Objects.requireNonNull(layers.get(i), "layers[" + i + "]");
            if (before.outputSize() != after.inputSize()) {
                throw new IllegalArgumentException("layer " + (i - 1) + " " + before.describe() + " outputs "
                        + before.outputSize() + " columns but layer " + i + " " + after.describe() + " takes "
                        + after.inputSize());
            }
            // Found here rather than in the first backward pass, which would have written gradients by then.
            if (!after.computesInputGradient()) {
                throw new IllegalArgumentException("layer " + i + " " + after.describe() + " computes no input gradient,"
                        + " which only the first layer may skip: layer " + (i - 1) + " needs it");
            }
        }
        this.layers = List.copyOf(layers);
        List<Parameter> all = new ArrayList<>();
        for (Layer layer : this.layers) {
            all.addAll(layer.parameters());
        }
        this.parameters = List.copyOf(all);
    }

    public Sequential(Layer... layers) {
        this(List.of(layers));
    }

    public List<Layer> layers() {
        return layers;
    }

    /** Every layer's parameters, in layer order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    public int inputSize() {
        return layers.get(0).inputSize();
    }

    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    /** The output of the last layer for this batch. */
    public Matrix forward(Matrix input, Mode mode) {
        Matrix x = input;
        for (Layer layer : layers) {
            x = layer.forward(x, mode);
        }
        return x;
    }

    /** Receives each chunk's output in {@link #forwardInChunks}. */
    public interface ChunkOutput {
        /** {@code output} holds the rows from {@code firstRow} on; it is valid until the next chunk. */
        void accept(int firstRow, Matrix output);
    }

    /**
     * The inference pass over every row of {@code x}, at most {@code chunk} rows at a time (so the layers'
     * buffers stay at that size whatever the number of rows), handing each chunk's output to {@code each}.
     */
    public void forwardInChunks(Matrix x, int chunk, ChunkOutput each) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1, was " + chunk);
        }
        for (int from = 0; from < x.rows(); from += chunk) {
            int to = Math.min(x.rows(), from + chunk);
            each.accept(from, forward(x.rowRange(from, to), Mode.INFERENCE));
        }
    }

    /** Backpropagates the loss gradient with respect to the last output, filling every parameter's grad. */
    public void backward(Matrix gradOutput) {
        Matrix g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g);
            if (g == null && i > 0) {
                throw new IllegalStateException("layer " + (i - 1) + " needs an input gradient from layer " + i
                        + " " + layers.get(i).describe() + ", which was built without one");
            }
        }
    }

    /** One line per layer. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Layer layer : layers) {
            sb.append(sb.isEmpty() ? "" : " -> ").append(layer.describe());
        }
        return sb.toString();
    }
}
