package dev.lanewise.harness.activations;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each backward against a central difference of the double-precision forward function, on every
 * implementation: the backward really is the derivative of the forward, at points away from kinks.
 */
class ActivationGradientTest {
    private static final double H = 1e-6;

    static Stream<Arguments> cases() {
        List<KernelProvider> all = Kernels.all();
        return all.stream().flatMap(k -> Stream.of(Elementwise.values()).map(f -> Arguments.of(k, f)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void backwardMatchesACentralDifferenceOfTheForward(KernelProvider impl, Elementwise f) {
        int n = 1001;
        SplittableRandom random = new SplittableRandom(3);
        float[] x = new float[n];
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            float v = (float) (-8 + 16.0 * i / (n - 1));
            // Step off the kink at 0 that ReLU, leaky ReLU and ELU have.
            x[i] = Math.abs(v) < 0.01f ? 0.01f + v : v;
            g[i] = (float) random.nextDouble(-2, 2);
        }
        float[] saved = x.clone();
        if (f.savesOutput) {
            f.forward(impl.activations(), n, x, 0, saved, 0);
        }
        float[] gradIn = new float[n];
        f.backward(impl.activations(), n, g, 0, saved, 0, gradIn, 0);
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            double slope = (f.truth.applyAsDouble(xi + H) - f.truth.applyAsDouble(xi - H)) / (2 * H);
            double expected = g[i] * slope;
            double tolerance = 1e-6 + 1e-4 * Math.abs(expected);
            assertTrue(Math.abs(gradIn[i] - expected) <= tolerance, impl.name() + " " + f + " at x = " + xi + ": backward "
                    + gradIn[i] + ", central difference " + expected);
        }
    }
}
