package dev.lanewise.harness.bench.peers;

import dev.lanewise.harness.bench.Implementation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a benchmark run needs from the native peers: JMH cannot skip a method on its own, so the runner asks this
 * which of the selected benchmarks call a peer that is missing here, excludes them (one regex per peer), prints
 * one note per missing peer, and hands the forks the libraries found ({@code -Dlanewise.peers.openblas=...},
 * {@code -Dlanewise.peers.c=...}). Only the peers the selection calls are looked up, so a run without native
 * benchmarks never starts gcc.
 */
public final class NativePeers {
    /** Every peer looked up in this JVM, for the report's environment header. */
    private static final Map<Peer, PeerLibrary> LOOKED_UP = Collections.synchronizedMap(new EnumMap<>(Peer.class));

    private final Map<Peer, PeerLibrary> libraries;
    private final Map<Peer, List<String>> methods;

    private NativePeers(Map<Peer, PeerLibrary> libraries, Map<Peer, List<String>> methods) {
        this.libraries = libraries;
        this.methods = methods;
    }

    /**
     * Looks up (OpenBLAS: finds and loads; C: builds or reuses) the peers that {@code selected} benchmarks call.
     *
     * @param selected full benchmark names, e.g. {@code dev.lanewise.harness.bench.BlasBenchmark.dotC}
     */
    public static NativePeers forSelection(List<String> selected) {
        return forSelection(selected, NativePeers::lookUp);
    }

    /** As {@link #forSelection(List)}, with the libraries from {@code lookup} (called once per peer needed). */
    public static NativePeers forSelection(List<String> selected, Function<Peer, PeerLibrary> lookup) {
        Map<Peer, List<String>> methods = new EnumMap<>(Peer.class);
        for (String name : selected) {
            String method = name.substring(name.lastIndexOf('.') + 1);
            Peer.ofImplementation(Implementation.of(method))
                    .ifPresent(peer -> methods.computeIfAbsent(peer, p -> new ArrayList<>()).add(name));
        }
        Map<Peer, PeerLibrary> libraries = new EnumMap<>(Peer.class);
        for (Peer peer : methods.keySet()) {
            libraries.put(peer, lookup.apply(peer));
        }
        return new NativePeers(libraries, methods);
    }

    /** The library this JVM has for {@code peer}, looked up once (class initialization does the work). */
    private static PeerLibrary lookUp(Peer peer) {
        PeerLibrary library = switch (peer) {
            case OPENBLAS -> OpenBlas.library();
            case C_REFERENCE -> CReference.library();
        };
        LOOKED_UP.put(peer, library);
        return library;
    }

    /** One line per missing peer the selection calls: why it is missing and which benchmarks are skipped. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        missing().forEach((peer, library) -> notes.add(library.reason() + ": skipping "
                + methods.get(peer).stream().map(NativePeers::shortName).collect(Collectors.joining(", "))));
        return notes;
    }

    /** JMH exclude regexes, one per missing peer, matching exactly its selected benchmarks. */
    public List<String> excludes() {
        List<String> excludes = new ArrayList<>();
        missing().forEach((peer, library) -> excludes.add("^(?:" + methods.get(peer).stream().map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")$"));
        return excludes;
    }

    /** The selected benchmarks that remain once the missing peers' are excluded. */
    public List<String> remaining(List<String> selected) {
        List<String> skipped = missing().keySet().stream().flatMap(peer -> methods.get(peer).stream()).toList();
        return selected.stream().filter(name -> !skipped.contains(name)).toList();
    }

    /** The fork flags that name each found library, e.g. {@code -Dlanewise.peers.c=/tmp/.../libreference.so}. */
    public List<String> forkJvmArgs() {
        List<String> args = new ArrayList<>();
        libraries.forEach((peer, library) -> library.file()
                .ifPresent(path -> args.add("-D" + peer.property() + "=" + path.toAbsolutePath())));
        return args;
    }

    private Map<Peer, PeerLibrary> missing() {
        Map<Peer, PeerLibrary> missing = new LinkedHashMap<>();
        libraries.forEach((peer, library) -> {
            if (!library.available()) {
                missing.put(peer, library);
            }
        });
        return missing;
    }

    private static String shortName(String fullName) {
        int method = fullName.lastIndexOf('.');
        int cls = fullName.lastIndexOf('.', method - 1);
        return fullName.substring(cls + 1);
    }

    /**
     * Report lines for the peers this JVM looked up: OpenBLAS's path and {@code openblas_get_config()}, the C
     * kernels' build command and gcc version, or why one was missing; empty where no benchmark called a peer.
     */
    public static String environment() {
        StringBuilder lines = new StringBuilder();
        synchronized (LOOKED_UP) {
            LOOKED_UP.forEach((peer, library) -> lines.append("- ").append(peer.displayName()).append(": ")
                    .append(library.available() ? library.description() : "missing, its benchmarks skipped: " + library.reason())
                    .append('\n'));
        }
        return lines.toString();
    }
}
