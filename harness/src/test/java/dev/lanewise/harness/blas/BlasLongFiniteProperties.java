package dev.lanewise.harness.blas;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.blas.BlasKernels;

import static dev.lanewise.harness.blas.BlasEquivalenceProperties.assertSumsAgree;
import static dev.lanewise.harness.support.Assertions2.describe;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.support.FiniteArrays;
import dev.lanewise.harness.support.FiniteArrays.Seeded;
import dev.lanewise.harness.support.Implementations;
import dev.lanewise.harness.support.ReferenceSums;
import dev.lanewise.harness.support.Ulps;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The numeric bounds of {@link BlasKernels}' reductions on finite arrays up to 100,000 elements, where
 * {@link BlasEquivalenceProperties} (whose values include NaN and infinities) almost always checks only the
 * non-finite branch. For dot, sum and asum: the stated |vector - scalar| &lt;= 2 gamma(n) sum|t_i|, and
 * "each result is within gamma(n) of the exact sum"; for nrm2: vector within 1 ulp of scalar, and both within
 * 1 ulp of the double reference (they round one double sum once).
 */
class BlasLongFiniteProperties {
    private static final BlasKernels SCALAR = Implementations.scalar().blas();

    @Provide
    Arbitrary<KernelProvider> vectors() {
        return Implementations.vectorProviders();
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Seeded, Seeded>> pairs() {
        return FiniteArrays.pairs();
    }

    @Provide
    Arbitrary<Seeded> arrays() {
        return FiniteArrays.seeded();
    }

    @Property(tries = 50)
    void dotStaysWithinItsBoundsOnLongFiniteArrays(@ForAll("vectors") KernelProvider vector,
            @ForAll("pairs") Tuple.Tuple2<Seeded, Seeded> xy) {
        Seeded x = xy.get1();
        Seeded y = xy.get2();
        double[] terms = new double[x.n()];
        for (int i = 0; i < x.n(); i++) {
            terms[i] = (double) x.get(i) * y.get(i);
        }
        float scalar = SCALAR.dot(x.n(), x.data(), x.offset(), y.data(), y.offset());
        float actual = vector.blas().dot(x.n(), x.data(), x.offset(), y.data(), y.offset());
        assertFiniteSumsWithinBounds(terms, scalar, actual, vector.name() + " dot " + x + " " + y);
    }

    @Property(tries = 50)
    void sumStaysWithinItsBoundsOnLongFiniteArrays(@ForAll("vectors") KernelProvider vector, @ForAll("arrays") Seeded x) {
        double[] terms = new double[x.n()];
        for (int i = 0; i < x.n(); i++) {
            terms[i] = x.get(i);
        }
        float scalar = SCALAR.sum(x.n(), x.data(), x.offset());
        float actual = vector.blas().sum(x.n(), x.data(), x.offset());
        assertFiniteSumsWithinBounds(terms, scalar, actual, vector.name() + " sum " + x);
    }

    @Property(tries = 50)
    void asumStaysWithinItsBoundsOnLongFiniteArrays(@ForAll("vectors") KernelProvider vector, @ForAll("arrays") Seeded x) {
        double[] terms = new double[x.n()];
        for (int i = 0; i < x.n(); i++) {
            terms[i] = Math.abs(x.get(i));
        }
        float scalar = SCALAR.asum(x.n(), x.data(), x.offset());
        float actual = vector.blas().asum(x.n(), x.data(), x.offset());
        assertFiniteSumsWithinBounds(terms, scalar, actual, vector.name() + " asum " + x);
    }

    @Property(tries = 20)
    void nrm2IsWithinOneUlpOnLongFiniteArrays(@ForAll("vectors") KernelProvider vector, @ForAll("arrays") Seeded x) {
        float scalar = SCALAR.nrm2(x.n(), x.data(), x.offset());
        float actual = vector.blas().nrm2(x.n(), x.data(), x.offset());
        String what = vector.name() + " nrm2 " + x + ": scalar " + describe(scalar) + ", vector " + describe(actual);
        assertTrue(Ulps.distance(scalar, actual) <= 1, what + ", more than 1 ulp apart");
        Nrm2Reference.assertWithinOneUlp(x.n(), x.data(), x.offset(), scalar, what + " (scalar)");
        Nrm2Reference.assertWithinOneUlp(x.n(), x.data(), x.offset(), actual, what + " (vector)");
    }

    /**
     * Both results finite (finite terms that cannot overflow), within the stated distance of each other
     * ({@link BlasEquivalenceProperties#assertSumsAgree}), and each within gamma(n) sum|t_i| of the exact
     * sum, plus n 2^-149 for products that underflow when they are not fused.
     */
    private static void assertFiniteSumsWithinBounds(double[] terms, float scalar, float vector, String what) {
        String both = what + ": scalar " + describe(scalar) + ", vector " + describe(vector);
        assertTrue(Float.isFinite(scalar) && Float.isFinite(vector), both + ", expected finite results from finite terms");
        assertSumsAgree(terms, scalar, vector, what);
        int n = terms.length;
        double exact = ReferenceSums.sum(terms);
        double bound = Ulps.gamma(Math.max(n, 1)) * ReferenceSums.absSum(terms) + n * (double) Float.MIN_VALUE;
        double scalarError = Math.abs(scalar - exact);
        double vectorError = Math.abs(vector - exact);
        assertTrue(scalarError <= bound, both + ", exact " + exact + ": scalar error " + scalarError + " exceeds gamma(n) bound " + bound);
        assertTrue(vectorError <= bound, both + ", exact " + exact + ": vector error " + vectorError + " exceeds gamma(n) bound " + bound);
    }
}
