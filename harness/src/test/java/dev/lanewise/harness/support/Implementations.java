package dev.lanewise.harness.support;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** The implementations every equivalence property runs against the scalar reference. */
public final class Implementations {
    private Implementations() {}

    /** The scalar reference. */
    public static KernelProvider scalar() {
        return Kernels.scalar();
    }

    /** The vector kernels at 128, 256 and 512 bits (wider than the hardware's runs emulated). */
    public static List<KernelProvider> vectors() {
        return List.of(Kernels.vector(128), Kernels.vector(256), Kernels.vector(512));
    }

    /** The three vector widths, for {@code @ForAll}. */
    public static Arbitrary<KernelProvider> vectorProviders() {
        return Arbitraries.of(vectors());
    }
}
