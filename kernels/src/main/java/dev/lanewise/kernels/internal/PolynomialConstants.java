package dev.lanewise.kernels.internal;

/**
 * The constants of the float approximations that both implementations evaluate: exp, expm1, log1p and erf
 * ({@code scalar.ActivationMath} and, lane by lane, the generated {@code vector.VectorActivations}), and the
 * activation formulas built on them. One copy, read by both paths, so that the paths cannot drift apart:
 * they agree bit for bit only while they use the same constants in the same operations.
 */
public final class PolynomialConstants {
    private PolynomialConstants() {}

    // ---- exp and expm1: Cephes expf; ln2 split so that n * LN2_HI is exact for |n| <= 2^15 ----

    public static final float LOG2E = 1.44269504088896341f;
    public static final float LN2_HI = 0.693359375f;
    public static final float LN2_LO = -2.12194440e-4f;
    /** The degree-5 polynomial of e^r - 1 - r on the reduced argument, highest coefficient first. */
    public static final float P0 = 1.9875691500e-4f;
    public static final float P1 = 1.3981999507e-3f;
    public static final float P2 = 8.3334519073e-3f;
    public static final float P3 = 4.1665795894e-2f;
    public static final float P4 = 1.6666665459e-1f;
    public static final float P5 = 5.0000001201e-1f;
    /** 1.5 * 2^23: adding it rounds to an integer, which then sits in the low mantissa bits. */
    public static final float ROUNDER = 12582912f;
    public static final int ROUNDER_BITS = 0x4B400000;
    /** Below this exp is 0 in float (e^-104 < 2^-150); above EXP_MAX it is +Inf. */
    public static final float EXP_MIN = -104f;
    public static final float EXP_MAX = 89f;
    /** expm1 keeps 2^n normal: n in [-126, 29]. Below -87 it is -1 in float anyway. */
    public static final float EXPM1_MIN = -87f;
    public static final float EXPM1_MAX = 20f;
    /** 2^-64, the fixed second factor of the scaling of exp for x &lt;= 0. */
    public static final float TWO_TO_MINUS_64 = 0x1p-64f;
    /** The bits of 2^(k + 64) are ((t's bits) - ROUNDER_BITS + 127 + 64) << 23. */
    public static final int NON_POSITIVE_BIAS = ROUNDER_BITS - 127 - 64;

    // ---- log1p(t) = 2 atanh(s), s = t / (2 + t) <= 1/3: the odd series to s^13 is below 2^-26 relative ----

    public static final float L3 = 1f / 3;
    public static final float L5 = 1f / 5;
    public static final float L7 = 1f / 7;
    public static final float L9 = 1f / 9;
    public static final float L11 = 1f / 11;
    public static final float L13 = 1f / 13;

    // ---- erf(z) = z P(z^2) / Q(z^2) on [-4, 4] (Eigen's generic_fast_erf_float); beyond, erf is +-1 in float ----

    public static final float ERF_CLAMP = 4f;
    public static final float A13 = -2.72614225801306e-10f;
    public static final float A11 = 2.77068142495902e-08f;
    public static final float A9 = -2.10102402082508e-06f;
    public static final float A7 = -5.69250639462346e-05f;
    public static final float A5 = -7.34990630326855e-04f;
    public static final float A3 = -2.95459980854025e-03f;
    public static final float A1 = -1.60960333262415e-02f;
    public static final float B8 = -1.45660718464996e-05f;
    public static final float B6 = -2.13374055278905e-04f;
    public static final float B4 = -1.68282697438203e-03f;
    public static final float B2 = -7.37332916720468e-03f;
    public static final float B0 = -1.42647390514189e-02f;

    // ---- the activations' own constants ----

    public static final float INV_SQRT2 = 0.70710678118654752f;
    public static final float INV_SQRT_2PI = 0.39894228040143268f;
    /** 2 sqrt(2/pi), and times 0.044715, and times 3 * 0.044715: GELU-tanh's argument and its slope. */
    public static final float GELU_K1 = 1.5957691216057308f;
    public static final float GELU_K3 = 0.07135481627159337f;
    public static final float GELU_DK3 = 0.21406444881478012f;
    /** Past these the functions have reached their float limits, and clamping keeps x^2 and x*0 finite. */
    public static final float TANH_CLAMP = 10f;
    public static final float GELU_TANH_CLAMP = 20f;
    public static final float GELU_PDF_CLAMP = 16f;
    public static final float SILU_CLAMP = 128f;
    public static final float SOFTPLUS_THRESHOLD = 20f;
}
