package dev.lanewise.harness.losses;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.loss.LossKernels;

import static dev.lanewise.harness.losses.LossAssertions.MIN_SUBNORMAL;
import static dev.lanewise.harness.losses.LossAssertions.U;
import static dev.lanewise.harness.losses.LossAssertions.assertClose;
import static dev.lanewise.harness.losses.LossAssertions.ulp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.support.Ulps;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every implementation against PyTorch 1.13 in float64 (golden/losses_golden.py and its output), including
 * logits of ±1000. Tolerances: what float32 evaluation of the stated formulas can cost, never more than a
 * few ulps of the quantities involved plus the summation's forward error.
 */
class LossGoldenTest {
    private static final int GRAD_OFFSET = 2;

    static List<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (KernelProvider impl : Kernels.all()) {
            for (LossGoldenCase c : LossGoldenCase.all()) {
                all.add(Arguments.of(impl, c));
            }
        }
        return all;
    }

    @Test
    void theGoldenFileCoversEveryLossAndTheExtremeLogits() {
        List<LossGoldenCase> cases = LossGoldenCase.all();
        Set<String> losses = cases.stream().map(LossGoldenCase::loss).collect(Collectors.toSet());
        assertEquals(Set.of("mse", "mae", "huber", "bce", "hinge", "softmax"), losses);
        assertTrue(cases.stream().anyMatch(c -> c.name().equals("bce_extreme_logits")));
        assertTrue(cases.stream().anyMatch(c -> c.name().equals("softmax_extreme_logits")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesPyTorchInDoublePrecision(KernelProvider impl, LossGoldenCase c) {
        LossKernels k = impl.losses();
        String what = impl.name() + " " + c.name();
        double[] expectedGrad = c.doubles("grad");
        double expectedLoss = c.number("loss");
        double absMean = c.number("absmean");
        if (c.loss().equals("softmax")) {
            checkSoftmax(k, c, what, expectedLoss, absMean, expectedGrad);
            return;
        }
        boolean bce = c.loss().equals("bce");
        float[] x = c.floats(bce ? "logits" : "pred");
        float[] y = c.floats(bce ? "targets" : "target");
        int n = x.length;
        float[] grad = new float[GRAD_OFFSET + n];
        float loss = switch (c.loss()) {
            case "mse" -> k.mse(n, x, 0, y, 0, grad, GRAD_OFFSET);
            case "mae" -> k.mae(n, x, 0, y, 0, grad, GRAD_OFFSET);
            case "huber" -> k.huber(n, Float.parseFloat(c.parameters()[0]), x, 0, y, 0, grad, GRAD_OFFSET);
            case "bce" -> k.bceWithLogits(n, x, 0, y, 0, grad, GRAD_OFFSET);
            case "hinge" -> k.hinge(n, x, 0, y, 0, grad, GRAD_OFFSET);
            default -> throw new IllegalStateException("unknown loss " + c.loss());
        };
        // Each path is within gamma(n) of the exact mean of its float terms, each term within a few u of exact;
        // the transcendental terms of bce add a few ulps of numbers below 1.
        double lossTolerance = (Ulps.gamma(n) + 8 * U) * absMean + (bce ? 0x1p-21 : 0) + ulp(expectedLoss);
        assertClose((float) expectedLoss, loss, lossTolerance, what + " loss");
        for (int i = 0; i < n; i++) {
            double g = expectedGrad[i];
            double tolerance;
            if (bce) {
                double sigma = 1 / (1 + Math.exp(-(double) x[i]));
                tolerance = (8 * ulp(sigma) + 2 * ulp(sigma - y[i])) / n + 2 * ulp(g) + MIN_SUBNORMAL;
            } else {
                tolerance = 4 * ulp(g) + MIN_SUBNORMAL;
            }
            assertClose((float) g, grad[GRAD_OFFSET + i], tolerance, what + " gradient " + i);
        }
    }

    private static void checkSoftmax(LossKernels k, LossGoldenCase c, String what, double expectedLoss, double absMean,
            double[] expectedGrad) {
        int rows = Integer.parseInt(c.parameters()[0]);
        int cols = Integer.parseInt(c.parameters()[1]);
        float[] logits = c.floats("logits");
        int[] labels = c.ints("labels");
        // The grad matrix with its own offset and a wider leading dimension; the gap must stay untouched.
        int ldGrad = cols + 3;
        float[] grad = new float[GRAD_OFFSET + rows * ldGrad];
        java.util.Arrays.fill(grad, 42f);
        float loss = k.softmaxCrossEntropy(rows, cols, logits, 0, cols, labels, 0, grad, GRAD_OFFSET, ldGrad);
        double gamma = Ulps.gamma(cols);
        assertClose((float) expectedLoss, loss, gamma + 8 * U * absMean + 0x1p-21 + ulp(expectedLoss), what + " loss");
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                double g = expectedGrad[r * cols + j];
                double q = Math.abs(g + (j == labels[r] ? 1.0 / rows : 0));
                double tolerance = (gamma + 0x1p-20) * q + 2 * ulp(g) + 0x1p-147;
                assertClose((float) g, grad[GRAD_OFFSET + r * ldGrad + j], tolerance, what + " gradient " + r + "," + j);
            }
            for (int j = cols; j < ldGrad && GRAD_OFFSET + r * ldGrad + j < grad.length; j++) {
                assertEquals(42f, grad[GRAD_OFFSET + r * ldGrad + j], what + " wrote between rows at row " + r);
            }
        }
        assertEquals(42f, grad[0], what + " wrote before the offset");
        assertEquals(42f, grad[1], what + " wrote before the offset");
    }
}
