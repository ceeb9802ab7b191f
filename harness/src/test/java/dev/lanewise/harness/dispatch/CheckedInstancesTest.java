package dev.lanewise.harness.dispatch;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.activation.ActivationKernels;
import dev.lanewise.kernels.blas.BlasKernels;
import dev.lanewise.kernels.gemm.GemmKernels;
import dev.lanewise.kernels.loss.LossKernels;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.NAdamConfig;
import dev.lanewise.kernels.optim.OptimizerKernels;
import dev.lanewise.kernels.optim.Optimizers;
import dev.lanewise.kernels.optim.SgdConfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * netlib's rule: every kernel instance a caller can obtain checks its arguments, not only the static facades.
 * Each call below is one that an unchecked kernel would get wrong in a way the test sees: it would return
 * quietly (a negative length), or write part of an output before an array index fails (a range past an
 * input's end, checked after an output that fits), or fail with the JVM's own exception and message.
 */
class CheckedInstancesTest {
    private static final int N = 7;

    static List<String> names() {
        return List.of("scalar", "vector128", "vector256", "vector512");
    }

    private static float[] ramp() {
        float[] x = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = 0.5f * (i + 1) - 2f;
        }
        return x;
    }

    private static float[] nines() {
        float[] x = new float[N];
        Arrays.fill(x, 9f);
        return x;
    }

    /**
     * Expects {@code type} from {@code call} with a message that is exactly {@code message} for a null
     * argument and contains it otherwise, and every array in {@code untouched} as it was.
     */
    private static void refused(Class<? extends RuntimeException> type, String message, List<float[]> untouched,
            Executable call) {
        List<float[]> before = untouched.stream().map(float[]::clone).toList();
        RuntimeException e = assertThrows(type, call);
        if (type == NullPointerException.class) {
            assertEquals(message, e.getMessage());
        } else {
            assertTrue(e.getMessage().contains(message), "message '" + e.getMessage() + "' should mention " + message);
        }
        for (int k = 0; k < untouched.size(); k++) {
            assertArrayEquals(before.get(k), untouched.get(k), "array " + k + " must be untouched");
        }
    }

    @Test
    void eachProviderBuildsItsCheckedKernelsOnce() {
        KernelProvider p = Kernels.named("scalar");
        assertSame(p.blas(), p.blas());
        assertSame(p.optimizers(), p.optimizers());
        assertSame(Kernels.provider().optimizers(), Optimizers.kernels());
    }

    @ParameterizedTest
    @MethodSource("names")
    void blasRefusesBadArgumentsBeforeAnyWrite(String name) {
        BlasKernels k = Kernels.named(name).blas();
        float[] a = ramp();
        float[] b = ramp();
        float[] out = nines();
        List<float[]> all = List.of(a, b, out);
        refused(NullPointerException.class, "x", all, () -> k.dot(3, null, 0, b, 0));
        refused(NullPointerException.class, "out", all, () -> k.add(3, a, 0, b, 0, null, 0));
        refused(IllegalArgumentException.class, "n must be >= 0, was -1", all, () -> k.scal(-1, 2f, out, 0));
        refused(IllegalArgumentException.class, "n must be >= 1, was 0", all, () -> k.max(0, a, 0));
        refused(IndexOutOfBoundsException.class, "b: offset 5 + length 3 exceeds its length 7", all,
                () -> k.sub(3, a, 0, b, 5, out, 0));
        refused(IndexOutOfBoundsException.class, "y: offset 6 + length 3 exceeds its length 7", all,
                () -> k.axpy(3, 1f, a, 0, out, 6));
        refused(IndexOutOfBoundsException.class, "x offset must be >= 0, was -1", all, () -> k.scal(2, 1f, out, -1));
    }

    @ParameterizedTest
    @MethodSource("names")
    void activationsRefuseBadArgumentsBeforeAnyWrite(String name) {
        ActivationKernels k = Kernels.named(name).activations();
        float[] x = ramp();
        float[] g = ramp();
        float[] out = nines();
        List<float[]> all = List.of(x, g, out);
        refused(NullPointerException.class, "saved", all, () -> k.tanhBackward(3, g, 0, null, 0, out, 0));
        refused(IllegalArgumentException.class, "n must be >= 0, was -2", all, () -> k.relu(-2, x, 0, out, 0));
        refused(IndexOutOfBoundsException.class, "x: offset 6 + length 3 exceeds its length 7", all,
                () -> k.gelu(3, x, 6, out, 0));
        refused(IndexOutOfBoundsException.class, "saved: offset 5 + length 3 exceeds its length 7", all,
                () -> k.reluBackward(3, g, 0, x, 5, out, 0));
        refused(IllegalArgumentException.class, "negativeSlope must be finite, was NaN", all,
                () -> k.leakyRelu(3, Float.NaN, x, 0, out, 0));
        refused(IllegalArgumentException.class, "x leading dimension must be >= max(1, cols = 3), was 2", all,
                () -> k.softmax(2, 3, 2, x, 0, out, 0));
    }

    @ParameterizedTest
    @MethodSource("names")
    void lossesRefuseBadArgumentsBeforeAnyWrite(String name) {
        LossKernels k = Kernels.named(name).losses();
        float[] pred = ramp();
        float[] target = ramp();
        float[] grad = nines();
        List<float[]> all = List.of(pred, target, grad);
        refused(NullPointerException.class, "grad", all, () -> k.mse(3, pred, 0, target, 0, null, 0));
        refused(IllegalArgumentException.class, "n must be >= 0, was -1", all,
                () -> k.mae(-1, pred, 0, target, 0, grad, 0));
        refused(IndexOutOfBoundsException.class, "target: offset 5 + length 3 exceeds its length 7", all,
                () -> k.mse(3, pred, 0, target, 5, grad, 0));
        refused(IllegalArgumentException.class, "delta must be finite and > 0, was 0.0", all,
                () -> k.huber(3, 0f, pred, 0, target, 0, grad, 0));
        float[] logits = new float[6];
        float[] matrixGrad = new float[6];
        Arrays.fill(matrixGrad, 9f);
        // Row 0 is valid, so a kernel that checked labels as it went would already have written its gradient.
        refused(IndexOutOfBoundsException.class, "labels[1] (row 1) must be in [0, cols = 3), was 3",
                List.of(logits, matrixGrad),
                () -> k.softmaxCrossEntropy(2, 3, logits, 0, 3, new int[] {0, 3}, 0, matrixGrad, 0, 3));
    }

    @ParameterizedTest
    @MethodSource("names")
    void gemmRefusesBadArgumentsBeforeAnyWrite(String name) {
        GemmKernels k = Kernels.named(name).gemm();
        // A 2x3, B 3x4, C 2x4, all dense.
        float[] a = new float[6];
        float[] b = new float[12];
        float[] c = new float[8];
        Arrays.fill(a, 1f);
        Arrays.fill(b, 2f);
        Arrays.fill(c, 7f);
        List<float[]> all = List.of(a, b, c);
        refused(NullPointerException.class, "b", all,
                () -> k.sgemm(false, false, 2, 4, 3, 1f, a, 0, 3, null, 0, 4, 0f, c, 0, 4, 1));
        refused(IllegalArgumentException.class, "k must be >= 0, was -1", all,
                () -> k.sgemm(false, false, 2, 4, -1, 1f, a, 0, 3, b, 0, 4, 0f, c, 0, 4, 1));
        refused(IndexOutOfBoundsException.class, "c: 2x4 matrix at offset 1", all,
                () -> k.sgemm(false, false, 2, 4, 3, 1f, a, 0, 3, b, 0, 4, 0f, c, 1, 4, 1));
        refused(IndexOutOfBoundsException.class, "x: offset 0 + length 4 exceeds its length 3", all,
                () -> k.sgemv(false, 3, 4, 1f, b, 0, 4, new float[3], 0, 0f, c, 0));
        refused(IndexOutOfBoundsException.class, "out: offset 5 + length 4 exceeds its length 8", all,
                () -> k.sumRows(2, 4, b, 0, 4, 0f, c, 5));
        refused(IndexOutOfBoundsException.class, "bias: offset 1 + length 4 exceeds its length 4", all,
                () -> k.addBiasRows(2, 4, new float[4], 1, c, 0, 4));
    }

    @ParameterizedTest
    @MethodSource("names")
    void optimizersRefuseBadArgumentsBeforeAnyWrite(String name) {
        optimizersRefuse(Kernels.named(name).optimizers());
    }

    @Test
    void theKernelsBehindTheOptimizerFacadeRefuseBadArgumentsBeforeAnyWrite() {
        optimizersRefuse(Optimizers.kernels());
    }

    private static void optimizersRefuse(OptimizerKernels k) {
        float[] param = ramp();
        float[] grad = ramp();
        float[] m = nines();
        float[] v = nines();
        List<float[]> all = List.of(param, grad, m, v);
        AdamConfig adam = AdamConfig.adam();
        SgdConfig sgd = SgdConfig.of(0.1);
        refused(NullPointerException.class, "exp_avg", all,
                () -> k.adam(5, param, 0, grad, 0, null, 0, v, 0, null, 0, adam, 1));
        refused(NullPointerException.class, "config", all, () -> k.sgd(5, param, 0, grad, 0, null, 0, null, 1));
        refused(NullPointerException.class, "max_exp_avg_sq", all,
                () -> k.adam(5, param, 0, grad, 0, m, 0, v, 0, null, 0, adam.withAmsgrad(true), 1));
        refused(IllegalArgumentException.class, "n must be >= 0, was -1", all,
                () -> k.adam(-1, param, 0, grad, 0, m, 0, v, 0, null, 0, adam, 1));
        refused(IllegalArgumentException.class, "step must be >= 1", all,
                () -> k.adam(5, param, 0, grad, 0, m, 0, v, 0, null, 0, adam, 0));
        refused(IndexOutOfBoundsException.class, "grad: offset 3 + length 5 exceeds its length 7", all,
                () -> k.sgd(5, param, 0, grad, 3, null, 0, sgd, 1));
        refused(IndexOutOfBoundsException.class, "exp_avg_sq: offset 4 + length 5 exceeds its length 7", all,
                () -> k.adam(5, param, 0, grad, 0, m, 0, v, 4, null, 0, adam, 1));
        refused(IllegalArgumentException.class, "mu_product must be in (0, 1], was 0.0", all,
                () -> k.nadam(5, param, 0, grad, 0, m, 0, v, 0, NAdamConfig.defaults(), 1, 0.0));
        refused(IllegalArgumentException.class, "clip_value must be finite and >= 0, was -1.0", all,
                () -> k.clipByValue(3, grad, 0, -1f));
        refused(IllegalArgumentException.class, "lambda must be finite and >= 0, was NaN", all,
                () -> k.l2Penalty(3, Float.NaN, param, 0, grad, 0));
        refused(IndexOutOfBoundsException.class, "grad: offset 6 + length 3 exceeds its length 7", all,
                () -> k.l1Penalty(3, 0.5f, param, 0, grad, 6));
        refused(NullPointerException.class, "x", all, () -> k.allFinite(3, null, 0));
        refused(IllegalArgumentException.class, "n must be >= 0, was -1", all, () -> k.allFinite(-1, grad, 0));
    }
}
