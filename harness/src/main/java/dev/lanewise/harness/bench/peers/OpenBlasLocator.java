package dev.lanewise.harness.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds OpenBLAS's shared library on disk: the file {@code -Dlanewise.peers.openblas} names, else the first of
 * {@code libopenblas.so.0} and {@code libopenblas.so} in {@code LD_LIBRARY_PATH} and the usual library folders
 * (Debian's {@code /usr/lib/x86_64-linux-gnu/libopenblas.so.0} is an alternatives link to the pthread or
 * OpenMP build). Only finds the file; {@link OpenBlas} loads it.
 */
public final class OpenBlasLocator {
    static final List<String> NAMES = List.of("libopenblas.so.0", "libopenblas.so");
    static final List<String> FOLDERS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64",
            "/usr/lib", "/usr/local/lib", "/opt/OpenBLAS/lib");

    private OpenBlasLocator() {}

    /** The library the system property names, or the first candidate found on this machine. */
    public static PeerLibrary locate() {
        String given = System.getProperty(Peer.OPENBLAS.property());
        if (given != null && !given.isBlank()) {
            return locate(List.of(Path.of(given)));
        }
        return locate(defaultCandidates());
    }

    /** The first of {@code candidates} that is a readable file, or a note naming every place looked in. */
    public static PeerLibrary locate(List<Path> candidates) {
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && Files.isReadable(candidate)) {
                return PeerLibrary.found(Peer.OPENBLAS, candidate, describe(candidate));
            }
        }
        return PeerLibrary.missing(Peer.OPENBLAS, "OpenBLAS not found (looked in "
                + candidates.stream().map(Path::toString).collect(Collectors.joining(", "))
                + "; install Debian's libopenblas0 or pass -D" + Peer.OPENBLAS.property() + "=/path/libopenblas.so.0)");
    }

    /** {@code LD_LIBRARY_PATH}'s folders, then the usual ones, each with both names. */
    static List<Path> defaultCandidates() {
        Set<String> folders = new LinkedHashSet<>();
        String ldPath = System.getenv("LD_LIBRARY_PATH");
        if (ldPath != null) {
            for (String folder : ldPath.split(":")) {
                if (!folder.isBlank()) {
                    folders.add(folder);
                }
            }
        }
        folders.addAll(FOLDERS);
        List<Path> candidates = new ArrayList<>();
        for (String folder : folders) {
            for (String name : NAMES) {
                candidates.add(Path.of(folder, name));
            }
        }
        return candidates;
    }

    /** The path, and the file it resolves to where it is a link (which names the pthread or OpenMP build). */
    private static String describe(Path path) {
        try {
            Path real = path.toRealPath();
            return real.equals(path.toAbsolutePath()) ? path.toString() : path + " -> " + real;
        } catch (IOException e) {
            return path.toString();
        }
    }
}
