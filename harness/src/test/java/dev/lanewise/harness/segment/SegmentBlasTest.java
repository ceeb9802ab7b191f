package dev.lanewise.harness.segment;

import static dev.lanewise.harness.segment.SegmentKind.read;
import static dev.lanewise.harness.support.Assertions2.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.support.Ulps;
import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.blas.BlasKernels;
import dev.lanewise.kernels.blas.BlasSegmentKernels;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The BLAS-1 segment overloads against the array forms of the same implementation, on every segment kind:
 * elementwise operations and max/argmax bit for bit, dot/sum/asum within 2 gamma(n) sum|terms| (and bit for bit
 * where the array kernel runs in place or one staged chunk holds everything), nrm2 within 2 ulps.
 */
class SegmentBlasTest {
    private static final int X_OFFSET = 2;
    private static final int Y_OFFSET = 5;
    private static final int SLACK = 3;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.lanewise.harness.segment.SegmentCases#implementationsAndKinds")
    void elementwiseOperationsGiveTheArrayFormsBits(String name, SegmentKind kind) {
        KernelProvider p = SegmentCases.provider(name);
        BlasKernels arrays = p.blas();
        BlasSegmentKernels segments = p.blasSegments();
        SplittableRandom random = new SplittableRandom(11);
        for (int n : SegmentCases.LENGTHS) {
            float[] a = SegmentCases.values(random, X_OFFSET + n + SLACK, 4f, true);
            float[] b = SegmentCases.values(random, Y_OFFSET + n + SLACK, 4f, true);
            float alpha = -1.75f;
            String at = name + " " + kind + " n=" + n;
            try (Arena arena = Arena.ofConfined()) {
                float[] expected = b.clone();
                arrays.axpy(n, alpha, a, X_OFFSET, expected, Y_OFFSET);
                MemorySegment y = kind.out(arena, b);
                segments.axpy(n, alpha, kind.in(arena, a), X_OFFSET, y, Y_OFFSET);
                assertSameBits(expected, read(y, b.length), at + " axpy");

                expected = a.clone();
                arrays.scal(n, alpha, expected, X_OFFSET);
                MemorySegment x = kind.out(arena, a);
                segments.scal(n, alpha, x, X_OFFSET);
                assertSameBits(expected, read(x, a.length), at + " scal");

                for (String op : new String[] {"add", "sub", "mul", "div"}) {
                    float[] outData = new float[n + 1];
                    expected = outData.clone();
                    MemorySegment out = kind.out(arena, outData);
                    MemorySegment as = kind.in(arena, a);
                    MemorySegment bs = kind.in(arena, b);
                    switch (op) {
                        case "add" -> {
                            arrays.add(n, a, X_OFFSET, b, Y_OFFSET, expected, 1);
                            segments.add(n, as, X_OFFSET, bs, Y_OFFSET, out, 1);
                        }
                        case "sub" -> {
                            arrays.sub(n, a, X_OFFSET, b, Y_OFFSET, expected, 1);
                            segments.sub(n, as, X_OFFSET, bs, Y_OFFSET, out, 1);
                        }
                        case "mul" -> {
                            arrays.mul(n, a, X_OFFSET, b, Y_OFFSET, expected, 1);
                            segments.mul(n, as, X_OFFSET, bs, Y_OFFSET, out, 1);
                        }
                        default -> {
                            arrays.div(n, a, X_OFFSET, b, Y_OFFSET, expected, 1);
                            segments.div(n, as, X_OFFSET, bs, Y_OFFSET, out, 1);
                        }
                    }
                    assertSameBits(expected, read(out, outData.length), at + " " + op);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.lanewise.harness.segment.SegmentCases#implementationsAndKinds")
    void inPlaceElementwiseOperationsGiveTheArrayFormsBits(String name, SegmentKind kind) {
        KernelProvider p = SegmentCases.provider(name);
        SplittableRandom random = new SplittableRandom(12);
        for (int n : SegmentCases.LENGTHS) {
            float[] a = SegmentCases.values(random, n, 4f, true);
            float[] b = SegmentCases.values(random, n, 4f, true);
            float[] expected = a.clone();
            p.blas().add(n, expected, 0, b, 0, expected, 0);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment as = kind.out(arena, a);
                p.blasSegments().add(n, as, 0, kind.in(arena, b), 0, as, 0);
                assertSameBits(expected, read(as, n), name + " " + kind + " n=" + n + " add in place");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.lanewise.harness.segment.SegmentCases#implementationsAndKinds")
    void sumsStayWithinTheirBoundsAndMaxIsExact(String name, SegmentKind kind) {
        KernelProvider p = SegmentCases.provider(name);
        BlasKernels arrays = p.blas();
        BlasSegmentKernels segments = p.blasSegments();
        SplittableRandom random = new SplittableRandom(13);
        for (int n : SegmentCases.LENGTHS) {
            float[] a = SegmentCases.values(random, X_OFFSET + n + SLACK, 4f, false);
            float[] b = SegmentCases.values(random, Y_OFFSET + n + SLACK, 4f, false);
            String at = name + " " + kind + " n=" + n;
            double dotTerms = 0;
            double magnitudes = 0;
            for (int i = 0; i < n; i++) {
                dotTerms += Math.abs((double) a[X_OFFSET + i] * b[Y_OFFSET + i]);
                magnitudes += Math.abs(a[X_OFFSET + i]);
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment x = kind.in(arena, a);
                MemorySegment y = kind.in(arena, b);
                float dot = segments.dot(n, x, X_OFFSET, y, Y_OFFSET);
                float sum = segments.sum(n, x, X_OFFSET);
                float asum = segments.asum(n, x, X_OFFSET);
                float nrm2 = segments.nrm2(n, x, X_OFFSET);
                float arrayDot = arrays.dot(n, a, X_OFFSET, b, Y_OFFSET);
                float arraySum = arrays.sum(n, a, X_OFFSET);
                float arrayAsum = arrays.asum(n, a, X_OFFSET);
                float arrayNrm2 = arrays.nrm2(n, a, X_OFFSET);
                assertWithin(arrayDot, dot, 2 * Ulps.gamma(n) * dotTerms, at + " dot");
                assertWithin(arraySum, sum, 2 * Ulps.gamma(n) * magnitudes, at + " sum");
                assertWithin(arrayAsum, asum, 2 * Ulps.gamma(n) * magnitudes, at + " asum");
                long ulps = Ulps.distance(arrayNrm2, nrm2);
                assertTrue(ulps <= 2, at + " nrm2: array " + arrayNrm2 + ", segment " + nrm2 + ", " + ulps + " ulps");
                if (kind.inPlace()) {
                    assertSameBits(arrayDot, dot, at + " dot in place");
                    assertSameBits(arraySum, sum, at + " sum in place");
                }
                if (kind.inPlace() || n <= SegmentCases.CHUNK) {
                    assertSameBits(arrayAsum, asum, at + " asum in one chunk");
                    assertSameBits(arrayNrm2, nrm2, at + " nrm2 in one chunk");
                }
                if (n > 0) {
                    assertSameBits(arrays.max(n, a, X_OFFSET), segments.max(n, x, X_OFFSET), at + " max");
                    assertEquals(arrays.argmax(n, a, X_OFFSET), segments.argmax(n, x, X_OFFSET), at + " argmax");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.lanewise.harness.segment.SegmentCases#implementationsAndKinds")
    void argmaxAcrossChunksKeepsTheFirstMaximumAndTheFirstNaN(String name, SegmentKind kind) {
        KernelProvider p = SegmentCases.provider(name);
        int n = 3 * SegmentCases.CHUNK + 7;
        float[] x = new float[n];
        // Equal maxima in the second and third chunks, -0 before +0 in the first: the first maximum wins.
        x[5] = -0f;
        x[9] = 0f;
        x[SegmentCases.CHUNK + 100] = 7f;
        x[2 * SegmentCases.CHUNK + 1] = 7f;
        try (Arena arena = Arena.ofConfined()) {
            assertEquals(SegmentCases.CHUNK + 100, p.blasSegments().argmax(n, kind.in(arena, x), 0), name + " " + kind);
            float[] negative = new float[n];
            java.util.Arrays.fill(negative, -1f);
            negative[3] = -0f;
            negative[SegmentCases.CHUNK + 3] = 0f;
            assertEquals(p.blas().argmax(n, negative, 0), p.blasSegments().argmax(n, kind.in(arena, negative), 0));
            x[2 * SegmentCases.CHUNK + 5] = Float.NaN;
            x[3 * SegmentCases.CHUNK + 1] = Float.NaN;
            assertEquals(2 * SegmentCases.CHUNK + 5, p.blasSegments().argmax(n, kind.in(arena, x), 0));
            assertTrue(Float.isNaN(p.blasSegments().max(n, kind.in(arena, x), 0)));
        }
    }

    private static void assertWithin(float expected, float actual, double bound, String what) {
        double error = Math.abs((double) expected - actual);
        assertTrue(error <= bound + Float.MIN_VALUE,
                what + ": array " + expected + ", segment " + actual + ", |difference| " + error + " > bound " + bound);
    }
}
