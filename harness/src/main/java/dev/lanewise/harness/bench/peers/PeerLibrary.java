package dev.lanewise.harness.bench.peers;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A native peer's shared library as found (or built) on this machine, or the one-line reason it is missing.
 *
 * @param peer        which peer
 * @param path        the library file; null where it is missing
 * @param description what the report says about it (the path, a version, a build command); null where missing
 * @param reason      why it is missing, one line; null where it was found
 */
public record PeerLibrary(Peer peer, Path path, String description, String reason) {

    public PeerLibrary {
        Objects.requireNonNull(peer, "peer");
        if ((path == null) == (reason == null)) {
            throw new IllegalArgumentException("a peer library has either a path or a reason, had " + path + " and " + reason);
        }
    }

    /** A library found at {@code path}. */
    public static PeerLibrary found(Peer peer, Path path, String description) {
        return new PeerLibrary(peer, Objects.requireNonNull(path, "path"), Objects.requireNonNull(description, "description"), null);
    }

    /** A missing library, with why. */
    public static PeerLibrary missing(Peer peer, String reason) {
        return new PeerLibrary(peer, null, null, Objects.requireNonNull(reason, "reason"));
    }

    /** Whether the library is there. */
    public boolean available() {
        return path != null;
    }

    /** The library file, where it is there. */
    public Optional<Path> file() {
        return Optional.ofNullable(path);
    }
}
