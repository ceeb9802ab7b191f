package dev.lanewise.harness.activations;

/**
 * The activations and their derivatives in double precision, written from their definitions with
 * {@link Math}: the truth the float kernels are measured against. Each is arranged to be accurate in double
 * over the whole float range (no 1 + erf or 1 + tanh cancellation), so that rounding it to float gives the
 * correctly rounded value in all but the rarest ties.
 */
final class DoubleActivations {
    private DoubleActivations() {}

    static final double SQRT2 = Math.sqrt(2);
    static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    /** erf by its everywhere-convergent series of positive terms, exp(-z^2) sum (2z^2)^n z / (2n+1)!!. */
    static double erf(double z) {
        if (Double.isNaN(z)) {
            return z;
        }
        double a = Math.abs(z);
        if (a > 6) {
            return Math.signum(z); // 1 - erf(6) < 2^-56
        }
        double term = a;
        double sum = a;
        for (int n = 1; n < 500 && term > 1e-18 * sum; n++) {
            term *= 2 * a * a / (2 * n + 1);
            sum += term;
        }
        return Math.copySign(2 / Math.sqrt(Math.PI) * Math.exp(-a * a) * sum, z);
    }

    /** erfc(z) for z >= 0: 1 - erf below 2, the continued fraction above (no cancellation there). */
    static double erfcPositive(double z) {
        if (z < 2) {
            return 1 - erf(z);
        }
        double k = z;
        for (int n = 120; n >= 1; n--) {
            k = z + (n / 2.0) / k;
        }
        return Math.exp(-z * z) / Math.sqrt(Math.PI) / k;
    }

    /** The standard normal CDF, accurate in both tails. */
    static double phi(double x) {
        return x < 0 ? 0.5 * erfcPositive(-x / SQRT2) : 1 - 0.5 * erfcPositive(x / SQRT2);
    }

    static double pdf(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    static double elu(double x, double alpha) {
        return x > 0 ? x : alpha * Math.expm1(x);
    }

    static double eluDerivative(double x, double alpha) {
        return x > 0 ? 1 : alpha * Math.exp(x);
    }

    static double gelu(double x) {
        return x * phi(x);
    }

    static double geluDerivative(double x) {
        return phi(x) + x * pdf(x);
    }

    /** 2 sqrt(2/pi) (x + 0.044715 x^3): 1 + tanh(k/2) = 2 sigmoid(k). */
    static double geluTanhArgument(double x) {
        return 2 * SQRT_2_OVER_PI * (x + 0.044715 * x * x * x);
    }

    static double geluTanh(double x) {
        return x * sigmoid(geluTanhArgument(x));
    }

    static double geluTanhDerivative(double x) {
        double k = geluTanhArgument(x);
        double slope = 2 * SQRT_2_OVER_PI * (1 + 3 * 0.044715 * x * x);
        return sigmoid(k) + x * slope * sigmoid(k) * sigmoid(-k);
    }

    static double silu(double x) {
        return x * sigmoid(x);
    }

    static double siluDerivative(double x) {
        return sigmoid(x) * (1 + x * sigmoid(-x));
    }

    /** PyTorch's softplus, beta 1, threshold 20. */
    static double softplus(double x) {
        return x > 20 ? x : Math.log1p(Math.exp(x));
    }
}
