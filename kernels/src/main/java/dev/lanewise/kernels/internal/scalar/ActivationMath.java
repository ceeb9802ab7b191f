package dev.lanewise.kernels.internal.scalar;

import static dev.lanewise.kernels.internal.PolynomialConstants.*;

import dev.lanewise.kernels.internal.FmaPolicy;

/**
 * The float transcendentals behind the activations: exp, expm1, log1p on [0, 1] and erf, each built from
 * IEEE operations only (add, multiply, divide, {@link FmaPolicy#fma}, min/max, bit moves), on the constants
 * of {@link dev.lanewise.kernels.internal.PolynomialConstants}. The vector path (written out inline in every
 * loop of {@code vector.VectorActivations} by {@code gen_vector_activations.py}) performs the same operations
 * in the same order on every lane, which is why the two paths agree bit for bit; change one and the
 * equivalence properties fail until the other follows.
 *
 * <p>Accuracy against the correctly rounded value (measured over dense sweeps; tested in the harness):
 * exp within 2 ulps (subnormal results included: 2<sup>n</sup> is applied in two halves so the result is
 * rounded once); expm1 within 2 ulps on [-87, 20]; log1p within 2 ulps on [0, 1]; erf within 8 ulps and
 * 5e-7 absolutely.
 */
final class ActivationMath {
    private ActivationMath() {}

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
