package dev.lanewise.harness.activations;

import dev.lanewise.kernels.activation.ActivationKernels;

import dev.lanewise.harness.support.Ulps;
import java.util.function.DoubleUnaryOperator;

/**
 * Every elementwise activation with what the tests need to know about it: how to call it forward and
 * backward, which input its backward saves, its double-precision truth, and the accuracy that
 * {@link ActivationKernels}' javadoc states for the scalar reference against that truth.
 */
enum Elementwise {
    IDENTITY(false, x -> x, x -> 1, 0, 0, 0, 0) {
        void forward(ActivationKernels k, int n, float[] x, int xo, float[] out, int oo) { k.identity(n, x, xo, out, oo); }
        void backward(ActivationKernels k, int n, float[] g, int go, float[] s, int so, float[] gi, int gio) {
            k.identityBackward(n, g, go, s, so, gi, gio);
        }
    },
    RELU(false, x -> Math.max(x, 0), x -> x > 0 ? 1 : 0, 0, 0, 0, 0) {
        void forward(ActivationKernels k, int n, float[] x, int xo, float[] out, int oo) { k.relu(n, x, xo, out, oo); }
        void backward(ActivationKernels k, int n, float[] g, int go, float[] s, int so, float[] gi, int gio) {
            k.reluBackward(n, g, go, s, so, gi, gio);
        }
    },
    LEAKY_RELU(false, x -> x > 0 ? x : Elementwise.SLOPE * x, x -> x > 0 ? 1 : Elementwise.SLOPE, 0, 0, 0, 0) {
        void forward(ActivationKernels k, int n, float[] x, int xo, float[] out, int oo) {
            k.leakyRelu(n, SLOPE, x, xo, out, oo);
        }
        void backward(ActivationKernels k, int n, float[] g, int go, float[] s, int so, float[] gi, int gio) {
            k.leakyReluBackward(n, SLOPE, g, go, s, so, gi, gio);
        }
    },
    ELU(false, x -> DoubleActivations.elu(x, Elementwise.ALPHA), x -> DoubleActivations.eluDerivative(x, Elementwise.ALPHA),
            3, 0, 3, 0) {
        void forward(ActivationKernels k, int n, float[] x, int xo, float[] out, int oo) { k.elu(n, ALPHA, x, xo, out, oo); }
        void backward(ActivationKernels k, int n, float[] g, int go, float[] s, int so, float[] gi, int gio) {
            k.eluBackward(n, ALPHA, g, go, s, so, gi, gio);
        }
    },
    SIGMOID(true, DoubleActivations::sigmoid, x -> DoubleActivations.sigmoid(x) * DoubleActivations.sigmoid(-x),
            3, 0, 2, 0) {
        void forward(ActivationKernels k, int n, float[] x, int xo, float[] out, int oo) { k.sigmoid(n, x, xo, out, oo); }
        void backward(ActivationKernels k, int n, float[] g, int go, float[] s, int so, float[] gi, int gio) {
            k.sigmoidBackward(n, g, go, s, so, gi, gio);
        }
        double backwardTruth(double g, double y) { return g * (y * (1 - y)); }
    },
    TANH(true, Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x), 4, 0, 2, 0) {
        void forward(ActivationKernels k, int n, float[] x, int xo, float[] out, int oo) { k.tanh(n, x, xo, out, oo); }
        void backward(ActivationKernels k, int n, float[] g, int go, float[] s, int so, float[] gi, int gio) {
            k.tanhBackward(n, g, go, s, so, gi, gio);
        }
        double backwardTruth(double g, double y) { return g * (1 - y * y); }
    },
    GELU(false, DoubleActivations::gelu, DoubleActivations::geluDerivative, 8, 0x1p-21, 8, 0x1p-20) {
        void forward(ActivationKernels k, int n, float[] x, int xo, float[] out, int oo) { k.gelu(n, x, xo, out, oo); }
        void backward(ActivationKernels k, int n, float[] g, int go, float[] s, int so, float[] gi, int gio) {
            k.geluBackward(n, g, go, s, so, gi, gio);
        }
    },
    GELU_TANH(false, DoubleActivations::geluTanh, DoubleActivations::geluTanhDerivative, 5, 0x1p-148, 8, 0x1p-22) {
        void forward(ActivationKernels k, int n, float[] x, int xo, float[] out, int oo) { k.geluTanh(n, x, xo, out, oo); }
        void backward(ActivationKernels k, int n, float[] g, int go, float[] s, int so, float[] gi, int gio) {
            k.geluTanhBackward(n, g, go, s, so, gi, gio);
        }
        long conditionUlps(double x) { return x < 0 ? (long) Math.ceil(4 * Math.abs(DoubleActivations.geluTanhArgument(x))) : 0; }
    },
    SILU(false, DoubleActivations::silu, DoubleActivations::siluDerivative, 4, 0x1p-148, 6, 0x1p-22) {
        void forward(ActivationKernels k, int n, float[] x, int xo, float[] out, int oo) { k.silu(n, x, xo, out, oo); }
        void backward(ActivationKernels k, int n, float[] g, int go, float[] s, int so, float[] gi, int gio) {
            k.siluBackward(n, g, go, s, so, gi, gio);
        }
    },
    SOFTPLUS(false, DoubleActivations::softplus, DoubleActivations::sigmoid, 3, 0, 3, 0) {
        void forward(ActivationKernels k, int n, float[] x, int xo, float[] out, int oo) { k.softplus(n, x, xo, out, oo); }
        void backward(ActivationKernels k, int n, float[] g, int go, float[] s, int so, float[] gi, int gio) {
            k.softplusBackward(n, g, go, s, so, gi, gio);
        }
    };

    /** The hyperparameters the tests use: a non-default slope and alpha, so that they visibly matter. */
    static final float SLOPE = 0.05f;
    static final float ALPHA = 1.3f;

    final boolean savesOutput;
    final DoubleUnaryOperator truth;
    final DoubleUnaryOperator derivative;
    /** Stated accuracy of the scalar reference against the truth: ulps, plus |x| times a factor, plus a constant. */
    final long forwardUlps;
    final double forwardAbsPerX;
    final long backwardUlps;
    /** Absolute allowance of the backward, times |g|, where the derivative's terms cancel. */
    final double backwardAbs;

    Elementwise(boolean savesOutput, DoubleUnaryOperator truth, DoubleUnaryOperator derivative, long forwardUlps,
            double forwardAbsPerX, long backwardUlps, double backwardAbs) {
        this.savesOutput = savesOutput;
        this.truth = truth;
        this.derivative = derivative;
        this.forwardUlps = forwardUlps;
        this.forwardAbsPerX = forwardAbsPerX;
        this.backwardUlps = backwardUlps;
        this.backwardAbs = backwardAbs;
    }

    /**
     * Extra ulps where the function amplifies the rounding of an intermediate: GELU-tanh for x < 0 is about
     * e^k(x), and the three roundings in k cost up to 3|k| u relatively.
     */
    long conditionUlps(double x) {
        return 0;
    }

    abstract void forward(ActivationKernels k, int n, float[] x, int xo, float[] out, int oo);

    abstract void backward(ActivationKernels k, int n, float[] g, int go, float[] saved, int so, float[] gi, int gio);

    /** g * f'(x) in double, from what the backward saves: x, or for sigmoid and tanh the float output y. */
    double backwardTruth(double g, double saved) {
        return g * derivative.applyAsDouble(saved);
    }

    /** Whether the exact ones (identity, ReLU, leaky ReLU) are meant: 0 ulps and no allowance. */
    boolean exact() {
        return this == IDENTITY || this == RELU || this == LEAKY_RELU;
    }

    /** One float forward through kernels k. */
    float forward(ActivationKernels k, float x) {
        float[] out = new float[1];
        forward(k, 1, new float[] {x}, 0, out, 0);
        return out[0];
    }

    /** One float backward through kernels k. */
    float backward(ActivationKernels k, float g, float saved) {
        float[] out = new float[1];
        backward(k, 1, new float[] {g}, 0, new float[] {saved}, 0, out, 0);
        return out[0];
    }

    /**
     * The accuracy statement: within {@code ulps} of the truth rounded to float, or within
     * {@code absolute} of the truth, or (for results below the normal range) within 2 * 2^-149.
     */
    static boolean within(float actual, double truth, long ulps, double absolute) {
        float rounded = (float) truth;
        if (Float.isNaN(rounded) || Float.isNaN(actual)) {
            return Float.isNaN(rounded) && Float.isNaN(actual);
        }
        if (Ulps.distance(actual, rounded) <= ulps) {
            return true;
        }
        double error = Math.abs(actual - truth);
        return error <= absolute || (Math.abs(truth) < Float.MIN_NORMAL && error <= 2 * (double) Float.MIN_VALUE);
    }
}
