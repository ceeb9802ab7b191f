package dev.lanewise.model.nn;

import java.util.Arrays;
import java.util.Objects;

/**
 * A trainable array and its gradient, what optimizers update in place: {@code value} is read by the forward
 * pass, {@code grad} written by the backward pass.
 *
 * @param name   unique within its model, e.g. {@code "dense0.weight"}; the key under which it is saved
 * @param value  the parameter, updated in place
 * @param grad   its gradient, same length
 * @param shape  the logical shape ({@code {in, out}} for a weight, {@code {out}} for a bias)
 * @param decays whether penalties and weight decay apply (weights yes, biases no, as scikit-learn does)
 */
public record Parameter(String name, float[] value, float[] grad, int[] shape, boolean decays) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(grad, "grad");
        Objects.requireNonNull(shape, "shape");
        if (value.length != grad.length) {
            throw new IllegalArgumentException(name + ": grad must have the value's length " + value.length
                    + ", had " + grad.length);
        }
        long product = 1;
        for (int d : shape) {
            product *= d;
        }
        if (product != value.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " holds " + product
                    + " elements, value has " + value.length);
        }
        shape = shape.clone();
    }

    /** A zero parameter with a zero gradient. */
    public static Parameter zeros(String name, boolean decays, int... shape) {
        int n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return new Parameter(name, new float[n], new float[n], shape, decays);
    }

    /** The number of elements. */
    public int size() {
        return value.length;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }
}
