package dev.lanewise.model.nn;

import dev.lanewise.model.data.Matrix;
import java.util.List;
import java.util.Map;

/**
 * One step of a network, with its forward and backward pass. A layer owns its output and input-gradient
 * buffers, sized for the largest batch seen so far, and returns views of them: a training step allocates
 * nothing once every batch size has been seen. A returned matrix stays valid until the layer's next call.
 */
public interface Layer {

    /** The number of input columns this layer takes. */
    int inputSize();

    /** The number of output columns it produces. */
    int outputSize();

    /**
     * Computes the output for a batch (one row per sample). In {@link Mode#TRAIN} the layer keeps what its
     * backward pass needs (its input, or its output).
     */
    Matrix forward(Matrix input, Mode mode);

    /**
     * Given the gradient of the loss with respect to this layer's last training output, fills its parameters'
     * gradients (overwriting them) and returns the gradient with respect to its input.
     */
    Matrix backward(Matrix gradOutput);

    /**
     * Whether {@link #backward} returns the gradient for the input. Only a network's first layer may skip it
     * (its input is the data); {@link Sequential} refuses any other layer that does.
     */
    default boolean computesInputGradient() {
        return true;
    }

    /** The trainable parameters, in a fixed order (empty for an activation). */
    List<Parameter> parameters();

    /**
     * The non-trainable state a saved model must keep, such as batch norm's running statistics: the live
     * arrays (not copies), keyed like parameters ({@code "bn0.running_mean"}), in a fixed order. Loading a
     * model writes into these arrays. Empty for layers without such state.
     */
    default Map<String, float[]> state() {
        return Map.of();
    }

    /** A short description for summaries, e.g. {@code Dense(64 -> 10)}. */
    String describe();
}
