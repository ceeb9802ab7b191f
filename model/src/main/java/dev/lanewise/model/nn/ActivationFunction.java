package dev.lanewise.model.nn;

import dev.lanewise.kernels.activation.Activations;
import java.util.Locale;

/**
 * The elementwise activations of the kernels, as a network layer uses them: forward into a buffer, and the
 * fused backward kernel, which reads the saved forward output (sigmoid, tanh) or input (all others).
 * Names and default parameters as in PyTorch ({@code LeakyReLU(0.01)}, {@code ELU(1.0)}, {@code GELU()} with
 * erf, {@code Softplus(beta=1, threshold=20)}).
 */
public enum ActivationFunction {
    RELU, LEAKY_RELU, ELU, SIGMOID, TANH, GELU, SILU, SOFTPLUS;

    private static final float LEAKY_SLOPE = 0.01f;
    private static final float ELU_ALPHA = 1f;

    /** Whether backward reads the forward output (else the forward input). */
    public boolean savesOutput() {
        return this == SIGMOID || this == TANH;
    }

    void forward(int n, float[] x, int xOffset, float[] out, int outOffset) {
        switch (this) {
            case RELU -> Activations.relu(n, x, xOffset, out, outOffset);
            case LEAKY_RELU -> Activations.leakyRelu(n, LEAKY_SLOPE, x, xOffset, out, outOffset);
            case ELU -> Activations.elu(n, ELU_ALPHA, x, xOffset, out, outOffset);
            case SIGMOID -> Activations.sigmoid(n, x, xOffset, out, outOffset);
            case TANH -> Activations.tanh(n, x, xOffset, out, outOffset);
            case GELU -> Activations.gelu(n, x, xOffset, out, outOffset);
            case SILU -> Activations.silu(n, x, xOffset, out, outOffset);
            case SOFTPLUS -> Activations.softplus(n, x, xOffset, out, outOffset);
        }
    }

    void backward(int n, float[] gradOut, int gOffset, float[] saved, int sOffset, float[] gradIn, int giOffset) {
        switch (this) {
            case RELU -> Activations.reluBackward(n, gradOut, gOffset, saved, sOffset, gradIn, giOffset);
            case LEAKY_RELU -> Activations.leakyReluBackward(n, LEAKY_SLOPE, gradOut, gOffset, saved, sOffset, gradIn, giOffset);
            case ELU -> Activations.eluBackward(n, ELU_ALPHA, gradOut, gOffset, saved, sOffset, gradIn, giOffset);
            case SIGMOID -> Activations.sigmoidBackward(n, gradOut, gOffset, saved, sOffset, gradIn, giOffset);
            case TANH -> Activations.tanhBackward(n, gradOut, gOffset, saved, sOffset, gradIn, giOffset);
            case GELU -> Activations.geluBackward(n, gradOut, gOffset, saved, sOffset, gradIn, giOffset);
            case SILU -> Activations.siluBackward(n, gradOut, gOffset, saved, sOffset, gradIn, giOffset);
            case SOFTPLUS -> Activations.softplusBackward(n, gradOut, gOffset, saved, sOffset, gradIn, giOffset);
        }
    }

    /** The name on the command line and in saved models: {@code relu}, {@code leaky-relu}, ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #cliName()} (case-insensitive, '-' or '_'). */
    public static ActivationFunction parse(String name) {
        for (ActivationFunction f : values()) {
            if (f.cliName().equalsIgnoreCase(name.replace('_', '-'))) {
                return f;
            }
        }
        throw new IllegalArgumentException("activation must be one of relu, leaky-relu, elu, sigmoid, tanh, gelu, silu,"
                + " softplus, was '" + name + "'");
    }
}
