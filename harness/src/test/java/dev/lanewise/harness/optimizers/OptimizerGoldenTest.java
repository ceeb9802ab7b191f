package dev.lanewise.harness.optimizers;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.optim.GradientTransforms;

import dev.lanewise.harness.support.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trajectories of every optimizer and option against PyTorch 1.13 in float64 (golden/optimizers_golden.py,
 * its output and versions in golden/optimizers_golden.json): 12 steps from a fixed start with fixed
 * gradients, on every implementation, every step within |a - b| &lt;= 1e-6 + 2e-5 |b|.
 */
class OptimizerGoldenTest {
    private static final double ABSOLUTE = 1e-6;
    private static final double RELATIVE = 2e-5;
    private static final Map<String, Object> GOLDEN = load();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in = OptimizerGoldenTest.class.getResourceAsStream("/golden/optimizers_golden.json")) {
            return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static float[] floats(Object list) {
        List<?> values = (List<?>) list;
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).floatValue();
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (KernelProvider impl : Kernels.all()) {
            for (Object c : (List<Object>) GOLDEN.get("cases")) {
                Map<String, Object> cs = (Map<String, Object>) c;
                out.add(Arguments.of(impl.name(), cs.get("optimizer"), cs.get("options"), cs.get("trajectory")));
            }
        }
        return out;
    }

    @Test
    void theGoldenFileCoversEveryOptimizerForAtLeastTenSteps() {
        List<String> names = new ArrayList<>();
        for (Object c : (List<?>) GOLDEN.get("cases")) {
            names.add((String) ((Map<?, ?>) c).get("optimizer"));
            assertTrue(((List<?>) ((Map<?, ?>) c).get("trajectory")).size() >= 10);
        }
        for (String expected : List.of("sgd", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "adamax", "nadam",
                "radam", "lion")) {
            assertTrue(names.contains(expected), expected);
        }
        assertEquals("float64", GOLDEN.get("dtype"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void trajectoryMatchesPyTorch(String impl, String optimizer, Map<String, Object> options, List<?> trajectory) {
        float[] start = floats(GOLDEN.get("start"));
        List<?> grads = (List<?>) GOLDEN.get("grads");
        OptimizerRun run = new OptimizerRun(optimizer, options, Kernels.named(impl).optimizers(), start);
        for (int t = 0; t < trajectory.size(); t++) {
            run.step(floats(grads.get(t)));
            assertClose((List<?>) trajectory.get(t), run.param, impl + " " + run + " step " + (t + 1));
        }
    }

    /** Copies of the 9-element golden case in the tiled test: 333 elements, past every vector width's loop. */
    private static final int COPIES = 37;

    /**
     * The golden case tiled to {@value #COPIES} copies (start and gradients repeated, so each copy's
     * trajectory is the golden one): every element of every step checked, so the vector loops (which the
     * 9-element case, shorter than a 512-bit vector, never enters at some widths) meet PyTorch too.
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void tiledTrajectoryMatchesPyTorchInEveryElement(String impl, String optimizer, Map<String, Object> options,
            List<?> trajectory) {
        float[] start = tile(floats(GOLDEN.get("start")));
        List<?> grads = (List<?>) GOLDEN.get("grads");
        OptimizerRun run = new OptimizerRun(optimizer, options, Kernels.named(impl).optimizers(), start);
        for (int t = 0; t < trajectory.size(); t++) {
            run.step(tile(floats(grads.get(t))));
            List<?> expected = (List<?>) trajectory.get(t);
            List<Object> tiled = new ArrayList<>();
            for (int copy = 0; copy < COPIES; copy++) {
                tiled.addAll(expected);
            }
            assertClose(tiled, run.param, impl + " " + run + " (" + COPIES + " copies) step " + (t + 1));
        }
    }

    private static float[] tile(float[] values) {
        float[] out = new float[values.length * COPIES];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i % values.length];
        }
        return out;
    }

    static void assertClose(List<?> expected, float[] actual, String what) {
        for (int i = 0; i < actual.length; i++) {
            double b = ((Number) expected.get(i)).doubleValue();
            double error = Math.abs(actual[i] - b);
            if (!(error <= ABSOLUTE + RELATIVE * Math.abs(b))) {
                fail(what + ", element " + i + ": expected " + b + ", was " + actual[i] + " (|a-b| = " + error + ")");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void clipGradNormMatchesPyTorch() {
        for (Object c : (List<Object>) GOLDEN.get("clip_grad_norm")) {
            Map<String, Object> cs = (Map<String, Object>) c;
            List<?> arrays = (List<?>) cs.get("grads");
            float[][] grads = new float[arrays.size()][];
            for (int k = 0; k < grads.length; k++) {
                grads[k] = floats(arrays.get(k));
            }
            Object type = cs.get("norm_type");
            double normType = "inf".equals(type) ? Double.POSITIVE_INFINITY : ((Number) type).doubleValue();
            float total = GradientTransforms.clipByGlobalNorm(grads,
                    ((Number) cs.get("max_norm")).floatValue(), normType, true);
            double expectedTotal = ((Number) cs.get("total_norm")).doubleValue();
            assertEquals(expectedTotal, total, ABSOLUTE + RELATIVE * expectedTotal, "total norm, p = " + type);
            List<?> clipped = (List<?>) cs.get("clipped");
            for (int k = 0; k < grads.length; k++) {
                assertClose((List<?>) clipped.get(k), grads[k], "clip_grad_norm_ p = " + type + ", array " + k);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void clipGradValueMatchesPyTorchOnEveryImplementation() {
        for (KernelProvider impl : Kernels.all()) {
            for (Object c : (List<Object>) GOLDEN.get("clip_grad_value")) {
                Map<String, Object> cs = (Map<String, Object>) c;
                float[] grad = floats(cs.get("grad"));
                impl.optimizers().clipByValue(grad.length, grad, 0, ((Number) cs.get("clip_value")).floatValue());
                assertClose((List<?>) cs.get("clipped"), grad, impl.name() + " clip_grad_value_");
            }
        }
    }
}
