package dev.lanewise.model.optim;

import dev.lanewise.kernels.optim.OptimizerKernels;
import dev.lanewise.kernels.optim.Optimizers;

import java.util.Arrays;
import java.util.List;

/**
 * An optimizer that owns the state of a fixed set of parameter arrays, like a {@code torch.optim} optimizer
 * over its parameter group: each {@link #step} takes one gradient per parameter array and updates them all
 * with the fused kernels.
 *
 * <p>Non-finite gradients: a step whose gradients hold any NaN or infinity is skipped as a whole (no array
 * is updated, the step count does not advance), counted in {@link #skippedSteps()}, and reported by
 * {@code step} returning {@code false}, as {@code torch.cuda.amp.GradScaler} skips overflowed steps.
 */
public abstract class Optimizer {
    /** The kernels the facades use; every argument is checked here, once, before they run. */
    protected static final OptimizerKernels KERNELS = Optimizers.kernels();

    private final float[][] params;
    private long step;
    private long skipped;

    protected Optimizer(float[]... params) {
        if (params == null || params.length == 0) {
            throw new IllegalArgumentException("params must hold at least one array");
        }
        for (int k = 0; k < params.length; k++) {
            if (params[k] == null) {
                throw new IllegalArgumentException("params[" + k + "] must not be null");
            }
        }
        this.params = params.clone();
    }

    /**
     * One step with one gradient per parameter array, in the order given at construction.
     *
     * @return true if the step was taken; false if a gradient held NaN or ±Inf and nothing was changed
     */
    public final boolean step(float[]... grads) {
        if (grads == null || grads.length != params.length) {
            throw new IllegalArgumentException("need one gradient per parameter array (" + params.length + "), got "
                    + (grads == null ? "null" : grads.length));
        }
        for (int k = 0; k < grads.length; k++) {
            if (grads[k] == null || grads[k].length != params[k].length) {
                throw new IllegalArgumentException("grads[" + k + "] must have length " + params[k].length + ", had "
                        + (grads[k] == null ? "null" : grads[k].length));
            }
        }
        for (float[] g : grads) {
            if (!KERNELS.allFinite(g.length, g, 0)) {
                skipped++;
                return false;
            }
        }
        step++;
        for (int k = 0; k < params.length; k++) {
            update(k, params[k], grads[k], step);
        }
        return true;
    }

    /**
     * Whether this optimizer updates exactly these arrays (the same objects) in this order: a trainer checks it
     * before training, since an optimizer over other arrays of the same lengths would train nothing.
     */
    public final boolean updates(List<float[]> arrays) {
        if (arrays == null || arrays.size() != params.length) {
            return false;
        }
        for (int k = 0; k < params.length; k++) {
            if (arrays.get(k) != params[k]) {
                return false;
            }
        }
        return true;
    }

    /** The learning rate the next step uses (PyTorch's {@code param_groups[0]['lr']}). */
    public abstract double lr();

    /**
     * Sets the learning rate of the following steps, as a schedule does between steps (PyTorch writes
     * {@code param_groups[0]['lr']}). The state (moments, step count) is kept. Setting the current rate again
     * changes and allocates nothing, so a per-epoch schedule costs nothing per step.
     *
     * @throws IllegalArgumentException if {@code lr} is negative, NaN or infinite
     */
    public final void setLr(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lr must be finite and >= 0, was " + lr);
        }
        if (lr != lr()) {
            applyLr(lr);
        }
    }

    /** Makes the following steps use {@code lr} (already checked, and different from the current one). */
    protected abstract void applyLr(double lr);

    /** Steps taken so far (PyTorch's {@code state['step']}). */
    public final long stepCount() {
        return step;
    }

    /** Steps skipped because a gradient was not finite. */
    public final long skippedSteps() {
        return skipped;
    }

    /** The number of parameter arrays. */
    protected final int size() {
        return params.length;
    }

    /** The length of parameter array {@code k}. */
    protected final int length(int k) {
        return params[k].length;
    }

    /** A zero-filled buffer per parameter array, for optimizer state. */
    protected final float[][] buffers() {
        float[][] out = new float[params.length][];
        for (int k = 0; k < params.length; k++) {
            out[k] = new float[params[k].length];
        }
        return out;
    }

    /** Updates parameter array {@code k} in place; the gradient is finite and the right length. */
    protected abstract void update(int k, float[] param, float[] grad, long step);

    @Override
    public String toString() {
        return getClass().getSimpleName() + " over " + params.length + " arrays, step " + step + ", skipped " + skipped
                + ", lengths " + Arrays.toString(Arrays.stream(params).mapToInt(p -> p.length).toArray());
    }
}
