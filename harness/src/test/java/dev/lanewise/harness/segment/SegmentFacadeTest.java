package dev.lanewise.harness.segment;

import static dev.lanewise.harness.segment.SegmentKind.read;
import static dev.lanewise.harness.support.Assertions2.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.support.Ulps;
import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.activation.Activations;
import dev.lanewise.kernels.blas.Blas;
import dev.lanewise.kernels.internal.segment.StagingPool;
import dev.lanewise.kernels.loss.Losses;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.GradientTransforms;
import dev.lanewise.kernels.optim.Optimizers;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

/**
 * The static facades' segment overloads give what their array overloads give, on native segments of several
 * chunks; each provider hands out one checked instance per family; and the staging buffers are pooled: a
 * steady caller reuses one set, and thousands of short-lived virtual threads leave at most the pool's capacity
 * behind.
 */
class SegmentFacadeTest {
    private static final int N = 2 * SegmentCases.CHUNK + 77;

    @Test
    void facadeSegmentOverloadsGiveTheArrayOverloadsResults() {
        SplittableRandom random = new SplittableRandom(51);
        float[] x = SegmentCases.values(random, N, 3f, false);
        float[] y = SegmentCases.values(random, N, 3f, false);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment xs = SegmentKind.NATIVE.in(arena, x);
            MemorySegment ys = SegmentKind.NATIVE.out(arena, y);
            double terms = 0;
            for (int i = 0; i < N; i++) {
                terms += Math.abs((double) x[i] * y[i]);
            }
            float dot = Blas.dot(N, xs, 0, ys, 0);
            assertTrue(Math.abs(dot - Blas.dot(x, y)) <= 2 * Ulps.gamma(N) * terms, "dot " + dot);

            float[] expected = y.clone();
            Blas.axpy(0.25f, x, expected);
            Blas.axpy(N, 0.25f, xs, 0, ys, 0);
            assertSameBits(expected, read(ys, N), "axpy");

            float[] sigmoid = new float[N];
            Activations.sigmoid(x, sigmoid);
            MemorySegment out = SegmentKind.NATIVE.out(arena, new float[N]);
            Activations.sigmoid(N, xs, 0, out, 0);
            assertSameBits(sigmoid, read(out, N), "sigmoid");

            float[] grad = new float[N];
            float loss = Losses.mse(x, y, grad);
            MemorySegment gradSegment = MemorySegment.ofArray(new float[N]);
            assertSameBits(loss, Losses.mse(N, MemorySegment.ofArray(x), 0, MemorySegment.ofArray(y), 0, gradSegment, 0),
                    "mse on heap segments");
            assertSameBits(grad, read(gradSegment, N), "mse gradient");

            float[] param = x.clone();
            float[] m = new float[N];
            float[] v = new float[N];
            Optimizers.adam(param, y, m, v, null, AdamConfig.adam(), 1);
            MemorySegment ps = SegmentKind.NATIVE.out(arena, x);
            MemorySegment ms = SegmentKind.NATIVE.out(arena, new float[N]);
            MemorySegment vs = SegmentKind.NATIVE.out(arena, new float[N]);
            assertTrue(Optimizers.adam(N, ps, 0, SegmentKind.NATIVE.in(arena, y), 0, ms, 0, vs, 0, null, 0,
                    AdamConfig.adam(), 1));
            assertSameBits(param, read(ps, N), "adam param");
            assertSameBits(m, read(ms, N), "adam m");
            assertSameBits(v, read(vs, N), "adam v");

            float[] decayed = x.clone();
            GradientTransforms.decoupledWeightDecay(decayed, 0.1, 0.01);
            MemorySegment ds = SegmentKind.NATIVE.out(arena, x);
            GradientTransforms.decoupledWeightDecay(N, ds, 0, 0.1, 0.01);
            assertSameBits(decayed, read(ds, N), "decoupledWeightDecay");

            float[] clipped = y.clone();
            GradientTransforms.clipByValue(clipped, 1f);
            MemorySegment cs = SegmentKind.NATIVE.out(arena, y);
            GradientTransforms.clipByValue(N, cs, 0, 1f);
            assertSameBits(clipped, read(cs, N), "clipByValue");
        }
    }

    @Test
    void eachProviderHandsOutOneCheckedSegmentInstancePerFamily() {
        KernelProvider p = Kernels.named("vector256");
        assertSame(p.blasSegments(), p.blasSegments());
        assertSame(p.activationSegments(), p.activationSegments());
        assertSame(p.lossSegments(), p.lossSegments());
        assertSame(p.optimizerSegments(), p.optimizerSegments());
        assertSame(Kernels.provider().optimizerSegments(), Optimizers.segmentKernels());
    }

    @Test
    void aSteadyCallerReusesOneSetOfStagingBuffers() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment x = SegmentKind.NATIVE.in(arena, new float[N]);
            MemorySegment out = SegmentKind.NATIVE.out(arena, new float[N]);
            Activations.tanh(N, x, 0, out, 0);
            long created = StagingPool.created();
            for (int i = 0; i < 200; i++) {
                Activations.tanh(N, x, 0, out, 0);
                Blas.asum(N, x, 0);
            }
            assertEquals(created, StagingPool.created(), "staging buffers made by 400 sequential calls");
        }
    }

    @Test
    void thousandsOfVirtualThreadsLeaveAtMostThePoolsCapacity() throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 2000; t++) {
                threads.submit(() -> {
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment x = arena.allocate(4L * 3000, 4);
                        Activations.relu(3000, x, 0, x, 0);
                    }
                });
            }
        }
        assertTrue(StagingPool.retained() <= StagingPool.CAPACITY,
                "retained " + StagingPool.retained() + " > capacity " + StagingPool.CAPACITY);
    }
}
