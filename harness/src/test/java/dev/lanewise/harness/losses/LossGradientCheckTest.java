package dev.lanewise.harness.losses;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kernel's float gradient against a central difference of an independent double-precision mean loss,
 * on every implementation, at points kept at least 0.05 away from every kink (|d| = 0, |d| = delta,
 * margin = 0), with offsets so the kernels cannot be reading the wrong elements.
 */
class LossGradientCheckTest {
    private static final int N = 37;
    private static final int OFFSET = 3;
    private static final double H = 1e-4;
    private static final double KINK_CLEARANCE = 0.05;

    static List<KernelProvider> implementations() {
        return Kernels.all();
    }

    /** Central difference of f at x, coordinate by coordinate. */
    private static double[] centralDifference(double[] x, ToDoubleFunction<double[]> f) {
        double[] grad = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + H;
            double up = f.applyAsDouble(x);
            x[i] = keep - H;
            double down = f.applyAsDouble(x);
            x[i] = keep;
            grad[i] = (up - down) / (2 * H);
        }
        return grad;
    }

    /** Float gradient within 1e-4 relative of the difference, plus 1e-5 of a typical element (scale). */
    private static void assertGradientMatches(double[] numeric, float[] grad, int offset, double scale, String what) {
        for (int i = 0; i < numeric.length; i++) {
            double tolerance = 1e-4 * Math.abs(numeric[i]) + 1e-5 * scale;
            assertEquals(numeric[i], grad[offset + i], tolerance, what + " gradient element " + i);
        }
    }

    private static float[] random(SplittableRandom random, int n, double bound) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextDouble(-bound, bound);
        }
        return x;
    }

    private static double[] slice(float[] x, int offset, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = x[offset + i];
        }
        return d;
    }

    /** Predictions and targets at OFFSET whose differences keep clear of |d| = 0 and |d| = kink. */
    private static float[][] regressionPoint(long seed, double kink) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pred = new float[OFFSET + N];
        float[] target = new float[N];
        for (int i = 0; i < N; i++) {
            float p;
            float t;
            do {
                p = (float) random.nextDouble(-3, 3);
                t = (float) random.nextDouble(-3, 3);
            } while (Math.abs(p - t) < KINK_CLEARANCE || Math.abs(Math.abs((double) p - t) - kink) < KINK_CLEARANCE);
            pred[OFFSET + i] = p;
            target[i] = t;
        }
        return new float[][] {pred, target};
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void mseGradientMatchesTheDifferenceQuotient(KernelProvider impl) {
        float[][] pt = regressionPoint(1, Double.NaN);
        float[] grad = new float[OFFSET + N];
        float loss = impl.losses().mse(N, pt[0], OFFSET, pt[1], 0, grad, OFFSET);
        double[] t = slice(pt[1], 0, N);
        ToDoubleFunction<double[]> f = p -> {
            double s = 0;
            for (int i = 0; i < N; i++) {
                s += (p[i] - t[i]) * (p[i] - t[i]);
            }
            return s / N;
        };
        double[] p = slice(pt[0], OFFSET, N);
        assertEquals(f.applyAsDouble(p), loss, 1e-5 * f.applyAsDouble(p), impl.name() + " mse loss");
        assertGradientMatches(centralDifference(p, f), grad, OFFSET, 1.0 / N, impl.name() + " mse");
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void maeGradientMatchesTheDifferenceQuotient(KernelProvider impl) {
        float[][] pt = regressionPoint(2, Double.NaN);
        float[] grad = new float[OFFSET + N];
        impl.losses().mae(N, pt[0], OFFSET, pt[1], 0, grad, OFFSET);
        double[] t = slice(pt[1], 0, N);
        ToDoubleFunction<double[]> f = p -> {
            double s = 0;
            for (int i = 0; i < N; i++) {
                s += Math.abs(p[i] - t[i]);
            }
            return s / N;
        };
        assertGradientMatches(centralDifference(slice(pt[0], OFFSET, N), f), grad, OFFSET, 1.0 / N, impl.name() + " mae");
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void huberGradientMatchesTheDifferenceQuotient(KernelProvider impl) {
        float delta = 1.3f;
        float[][] pt = regressionPoint(3, delta);
        float[] grad = new float[OFFSET + N];
        impl.losses().huber(N, delta, pt[0], OFFSET, pt[1], 0, grad, OFFSET);
        double[] t = slice(pt[1], 0, N);
        ToDoubleFunction<double[]> f = p -> {
            double s = 0;
            for (int i = 0; i < N; i++) {
                double a = Math.abs(p[i] - t[i]);
                s += a < delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
            }
            return s / N;
        };
        assertGradientMatches(centralDifference(slice(pt[0], OFFSET, N), f), grad, OFFSET, 1.0 / N, impl.name() + " huber");
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void hingeGradientMatchesTheDifferenceQuotient(KernelProvider impl) {
        SplittableRandom random = new SplittableRandom(4);
        float[] pred = new float[OFFSET + N];
        float[] targets = new float[N];
        for (int i = 0; i < N; i++) {
            float t = random.nextBoolean() ? 1f : -1f;
            float p;
            do {
                p = (float) random.nextDouble(-3, 3);
            } while (Math.abs(1 - t * p) < KINK_CLEARANCE);
            pred[OFFSET + i] = p;
            targets[i] = t;
        }
        float[] grad = new float[OFFSET + N];
        impl.losses().hinge(N, pred, OFFSET, targets, 0, grad, OFFSET);
        ToDoubleFunction<double[]> f = p -> {
            double s = 0;
            for (int i = 0; i < N; i++) {
                s += Math.max(0, 1 - targets[i] * p[i]);
            }
            return s / N;
        };
        assertGradientMatches(centralDifference(slice(pred, OFFSET, N), f), grad, OFFSET, 1.0 / N, impl.name() + " hinge");
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void bceWithLogitsGradientMatchesTheDifferenceQuotient(KernelProvider impl) {
        SplittableRandom random = new SplittableRandom(5);
        float[] logits = new float[OFFSET + N];
        float[] z = random(random, N, 12);
        System.arraycopy(z, 0, logits, OFFSET, N);
        float[] targets = new float[N];
        for (int i = 0; i < N; i++) {
            targets[i] = i % 3 == 0 ? (float) random.nextDouble() : i % 3;
            targets[i] = Math.min(targets[i], 1f);
        }
        float[] grad = new float[OFFSET + N];
        float loss = impl.losses().bceWithLogits(N, logits, OFFSET, targets, 0, grad, OFFSET);
        // The textbook form, -y log sigmoid(z) - (1 - y) log(1 - sigmoid(z)), in double: fine for |z| <= 12.
        ToDoubleFunction<double[]> f = x -> {
            double s = 0;
            for (int i = 0; i < N; i++) {
                double sigma = 1 / (1 + Math.exp(-x[i]));
                s += -targets[i] * Math.log(sigma) - (1 - targets[i]) * Math.log(1 - sigma);
            }
            return s / N;
        };
        double[] x = slice(logits, OFFSET, N);
        assertEquals(f.applyAsDouble(x), loss, 1e-5 * f.applyAsDouble(x), impl.name() + " bce loss");
        assertGradientMatches(centralDifference(x, f), grad, OFFSET, 1.0 / N, impl.name() + " bceWithLogits");
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void softmaxCrossEntropyGradientMatchesTheDifferenceQuotient(KernelProvider impl) {
        for (int cols : new int[] {3, 13, 40}) {
            int rows = 7;
            int ld = cols + 2;
            SplittableRandom random = new SplittableRandom(cols);
            float[] logits = random(random, OFFSET + rows * ld, 4);
            int[] labels = new int[rows];
            for (int r = 0; r < rows; r++) {
                labels[r] = random.nextInt(cols);
            }
            float[] grad = new float[rows * cols];
            float loss = impl.losses().softmaxCrossEntropy(rows, cols, logits, OFFSET, ld, labels, 0, grad, 0, cols);
            // The unshifted textbook form in double: -log(exp(x_label) / sum exp(x_j)), fine for |x| <= 4.
            double[] x = new double[rows * cols];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < cols; j++) {
                    x[r * cols + j] = logits[OFFSET + r * ld + j];
                }
            }
            ToDoubleFunction<double[]> f = v -> {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    double sum = 0;
                    for (int j = 0; j < cols; j++) {
                        sum += Math.exp(v[r * cols + j]);
                    }
                    s -= Math.log(Math.exp(v[r * cols + labels[r]]) / sum);
                }
                return s / rows;
            };
            String what = impl.name() + " softmaxCrossEntropy " + rows + "x" + cols;
            assertEquals(f.applyAsDouble(x), loss, 1e-5 * f.applyAsDouble(x), what + " loss");
            assertGradientMatches(centralDifference(x, f), grad, 0, 1.0 / rows, what);
        }
    }
}
