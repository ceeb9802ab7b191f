package dev.lanewise.harness.optimizers;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer, at the learning rate documented in the table below, reaches the minimum of an
 * ill-conditioned quadratic and of the 2-D Rosenbrock function within 10,000 steps (the way optax tests its
 * aliases): the distance to the minimizer must fall below {@value #TOLERANCE}. Each problem is tiled to about
 * 300 parameters ({@value #QUADRATIC_COPIES} independent copies of the 3-D quadratic, {@value #ROSENBROCK_COPIES}
 * of Rosenbrock), so the vector kernels run their vector loops and not only their scalar tails, and every
 * copy must reach the minimum. Run on the scalar reference and the vector kernels at 128, 256 and 512 bits.
 */
class ConvergenceTest {
    private static final int MAX_STEPS = 10_000;
    private static final double TOLERANCE = 1e-2;
    private static final int QUADRATIC_COPIES = 101;
    private static final int ROSENBROCK_COPIES = 150;

    /** f(x) = 1/2 sum h_i (x_i - c_i)^2, minimum at c; condition number 10. */
    private static final double[] H = {1, 4, 10};
    private static final double[] C = {1, -2, 0.5};

    /** The quadratic's gradient on each copy: element i belongs to dimension i mod 3. */
    private static void quadraticGradient(float[] x, float[] g) {
        for (int i = 0; i < x.length; i++) {
            g[i] = (float) (H[i % 3] * (x[i] - C[i % 3]));
        }
    }

    /** f(x, y) = (1 - x)^2 + 100 (y - x^2)^2 on each pair, minimum at (1, 1), started at (-1.5, 2). */
    private static void rosenbrockGradient(float[] p, float[] g) {
        for (int i = 0; i < p.length; i += 2) {
            double x = p[i];
            double y = p[i + 1];
            g[i] = (float) (-2 * (1 - x) - 400 * x * (y - x * x));
            g[i + 1] = (float) (200 * (y - x * x));
        }
    }

    /**
     * The documented learning rates: {optimizer, options, lr on the quadratic, lr on Rosenbrock}. Plain SGD
     * must stay under 2 / 1001.6 (the largest curvature at Rosenbrock's minimum); Adadelta needs a short
     * memory (rho 0.5) and a small eps to cross Rosenbrock's valley in time; sign-like methods (RMSprop, Lion)
     * hover within about lr of the minimum, so they get lr 1e-3.
     */
    static List<Object[]> table() {
        return List.of(
                new Object[] {"sgd", Map.of(), 0.05, 1.8e-3},
                new Object[] {"sgd", Map.of("momentum", 0.9), 0.01, 1e-3},
                new Object[] {"sgd", Map.of("momentum", 0.9, "nesterov", true), 0.01, 1e-3},
                new Object[] {"adagrad", Map.of(), 0.5, 0.7},
                new Object[] {"rmsprop", Map.of(), 1e-3, 1e-3},
                new Object[] {"rmsprop", Map.of("centered", true, "momentum", 0.5), 1e-3, 1e-3},
                new Object[] {"adadelta", Map.of("rho", 0.5, "eps", 1e-8), 0.5, 0.5},
                new Object[] {"adam", Map.of(), 0.01, 0.01},
                new Object[] {"adam", Map.of("amsgrad", true), 0.01, 0.01},
                new Object[] {"adamw", Map.of(), 0.01, 0.01},
                new Object[] {"adamax", Map.of(), 0.01, 0.01},
                new Object[] {"nadam", Map.of(), 0.01, 0.01},
                new Object[] {"radam", Map.of(), 0.01, 0.01},
                new Object[] {"lion", Map.of(), 1e-3, 1e-3});
    }

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (KernelProvider impl : Kernels.all()) {
            for (Object[] row : table()) {
                out.add(Arguments.of(impl.name(), row[0], row[1], row[2], row[3]));
            }
        }
        return out;
    }

    interface Gradient {
        void at(float[] x, float[] g);
    }

    @ParameterizedTest(name = "{0} {1} {2} lr {3} / {4}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void reachesTheMinimumOfAQuadraticAndOfRosenbrock(String impl, String name, Map<String, Object> options,
            double quadraticLr, double rosenbrockLr) {
        KernelProvider kernels = Kernels.named(impl);
        int quadratic = stepsToMinimum(kernels, name, with(options, quadraticLr), new float[3 * QUADRATIC_COPIES], C,
                ConvergenceTest::quadraticGradient);
        int rosenbrock = stepsToMinimum(kernels, name, with(options, rosenbrockLr),
                tile(new float[] {-1.5f, 2f}, ROSENBROCK_COPIES), new double[] {1, 1}, ConvergenceTest::rosenbrockGradient);
        System.out.println("convergence " + impl + " " + name + " " + options + ": quadratic " + quadratic + ", rosenbrock " + rosenbrock);
        assertTrue(quadratic <= MAX_STEPS, name + " " + options + " did not reach the quadratic's minimum");
        assertTrue(rosenbrock <= MAX_STEPS, name + " " + options + " did not reach Rosenbrock's minimum");
    }

    private static Map<String, Object> with(Map<String, Object> options, double lr) {
        Map<String, Object> out = new java.util.HashMap<>(options);
        out.put("lr", lr);
        return out;
    }

    private static float[] tile(float[] values, int copies) {
        float[] out = new float[values.length * copies];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i % values.length];
        }
        return out;
    }

    /**
     * Steps until every copy (each {@code minimizer.length} consecutive parameters) is within
     * {@link #TOLERANCE} of the minimizer, or {@code MAX_STEPS + 1}.
     */
    private static int stepsToMinimum(KernelProvider kernels, String name, Map<String, Object> options, float[] start,
            double[] minimizer, Gradient gradient) {
        OptimizerRun run = new OptimizerRun(name, options, kernels.optimizers(), start);
        float[] g = new float[start.length];
        int dims = minimizer.length;
        for (int t = 1; t <= MAX_STEPS; t++) {
            gradient.at(run.param, g);
            run.step(g);
            boolean all = true;
            for (int copy = 0; copy < start.length / dims && all; copy++) {
                double d2 = 0;
                for (int i = 0; i < dims; i++) {
                    double d = run.param[copy * dims + i] - minimizer[i];
                    d2 += d * d;
                }
                all = Math.sqrt(d2) < TOLERANCE;
            }
            if (all) {
                return t;
            }
        }
        return MAX_STEPS + 1;
    }
}
