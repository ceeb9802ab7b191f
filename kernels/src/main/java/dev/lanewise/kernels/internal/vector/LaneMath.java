package dev.lanewise.kernels.internal.vector;

import dev.lanewise.kernels.internal.FmaPolicy;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The float transcendentals of the activations, lane by lane: the same operations in the same order as the
 * scalar reference's {@code scalar.ActivationMath} (whose javadoc states their accuracy), so that both paths
 * agree bit for bit. The constants are repeated here because that class is package-private to the scalar
 * path; the equivalence properties fail if the two copies ever differ.
 *
 * <p>Why not {@code lanewise(EXP)}: its result is not specified to the bit (it is Intel's SVML on x86 and a
 * per-lane {@code Math.exp} where the width is emulated), so it could not be bit-identical to any scalar
 * code; this polynomial is also cheaper than the library call.
 */
final class LaneMath {
    private LaneMath() {}

    static final float LOG2E = 1.44269504088896341f;
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194440e-4f;
    static final float P0 = 1.9875691500e-4f;
    static final float P1 = 1.3981999507e-3f;
    static final float P2 = 8.3334519073e-3f;
    static final float P3 = 4.1665795894e-2f;
    static final float P4 = 1.6666665459e-1f;
    static final float P5 = 5.0000001201e-1f;
    static final float ROUNDER = 12582912f;
    static final int ROUNDER_BITS = 0x4B400000;
    static final float EXP_MIN = -104f;
    static final float EXP_MAX = 89f;
    static final float EXPM1_MIN = -87f;
    static final float EXPM1_MAX = 20f;

    static final float L3 = 1f / 3;
    static final float L5 = 1f / 5;
    static final float L7 = 1f / 7;
    static final float L9 = 1f / 9;
    static final float L11 = 1f / 11;
    static final float L13 = 1f / 13;

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

    /** {@code a * b + c} with a constant b, fused exactly where the scalar path fuses. */
    private static FloatVector fma(FloatVector a, float b, FloatVector c) {
        return (FmaPolicy.USE_FMA ? (a).fma(FloatVector.broadcast(a.species(), b), c) : (a).mul(FloatVector.broadcast(a.species(), b)).add(c));
    }

    /** {@code a * b + c} with constants b and c. */
    private static FloatVector fma(FloatVector a, float b, float c) {
        return (FmaPolicy.USE_FMA ? (a).fma(FloatVector.broadcast(a.species(), b), FloatVector.broadcast(a.species(), c)) : (a).mul(FloatVector.broadcast(a.species(), b)).add(FloatVector.broadcast(a.species(), c)));
    }

    private static FloatVector expPolynomial(FloatVector r) {
        FloatVector p = fma(r, P0, P1);
        p = fma(p, r, P2);
        p = fma(p, r, P3);
        p = fma(p, r, P4);
        p = fma(p, r, P5);
        return (FmaPolicy.USE_FMA ? (p).fma(r.mul(r), r) : (p).mul(r.mul(r)).add(r));
    }

    private static FloatVector fma(FloatVector a, FloatVector b, float c) {
        return (FmaPolicy.USE_FMA ? (a).fma(b, FloatVector.broadcast(a.species(), c)) : (a).mul(b).add(FloatVector.broadcast(a.species(), c)));
    }

    /** 2^k per lane, for k in [-126, 127]. */
    private static FloatVector pow2(IntVector k) {
        return k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }

    static FloatVector exp(FloatVector x) {
        FloatVector c = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector t = c.mul(LOG2E).add(ROUNDER);
        FloatVector n = t.sub(ROUNDER);
        FloatVector r = fma(n, -LN2_HI, c);
        r = fma(n, -LN2_LO, r);
        FloatVector p = expPolynomial(r).add(1f);
        IntVector k = (IntVector) t.reinterpretAsInts().sub(ROUNDER_BITS);
        IntVector k1 = k.lanewise(VectorOperators.ASHR, 1);
        return p.mul(pow2(k1)).mul(pow2(k.sub(k1)));
    }

    static final float TWO_TO_MINUS_64 = 0x1p-64f;
    static final int NON_POSITIVE_BIAS = ROUNDER_BITS - 127 - 64;

    static FloatVector expNonPositive(FloatVector x) {
        FloatVector c = x.max(EXP_MIN).min(0f);
        FloatVector t = c.mul(LOG2E).add(ROUNDER);
        FloatVector n = t.sub(ROUNDER);
        FloatVector r = fma(n, -LN2_HI, c);
        r = fma(n, -LN2_LO, r);
        FloatVector p = expPolynomial(r).add(1f);
        FloatVector scale = t.reinterpretAsInts().sub(NON_POSITIVE_BIAS).lanewise(VectorOperators.LSHL, 23)
                .reinterpretAsFloats();
        return p.mul(scale).mul(TWO_TO_MINUS_64);
    }

    static FloatVector expm1(FloatVector x) {
        FloatVector c = x.max(EXPM1_MIN).min(EXPM1_MAX);
        FloatVector t = c.mul(LOG2E).add(ROUNDER);
        FloatVector n = t.sub(ROUNDER);
        FloatVector r = fma(n, -LN2_HI, c);
        r = fma(n, -LN2_LO, r);
        FloatVector q = expPolynomial(r);
        FloatVector s = pow2(t.reinterpretAsInts().sub(ROUNDER_BITS));
        return (FmaPolicy.USE_FMA ? (s).fma(q, s.sub(1f)) : (s).mul(q).add(s.sub(1f)));
    }

    static FloatVector log1p(FloatVector t) {
        FloatVector s = t.div(t.add(2f));
        FloatVector w = s.mul(s);
        FloatVector p = fma(w, L13, L11);
        p = fma(p, w, L9);
        p = fma(p, w, L7);
        p = fma(p, w, L5);
        p = fma(p, w, L3);
        return (FmaPolicy.USE_FMA ? (s.mul(w)).fma(p, s) : (s.mul(w)).mul(p).add(s)).mul(2f);
    }

    static FloatVector erf(FloatVector z) {
        FloatVector c = z.max(-ERF_CLAMP).min(ERF_CLAMP);
        FloatVector c2 = c.mul(c);
        FloatVector p = fma(c2, A13, A11);
        p = fma(c2, p, A9);
        p = fma(c2, p, A7);
        p = fma(c2, p, A5);
        p = fma(c2, p, A3);
        p = fma(c2, p, A1);
        FloatVector q = fma(c2, B8, B6);
        q = fma(c2, q, B4);
        q = fma(c2, q, B2);
        q = fma(c2, q, B0);
        return c.mul(p.div(q)).max(-1f).min(1f);
    }

    /** The magnitude of {@code magnitude} with the sign bit of {@code sign}, as {@link Math#copySign}. */
    static FloatVector copySign(FloatVector magnitude, FloatVector sign) {
        IntVector m = magnitude.reinterpretAsInts().lanewise(VectorOperators.AND, 0x7FFFFFFF);
        IntVector s = sign.reinterpretAsInts().lanewise(VectorOperators.AND, 0x80000000);
        return m.or(s).reinterpretAsFloats();
    }
}
