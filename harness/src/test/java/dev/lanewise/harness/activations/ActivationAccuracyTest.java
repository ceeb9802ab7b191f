package dev.lanewise.harness.activations;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.activation.ActivationKernels;
import dev.lanewise.kernels.internal.scalar.ScalarActivations;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.support.Ulps;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The scalar reference against the double-precision truth, over dense sweeps of finite inputs: checks the
 * "how far the scalar result may be from the truth" statement of {@link ActivationKernels}, so that the
 * reference the vector path is held to is itself right.
 */
class ActivationAccuracyTest {
    private static final ActivationKernels SCALAR = Kernels.scalar().activations();
    private static final float[] INPUTS = inputs();

    /** A dense grid on [-30, 30], every power-of-ten-ish magnitude of both signs, and random finite floats. */
    private static float[] inputs() {
        SplittableRandom random = new SplittableRandom(7);
        int grid = 120_001;
        int logs = 2 * 20_000;
        int randoms = 40_000;
        float[] x = new float[grid + logs + randoms];
        int k = 0;
        for (int i = 0; i < grid; i++) {
            x[k++] = (float) (-30 + 60.0 * i / (grid - 1));
        }
        for (int i = 0; i < logs / 2; i++) {
            float m = (float) Math.pow(10, -44 + 82.0 * i / (logs / 2 - 1));
            x[k++] = m;
            x[k++] = -m;
        }
        while (k < x.length) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (Float.isFinite(f)) {
                x[k++] = f;
            }
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(Elementwise.class)
    void forwardIsWithinTheStatedUlpsOfTheTruth(Elementwise f) {
        float[] out = new float[INPUTS.length];
        f.forward(SCALAR, INPUTS.length, INPUTS, 0, out, 0);
        Worst worst = new Worst();
        for (int i = 0; i < INPUTS.length; i++) {
            double x = INPUTS[i];
            double truth = f.truth.applyAsDouble(x);
            if (f.exact()) {
                worst.check(Ulps.distance(out[i], (float) truth) == 0, x, out[i], truth);
            } else {
                worst.check(Elementwise.within(out[i], truth, f.forwardUlps + f.conditionUlps(x), f.forwardAbsPerX * Math.abs(x)),
                        x, out[i], truth);
            }
            worst.observe(out[i], truth);
        }
        worst.assertNone(f + " forward");
    }

    @ParameterizedTest
    @EnumSource(Elementwise.class)
    void backwardIsWithinTheStatedUlpsOfTheTruth(Elementwise f) {
        int n = INPUTS.length;
        float[] saved = INPUTS.clone();
        if (f.savesOutput) {
            f.forward(SCALAR, n, INPUTS, 0, saved, 0);
        }
        SplittableRandom random = new SplittableRandom(11);
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = i % 2 == 0 ? 1f : (float) random.nextDouble(-3, 3);
        }
        float[] gradIn = new float[n];
        f.backward(SCALAR, n, g, 0, saved, 0, gradIn, 0);
        Worst worst = new Worst();
        for (int i = 0; i < n; i++) {
            double truth = f.backwardTruth(g[i], saved[i]);
            double allowance = f.backwardAbs * Math.abs(g[i]);
            boolean ok = f.exact() ? Ulps.distance(gradIn[i], (float) truth) == 0
                    : Elementwise.within(gradIn[i], truth, f.backwardUlps + f.conditionUlps(saved[i]), allowance);
            worst.check(ok, saved[i], gradIn[i], truth);
            worst.observe(gradIn[i], truth);
        }
        worst.assertNone(f + " backward (g = " + g[worst.index()] + ")");
    }

    @Test
    void erfIsWithinEightUlpsAndFiveTenMillionthsOfTheTruth() {
        Worst worst = new Worst();
        for (float x : INPUTS) {
            float e = ScalarActivations.erf(x);
            double truth = DoubleActivations.erf(x);
            worst.check(Ulps.distance(e, (float) truth) <= 8 && Math.abs(e - truth) <= 5e-7, x, e, truth);
            worst.observe(e, truth);
        }
        worst.assertNone("erf");
    }

    @Test
    void expIsWithinTwoUlpsIncludingSubnormalResults() {
        Worst worst = new Worst();
        for (float x : INPUTS) {
            float e = ScalarActivations.exp(x);
            double truth = Math.exp(x);
            worst.check(Ulps.distance(e, (float) truth) <= 2, x, e, truth);
            worst.observe(e, truth);
        }
        worst.assertNone("exp");
    }

    @Test
    void expm1AndLog1pAreWithinTwoUlpsOnTheirDomains() {
        Worst worst = new Worst();
        for (float x : INPUTS) {
            if (x >= -87f && x <= 20f) {
                float e = ScalarActivations.expm1(x);
                worst.check(Ulps.distance(e, (float) Math.expm1(x)) <= 2, x, e, Math.expm1(x));
                worst.observe(e, Math.expm1(x));
            }
            float t = Math.abs(x) <= 1f ? Math.abs(x) : 1f / Math.abs(x);
            float l = ScalarActivations.log1p(t);
            worst.check(Ulps.distance(l, (float) Math.log1p(t)) <= 2, t, l, Math.log1p(t));
            worst.observe(l, Math.log1p(t));
        }
        worst.assertNone("expm1/log1p");
    }

    @Test
    void softmaxAndLogSoftmaxAreWithinTheStatedBoundsOfTheTruth() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 300; trial++) {
            int cols = 1 + random.nextInt(300);
            double spread = new double[] {0.5, 5, 50, 500}[trial % 4];
            float[] x = new float[cols];
            float[] g = new float[cols];
            for (int j = 0; j < cols; j++) {
                x[j] = random.nextInt(20) == 0 ? Float.NEGATIVE_INFINITY : (float) (spread * random.nextGaussian());
                g[j] = (float) random.nextDouble(-2, 2);
            }
            x[random.nextInt(cols)] = (float) (spread * random.nextGaussian()); // at least one finite logit
            float max = Float.NEGATIVE_INFINITY;
            for (float v : x) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (float v : x) {
                sum += Math.exp((double) v - max);
            }
            float[] y = new float[cols];
            float[] logY = new float[cols];
            SCALAR.softmax(1, cols, cols, x, 0, y, 0);
            SCALAR.logSoftmax(1, cols, cols, x, 0, logY, 0);
            double dot = 0;
            double absDot = 0;
            double gSum = 0;
            double absG = 0;
            for (int j = 0; j < cols; j++) {
                dot += (double) g[j] * y[j];
                absDot += Math.abs((double) g[j] * y[j]);
                gSum += g[j];
                absG += Math.abs(g[j]);
            }
            float[] dx = new float[cols];
            float[] dxLog = new float[cols];
            SCALAR.softmaxBackward(1, cols, cols, g, 0, y, 0, dx, 0);
            SCALAR.logSoftmaxBackward(1, cols, cols, g, 0, logY, 0, dxLog, 0);
            for (int j = 0; j < cols; j++) {
                double d = (double) x[j] - max;
                double p = Math.exp(d) / sum;
                String at = "cols " + cols + ", spread " + spread + ", x = " + x[j] + ", max " + max;
                assertTrue(Elementwise.within(y[j], p, 6, (1 + Math.abs(d)) * 0x1p-23 * p), at + ": softmax " + y[j] + " vs " + p);
                double logP = d - Math.log(sum);
                assertTrue(Elementwise.within(logY[j], logP, 6, 0), at + ": logSoftmax " + logY[j] + " vs " + logP);
                double back = y[j] * (g[j] - dot);
                assertTrue(Elementwise.within(dx[j], back, 6, Math.abs(y[j]) * 0x1p-22 * absDot),
                        at + ": softmaxBackward " + dx[j] + " vs " + back);
                double backLog = g[j] - Math.exp(logY[j]) * gSum;
                assertTrue(Elementwise.within(dxLog[j], backLog, 6, Math.exp(logY[j]) * 0x1p-21 * absG),
                        at + ": logSoftmaxBackward " + dxLog[j] + " vs " + backLog);
            }
        }
    }

    /** Collects the first failure and the largest distance seen, so one message says how close it came. */
    static final class Worst {
        private String failure;
        private int index = 0;
        private int count = 0;
        private long maxUlps;
        private float maxAt;

        void check(boolean ok, double x, float actual, double truth) {
            if (!ok && failure == null) {
                failure = "x = " + x + " (0x" + Integer.toHexString(Float.floatToRawIntBits((float) x)) + "): got " + actual
                        + ", truth " + truth + " (" + Ulps.distance(actual, (float) truth) + " ulps)";
                index = count;
            }
            count++;
        }

        void observe(float actual, double truth) {
            long d = Ulps.distance(actual, (float) truth);
            if (d != Long.MAX_VALUE && d > maxUlps && Math.abs(truth) >= Float.MIN_NORMAL) {
                maxUlps = d;
                maxAt = actual;
            }
        }

        int index() {
            return index;
        }

        void assertNone(String what) {
            System.out.println("[accuracy] " + what + ": max " + maxUlps + " ulps among normal results (at " + maxAt + ")");
            assertTrue(failure == null, what + ": " + failure + "; max normal-range distance seen " + maxUlps + " ulps");
        }
    }
}
