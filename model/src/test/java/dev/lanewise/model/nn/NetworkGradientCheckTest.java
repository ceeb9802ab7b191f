package dev.lanewise.model.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lanewise.model.data.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Finite-difference gradient check of a whole network, for every activation: input (8 x 5) ->
 * WeightNormDense(5 -> 7) -> activation -> BatchNorm (training mode) -> Dropout(p = 0) -> Dense(7 -> 6) ->
 * activation -> BatchNorm -> Dropout(p = 0) -> WeightNormDense(6 -> 3) -> softmax cross-entropy. Every
 * parameter array and the input are checked, each along several random directions: the analytic
 * directional derivative {@code grad . d} (from backward) against the central difference of the loss.
 *
 * <p>How double precision is reached with layers that compute in float:
 * <ul>
 *   <li>the loss (mean softmax cross-entropy) and its gradient are computed here in double;</li>
 *   <li>parameters and input lie on a grid of 2<sup>-12</sup> with magnitudes under 8, directions on a grid
 *       of 2<sup>-8</sup> with |d| near 1, and the steps h are powers of two, so {@code theta +- h d} is
 *       exact in float (asserted): the difference quotient sees exactly the step it divides by;</li>
 *   <li>Richardson extrapolation of two central differences, {@code (4 D(h/2) - D(h)) / 3}, removes the
 *       h<sup>2</sup> term, so truncation (order h<sup>4</sup>, 6e-8 at h = 2<sup>-6</sup>) is negligible and
 *       a large step can be used; what remains is the float rounding of the forward pass, some 1e-7 of the
 *       loss divided by the step;</li>
 *   <li>ReLU and leaky ReLU take a smaller step, h = 2<sup>-8</sup>, and a direction along which one of their
 *       inputs changes sign within the steps (a kink, where a difference is no derivative) is redrawn. ELU's
 *       derivative is continuous (alpha = 1), so it needs neither.</li>
 * </ul>
 * Tolerance: {@code |fd - grad . d| <= 1e-3 * |grad| |d| + 1e-4 |d|}, grad being that array's gradient.
 * Measured on a correct network: errors up to 7e-5 absolute (ReLU, its smaller step) and 4e-4 relative,
 * at most 0.18 of the bound. Dropping the variance path of batch norm's backward, or the projection term
 * of the weight-norm gradient, misses it by 10x to 100x (tried).
 *
 * <p>The network puts batch norm after each activation: right after a linear layer it would cancel a
 * per-unit scale and shift, so that the layer's g and bias gradients (and the shift of an earlier batch
 * norm) would be exactly zero and leave nothing to check.
 */
class NetworkGradientCheckTest {
    private static final int ROWS = 8;
    private static final int IN = 5;
    private static final int H1 = 7;
    private static final int H2 = 6;
    private static final int CLASSES = 3;
    private static final int DIRECTIONS = 3;
    private static final double GRID = 0x1p-12;
    private static final double DIRECTION_GRID = 0x1p-8;
    private static final float STEP = 0x1p-6f;
    private static final float KINKED_STEP = 0x1p-8f;
    private static final double REL = 1e-3;
    private static final double ABS = 1e-4;

    private final List<Layer> layers = new ArrayList<>();
    private Matrix input;
    private int[] labels;
    private boolean kinked;
    private List<boolean[]> baseSigns;

    @ParameterizedTest
    @EnumSource(ActivationFunction.class)
    void backwardMatchesFiniteDifferencesOfTheLoss(ActivationFunction f) {
        SplittableRandom random = new SplittableRandom(20240611L + f.ordinal());
        build(f, random);
        // ReLU and leaky ReLU: a smaller step, so that fewer directions cross their kinks (ELU's derivative
        // is continuous, the large step keeps its rounding noise low).
        float step = hasKink(f) ? KINKED_STEP : STEP;

        // Analytic gradients at the base point.
        Matrix logits = forward(true);
        float[] dLogits = new float[ROWS * CLASSES];
        lossAndGradient(logits, dLogits);
        Matrix dx = Matrix.wrap(dLogits, ROWS, CLASSES);
        for (int i = layers.size() - 1; i >= 0; i--) {
            dx = layers.get(i).backward(dx);
        }
        List<String> names = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        List<float[]> grads = new ArrayList<>();
        names.add("input");
        values.add(input.data());
        grads.add(dx.toArray());
        for (Layer layer : layers) {
            for (Parameter p : layer.parameters()) {
                names.add(p.name());
                values.add(p.value());
                grads.add(p.grad().clone());
            }
        }

        for (int g = 0; g < names.size(); g++) {
            String name = names.get(g);
            float[] theta = values.get(g);
            float[] grad = grads.get(g);
            double gradNorm = norm(grad);
            for (int k = 0; k < DIRECTIONS; k++) {
                double[] fdAndAnalytic = null;
                for (int attempt = 0; attempt < 100 && fdAndAnalytic == null; attempt++) {
                    fdAndAnalytic = directionalCheck(theta, grad, step, random);
                }
                if (fdAndAnalytic == null) {
                    fail(f + " " + name + ": every direction crossed a kink");
                }
                double fd = fdAndAnalytic[0];
                double analytic = fdAndAnalytic[1];
                double dNorm = fdAndAnalytic[2];
                double error = Math.abs(fd - analytic);
                assertTrue(error <= REL * gradNorm * dNorm + ABS * dNorm, () -> f + " " + name
                        + ": finite difference " + fd + ", backward " + analytic + ", |grad| " + gradNorm);
            }
        }
    }

    /** {fd, grad . d, |d|} along a fresh random direction, or null if the steps cross a kink. */
    private double[] directionalCheck(float[] theta, float[] grad, float step, SplittableRandom random) {
        double[] d = new double[theta.length];
        double analytic = 0;
        double spread = Math.sqrt(3.0 / d.length); // |d| near 1 whatever the array's length
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.rint(random.nextDouble(-spread, spread) / DIRECTION_GRID) * DIRECTION_GRID;
            analytic += grad[i] * d[i];
        }
        float[] saved = theta.clone();
        kinked = false;
        double big = centralDifference(theta, saved, d, step);
        double small = centralDifference(theta, saved, d, step / 2);
        System.arraycopy(saved, 0, theta, 0, theta.length);
        if (kinked) {
            return null;
        }
        return new double[] {(4 * small - big) / 3, analytic, norm(d)};
    }

    private double centralDifference(float[] theta, float[] saved, double[] d, float h) {
        for (int i = 0; i < theta.length; i++) {
            theta[i] = (float) (saved[i] + h * d[i]);
            assertTrue(theta[i] == saved[i] + h * d[i], "step not exact in float");
        }
        double plus = lossAndGradient(forward(false), null);
        for (int i = 0; i < theta.length; i++) {
            theta[i] = (float) (saved[i] - h * d[i]);
        }
        double minus = lossAndGradient(forward(false), null);
        return (plus - minus) / (2.0 * h);
    }

    /** A training forward pass; records the activations' input signs at the base, compares them otherwise. */
    private Matrix forward(boolean base) {
        Matrix x = input;
        int activation = 0;
        if (base) {
            baseSigns = new ArrayList<>();
        }
        for (Layer layer : layers) {
            if (layer instanceof Activation a && hasKink(a.function())) {
                float[] values = x.toArray();
                boolean[] signs = new boolean[values.length];
                for (int i = 0; i < values.length; i++) {
                    signs[i] = values[i] > 0;
                }
                if (base) {
                    baseSigns.add(signs);
                } else if (!Arrays.equals(signs, baseSigns.get(activation))) {
                    kinked = true;
                }
                activation++;
            }
            x = layer.forward(x, Mode.TRAIN);
        }
        return x;
    }

    private static boolean hasKink(ActivationFunction f) {
        return f == ActivationFunction.RELU || f == ActivationFunction.LEAKY_RELU;
    }

    /** Mean softmax cross-entropy in double; writes (softmax - onehot) / rows into grad unless it is null. */
    private double lossAndGradient(Matrix logits, float[] grad) {
        double total = 0;
        for (int r = 0; r < ROWS; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < CLASSES; c++) {
                max = Math.max(max, logits.get(r, c));
            }
            double sum = 0;
            for (int c = 0; c < CLASSES; c++) {
                sum += Math.exp(logits.get(r, c) - max);
            }
            total += Math.log(sum) + max - logits.get(r, labels[r]);
            if (grad != null) {
                for (int c = 0; c < CLASSES; c++) {
                    double p = Math.exp(logits.get(r, c) - max) / sum;
                    grad[r * CLASSES + c] = (float) ((p - (c == labels[r] ? 1 : 0)) / ROWS);
                }
            }
        }
        return total / ROWS;
    }

    private void build(ActivationFunction f, SplittableRandom random) {
        WeightNormDense wn0 = new WeightNormDense("wn0", IN, H1, WeightInit.XAVIER_NORMAL, random.nextLong(), true);
        BatchNorm bn0 = new BatchNorm("bn0", H1);
        Dense d1 = new Dense("d1", H1, H2, WeightInit.XAVIER_NORMAL, random.nextLong(), true);
        BatchNorm bn1 = new BatchNorm("bn1", H2, 0.2, 1e-3);
        WeightNormDense wn2 = new WeightNormDense("wn2", H2, CLASSES, WeightInit.XAVIER_NORMAL, random.nextLong(), true);
        // Batch norm after each activation (see the class comment).
        layers.addAll(List.of(wn0, new Activation(f, H1), bn0, new Dropout(H1, 0.0, random.nextLong()),
                d1, new Activation(f, H2), bn1, new Dropout(H2, 0.0, random.nextLong()), wn2));
        // Every parameter away from its start (g != ||v||, gamma != 1, nonzero shifts) so that every term of
        // every gradient shows; all on the grid so that the steps are exact.
        for (Layer layer : layers) {
            for (Parameter p : layer.parameters()) {
                float[] v = p.value();
                for (int i = 0; i < v.length; i++) {
                    String name = p.name();
                    double value = name.endsWith(".g") || name.endsWith("bn0.weight") || name.endsWith("bn1.weight")
                            ? random.nextDouble(0.5, 1.5)
                            : name.endsWith(".bias") ? random.nextDouble(-0.5, 0.5) : v[i];
                    v[i] = (float) onGrid(value);
                }
            }
        }
        float[] x = new float[ROWS * IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) onGrid(Math.clamp(random.nextGaussian() * 1.5 + 0.3, -7.0, 7.0));
        }
        input = Matrix.wrap(x, ROWS, IN);
        labels = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            labels[r] = r % CLASSES;
        }
    }

    private static double onGrid(double value) {
        return Math.rint(value / GRID) * GRID;
    }

    private static double norm(float[] a) {
        double s = 0;
        for (float v : a) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
