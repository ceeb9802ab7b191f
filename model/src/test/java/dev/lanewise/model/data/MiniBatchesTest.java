package dev.lanewise.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class MiniBatchesTest {
    /** Row i has features [i, 1000 + i] and target i (regression) or label i % 3 (classification). */
    private static Dataset numbered(int n, boolean classification) {
        float[] x = new float[n * 2];
        float[] y = new float[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 1000 + i;
            y[i] = i;
            labels[i] = i % 3;
        }
        Matrix features = Matrix.wrap(x, n, 2);
        return classification
                ? Dataset.classification(features, labels, LabelMapping.identity(3))
                : Dataset.regression(features, y);
    }

    /** The row ids of one epoch, batch by batch, checking that features and targets stay together. */
    private static List<int[]> epoch(MiniBatches batches, long epoch) {
        List<int[]> out = new ArrayList<>();
        batches.startEpoch(epoch);
        while (batches.next()) {
            Matrix x = batches.features();
            int[] ids = new int[batches.size()];
            assertEquals(batches.size(), x.rows());
            for (int r = 0; r < ids.length; r++) {
                ids[r] = (int) x.get(r, 0);
                assertEquals(1000 + ids[r], x.get(r, 1), "a row's columns stay together");
                int at = batches.targetOffset() + r;
                if (batches.dataset().isClassification()) {
                    assertEquals(ids[r] % 3, batches.labels()[at], "the label follows its row");
                } else {
                    assertEquals(ids[r], batches.targets()[at], "the target follows its row");
                }
            }
            out.add(ids);
        }
        return out;
    }

    private static int[] flat(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }

    private static int[] sizes(List<int[]> batches) {
        return batches.stream().mapToInt(b -> b.length).toArray();
    }

    @Test
    void everyRowComesExactlyOncePerEpochAndTheLastBatchIsShorter() {
        for (boolean classification : new boolean[] {false, true}) {
            MiniBatches batches = new MiniBatches(numbered(10, classification), 3, 5);
            assertEquals(4, batches.batchesPerEpoch());
            for (int e = 0; e < 3; e++) {
                List<int[]> epoch = epoch(batches, e);
                assertArrayEquals(new int[] {3, 3, 3, 1}, sizes(epoch));
                int[] ids = flat(epoch);
                Arrays.sort(ids);
                assertArrayEquals(Shuffling.identity(10), ids);
            }
        }
    }

    @Test
    void eachEpochHasItsOwnPermutation() {
        MiniBatches batches = new MiniBatches(numbered(50, false), 8, 5);
        int[] first = flat(epoch(batches, 0));
        int[] second = flat(epoch(batches, 1));
        assertFalse(Arrays.equals(first, second));
        assertFalse(Arrays.equals(Shuffling.identity(50), first), "shuffled, not in file order");
    }

    @Test
    void theSameSeedGivesTheSameBatchesAndAnEpochCanBeReplayed() {
        Dataset d = numbered(50, true);
        MiniBatches a = new MiniBatches(d, 8, 123);
        MiniBatches b = new MiniBatches(d, 8, 123);
        List<int[]> epoch1 = epoch(a, 1);
        for (int e = 0; e < 3; e++) {
            assertArrayEquals(flat(epoch(a, e)), flat(epoch(b, e)), "epoch " + e);
        }
        assertArrayEquals(flat(epoch1), flat(epoch(b, 1)), "epoch 1 again, after epoch 2");
        assertFalse(Arrays.equals(flat(epoch(a, 0)), flat(epoch(new MiniBatches(d, 8, 124), 0))));
    }

    @Test
    void batchSizeOneIsStochastic() {
        MiniBatches batches = new MiniBatches(numbered(7, false), 1, 2);
        List<int[]> epoch = epoch(batches, 0);
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1}, sizes(epoch));
        int[] ids = flat(epoch);
        Arrays.sort(ids);
        assertArrayEquals(Shuffling.identity(7), ids);
    }

    @Test
    void aFullBatchIsTheDatasetItselfInOrder() {
        Dataset d = numbered(10, false);
        for (int size : new int[] {10, 11, Integer.MAX_VALUE}) {
            MiniBatches batches = new MiniBatches(d, size, 2);
            assertTrue(batches.isFullBatch());
            for (int e = 0; e < 2; e++) {
                batches.startEpoch(e);
                assertTrue(batches.next());
                assertSame(d.features(), batches.features());
                assertSame(d.targets(), batches.targets());
                assertEquals(0, batches.targetOffset());
                assertEquals(10, batches.size());
                assertFalse(batches.next());
            }
            assertArrayEquals(Shuffling.identity(10), flat(epoch(batches, 3)));
        }
    }

    @Test
    void dropLastSkipsTheShortBatch() {
        MiniBatches batches = new MiniBatches(numbered(10, false), 3, 5, true);
        assertEquals(3, batches.batchesPerEpoch());
        List<int[]> epoch = epoch(batches, 0);
        assertArrayEquals(new int[] {3, 3, 3}, sizes(epoch));
        assertEquals(9, Arrays.stream(flat(epoch)).distinct().count());
    }

    @Test
    void featuresAreViewsOfOneBufferReusedEveryEpoch() {
        Dataset d = numbered(10, false);
        MiniBatches batches = new MiniBatches(d, 4, 5);
        batches.startEpoch(0);
        List<Matrix> views = new ArrayList<>();
        while (batches.next()) {
            views.add(batches.features());
            assertSame(batches.features(), batches.features(), "no new view per call");
        }
        float[] buffer = views.get(0).data();
        assertTrue(buffer != d.features().data(), "the shuffled buffer is not the dataset");
        for (int b = 0; b < views.size(); b++) {
            assertSame(buffer, views.get(b).data(), "batch " + b + " shares the buffer");
            assertEquals(b * 4 * 2, views.get(b).offset());
        }
        batches.startEpoch(1);
        for (int b = 0; batches.next(); b++) {
            assertSame(views.get(b), batches.features(), "the same view objects, epoch after epoch");
        }
    }

    @Test
    void aStepAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        MiniBatches batches = new MiniBatches(numbered(100, false), 1, 5);
        batches.startEpoch(0);
        float sink = 0;
        for (int pass = 0; pass < 2; pass++) { // the first pass warms up the measurement itself
            batches.startEpoch(0);
            long before = threads.getCurrentThreadAllocatedBytes();
            while (batches.next()) {
                Matrix x = batches.features();
                sink += x.data()[x.offset()] + batches.targets()[batches.targetOffset()] + batches.size();
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (pass == 1) {
                // 100 steps; a single object per step would be at least 1600 bytes.
                assertTrue(allocated < 400, "100 steps allocated " + allocated + " bytes");
            }
        }
        assertTrue(sink > 0);
    }

    @Test
    void misuseIsRefused() {
        Dataset d = numbered(10, false);
        assertEquals("batchSize must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> new MiniBatches(d, 0, 1)).getMessage());
        assertEquals("batchSize 11 > rows 10 with dropLast would give no batch at all",
                assertThrows(IllegalArgumentException.class, () -> new MiniBatches(d, 11, 1, true)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new MiniBatches(Dataset.regression(Matrix.zeros(0, 2), new float[0]), 1, 1));
        MiniBatches batches = new MiniBatches(d, 3, 1);
        assertThrows(IllegalStateException.class, batches::next);
        assertThrows(IllegalArgumentException.class, () -> batches.startEpoch(-1));
        batches.startEpoch(0);
        assertThrows(IllegalStateException.class, batches::features);
        assertTrue(batches.next());
        assertThrows(IllegalStateException.class, batches::labels);
        while (batches.next()) {
            assertTrue(batches.batchIndex() > 0);
        }
        assertThrows(IllegalStateException.class, batches::features);
        assertFalse(batches.next());
    }
}
