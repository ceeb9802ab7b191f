package dev.lanewise.kernels.internal.scalar;

import dev.lanewise.kernels.internal.FmaPolicy;

/**
 * The float transcendentals behind the activations: exp, expm1, log1p on [0, 1] and erf, each built from
 * IEEE operations only (add, multiply, divide, {@link FmaPolicy#fma}, min/max, bit moves). The vector path
 * ({@code vector.LaneMath}) performs the same operations in the same order on every lane, which is why the
 * two paths agree bit for bit; change one and the equivalence properties fail until the other follows.
 *
 * <p>Accuracy against the correctly rounded value (measured over dense sweeps; tested in the harness):
 * exp within 2 ulps (subnormal results included: 2<sup>n</sup> is applied in two halves so the result is
 * rounded once); expm1 within 2 ulps on [-87, 20]; log1p within 2 ulps on [0, 1]; erf within 8 ulps and
 * 5e-7 absolutely.
 */
final class ActivationMath {
    private ActivationMath() {}

    // Cephes expf: ln2 split so that n * LN2_HI is exact for |n| <= 2^15, and its degree-5 polynomial.
    static final float LOG2E = 1.44269504088896341f;
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194440e-4f;
    static final float P0 = 1.9875691500e-4f;
    static final float P1 = 1.3981999507e-3f;
    static final float P2 = 8.3334519073e-3f;
    static final float P3 = 4.1665795894e-2f;
    static final float P4 = 1.6666665459e-1f;
    static final float P5 = 5.0000001201e-1f;
    /** 1.5 * 2^23: adding it rounds to an integer, which then sits in the low mantissa bits. */
    static final float ROUNDER = 12582912f;
    static final int ROUNDER_BITS = 0x4B400000;
    /** Below this exp is 0 in float (e^-104 < 2^-150); above EXP_MAX it is +Inf. */
    static final float EXP_MIN = -104f;
    static final float EXP_MAX = 89f;
    /** expm1 keeps 2^n normal: n in [-126, 29]. Below -87 it is -1 in float anyway. */
    static final float EXPM1_MIN = -87f;
    static final float EXPM1_MAX = 20f;

    // log1p(t) = 2 atanh(s), s = t / (2 + t) <= 1/3: the odd series up to s^13 is below 2^-26 relative.
    static final float L3 = 1f / 3;
    static final float L5 = 1f / 5;
    static final float L7 = 1f / 7;
    static final float L9 = 1f / 9;
    static final float L11 = 1f / 11;
    static final float L13 = 1f / 13;

    // erf(z) = z P(z^2) / Q(z^2) on [-4, 4] (Eigen's generic_fast_erf_float); beyond, erf is +-1 in float.
    static final float ERF_CLAMP = 4f;
    static final float A13 = -2.72614225801306e-10f;
    static final float A11 = 2.77068142495902e-08f;
    static final float A9 = -2.10102402082508e-06f;
    static final float A7 = -5.69250639462346e-05f;
    static final float A5 = -7.34990630326855e-04f;
    static final float A3 = -2.95459980854025e-03f;
    static final float A1 = -1.60960333262415e-02f;
    static final float B8 = -1.45660718464996e-05f;
    static final float B6 = -2.13374055278905e-04f;
    static final float B4 = -1.68282697438203e-03f;
    static final float B2 = -7.37332916720468e-03f;
    static final float B0 = -1.42647390514189e-02f;

    /** e^x - 1 - r with r the reduced argument: the polynomial part shared by exp and expm1. */
    private static float expPolynomial(float r) {
        float p = FmaPolicy.fma(P0, r, P1);
        p = FmaPolicy.fma(p, r, P2);
        p = FmaPolicy.fma(p, r, P3);
        p = FmaPolicy.fma(p, r, P4);
        p = FmaPolicy.fma(p, r, P5);
        return FmaPolicy.fma(p, r * r, r);
    }

    /** 2^k as a float, for k in [-126, 127]. */
    private static float pow2(int k) {
        return Float.intBitsToFloat((k + 127) << 23);
    }

    /** e^x; NaN gives NaN, -Inf gives 0, +Inf gives +Inf. */
    static float exp(float x) {
        float c = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
        float t = c * LOG2E + ROUNDER;
        float n = t - ROUNDER;
        float r = FmaPolicy.fma(n, -LN2_HI, c);
        r = FmaPolicy.fma(n, -LN2_LO, r);
        float p = expPolynomial(r) + 1f;
        // n may be as low as -150: scale by 2^(n/2) and 2^(n - n/2), both normal, so only the last rounds.
        int k = Float.floatToRawIntBits(t) - ROUNDER_BITS;
        int k1 = k >> 1;
        return p * pow2(k1) * pow2(k - k1);
    }

    /** 2^-64, the fixed second factor of {@link #expNonPositive}'s scaling. */
    static final float TWO_TO_MINUS_64 = 0x1p-64f;
    /** The bits of 2^(k + 64) are ((t's bits) - ROUNDER_BITS + 127 + 64) << 23. */
    static final int NON_POSITIVE_BIAS = ROUNDER_BITS - 127 - 64;

    /**
     * e^x for x &lt;= 0 (larger x is taken as 0): {@link #exp}'s polynomial with a cheaper scaling, since
     * here n lies in [-150, 0]: 2^(n + 64) is normal, and the constant 2^-64 rounds once. Sigmoid,
     * softmax and the GELU density need no more, and this is the hot path of all three.
     */
    static float expNonPositive(float x) {
        float c = Math.min(Math.max(x, EXP_MIN), 0f);
        float t = c * LOG2E + ROUNDER;
        float n = t - ROUNDER;
        float r = FmaPolicy.fma(n, -LN2_HI, c);
        r = FmaPolicy.fma(n, -LN2_LO, r);
        float p = expPolynomial(r) + 1f;
        float scale = Float.intBitsToFloat((Float.floatToRawIntBits(t) - NON_POSITIVE_BIAS) << 23);
        return p * scale * TWO_TO_MINUS_64;
    }

    /** e^x - 1 without cancellation near 0, for x <= 20 (callers: ELU on x <= 0, tanh on [0, 20]). */
    static float expm1(float x) {
        float c = Math.min(Math.max(x, EXPM1_MIN), EXPM1_MAX);
        float t = c * LOG2E + ROUNDER;
        float n = t - ROUNDER;
        float r = FmaPolicy.fma(n, -LN2_HI, c);
        r = FmaPolicy.fma(n, -LN2_LO, r);
        float q = expPolynomial(r);
        float s = pow2(Float.floatToRawIntBits(t) - ROUNDER_BITS);
        // 2^n (e^r - 1) + (2^n - 1): exact for n = 0, the small-|x| case that needs it.
        return FmaPolicy.fma(s, q, s - 1f);
    }

    /** ln(1 + t) for t in [0, 1] (the softplus tail); NaN gives NaN. */
    static float log1p(float t) {
        float s = t / (2f + t);
        float w = s * s;
        float p = FmaPolicy.fma(L13, w, L11);
        p = FmaPolicy.fma(p, w, L9);
        p = FmaPolicy.fma(p, w, L7);
        p = FmaPolicy.fma(p, w, L5);
        p = FmaPolicy.fma(p, w, L3);
        return 2f * FmaPolicy.fma(s * w, p, s);
    }

    /** The error function; NaN gives NaN. */
    static float erf(float z) {
        float c = Math.min(Math.max(z, -ERF_CLAMP), ERF_CLAMP);
        float c2 = c * c;
        float p = FmaPolicy.fma(c2, A13, A11);
        p = FmaPolicy.fma(c2, p, A9);
        p = FmaPolicy.fma(c2, p, A7);
        p = FmaPolicy.fma(c2, p, A5);
        p = FmaPolicy.fma(c2, p, A3);
        p = FmaPolicy.fma(c2, p, A1);
        float q = FmaPolicy.fma(c2, B8, B6);
        q = FmaPolicy.fma(c2, q, B4);
        q = FmaPolicy.fma(c2, q, B2);
        q = FmaPolicy.fma(c2, q, B0);
        // c * (p / q), not (c * p) / q: p / q is near 2/sqrt(pi), so a tiny c loses nothing to underflow.
        // The rational overshoots 1 by a few ulps near |z| = 3.6; the clamp keeps 1 + erf >= 0, so that
        // GELU never changes sign.
        return Math.min(Math.max(c * (p / q), -1f), 1f);
    }
}
