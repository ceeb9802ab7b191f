package dev.lanewise.harness.bench.peers;

import java.util.List;
import java.util.Optional;

/**
 * The native peers the benchmarks call through {@code java.lang.foreign}, with the benchmark-method suffixes
 * ({@code <kernel><Implementation>}) that measure each and the system property that hands a fork its library.
 */
public enum Peer {
    /** lanewise's C reference kernels (peers/c/reference_lib.c), built here with gcc. */
    C_REFERENCE("C reference kernels", "lanewise.peers.c", List.of("C")),
    /** OpenBLAS's CBLAS, single-threaded ({@code OpenBlas}) or on every core ({@code OpenBlasAllCores}). */
    OPENBLAS("OpenBLAS", "lanewise.peers.openblas", List.of("OpenBlas", "OpenBlasAllCores"));

    private final String displayName;
    private final String property;
    private final List<String> implementations;

    Peer(String displayName, String property, List<String> implementations) {
        this.displayName = displayName;
        this.property = property;
        this.implementations = implementations;
    }

    /** The name a report or note gives it. */
    public String displayName() {
        return displayName;
    }

    /** The system property that names its library file in a fork (set by the bench command). */
    public String property() {
        return property;
    }

    /** The implementation suffixes of the benchmark methods that call it. */
    public List<String> implementations() {
        return implementations;
    }

    /** The peer a benchmark method's implementation suffix calls, if any (e.g. {@code OpenBlasAllCores}). */
    public static Optional<Peer> ofImplementation(String implementation) {
        for (Peer peer : values()) {
            if (peer.implementations.contains(implementation)) {
                return Optional.of(peer);
            }
        }
        return Optional.empty();
    }
}
