package dev.lanewise.model.data;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded mini-batch iteration over a dataset, reshuffled every epoch, without a copy per batch.
 *
 * <pre>{@code
 * MiniBatches batches = new MiniBatches(train, 32, seed);
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     batches.startEpoch(epoch);
 *     while (batches.next()) {
 *         Matrix x = batches.features();        // size() rows, a view
 *         int off = batches.targetOffset();     // y[off .. off + size()) are its targets
 *         float[] y = batches.targets();        // or int[] labels = batches.labels()
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p><b>How.</b> {@link #startEpoch} permutes the dataset's rows, features and targets, into shuffled
 * buffers allocated once by the constructor and reused every epoch. Batch {@code b} is then rows
 * {@code [b * batchSize, b * batchSize + size())} of those buffers: its features are a {@link Matrix}
 * view made once by the constructor, and its targets the matching slice of the shuffled target array.
 * {@link #next()} and every accessor allocate nothing; {@link #startEpoch} allocates one small random
 * generator and copies the dataset once.
 *
 * <p><b>Order.</b> The permutation of epoch {@code e} depends only on the seed and {@code e}: the same seed
 * gives the same batches, run after run, and an epoch can be replayed on its own. Different epochs get
 * different permutations. The last batch of an epoch has {@code rows % batchSize} rows when that is not
 * zero, unless {@code dropLast} drops it.
 *
 * <p><b>Full batch.</b> With {@code batchSize >= rows} there is one batch of every row, and no shuffle: it
 * is the dataset's own features and targets, in their order, so every epoch sums in the same order and no
 * buffer is allocated. {@code batchSize = 1} is stochastic gradient descent.
 *
 * <p>Not thread-safe: one instance per training loop. The views and arrays it returns are overwritten by
 * the next {@link #startEpoch}.
 */
public final class MiniBatches {
    private final Dataset data;
    private final int batchSize;
    private final long seed;
    private final boolean fullBatch;
    private final int batchCount;
    private final Matrix[] views;
    private final int[] order;
    private final float[] shuffledTargets;
    private final int[] shuffledLabels;
    private boolean started;
    private int batch;

    /** Batches of {@code batchSize} rows, the last one possibly shorter. */
    public MiniBatches(Dataset data, int batchSize, long seed) {
        this(data, batchSize, seed, false);
    }

    /**
     * Batches of {@code batchSize} rows.
     *
     * @param dropLast whether to skip an epoch's last batch when it is shorter than {@code batchSize}
     * @throws IllegalArgumentException if the dataset has no rows, {@code batchSize < 1}, or
     *                                  {@code dropLast} with {@code batchSize > rows} would leave no batch
     */
    public MiniBatches(Dataset data, int batchSize, long seed, boolean dropLast) {
        Objects.requireNonNull(data, "data");
        int n = data.rows();
        if (n == 0) {
            throw new IllegalArgumentException("cannot iterate over a dataset with 0 rows");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        if (dropLast && batchSize > n) {
            throw new IllegalArgumentException("batchSize " + batchSize + " > rows " + n
                    + " with dropLast would give no batch at all");
        }
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
        this.fullBatch = batchSize >= n;
        this.batchCount = fullBatch ? 1 : dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
        this.views = new Matrix[batchCount];
        if (fullBatch) {
            views[0] = data.features();
            order = null;
            shuffledTargets = null;
            shuffledLabels = null;
            return;
        }
        order = new int[n];
        Matrix buffer = Matrix.zeros(n, data.cols());
        for (int b = 0; b < batchCount; b++) {
            views[b] = buffer.rowRange(b * batchSize, Math.min(n, (b + 1) * batchSize));
        }
        shuffledTargets = data.isClassification() ? null : new float[n];
        shuffledLabels = data.isClassification() ? new int[n] : null;
    }

    /**
     * Starts epoch {@code epoch}: shuffles the rows by this epoch's permutation and rewinds to before the
     * first batch.
     *
     * @throws IllegalArgumentException if {@code epoch < 0}
     */
    public void startEpoch(long epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, was " + epoch);
        }
        if (!fullBatch) {
            shuffle(epoch);
        }
        started = true;
        batch = -1;
    }

    /** Moves to the next batch of the epoch; false when the epoch has no more batches. */
    public boolean next() {
        if (!started) {
            throw new IllegalStateException("call startEpoch(epoch) before next()");
        }
        if (batch < batchCount) {
            batch++;
        }
        return batch < batchCount;
    }

    /** The current batch's features: {@link #size()} rows, a view (not a copy) reused every epoch. */
    public Matrix features() {
        return views[current()];
    }

    /**
     * The shuffled regression targets of the whole epoch; the current batch's are
     * {@code [targetOffset(), targetOffset() + size())}. Overwritten by the next {@link #startEpoch}.
     *
     * @throws IllegalStateException on a classification dataset
     */
    public float[] targets() {
        current();
        if (data.isClassification()) {
            throw new IllegalStateException("a classification dataset has labels(), not targets()");
        }
        return fullBatch ? data.targets() : shuffledTargets;
    }

    /**
     * The shuffled class labels of the whole epoch; the current batch's are
     * {@code [targetOffset(), targetOffset() + size())}. Overwritten by the next {@link #startEpoch}.
     *
     * @throws IllegalStateException on a regression dataset
     */
    public int[] labels() {
        current();
        if (!data.isClassification()) {
            throw new IllegalStateException("a regression dataset has targets(), not labels()");
        }
        return fullBatch ? data.labels() : shuffledLabels;
    }

    /** Where the current batch's targets start in {@link #targets()} or {@link #labels()}. */
    public int targetOffset() {
        return current() * batchSize;
    }

    /** Rows in the current batch: {@code batchSize}, or fewer for the last batch or a full batch. */
    public int size() {
        return views[current()].rows();
    }

    /** The current batch's 0-based index within the epoch. */
    public int batchIndex() {
        return current();
    }

    /** Batches in every epoch. */
    public int batchesPerEpoch() {
        return batchCount;
    }

    /** The requested batch size. */
    public int batchSize() {
        return batchSize;
    }

    /** Whether there is one batch of every row, unshuffled. */
    public boolean isFullBatch() {
        return fullBatch;
    }

    /** The dataset being iterated. */
    public Dataset dataset() {
        return data;
    }

    private int current() {
        if (!started || batch < 0 || batch >= batchCount) {
            throw new IllegalStateException("no current batch: call startEpoch(epoch), then next() until it returns false");
        }
        return batch;
    }

    /** Row {@code i} of the buffers becomes the dataset's row {@code order[i]}. */
    private void shuffle(long epoch) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Shuffling.shuffle(order, 0, order.length, new SplittableRandom(Shuffling.derive(seed, epoch)));

        Matrix source = data.features();
        Matrix buffer = views[0];
        int cols = source.cols();
        float[] from = source.data();
        float[] to = buffer.data();
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(from, source.offset() + order[i] * cols, to, buffer.offset() + i * cols, cols);
        }
        if (shuffledTargets != null) {
            float[] y = data.targets();
            for (int i = 0; i < order.length; i++) {
                shuffledTargets[i] = y[order[i]];
            }
        } else {
            int[] y = data.labels();
            for (int i = 0; i < order.length; i++) {
                shuffledLabels[i] = y[order[i]];
            }
        }
    }
}
