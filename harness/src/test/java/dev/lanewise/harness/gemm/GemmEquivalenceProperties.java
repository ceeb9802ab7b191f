package dev.lanewise.harness.gemm;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.gemm.GemmKernels;
import dev.lanewise.kernels.gemm.GemmSettings;

import static dev.lanewise.harness.support.Assertions2.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lanewise.harness.support.Implementations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Checks the error bound stated in {@link GemmKernels} for every implementation (scalar, vector at 128,
 * 256 and 512 bits) against a double-precision reference, over all four transpose combinations, shapes
 * 1 to 70 around every lane count, padded leading dimensions, offsets, alpha and beta in {0, 1, -1, random},
 * on 1 and 2 threads; and that the thread count never changes a bit.
 */
class GemmEquivalenceProperties {

    @Provide
    Arbitrary<KernelProvider> implementations() {
        return Arbitraries.of(Kernels.all());
    }

    /** 1..70: lane counts of 4, 8 and 16 floats and the tile sizes, each ±1, primes, and anything. */
    @Provide
    Arbitrary<Integer> dims() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 17, 31, 32, 33, 47, 48, 49, 63, 64, 65)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(11, 13, 23, 37, 61, 67, 70)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 70)));
    }

    @Provide
    Arbitrary<Float> scalars() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0f)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(1f)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(-1f)),
                net.jqwik.api.Tuple.of(2, Arbitraries.floats().between(-3f, 3f)));
    }

    @Property(tries = 300)
    void sgemmStaysWithinTheErrorBound(@ForAll("implementations") KernelProvider impl,
            @ForAll boolean transA, @ForAll boolean transB,
            @ForAll("dims") int m, @ForAll("dims") int n, @ForAll("dims") int k,
            @ForAll("scalars") float alpha, @ForAll("scalars") float beta,
            @ForAll @IntRange(min = 0, max = 5) int ldPad, @ForAll @IntRange(min = 0, max = 7) int offset,
            @ForAll @IntRange(min = 1, max = 2) int threads, @ForAll long seed) {
        GemmCase g = GemmCase.random(transA, transB, m, n, k, alpha, beta, ldPad, offset, seed);
        float[] c = g.c().clone();
        impl.gemm().sgemm(transA, transB, m, n, k, alpha, g.a(), g.aOff(), g.lda(), g.b(), g.bOff(), g.ldb(),
                beta, c, g.cOff(), g.ldc(), threads);
        assertNull(g.check(c), impl.name() + " " + g);
    }

    /**
     * Products split over 2 threads (forced: the default threshold keeps products this small on one thread):
     * within the bound, and bit for bit what one thread computes.
     */
    @Property(tries = 24)
    void sgemmOnTwoThreadsIsBoundedAndEqualsOneThread(@ForAll("implementations") KernelProvider impl,
            @ForAll boolean transA, @ForAll boolean transB,
            @ForAll @IntRange(min = 90, max = 200) int m, @ForAll @IntRange(min = 60, max = 130) int n,
            @ForAll @IntRange(min = 80, max = 300) int k, @ForAll("scalars") float alpha, @ForAll("scalars") float beta,
            @ForAll long seed) {
        boolean wide = seed % 2 == 0; // sometimes more columns than rows, so threads split by columns
        int rows = wide ? n : m;
        int cols = wide ? m : n;
        GemmCase g = GemmCase.random(transA, transB, rows, cols, k, alpha, beta, 1, 3, seed);
        float[] one = g.c().clone();
        float[] two = g.c().clone();
        impl.gemm().sgemm(transA, transB, rows, cols, k, alpha, g.a(), g.aOff(), g.lda(), g.b(), g.bOff(), g.ldb(),
                beta, one, g.cOff(), g.ldc(), 1);
        long minSplitFlops = GemmSettings.minSplitFlops();
        GemmSettings.setMinSplitFlops(0); // split whatever the size: these are smaller than the default threshold
        try {
            impl.gemm().sgemm(transA, transB, rows, cols, k, alpha, g.a(), g.aOff(), g.lda(), g.b(), g.bOff(), g.ldb(),
                    beta, two, g.cOff(), g.ldc(), 2);
        } finally {
            GemmSettings.setMinSplitFlops(minSplitFlops);
        }
        assertNull(g.check(two), impl.name() + " " + g);
        assertSameBits(one, two, impl.name() + " 1 vs 2 threads " + g);
    }

    /** sgemv is sgemm with one column: the same bound, checked through a GemmCase with n = 1. */
    @Property(tries = 200)
    void sgemvStaysWithinTheErrorBound(@ForAll("implementations") KernelProvider impl, @ForAll boolean trans,
            @ForAll("dims") int rows, @ForAll("dims") int cols, @ForAll("scalars") float alpha,
            @ForAll("scalars") float beta, @ForAll @IntRange(min = 0, max = 5) int ldPad,
            @ForAll @IntRange(min = 0, max = 7) int offset, @ForAll long seed) {
        // op(A) (outer x inner) times x: as a GemmCase with A (rows x cols, maybe transposed) and B = x.
        int outer = trans ? cols : rows;
        int inner = trans ? rows : cols;
        GemmCase g = GemmCase.random(trans, false, outer, 1, inner, alpha, beta, ldPad, offset, seed);
        // With n = 1 and transB false, B is a column with leading dimension ldb: gather x contiguously.
        float[] x = new float[offset + inner];
        for (int p = 0; p < inner; p++) {
            x[offset + p] = g.opB(p, 0);
        }
        // y: C's single column, gathered (ldc may exceed 1), then scattered back for the check.
        float[] y = new float[offset + outer];
        for (int i = 0; i < outer; i++) {
            y[offset + i] = g.c()[g.cOff() + i * g.ldc()];
        }
        impl.gemm().sgemv(trans, rows, cols, alpha, g.a(), g.aOff(), g.lda(), x, offset, beta, y, offset);
        float[] c = g.c().clone();
        for (int i = 0; i < outer; i++) {
            c[g.cOff() + i * g.ldc()] = y[offset + i];
        }
        assertNull(g.check(c), impl.name() + " sgemv trans=" + trans + " " + g);
    }

    @Property(tries = 100)
    void biasHelpersAreBitExactAcrossImplementations(@ForAll("vectors") KernelProvider vector,
            @ForAll("dims") int m, @ForAll("dims") int n, @ForAll @IntRange(min = 0, max = 3) int ldPad,
            @ForAll @IntRange(min = 0, max = 5) int offset, @ForAll("scalars") float beta, @ForAll long seed) {
        GemmCase g = GemmCase.random(false, false, m, n, 1, 1f, 1f, ldPad, offset, seed);
        GemmKernels scalar = Implementations.scalar().gemm();
        float[] bias = g.b().clone();
        float[] expected = g.c().clone();
        float[] actual = g.c().clone();
        scalar.addBiasRows(m, n, bias, 1, expected, g.cOff(), g.ldc());
        vector.gemm().addBiasRows(m, n, bias, 1, actual, g.cOff(), g.ldc());
        assertSameBits(expected, actual, vector.name() + " addBiasRows");

        float[] sumExpected = new float[offset + n + 2];
        java.util.Arrays.fill(sumExpected, beta == 0f ? Float.NaN : 0.75f);
        float[] sumActual = sumExpected.clone();
        scalar.sumRows(m, n, g.c(), g.cOff(), g.ldc(), beta, sumExpected, offset);
        vector.gemm().sumRows(m, n, g.c(), g.cOff(), g.ldc(), beta, sumActual, offset);
        assertSameBits(sumExpected, sumActual, vector.name() + " sumRows");
    }

    @Provide
    Arbitrary<KernelProvider> vectors() {
        return Implementations.vectorProviders();
    }
}
