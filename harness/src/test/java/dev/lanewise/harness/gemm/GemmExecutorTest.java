package dev.lanewise.harness.gemm;

import static dev.lanewise.harness.support.Assertions2.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.gemm.Gemm;
import dev.lanewise.kernels.gemm.GemmSettings;
import dev.lanewise.kernels.internal.GemmThreads;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code sgemm} with a caller's executor: any executor gives the bits of one thread and a result within the
 * stated bound, and none can hang the call, whether it runs tasks on the calling thread, never, refuses
 * them, or has its only thread waiting in {@code sgemm} itself.
 */
class GemmExecutorTest {
    /** 2 * 301 * 257 * 263 = 40.7 Mflop, above the default split threshold of 8.4 Mflop: 4 threads split it. */
    private static final int M = 301;
    private static final int N = 257;
    private static final int K = 263;
    private static final int THREADS = 4;

    @Test
    void everyExecutorGivesTheBitsOfOneThread() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Map<String, Executor> executors = new LinkedHashMap<>();
            executors.put("a fixed pool of 2", pool);
            executors.put("virtual threads", virtual);
            executors.put("the calling thread (Runnable::run)", Runnable::run);
            executors.put("one that drops every task", task -> {});
            executors.put("one that refuses every task", task -> {
                throw new RejectedExecutionException("refused");
            });
            executors.put("GemmSettings.executor()", GemmSettings.executor());
            for (KernelProvider impl : Kernels.all()) {
                if (impl.vectorBitSize() == 512 && Kernels.preferredVectorBits().orElse(0) < 512) {
                    continue; // emulated 512-bit: too slow at this size; the executor code is shared by all
                }
                GemmCase g = GemmCase.random(true, false, M, N, K, 1.25f, -0.5f, 2, 3, 17);
                float[] one = run(impl, g, 1, GemmSettings.executor());
                assertNull(g.check(one), impl.name() + " on one thread");
                for (Map.Entry<String, Executor> e : executors.entrySet()) {
                    assertSameBits(one, run(impl, g, THREADS, e.getValue()),
                            impl.name() + ", " + THREADS + " threads on " + e.getKey() + " vs 1 thread");
                }
            }
        } finally {
            pool.shutdownNow();
            virtual.shutdownNow();
        }
    }

    @Test
    void aSingleThreadPoolWhoseThreadCallsSgemmDoesNotDeadlock() throws Exception {
        // The pool's only thread runs sgemm, whose other parts queue behind it on that same pool: they can
        // only run after the call returns, so the call must run them itself.
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            GemmCase g = GemmCase.random(false, true, M, N, K, 1f, 0f, 0, 0, 23);
            float[] c = g.c().clone();
            Future<?> call = single.submit(() -> Gemm.sgemm(g.transA(), g.transB(), M, N, K, g.alpha(), g.a(), g.aOff(),
                    g.lda(), g.b(), g.bOff(), g.ldb(), g.beta(), c, g.cOff(), g.ldc(), THREADS, single));
            call.get(60, TimeUnit.SECONDS); // a deadlock fails here with a TimeoutException
            assertNull(g.check(c), "result");
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void everyPartRunsOnceAndTheFirstFailureIsThrownAfterAllFinished() {
        int parts = 7;
        for (Executor executor : new Executor[] {Runnable::run, task -> {}, GemmSettings.executor()}) {
            AtomicInteger[] runs = new AtomicInteger[parts];
            for (int p = 0; p < parts; p++) {
                runs[p] = new AtomicInteger();
            }
            IllegalStateException failure = new IllegalStateException("part 3 failed");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> GemmThreads.run(parts, executor,
                    (part, workspace) -> {
                        if (part == 3) {
                            throw failure;
                        }
                        sleepQuietly(5); // so that other parts are still running when part 3 fails
                        runs[part].incrementAndGet();
                    }));
            assertSame(failure, thrown);
            for (int p = 0; p < parts; p++) {
                assertEquals(p == 3 ? 0 : 1, runs[p].get(), "runs of part " + p);
            }
        }
    }

    @Test
    void partsRunningAtOnceNeverShareAWorkspace() {
        AtomicInteger clashes = new AtomicInteger();
        GemmThreads.run(8, GemmSettings.executor(), (part, workspace) -> {
            float[] scratch = workspace.packedB(1000);
            Arrays.fill(scratch, part);
            sleepQuietly(5); // the other parts run meanwhile
            for (float v : scratch) {
                if (v != part) {
                    clashes.incrementAndGet();
                    return;
                }
            }
        });
        assertEquals(0, clashes.get(), "parts that found another part's data in their workspace");
    }

    @Test
    void theSettingsExecutorRunsThePartsWhenACallNamesNone() {
        AtomicInteger tasks = new AtomicInteger();
        Executor pool = GemmSettings.executor();
        GemmSettings.setExecutor(task -> {
            tasks.incrementAndGet();
            pool.execute(task);
        });
        try {
            GemmCase g = GemmCase.random(false, false, M, N, K, 1f, 0f, 0, 0, 29);
            float[] c = g.c().clone();
            Gemm.sgemm(false, false, M, N, K, 1f, g.a(), g.aOff(), g.lda(), g.b(), g.bOff(), g.ldb(), 0f, c, g.cOff(),
                    g.ldc(), THREADS);
            assertEquals(THREADS - 1, tasks.get(), "tasks handed to the settings' executor");
            assertNull(g.check(c), "result");
        } finally {
            GemmSettings.resetExecutor();
        }
    }

    @Test
    void nullExecutorIsRefusedNamingIt() {
        float[] a = new float[6];
        float[] b = new float[12];
        float[] c = new float[8];
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Gemm.sgemm(false, false, 2, 4, 3, 1f, a, 0, 3, b, 0, 4, 0f, c, 0, 4, 2, null));
        assertEquals("executor", e.getMessage());
        assertThrows(NullPointerException.class, () -> GemmSettings.setExecutor(null));
    }

    /**
     * Each calling thread reuses one split and one argument object for its split products (so that they
     * allocate nothing): callers on several threads at once, sharing one pool, each get the bits of one
     * thread for their own product.
     */
    @Test
    void callersOnSeveralThreadsSharingOnePoolGetTheBitsOfOneThread() throws Exception {
        KernelProvider impl = Kernels.provider();
        int callers = 4;
        GemmCase[] cases = new GemmCase[callers];
        float[][] expected = new float[callers][];
        for (int t = 0; t < callers; t++) {
            cases[t] = GemmCase.random(t % 2 == 0, t % 3 == 0, M - 8 * t, N, K, 1f, 0.5f, t, 2 * t, 41 + t);
            expected[t] = run(impl, cases[t], 1, GemmSettings.executor());
        }
        ExecutorService callerThreads = Executors.newFixedThreadPool(callers);
        try {
            java.util.List<Future<?>> calls = new java.util.ArrayList<>();
            for (int t = 0; t < callers; t++) {
                int caller = t;
                calls.add(callerThreads.submit(() -> {
                    for (int repeat = 0; repeat < 10; repeat++) {
                        assertSameBits(expected[caller], run(impl, cases[caller], THREADS, GemmSettings.executor()),
                                impl.name() + ", caller " + caller + ", repeat " + repeat);
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get(120, TimeUnit.SECONDS);
            }
        } finally {
            callerThreads.shutdownNow();
        }
    }

    /** A part that splits a product of its own, on the thread that runs the outer split, gets the bits of one thread. */
    @Test
    @Timeout(60) // a nested call that took over the outer call's split would leave the outer waiting forever
    void aPartThatSplitsAProductOfItsOwnGetsTheBitsOfOneThread() {
        KernelProvider impl = Kernels.provider();
        GemmCase g = GemmCase.random(false, false, M, N, K, 1f, 0f, 0, 0, 43);
        float[] expected = run(impl, g, 1, GemmSettings.executor());
        float[][] nested = new float[3][];
        GemmThreads.run(3, Runnable::run, (part, workspace) -> nested[part] = run(impl, g, THREADS, GemmSettings.executor()));
        for (int part = 0; part < 3; part++) {
            assertSameBits(expected, nested[part], impl.name() + ", product split inside part " + part);
        }
    }

    private static float[] run(KernelProvider impl, GemmCase g, int threads, Executor executor) {
        float[] c = g.c().clone();
        impl.gemm().sgemm(g.transA(), g.transB(), g.m(), g.n(), g.k(), g.alpha(), g.a(), g.aOff(), g.lda(),
                g.b(), g.bOff(), g.ldb(), g.beta(), c, g.cOff(), g.ldc(), threads, executor);
        return c;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
