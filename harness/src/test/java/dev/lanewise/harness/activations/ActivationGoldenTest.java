package dev.lanewise.harness.activations;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.activation.ActivationKernels;

import dev.lanewise.harness.support.Json;
import static dev.lanewise.harness.support.Assertions2.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.support.Ulps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every implementation against PyTorch's float64 results (golden/activations_golden.json, made by the
 * committed activations_golden.py), within the accuracy {@link ActivationKernels} states.
 */
class ActivationGoldenTest {
    private static final Map<String, Object> GOLDEN = load();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in = ActivationGoldenTest.class.getResourceAsStream("/golden/activations_golden.json")) {
            return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> golden(String function) {
        for (Object c : (List<Object>) GOLDEN.get("cases")) {
            Map<String, Object> m = (Map<String, Object>) c;
            if (m.get("function").equals(function)) {
                return m;
            }
        }
        throw new IllegalStateException("no golden case " + function);
    }

    static Stream<Arguments> elementwise() {
        return Kernels.all().stream().flatMap(k -> Stream.of(Elementwise.values()).map(f -> Arguments.of(k, f)));
    }

    static Stream<KernelProvider> implementations() {
        return Kernels.all().stream();
    }

    /** The enum's name in the generator's spelling: GELU_TANH -> geluTanh. */
    private static String functionName(Elementwise f) {
        String[] parts = f.name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwise")
    void forwardAndBackwardMatchPyTorch(KernelProvider impl, Elementwise f) {
        assertEquals(Elementwise.SLOPE, ((Double) GOLDEN.get("slope")).floatValue());
        assertEquals(Elementwise.ALPHA, ((Double) GOLDEN.get("alpha")).floatValue());
        Map<String, Object> c = golden(functionName(f));
        float[] x = Json.floats(c, "x");
        double[] y = Json.doubles(c, "y");
        float[] g = Json.floats(c, "g");
        float[] saved = Json.floats(c, "saved");
        double[] dx = Json.doubles(c, "dx");
        int n = x.length;
        float[] out = new float[n];
        f.forward(impl.activations(), n, x, 0, out, 0);
        float[] gradIn = new float[n];
        f.backward(impl.activations(), n, g, 0, saved, 0, gradIn, 0);
        for (int i = 0; i < n; i++) {
            String at = impl.name() + " " + f + " at x = " + x[i];
            // PyTorch's float64 formulas cancel below about 1e-16 (ELU computes e^x - 1, GELU-tanh 1 + tanh),
            // so its result is only that close to the truth there.
            double reference = 1e-15 * Math.max(1, Math.abs(x[i]));
            long fu = f.exact() ? 0 : f.forwardUlps + f.conditionUlps(x[i]);
            assertTrue(Elementwise.within(out[i], y[i], fu, f.forwardAbsPerX * Math.abs(x[i]) + reference),
                    at + ": " + describe(out[i]) + " vs PyTorch " + y[i]);
            if (Float.isNaN(saved[i]) && f != Elementwise.IDENTITY) {
                // NaN in, NaN out: where PyTorch's (leaky) ReLU backward passes g or 0 for a NaN input, lanewise gives NaN.
                assertTrue(Float.isNaN(gradIn[i]), at + " backward of a NaN input: " + describe(gradIn[i]));
                continue;
            }
            long bu = f.exact() ? 0 : f.backwardUlps + f.conditionUlps(saved[i]);
            assertTrue(Elementwise.within(gradIn[i], dx[i], bu, f.backwardAbs * Math.abs(g[i]) + reference),
                    at + " backward: " + describe(gradIn[i]) + " vs PyTorch " + dx[i]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void softmaxMatchesPyTorch(KernelProvider impl) {
        Map<String, Object> c = golden("softmax");
        int rows = ((Double) c.get("rows")).intValue();
        int cols = ((Double) c.get("cols")).intValue();
        float[] x = Json.floats(c, "x");
        double[] y = Json.doubles(c, "y");
        float[] out = new float[x.length];
        impl.activations().softmax(rows, cols, cols, x, 0, out, 0);
        for (int r = 0; r < rows; r++) {
            float max = rowMax(x, r * cols, cols);
            for (int j = r * cols; j < (r + 1) * cols; j++) {
                double allowed = (1 + Math.abs((double) x[j] - max)) * 0x1p-23 * Math.abs(y[j]);
                assertClose(out[j], y[j], 6, allowed, impl.name() + " softmax [" + r + "][" + (j - r * cols) + "]");
            }
        }
        float[] g = Json.floats(c, "g");
        float[] saved = Json.floats(c, "saved");
        double[] dx = Json.doubles(c, "dx");
        float[] gradIn = new float[x.length];
        impl.activations().softmaxBackward(rows, cols, cols, g, 0, saved, 0, gradIn, 0);
        for (int r = 0; r < rows; r++) {
            double reduction = 0;
            for (int j = r * cols; j < (r + 1) * cols; j++) {
                reduction += Math.abs((double) g[j] * saved[j]);
            }
            for (int j = r * cols; j < (r + 1) * cols; j++) {
                assertClose(gradIn[j], dx[j], 6, Math.abs(saved[j]) * 0x1p-22 * reduction,
                        impl.name() + " softmaxBackward [" + r + "][" + (j - r * cols) + "]");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void logSoftmaxMatchesPyTorch(KernelProvider impl) {
        Map<String, Object> c = golden("logSoftmax");
        int rows = ((Double) c.get("rows")).intValue();
        int cols = ((Double) c.get("cols")).intValue();
        float[] x = Json.floats(c, "x");
        double[] y = Json.doubles(c, "y");
        float[] out = new float[x.length];
        impl.activations().logSoftmax(rows, cols, cols, x, 0, out, 0);
        for (int j = 0; j < x.length; j++) {
            assertClose(out[j], y[j], 6, 0, impl.name() + " logSoftmax element " + j);
        }
        float[] g = Json.floats(c, "g");
        float[] saved = Json.floats(c, "saved");
        double[] dx = Json.doubles(c, "dx");
        float[] gradIn = new float[x.length];
        impl.activations().logSoftmaxBackward(rows, cols, cols, g, 0, saved, 0, gradIn, 0);
        for (int r = 0; r < rows; r++) {
            double reduction = 0;
            for (int j = r * cols; j < (r + 1) * cols; j++) {
                reduction += Math.abs((double) g[j]);
            }
            for (int j = r * cols; j < (r + 1) * cols; j++) {
                assertClose(gradIn[j], dx[j], 6, Math.exp(saved[j]) * 0x1p-21 * reduction,
                        impl.name() + " logSoftmaxBackward [" + r + "][" + (j - r * cols) + "]");
            }
        }
    }

    /** The limits the javadoc promises at ±Inf, and the NaN it promises where the formula meets -Inf * 0. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void infinitiesGiveTheDocumentedLimits(KernelProvider impl) {
        ActivationKernels k = impl.activations();
        float inf = Float.POSITIVE_INFINITY;
        assertEquals(0f, Elementwise.SIGMOID.forward(k, -inf));
        assertEquals(1f, Elementwise.SIGMOID.forward(k, inf));
        assertEquals(1f, Elementwise.TANH.forward(k, inf));
        assertEquals(-1f, Elementwise.TANH.forward(k, -inf));
        assertEquals(-Elementwise.ALPHA, Elementwise.ELU.forward(k, -inf));
        assertEquals(0f, Elementwise.SOFTPLUS.forward(k, -inf));
        assertEquals(inf, Elementwise.SOFTPLUS.forward(k, inf));
        assertEquals(inf, Elementwise.GELU.forward(k, inf));
        assertEquals(inf, Elementwise.SILU.forward(k, inf));
        assertTrue(Float.isNaN(Elementwise.GELU.forward(k, -inf)));
        assertTrue(Float.isNaN(Elementwise.GELU_TANH.forward(k, -inf)));
        assertTrue(Float.isNaN(Elementwise.SILU.forward(k, -inf)));
        assertEquals(1f, Elementwise.SILU.backward(k, 1f, inf));
        assertEquals(0f, Elementwise.GELU.backward(k, 1f, -inf));
        // Softmax: -Inf entries get 0, huge logits are fine, an all -Inf row and a +Inf entry give NaN rows.
        float[] x = {-inf, 1000f, 1000f, -1000f, -inf, -inf, -inf, 0f, inf, 1f};
        float[] p = new float[x.length];
        k.softmax(1, 4, 4, x, 0, p, 0);
        assertEquals(0f, p[0]);
        assertEquals(0.5f, p[1]);
        assertEquals(0.5f, p[2]);
        assertEquals(0f, p[3]);
        k.softmax(1, 3, 3, x, 4, p, 4);
        assertTrue(Float.isNaN(p[4]) && Float.isNaN(p[5]) && Float.isNaN(p[6]));
        k.logSoftmax(1, 3, 3, x, 7, p, 7);
        assertTrue(Float.isNaN(p[7]) && Float.isNaN(p[8]) && Float.isNaN(p[9]));
    }

    private static float rowMax(float[] x, int offset, int cols) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, x[offset + j]);
        }
        return max;
    }

    private static void assertClose(float actual, double truth, long ulps, double absolute, String what) {
        boolean ok = Elementwise.within(actual, truth, ulps, absolute);
        assertTrue(ok, what + ": " + describe(actual) + " vs PyTorch " + truth + " ("
                + Ulps.distance(actual, (float) truth) + " ulps, allowed " + ulps + " + " + absolute + ")");
    }
}
