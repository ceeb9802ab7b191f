package dev.lanewise.model.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.gemm.Gemm;
import dev.lanewise.kernels.internal.GemmThreads;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ComputePoolTest {

    @Test
    void runChunksRunsEveryChunkExactlyOnceForAnyThreadCount() {
        for (int threads = 1; threads <= 3; threads++) {
            try (ComputePool pool = new ComputePool(threads)) {
                for (int chunks : new int[] {0, 1, 2, 3, 7, 100}) {
                    for (int repeat = 0; repeat < 20; repeat++) {
                        AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(1, chunks));
                        pool.runChunks(chunks, runs::incrementAndGet);
                        for (int c = 0; c < chunks; c++) {
                            assertEquals(1, runs.get(c), "threads " + threads + ", chunks " + chunks + ", chunk " + c);
                        }
                    }
                }
            }
        }
    }

    @Test
    void runChunksSharesTheWorkWithTheWorkers() {
        try (ComputePool pool = new ComputePool(3)) {
            Set<Thread> ran = ConcurrentHashMap.newKeySet();
            pool.runChunks(12, c -> {
                ran.add(Thread.currentThread());
                sleep(20); // long enough for every parked worker to wake up and claim chunks
            });
            assertTrue(ran.size() >= 2, "ran on " + ran);
            assertTrue(ran.contains(Thread.currentThread()), "the caller works too");
        }
    }

    @Test
    void aChunkFailureIsThrownToTheCallerAfterEveryChunkFinished() {
        try (ComputePool pool = new ComputePool(3)) {
            AtomicIntegerArray runs = new AtomicIntegerArray(9);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.runChunks(9, c -> {
                runs.incrementAndGet(c);
                if (c == 4) {
                    throw new IllegalStateException("chunk 4 failed");
                }
            }));
            assertEquals("chunk 4 failed", e.getMessage());
            for (int c = 0; c < 9; c++) {
                assertEquals(1, runs.get(c), "chunk " + c);
            }
            // Still usable afterwards.
            AtomicIntegerArray again = new AtomicIntegerArray(5);
            pool.runChunks(5, again::incrementAndGet);
            assertEquals("[1, 1, 1, 1, 1]", again.toString());
        }
    }

    @Test
    void aNestedRunChunksIsRefused() {
        try (ComputePool pool = new ComputePool(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> pool.runChunks(2, c -> pool.runChunks(1, x -> {})));
            assertTrue(e.getMessage().contains("one caller at a time"), e.getMessage());
        }
    }

    @Test
    void idleWorkersAreParkedNotSpinning() throws InterruptedException {
        try (ComputePool pool = new ComputePool(3)) {
            // A step's worth of work: split products through the pool as their executor, then chunks.
            SplittableRandom random = new SplittableRandom(1);
            float[] a = randoms(random, 64 * 300);
            float[] b = randoms(random, 300 * 256);
            float[] c = new float[64 * 256];
            for (int i = 0; i < 5; i++) {
                // 2 * 64 * 256 * 300 flops: above GemmSettings' default split threshold (2^23)
                Gemm.sgemm(false, false, 64, 256, 300, 1f, a, 0, 300, b, 0, 256, 0f, c, 0, 256, pool.threads(), pool);
                pool.runChunks(6, chunk -> {});
            }
            Thread[] workers = pool.workerThreads();
            assertEquals(2, workers.length);
            // They spin for at most spinNanos (50 us) after their last task, then park: give them a second.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!allParked(workers) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            for (Thread w : workers) {
                assertEquals(Thread.State.WAITING, w.getState(), w.getName());
            }
            // And they stay parked: no wake-ups while there is nothing to do.
            Thread.sleep(50);
            for (Thread w : workers) {
                assertEquals(Thread.State.WAITING, w.getState(), w.getName());
            }
        }
    }

    @Test
    void aPoolWithoutSpinParksAtOnceAndStillWorks() {
        try (ComputePool pool = new ComputePool(2, 0)) {
            for (int repeat = 0; repeat < 200; repeat++) {
                AtomicIntegerArray runs = new AtomicIntegerArray(4);
                pool.runChunks(4, runs::incrementAndGet);
                assertEquals("[1, 1, 1, 1]", runs.toString());
            }
        }
    }

    @Test
    void closeStopsTheWorkersAndLeavesAPoolThatRunsOnTheCaller() {
        ComputePool pool = new ComputePool(3);
        pool.runChunks(4, c -> {});
        Thread[] workers = pool.workerThreads();
        pool.close();
        assertTrue(pool.isClosed());
        for (Thread w : workers) {
            assertFalse(w.isAlive(), w.getName() + " still alive after close");
        }
        assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> {}));
        Set<Thread> ran = ConcurrentHashMap.newKeySet();
        pool.runChunks(5, c -> ran.add(Thread.currentThread()));
        assertEquals(Set.of(Thread.currentThread()), ran);
        pool.close(); // idempotent
        // A product handed to a closed pool still finishes, on the caller.
        float[] c = new float[4];
        Gemm.sgemm(false, false, 2, 2, 2, 1f, new float[] {1, 2, 3, 4}, 0, 2, new float[] {1, 0, 0, 1}, 0, 2, 0f, c, 0, 2,
                3, pool);
        assertArrayEquals(new float[] {1, 2, 3, 4}, c);
    }

    @Test
    void workersAreDaemonThreads() {
        try (ComputePool pool = new ComputePool(3)) {
            for (Thread w : pool.workerThreads()) {
                assertTrue(w.isDaemon(), w.getName());
                assertTrue(w.getName().startsWith("lanewise-compute-"), w.getName());
            }
        }
    }

    @Test
    void aPoolOfOneThreadHasNoWorkersAndRefusesTasks() {
        try (ComputePool pool = new ComputePool(1)) {
            assertEquals(0, pool.workerThreads().length);
            assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> {}));
            AtomicIntegerArray runs = new AtomicIntegerArray(3);
            pool.runChunks(3, runs::incrementAndGet);
            assertEquals("[1, 1, 1]", runs.toString());
        }
    }

    @Test
    void argumentsAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ComputePool(0));
        assertEquals("threads must be >= 1, was 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ComputePool(2, -1));
        assertEquals("spinNanos must be >= 0, was -1", e.getMessage());
        try (ComputePool pool = new ComputePool(2)) {
            e = assertThrows(IllegalArgumentException.class, () -> pool.runChunks(-1, c -> {}));
            assertEquals("chunks must be >= 0, was -1", e.getMessage());
            assertThrows(NullPointerException.class, () -> pool.runChunks(1, null));
            assertThrows(NullPointerException.class, () -> pool.execute(null));
        }
    }

    /**
     * Splitting a product over the pool, and a chunked job, allocate nothing on any of its threads: JMH's
     * -prof gc saw about 500 bytes a training step on 2 threads while each split product made a task, a latch
     * and a lambda. The parts here do no vector work, so that the kernels' own warm-up (their vectors run
     * boxed until C2 compiles them) does not count. Measured after 3,000 rounds (the first thousand allocate
     * some 100 bytes a round: lambdas linked, code compiled); one object a round would be 16 kB a window.
     */
    @Test
    void splittingAProductAndChunkingAJobAllocateNothingOnAnyThread() {
        com.sun.management.ThreadMXBean threadBean =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        try (ComputePool pool = new ComputePool(2)) {
            AtomicIntegerArray partRuns = new AtomicIntegerArray(2);
            GemmThreads.Part part = (p, workspace) -> partRuns.incrementAndGet(p);
            ComputePool.Chunks chunk = c -> {};
            Runnable round = () -> {
                GemmThreads.run(2, pool, part);
                pool.runChunks(4, chunk);
            };
            for (int i = 0; i < 3000; i++) {
                round.run();
            }
            long[] ids = {Thread.currentThread().threadId(), pool.workerThreads()[0].threadId()};
            // Three windows of 1,000 rounds: an allocation every round shows in each, a one-off (a thread's
            // first packing workspace, 64 kB, borrowed when it first wins a part) in one only.
            long[] windows = new long[3];
            for (int w = 0; w < windows.length; w++) {
                long before = Arrays.stream(threadBean.getThreadAllocatedBytes(ids)).sum();
                for (int i = 0; i < 1000; i++) {
                    round.run();
                }
                windows[w] = Arrays.stream(threadBean.getThreadAllocatedBytes(ids)).sum() - before;
            }
            long allocated = Arrays.stream(windows).min().orElseThrow();
            assertEquals(6000, partRuns.get(0), "runs of part 0");
            assertEquals(6000, partRuns.get(1), "runs of part 1");
            assertTrue(allocated < 16 * 1000, "windows of 1,000 rounds of a split product and a chunked job "
                    + "allocated " + Arrays.toString(windows) + " bytes on the caller and the worker; the least: "
                    + allocated);
        }
    }

    private static boolean allParked(Thread[] threads) {
        return Arrays.stream(threads).allMatch(t -> t.getState() == Thread.State.WAITING);
    }

    private static float[] randoms(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextDouble(-1, 1);
        }
        return v;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
