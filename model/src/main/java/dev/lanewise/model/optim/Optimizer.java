package dev.lanewise.model.optim;

import dev.lanewise.kernels.optim.OptimizerKernels;
import dev.lanewise.kernels.optim.Optimizers;
import dev.lanewise.model.parallel.ComputePool;
import dev.lanewise.model.parallel.UsesComputePool;

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
 *
 * <p>Threads: given a {@link ComputePool} ({@link #useThreads}), a step splits every array of at least
 * {@link #MIN_SPLIT_LENGTH} elements into one chunk per thread and runs the gradient check and the fused
 * update of each chunk on the pool's threads, the same kernel on a range of the parameter, its gradient and
 * its state. The kernels are elementwise, so the result has the same bits for any thread count; only the
 * per-step scalars (bias corrections, NAdam's momentum product) are shared, and they are computed once per
 * step ({@link #beginStep}), not per chunk.
 */
public abstract class Optimizer implements UsesComputePool {
    /** The kernels the facades use; every argument is checked here, once, before they run. */
    protected static final OptimizerKernels KERNELS = Optimizers.kernels();

    /**
     * Arrays at least this long are split over the threads; shorter ones are updated whole by one thread.
     * Below it a chunk takes a few microseconds, about what handing it to another thread costs.
     */
    public static final int MIN_SPLIT_LENGTH = 1 << 16;

    /** Chunks start at multiples of this many elements: whole cache lines, whole vectors at any width. */
    private static final int CHUNK_ALIGN = 256;

    private final float[][] params;
    private long step;
    private long skipped;

    // A pooled step: its work items (array, [from, to)), planned once per pool, and the step in progress.
    private ComputePool pool;
    private int[] itemArray = new int[0];
    private int[] itemFrom = new int[0];
    private int[] itemTo = new int[0];
    private float[][] stepGrads;
    private volatile boolean sawNonFinite;
    private final ComputePool.Chunks checkItem = this::checkItem;
    private final ComputePool.Chunks updateItem = this::updateItem;

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
        ComputePool threads = pool;
        if (threads == null) {
            for (float[] g : grads) {
                if (!KERNELS.allFinite(g.length, g, 0)) {
                    skipped++;
                    return false;
                }
            }
            step++;
            beginStep(step);
            for (int k = 0; k < params.length; k++) {
                update(k, params[k], grads[k], 0, params[k].length, step);
            }
            return true;
        }
        stepGrads = grads;
        try {
            sawNonFinite = false;
            threads.runChunks(itemArray.length, checkItem);
            if (sawNonFinite) {
                skipped++;
                return false;
            }
            step++;
            beginStep(step);
            threads.runChunks(itemArray.length, updateItem);
            return true;
        } finally {
            stepGrads = null;
        }
    }

    /**
     * Splits the following steps' large arrays over {@code pool}'s threads, or, with null, runs them on the
     * calling thread. The result does not depend on it. A pool of one thread, or parameters that are all
     * shorter than {@link #MIN_SPLIT_LENGTH}, run on the calling thread too: there is nothing to split.
     */
    @Override
    public final void useThreads(ComputePool pool) {
        if (pool == null || pool.threads() == 1 || Arrays.stream(params).allMatch(p -> p.length < MIN_SPLIT_LENGTH)) {
            this.pool = null;
            return;
        }
        int threads = pool.threads();
        int items = 0;
        for (float[] p : params) {
            items += p.length >= MIN_SPLIT_LENGTH ? threads : 1;
        }
        int[] array = new int[items];
        int[] from = new int[items];
        int[] to = new int[items];
        int i = 0;
        // The split arrays first, so that the threads start on the long chunks and the short arrays fill in.
        for (int k = 0; k < params.length; k++) {
            int n = params[k].length;
            if (n >= MIN_SPLIT_LENGTH) {
                for (int c = 0; c < threads; c++) {
                    array[i] = k;
                    from[i] = chunkStart(c, threads, n);
                    to[i] = chunkStart(c + 1, threads, n);
                    i++;
                }
            }
        }
        for (int k = 0; k < params.length; k++) {
            if (params[k].length < MIN_SPLIT_LENGTH) {
                array[i] = k;
                from[i] = 0;
                to[i] = params[k].length;
                i++;
            }
        }
        this.itemArray = array;
        this.itemFrom = from;
        this.itemTo = to;
        this.pool = pool;
    }

    /** The first element of chunk {@code c} of {@code chunks} over {@code n} elements, on a multiple of CHUNK_ALIGN. */
    private static int chunkStart(int c, int chunks, int n) {
        long blocks = (n + CHUNK_ALIGN - 1) / CHUNK_ALIGN;
        return (int) Math.min(n, blocks * c / chunks * CHUNK_ALIGN);
    }

    private void checkItem(int i) {
        int from = itemFrom[i];
        if (!KERNELS.allFinite(itemTo[i] - from, stepGrads[itemArray[i]], from)) {
            sawNonFinite = true;
        }
    }

    private void updateItem(int i) {
        int k = itemArray[i];
        update(k, params[k], stepGrads[k], itemFrom[i], itemTo[i], step);
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

    /**
     * Called once per step taken, before any {@link #update} of it: the place for per-step scalar state that
     * every chunk of every array shares (NAdam's momentum product). Does nothing by default.
     *
     * @param step the step being taken, 1 for the first
     */
    protected void beginStep(long step) {}

    /**
     * Updates elements {@code [from, to)} of parameter array {@code k} in place, with the state of the same
     * elements: the fused kernel on that range. The gradient is finite and the right length. Chunks of one
     * array may run at the same time on different threads, so an update writes nothing outside its range
     * (per-step scalars belong in {@link #beginStep}).
     */
    protected abstract void update(int k, float[] param, float[] grad, int from, int to, long step);

    @Override
    public String toString() {
        return getClass().getSimpleName() + " over " + params.length + " arrays, step " + step + ", skipped " + skipped
                + ", lengths " + Arrays.toString(Arrays.stream(params).mapToInt(p -> p.length).toArray());
    }
}
