package dev.lanewise.harness.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.activation.Activations;
import dev.lanewise.kernels.blas.Blas;
import dev.lanewise.kernels.loss.Losses;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.GradientTransforms;
import dev.lanewise.kernels.optim.NAdamConfig;
import dev.lanewise.kernels.optim.Optimizers;
import dev.lanewise.kernels.optim.SgdConfig;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad arguments to the segment overloads are refused before anything is written, each with the exception
 * and the argument's name that LossSegmentKernels, BlasSegmentKernels, ... state: null, a negative length or
 * offset, a range past the end (checked after an output that fits, so that an unchecked kernel would have
 * written it), a misaligned segment, a read-only output, a closed arena, another thread's confined segment,
 * a class label out of range. The facade's optimizer steps skip non-finite gradients on segments too.
 */
class SegmentArgumentTest {
    private static final int N = 37;

    static List<String> implementations() {
        return SegmentCases.implementations();
    }

    private static MemorySegment nativeOf(Arena arena, float value, int n) {
        MemorySegment s = arena.allocate((long) n * Float.BYTES, 16);
        for (int i = 0; i < n; i++) {
            s.setAtIndex(ValueLayout.JAVA_FLOAT, i, value + i);
        }
        return s;
    }

    /**
     * Expects {@code type} with a message that is exactly {@code message} for a null argument and contains it
     * otherwise, and every segment in {@code untouched} as it was.
     */
    private static void refused(Class<? extends Throwable> type, String message, List<MemorySegment> untouched,
            Executable call) {
        List<byte[]> before = untouched.stream().map(s -> s.toArray(ValueLayout.JAVA_BYTE)).toList();
        Throwable e = assertThrows(type, call);
        if (type == NullPointerException.class) {
            assertEquals(message, e.getMessage());
        } else {
            assertTrue(e.getMessage().contains(message), "message '" + e.getMessage() + "' should mention " + message);
        }
        for (int k = 0; k < untouched.size(); k++) {
            assertArrayEquals(before.get(k), untouched.get(k).toArray(ValueLayout.JAVA_BYTE), "segment " + k + " was written");
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void blasRefusesBadSegmentsBeforeWriting(String name) {
        KernelProvider p = Kernels.named(name);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment x = nativeOf(arena, 1f, N);
            MemorySegment y = nativeOf(arena, 2f, N);
            MemorySegment shortOut = nativeOf(arena, 3f, N - 1);
            List<MemorySegment> all = List.of(x, y, shortOut);
            refused(NullPointerException.class, "x", all, () -> p.blasSegments().axpy(N, 2f, null, 0, y, 0));
            refused(NullPointerException.class, "y", all, () -> p.blasSegments().dot(N, x, 0, null, 0));
            refused(IllegalArgumentException.class, "n must be >= 0", all, () -> p.blasSegments().scal(-1, 2f, x, 0));
            refused(IllegalArgumentException.class, "n must be >= 1", all, () -> p.blasSegments().argmax(0, x, 0));
            refused(IndexOutOfBoundsException.class, "x offset must be >= 0", all,
                    () -> p.blasSegments().axpy(N, 2f, x, -1, y, 0));
            refused(IndexOutOfBoundsException.class, "y: offset 1 + length 37 exceeds its length 37 floats", all,
                    () -> p.blasSegments().axpy(N, 2f, x, 0, y, 1));
            // out is short: a, b and out's checks run before any write, so neither input nor out changes.
            refused(IndexOutOfBoundsException.class, "out", all, () -> p.blasSegments().add(N, x, 0, y, 0, shortOut, 0));
            refused(IllegalArgumentException.class, "y is written, so it must not be a read-only segment", all,
                    () -> p.blasSegments().axpy(N, 2f, x, 0, y.asReadOnly(), 0));
            refused(IllegalArgumentException.class, "x must be aligned to 4 bytes", all,
                    () -> p.blasSegments().sum(N - 1, x.asSlice(2), 0));
            refused(IllegalArgumentException.class, "x must be aligned to 4 bytes", all,
                    () -> p.blasSegments().sum(4, MemorySegment.ofArray(new byte[64]), 0));
            // A read-only input is fine, and so is a heap segment over a long[] (8-byte aligned).
            assertEquals(p.blasSegments().sum(N, x, 0), p.blasSegments().sum(N, x.asReadOnly(), 0));
            MemorySegment longs = MemorySegment.ofArray(new long[4]);
            assertEquals(0f, p.blasSegments().sum(8, longs, 0));
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void activationsAndLossesRefuseBadSegmentsBeforeWriting(String name) {
        KernelProvider p = Kernels.named(name);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment x = nativeOf(arena, -1f, N);
            MemorySegment out = nativeOf(arena, 5f, N);
            MemorySegment shortSaved = nativeOf(arena, 0.5f, N - 1);
            List<MemorySegment> all = List.of(x, out, shortSaved);
            refused(NullPointerException.class, "out", all, () -> p.activationSegments().sigmoid(N, x, 0, null, 0));
            refused(IllegalArgumentException.class, "negativeSlope must be finite", all,
                    () -> p.activationSegments().leakyRelu(N, Float.NaN, x, 0, out, 0));
            refused(IndexOutOfBoundsException.class, "saved", all,
                    () -> p.activationSegments().tanhBackward(N, x, 0, shortSaved, 0, out, 0));
            refused(IllegalArgumentException.class, "gradIn is written", all,
                    () -> p.activationSegments().tanhBackward(N - 1, x, 0, shortSaved, 0, out.asReadOnly(), 0));
            refused(IllegalArgumentException.class, "leading dimension must be >= max(1, cols = 5), was 4", all,
                    () -> p.activationSegments().softmax(3, 5, 4, x, 0, out, 0));
            MemorySegment wide = nativeOf(arena, 0f, 40);
            refused(IndexOutOfBoundsException.class, "out: 4x10 matrix at offset 0 with leading dimension 10 needs 40 "
                    + "floats, has 37", all, () -> p.activationSegments().softmax(4, 10, 10, wide, 0, out, 0));

            MemorySegment labels = arena.allocate(4L * 4, 4);
            labels.setAtIndex(ValueLayout.JAVA_INT, 3, 9);
            refused(IndexOutOfBoundsException.class, "labels[3] (row 3) must be in [0, cols = 9), was 9", all,
                    () -> p.lossSegments().softmaxCrossEntropy(4, 9, x, 0, 9, labels, 0, out, 0, 9));
            refused(IllegalArgumentException.class, "labels must be aligned to 4 bytes", all,
                    () -> p.lossSegments().softmaxCrossEntropy(1, 9, x, 0, 9, labels.asSlice(1), 0, out, 0, 9));
            refused(IllegalArgumentException.class, "delta must be finite and > 0", all,
                    () -> p.lossSegments().huber(N, 0f, x, 0, out, 0, out, 0));
            refused(IndexOutOfBoundsException.class, "target", all,
                    () -> p.lossSegments().mse(N, x, 0, shortSaved, 0, out, 0));
            refused(IllegalArgumentException.class, "grad is written", all,
                    () -> p.lossSegments().mae(N, x, 0, out, 0, x.asReadOnly(), 0));
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void optimizersCheckEveryBufferTheyUseBeforeWriting(String name) {
        KernelProvider p = Kernels.named(name);
        AdamConfig amsgrad = new AdamConfig(1e-3, 0.9, 0.999, 1e-8, 0, true, false, false);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment param = nativeOf(arena, 1f, N);
            MemorySegment grad = nativeOf(arena, 0.1f, N);
            MemorySegment m = nativeOf(arena, 0f, N);
            MemorySegment v = nativeOf(arena, 0f, N);
            MemorySegment shortVMax = nativeOf(arena, 0f, N - 1);
            List<MemorySegment> all = List.of(param, grad, m, v, shortVMax);
            // param and m are checked, and would be written, before vMax turns out short.
            refused(IndexOutOfBoundsException.class, "max_exp_avg_sq", all,
                    () -> p.optimizerSegments().adam(N, param, 0, grad, 0, m, 0, v, 0, shortVMax, 0, amsgrad, 1));
            refused(NullPointerException.class, "max_exp_avg_sq", all,
                    () -> p.optimizerSegments().adam(N, param, 0, grad, 0, m, 0, v, 0, null, 0, amsgrad, 1));
            refused(IllegalArgumentException.class, "exp_avg_sq is written", all,
                    () -> p.optimizerSegments().adam(N, param, 0, grad, 0, m, 0, v.asReadOnly(), 0, null, 0,
                            AdamConfig.adam(), 1));
            refused(IllegalArgumentException.class, "param is written", all,
                    () -> Optimizers.sgd(N, param.asReadOnly(), 0, grad, 0, null, 0, SgdConfig.of(0.1), 1));
            refused(IllegalArgumentException.class, "step must be >= 1", all,
                    () -> Optimizers.adam(N, param, 0, grad, 0, m, 0, v, 0, null, 0, AdamConfig.adam(), 0));
            refused(NullPointerException.class, "config", all,
                    () -> p.optimizerSegments().lion(N, param, 0, grad, 0, m, 0, null));
            refused(IllegalArgumentException.class, "clip_value must be finite and >= 0", all,
                    () -> GradientTransforms.clipByValue(N, grad, 0, -1f));
            refused(IllegalArgumentException.class, "lambda must be finite and >= 0", all,
                    () -> p.optimizerSegments().l2Penalty(N, Float.POSITIVE_INFINITY, param, 0, grad, 0));
            refused(IllegalArgumentException.class, "weight_decay", all,
                    () -> GradientTransforms.decoupledWeightDecay(N, param, 0, 0.1, -1));
            // A buffer the configuration does not use is ignored, even read-only.
            p.optimizerSegments().adam(N, param, 0, grad, 0, m, 0, v, 0, shortVMax.asReadOnly(), 0, AdamConfig.adam(), 1);
        }
    }

    @Test
    void aClosedArenaIsRefusedBeforeAnythingIsWritten() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment param = nativeOf(arena, 1f, N);
            MemorySegment m = nativeOf(arena, 0f, N);
            MemorySegment v;
            Arena other = Arena.ofConfined();
            v = nativeOf(other, 0f, N);
            other.close();
            refused(IllegalStateException.class, "exp_avg_sq: its arena is already closed", List.of(param, m),
                    () -> Optimizers.adam(N, param, 0, param, 0, m, 0, v, 0, null, 0, AdamConfig.adam(), 1));
        }
    }

    @Test
    void aSegmentConfinedToAnotherThreadIsRefusedBeforeAnythingIsWritten() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mine = nativeOf(arena, 1f, N);
            MemorySegment shared = MemorySegment.ofArray(new float[N]);
            float[] before = shared.toArray(ValueLayout.JAVA_FLOAT);
            CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
                try {
                    Activations.relu(N, shared, 0, shared, 0);
                    Blas.axpy(N, 1f, shared, 0, mine, 0);
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            Throwable t = failure.get();
            assertTrue(t instanceof WrongThreadException, "expected WrongThreadException, was " + t);
            assertTrue(t.getMessage().contains("y is confined to another thread"), t.getMessage());
            assertArrayEquals(before, shared.toArray(ValueLayout.JAVA_FLOAT));
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void facadeStepsSkipANonFiniteGradientOnSegmentsAndWriteNothing() {
        try (Arena arena = Arena.ofConfined()) {
            int n = 3 * SegmentCases.CHUNK + 1;
            MemorySegment param = nativeOf(arena, 1f, n);
            MemorySegment grad = nativeOf(arena, 0.1f, n);
            MemorySegment m = nativeOf(arena, 0f, n);
            MemorySegment v = nativeOf(arena, 0f, n);
            // The only NaN sits in the last chunk: every chunk must be scanned before the first write.
            grad.setAtIndex(ValueLayout.JAVA_FLOAT, n - 1, Float.NaN);
            List<MemorySegment> state = List.of(param, m, v);
            List<byte[]> before = state.stream().map(s -> s.toArray(ValueLayout.JAVA_BYTE)).toList();
            assertFalse(Optimizers.adam(n, param, 0, grad, 0, m, 0, v, 0, null, 0, AdamConfig.adam(), 1));
            double[] muProduct = {1};
            assertFalse(Optimizers.nadam(n, param, 0, grad, 0, m, 0, v, 0, muProduct, NAdamConfig.defaults(), 1));
            assertEquals(1, muProduct[0]);
            for (int k = 0; k < state.size(); k++) {
                assertArrayEquals(before.get(k), state.get(k).toArray(ValueLayout.JAVA_BYTE));
            }
            grad.setAtIndex(ValueLayout.JAVA_FLOAT, n - 1, 0.5f);
            assertTrue(Optimizers.nadam(n, param, 0, grad, 0, m, 0, v, 0, muProduct, NAdamConfig.defaults(), 1));
            assertTrue(muProduct[0] < 1 && muProduct[0] > 0, "mu_product advanced: " + muProduct[0]);
        }
    }

    @Test
    void lossSegmentsTakeHeapIntLabels() {
        float[] logits = {1f, 2f, 3f, 0f, 0f, 5f};
        int[] labels = {2, 0};
        float[] expectedGrad = new float[6];
        float expected = Losses.softmaxCrossEntropy(3, logits, labels, expectedGrad);
        MemorySegment grad = MemorySegment.ofArray(new float[6]);
        float actual = Losses.softmaxCrossEntropy(2, 3, MemorySegment.ofArray(logits), 0, 3, MemorySegment.ofArray(labels),
                0, grad, 0, 3);
        assertEquals(expected, actual, 0f);
        assertArrayEquals(expectedGrad, grad.toArray(ValueLayout.JAVA_FLOAT));
    }
}
