package dev.lanewise.harness.optimizers;

import dev.lanewise.kernels.optim.AdadeltaConfig;
import dev.lanewise.kernels.optim.AdagradConfig;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.AdamaxConfig;
import dev.lanewise.kernels.optim.LionConfig;
import dev.lanewise.kernels.optim.NAdamConfig;
import dev.lanewise.kernels.optim.RAdamConfig;
import dev.lanewise.kernels.optim.RmspropConfig;
import dev.lanewise.kernels.optim.SgdConfig;

import dev.lanewise.harness.support.Json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.model.optim.Adadelta;
import dev.lanewise.model.optim.Adagrad;
import dev.lanewise.model.optim.Adam;
import dev.lanewise.model.optim.Adamax;
import dev.lanewise.model.optim.Lion;
import dev.lanewise.model.optim.NAdam;
import dev.lanewise.model.optim.Optimizer;
import dev.lanewise.model.optim.RAdam;
import dev.lanewise.model.optim.Rmsprop;
import dev.lanewise.model.optim.Sgd;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model-layer optimizer objects: over a parameter vector split into two arrays they follow PyTorch's
 * golden trajectories, and they skip a whole step when any gradient is not finite.
 */
class ModelOptimizersTest {
    private static final Map<String, Object> GOLDEN = load();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in = ModelOptimizersTest.class.getResourceAsStream("/golden/optimizers_golden.json")) {
            return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optimizer create(Object config, float[]... params) {
        return switch (config) {
            case SgdConfig c -> new Sgd(c, params);
            case AdagradConfig c -> new Adagrad(c, params);
            case RmspropConfig c -> new Rmsprop(c, params);
            case AdadeltaConfig c -> new Adadelta(c, params);
            case AdamConfig c -> new Adam(c, params);
            case AdamaxConfig c -> new Adamax(c, params);
            case NAdamConfig c -> new NAdam(c, params);
            case RAdamConfig c -> new RAdam(c, params);
            case LionConfig c -> new Lion(c, params);
            default -> throw new IllegalArgumentException(String.valueOf(config));
        };
    }

    @SuppressWarnings("unchecked")
    static List<Object> cases() {
        return (List<Object>) GOLDEN.get("cases");
    }

    @ParameterizedTest
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void followsTheGoldenTrajectoryOverTwoArrays(Map<String, Object> cs) {
        float[] start = OptimizerGoldenTest.floats(GOLDEN.get("start"));
        float[] head = Arrays.copyOfRange(start, 0, 4);
        float[] tail = Arrays.copyOfRange(start, 4, start.length);
        Optimizer optimizer = create(OptimizerRun.config((String) cs.get("optimizer"), (Map<String, Object>) cs.get("options")),
                head, tail);
        List<?> grads = (List<?>) GOLDEN.get("grads");
        List<?> trajectory = (List<?>) cs.get("trajectory");
        for (int t = 0; t < trajectory.size(); t++) {
            float[] g = OptimizerGoldenTest.floats(grads.get(t));
            assertTrue(optimizer.step(Arrays.copyOfRange(g, 0, 4), Arrays.copyOfRange(g, 4, g.length)));
            float[] both = new float[start.length];
            System.arraycopy(head, 0, both, 0, 4);
            System.arraycopy(tail, 0, both, 4, tail.length);
            OptimizerGoldenTest.assertClose((List<?>) trajectory.get(t), both, optimizer + " " + cs.get("options"));
        }
        assertEquals(trajectory.size(), optimizer.stepCount());
    }

    @Test
    void aNonFiniteGradientInAnyArraySkipsTheWholeStep() {
        float[] a = {1, 2, 3};
        float[] b = {-1, -2};
        Optimizer adam = new Adam(AdamConfig.adamW().withAmsgrad(true), a, b);
        assertTrue(adam.step(new float[] {0.1f, 0.2f, 0.3f}, new float[] {0.5f, -0.5f}));
        float[] a1 = a.clone();
        float[] b1 = b.clone();
        assertFalse(adam.step(new float[] {0.1f, 0.2f, 0.3f}, new float[] {Float.NaN, -0.5f}));
        assertArrayEquals(a1, a);
        assertArrayEquals(b1, b);
        assertEquals(1, adam.stepCount());
        assertEquals(1, adam.skippedSteps());
        assertTrue(adam.step(new float[] {0.1f, 0.2f, 0.3f}, new float[] {0.5f, -0.5f}));
        assertEquals(2, adam.stepCount());
    }

    @Test
    void wrongGradientsAreRefused() {
        Optimizer sgd = new Sgd(SgdConfig.of(0.1).withMomentum(0.9), new float[3]);
        assertThrows(IllegalArgumentException.class, () -> sgd.step(new float[2]));
        assertThrows(IllegalArgumentException.class, () -> sgd.step(new float[3], new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new Lion(LionConfig.defaults()));
        assertThrows(IllegalArgumentException.class, () -> new Adam(null, new float[3]));
        assertEquals(0, sgd.stepCount());
    }
}
