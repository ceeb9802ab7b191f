package dev.lanewise.harness.blas;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;

import static dev.lanewise.harness.support.Assertions2.describe;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.support.FloatData;
import dev.lanewise.harness.support.Ulps;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code nrm2} "computed without overflow or underflow for any float input": on elements whose squares
 * overflow float (|x| &gt;= 2^64) while the norm stays below {@code Float.MAX_VALUE}, and on elements whose
 * squares underflow (|x| &lt; 2^-75), every implementation is within 1 ulp of the double reference, and
 * each vector width within 1 ulp of the scalar one. A float sum of squares fails both: +Inf, or 0.
 */
class Nrm2RangeProperties {

    /** Magnitudes by exponent range: where squares overflow float, where they underflow, and mixes. */
    enum Range {
        /** 2^64 and up, to just below where the norm itself would overflow. */
        HUGE,
        /** All elements near the largest magnitude whose norm is still finite: the norm lands near MAX_VALUE. */
        NEAR_MAX,
        /** 2^-100 to 2^-64: squares below float's smallest subnormal. */
        TINY,
        /** Subnormal elements, 2^-149 to 2^-127. */
        SUBNORMAL,
        /** Each element huge, tiny or ordinary (2^-10 to 2^10). */
        MIXED
    }

    /** One generated input. */
    record Case(int n, int offset, Range range, long seed, float[] data) {
        @Override
        public String toString() {
            return "Case[n=" + n + ", offset=" + offset + ", range=" + range + ", seed=" + seed + "L]";
        }
    }

    @Provide
    Arbitrary<KernelProvider> implementations() {
        return Arbitraries.of(Kernels.all());
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(FloatData.lengths(5000).filter(n -> n > 0), FloatData.offsets(),
                Arbitraries.of(Range.class), Arbitraries.longs()).as(Nrm2RangeProperties::generate);
    }

    static Case generate(int n, int offset, Range range, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // sqrt(n) * 2^(hugeMax + 1) < 2^128: the norm cannot overflow, while every huge square does (>= 2^128).
        int hugeMax = 126 - (int) Math.ceil(Math.log(n) / Math.log(2) / 2);
        float nearMax = (float) (0.9 * Float.MAX_VALUE / Math.sqrt(n));
        float[] data = new float[offset + n + 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = switch (range) {
                case HUGE -> magnitude(random, 64, hugeMax);
                case NEAR_MAX -> (random.nextBoolean() ? 1 : -1) * nearMax * (float) (1 - 0.1 * random.nextDouble());
                case TINY -> magnitude(random, -100, -65);
                case SUBNORMAL -> magnitude(random, -149, -127);
                case MIXED -> switch (random.nextInt(3)) {
                    case 0 -> magnitude(random, 64, hugeMax);
                    case 1 -> magnitude(random, -149, -65);
                    default -> magnitude(random, -10, 10);
                };
            };
        }
        return new Case(n, offset, range, seed, data);
    }

    /** A random sign times 2^e times [1, 2), e uniform in [minExponent, maxExponent]. */
    private static float magnitude(SplittableRandom random, int minExponent, int maxExponent) {
        float m = (float) Math.scalb(1 + random.nextDouble(), random.nextInt(minExponent, maxExponent + 1));
        return random.nextBoolean() ? m : -m;
    }

    @Property(tries = 200)
    void nrm2NeitherOverflowsNorUnderflows(@ForAll("implementations") KernelProvider impl, @ForAll("cases") Case c) {
        float actual = impl.blas().nrm2(c.n(), c.data(), c.offset());
        String what = impl.name() + " nrm2 " + c;
        assertTrue(Float.isFinite(actual) && actual > 0, what + ": " + describe(actual) + ", expected a finite positive norm");
        Nrm2Reference.assertWithinOneUlp(c.n(), c.data(), c.offset(), actual, what);
        float scalar = Kernels.scalar().blas().nrm2(c.n(), c.data(), c.offset());
        assertTrue(Ulps.distance(scalar, actual) <= 1, what + ": scalar " + describe(scalar) + ", " + describe(actual)
                + " is more than 1 ulp from it");
    }
}
