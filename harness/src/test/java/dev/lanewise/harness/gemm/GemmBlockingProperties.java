package dev.lanewise.harness.gemm;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.gemm.GemmKernels;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The error bound of {@link GemmKernels} (checked by {@link GemmCase#check}, as in
 * {@link GemmEquivalenceProperties}) on shapes that cross the vector kernels' blocks, which the shapes up to
 * 70 there never do. From {@code GemmPlan}: the K block kc is at most 512 floats at 128 and 256 bits and 256
 * at 512 bits (the K range is cut into equal blocks of at most that), A is packed in blocks of mc = 96 rows
 * (192 at 512 bits) when n &gt; 4 nr (nr = 8, 16, 32 columns at 128, 256, 512 bits) and k &gt; 16, and B in
 * blocks of nc = 2048 columns. Every implementation, every transpose combination.
 */
class GemmBlockingProperties {

    /** A fixed product: its shape, alpha and beta, and why it is here. */
    record Shape(int m, int n, int k, float alpha, float beta, String why) {
        @Override
        public String toString() {
            return m + "x" + n + "x" + k + " (" + why + ")";
        }
    }

    /** Beta is not 1 where K has several blocks: each block after the first must add, not apply beta again. */
    static final List<Shape> SHAPES = List.of(
            new Shape(13, 37, 1500, 1f, 0f, "3 K blocks at 128/256 bits, 6 at 512"),
            new Shape(29, 150, 1031, -1.5f, 0.75f, "A packed at every width, 3 K blocks (5 at 512)"),
            new Shape(197, 131, 530, 1f, 0.25f, "crosses mc at every width, A packed, 2 K blocks (3 at 512)"),
            new Shape(5, 2100, 520, 0.5f, -1f, "crosses nc = 2048, 2 K blocks (3 at 512)"),
            new Shape(50, 3, 1500, 1f, -0.5f, "narrow kernel (n below every lane count), 3 K blocks (6 at 512)"),
            new Shape(7, 20, 512, 1f, 0.5f, "exactly one 512 block (two of 256 at 512 bits)"),
            new Shape(7, 20, 513, 1f, 0.5f, "one past a 512 block"),
            new Shape(9, 40, 1024, 2f, 0f, "exactly two 512 blocks (four of 256)"),
            new Shape(9, 40, 1025, 2f, 0f, "one past two 512 blocks"),
            new Shape(6, 33, 256, -1f, 1f, "exactly one 256 block"),
            new Shape(6, 33, 257, -1f, -1f, "one past a 256 block"));

    static List<Arguments> fixedCases() {
        List<Arguments> out = new ArrayList<>();
        for (KernelProvider impl : Kernels.all()) {
            for (Shape shape : SHAPES) {
                for (boolean transA : new boolean[] {false, true}) {
                    for (boolean transB : new boolean[] {false, true}) {
                        out.add(Arguments.of(impl.name(), shape, transA, transB));
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1} transA={2} transB={3}")
    @MethodSource("fixedCases")
    void sgemmAcrossBlocksStaysWithinTheErrorBound(String impl, Shape shape, boolean transA, boolean transB) {
        long seed = 31L * shape.k() + shape.m() + (transA ? 7 : 0) + (transB ? 13 : 0);
        GemmCase g = GemmCase.random(transA, transB, shape.m(), shape.n(), shape.k(), shape.alpha(), shape.beta(), 1, 3, seed);
        assertNull(run(Kernels.named(impl), g, 1), impl + " " + g);
    }

    static List<Arguments> sgemvCases() {
        List<Arguments> out = new ArrayList<>();
        for (KernelProvider impl : Kernels.all()) {
            out.add(Arguments.of(impl.name(), false));
            out.add(Arguments.of(impl.name(), true));
        }
        return out;
    }

    /** sgemv with an inner dimension of 1,500: it has no K blocks, but no other test runs its loops that long. */
    @ParameterizedTest(name = "{0} trans={1}")
    @MethodSource("sgemvCases")
    void sgemvWithALongInnerDimensionStaysWithinTheErrorBound(String impl, boolean trans) {
        int outer = 37;
        int inner = 1500;
        GemmCase g = GemmCase.random(trans, false, outer, 1, inner, 1.25f, 0.5f, 2, 1, 99);
        float[] x = new float[inner];
        for (int p = 0; p < inner; p++) {
            x[p] = g.opB(p, 0);
        }
        float[] y = new float[outer];
        for (int i = 0; i < outer; i++) {
            y[i] = g.c()[g.cOff() + i * g.ldc()];
        }
        int rows = trans ? inner : outer;
        int cols = trans ? outer : inner;
        Kernels.named(impl).gemm().sgemv(trans, rows, cols, g.alpha(), g.a(), g.aOff(), g.lda(), x, 0, g.beta(), y, 0);
        float[] c = g.c().clone();
        for (int i = 0; i < outer; i++) {
            c[g.cOff() + i * g.ldc()] = y[i];
        }
        assertNull(g.check(c), impl + " sgemv trans=" + trans + " " + g);
    }

    @Provide
    Arbitrary<KernelProvider> implementations() {
        return Arbitraries.of(Kernels.all());
    }

    /** Beta 0 (C not read), 1, and others: with beta 1 a K block that wrongly applied beta again would pass. */
    @Provide
    Arbitrary<Float> betas() {
        return Arbitraries.of(0f, 1f, 0.5f, -1.25f);
    }

    /** Small m and n (at times wide enough for A to be packed at every width), K from 513 to 1,500. */
    @Property(tries = 12)
    void sgemmWithLongKStaysWithinTheErrorBound(@ForAll("implementations") KernelProvider impl,
            @ForAll boolean transA, @ForAll boolean transB,
            @ForAll @IntRange(min = 1, max = 24) int m, @ForAll @IntRange(min = 1, max = 140) int n,
            @ForAll @IntRange(min = 513, max = 1500) int k, @ForAll @IntRange(min = 0, max = 5) int ldPad,
            @ForAll @IntRange(min = 0, max = 7) int offset, @ForAll("betas") float beta, @ForAll long seed) {
        GemmCase g = GemmCase.random(transA, transB, m, n, k, 1f, beta, ldPad, offset, seed);
        assertNull(run(impl, g, 1), impl.name() + " " + g);
    }

    /** Runs {@code g} on {@code impl}; null when the result is within the bound, else a description. */
    private static String run(KernelProvider impl, GemmCase g, int threads) {
        float[] c = g.c().clone();
        impl.gemm().sgemm(g.transA(), g.transB(), g.m(), g.n(), g.k(), g.alpha(), g.a(), g.aOff(), g.lda(), g.b(),
                g.bOff(), g.ldb(), g.beta(), c, g.cOff(), g.ldc(), threads);
        return g.check(c);
    }
}
