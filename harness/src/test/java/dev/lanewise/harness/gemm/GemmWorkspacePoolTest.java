package dev.lanewise.harness.gemm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.gemm.Gemm;
import dev.lanewise.kernels.gemm.GemmKernels;
import dev.lanewise.kernels.internal.GemmWorkspaces;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * Packing buffers are borrowed from a bounded pool for the duration of a call, not kept per thread: 2,000
 * virtual threads, each computing one 64 x 64 x 64 product, leave at most the pool's few workspaces behind,
 * each of the size such a product needs, and every product is right.
 */
class GemmWorkspacePoolTest {
    private static final int THREADS = 2000;
    private static final int SIZE = 64;
    /** Distinct inputs, handed out round-robin, so that a workspace shared by two calls at once would show. */
    private static final int DATA_SETS = 8;

    /**
     * The most floats and ints one workspace needs for a 64^3 product at any width: a 64 x 64 packed block
     * of B, a packed block of A with its vector of slack (A is not packed at this size, but allow it), the
     * edge tile and the index map (512 each). The packed blocks round up to whole tiles: 66 rows.
     */
    private static final long WORKSPACE_ELEMENTS_64 = 2L * 66 * SIZE + 16 + 512 + 512;

    @Test
    void twoThousandVirtualThreadsLeaveOnlyTheBoundedPoolBehind() throws Exception {
        check("facade", (transA, transB, a, b, c) ->
                Gemm.sgemm(transA, transB, SIZE, SIZE, SIZE, 1f, a, 0, SIZE, b, 0, SIZE, 0f, c, 0, SIZE));
        KernelProvider scalar = Kernels.scalar();
        check("scalar", (transA, transB, a, b, c) -> scalar.gemm()
                .sgemm(transA, transB, SIZE, SIZE, SIZE, 1f, a, 0, SIZE, b, 0, SIZE, 0f, c, 0, SIZE, 1));
    }

    private interface Product {
        void run(boolean transA, boolean transB, float[] a, float[] b, float[] c);
    }

    private static void check(String what, Product product) throws InterruptedException {
        float[][] as = new float[DATA_SETS][];
        float[][] bs = new float[DATA_SETS][];
        float[][] expected = new float[DATA_SETS][];
        for (int d = 0; d < DATA_SETS; d++) {
            SplittableRandom random = new SplittableRandom(1000 + d);
            as[d] = smallIntegers(random);
            bs[d] = smallIntegers(random);
            expected[d] = exactProduct((d & 1) != 0, (d & 2) != 0, as[d], bs[d]);
        }
        product.run(false, false, as[0], bs[0], new float[SIZE * SIZE]); // compiled paths and classes loaded
        emptyThePool();
        long createdBefore = GemmWorkspaces.created();

        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int d = t % DATA_SETS;
            threads.add(Thread.ofVirtual().start(() -> {
                float[] c = new float[SIZE * SIZE];
                product.run((d & 1) != 0, (d & 2) != 0, as[d], bs[d], c);
                for (int i = 0; i < c.length; i++) {
                    if (c[i] != expected[d][i]) {
                        wrong.add("data set " + d + ", element " + i + ": " + c[i] + ", expected " + expected[d][i]);
                        return;
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!wrong.isEmpty()) {
            fail(what + ": " + wrong.size() + " of " + THREADS + " products wrong, first " + wrong.peek());
        }

        long created = GemmWorkspaces.created() - createdBefore;
        int retained = GemmWorkspaces.retained();
        long elements = GemmWorkspaces.retainedElements();
        // A product never blocks, so a virtual thread keeps its carrier from borrow to give-back: at most one
        // workspace per carrier (one per processor) is in use at once, and the pool serves the rest.
        assertTrue(created <= 2L * GemmWorkspaces.CAPACITY,
                what + ": " + created + " workspaces made for " + THREADS + " threads, pool capacity " + GemmWorkspaces.CAPACITY);
        assertTrue(retained >= 1 && retained <= GemmWorkspaces.CAPACITY,
                what + ": " + retained + " workspaces retained, capacity " + GemmWorkspaces.CAPACITY);
        assertTrue(elements <= retained * WORKSPACE_ELEMENTS_64,
                what + ": the pool holds " + elements + " floats and ints in " + retained + " workspaces");
    }

    /** Takes every workspace out of the pool and drops it, so that what is retained afterwards is this test's. */
    private static void emptyThePool() {
        for (int i = 0; i < GemmWorkspaces.CAPACITY; i++) {
            GemmWorkspaces.borrow();
        }
        assertEquals(0, GemmWorkspaces.retained(), "workspaces left in the pool after taking them all");
    }

    /** Integers in [-8, 8]: every product and every partial sum of 64 of them is exact in float. */
    private static float[] smallIntegers(SplittableRandom random) {
        float[] v = new float[SIZE * SIZE];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(-8, 9);
        }
        return v;
    }

    /** op(A) op(B) in long arithmetic: the exact result, which every summation order reaches in float. */
    private static float[] exactProduct(boolean transA, boolean transB, float[] a, float[] b) {
        float[] c = new float[SIZE * SIZE];
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < SIZE; j++) {
                long sum = 0;
                for (int p = 0; p < SIZE; p++) {
                    long x = (long) (transA ? a[p * SIZE + i] : a[i * SIZE + p]);
                    long y = (long) (transB ? b[j * SIZE + p] : b[p * SIZE + j]);
                    sum += x * y;
                }
                c[i * SIZE + j] = sum;
            }
        }
        return c;
    }
}
