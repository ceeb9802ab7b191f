package dev.lanewise.harness.bench.peers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds peers/c/reference_lib.c into a shared library with gcc, once per source, flags and compiler: the
 * library goes to {@code <cache>/<hash>/libreference.so}, where the hash covers the source, its header, the
 * flags, {@code gcc --version} and what {@code -march=native} means on this CPU, so an edit, another compiler
 * or another machine builds afresh and a second run reuses the first's library. The result records the exact
 * command and the compiler's version line for the report. Where gcc or the source is missing, or the build
 * fails, the result is missing with a one-line reason.
 */
public final class CReferenceBuild {
    /** The flags, as issue 12 states them; {@code -lm} (libm and libmvec's vector expf) follows the source. */
    public static final List<String> FLAGS = List.of("-O3", "-march=native", "-ffast-math", "-fopenmp-simd", "-shared",
            "-fPIC");
    static final String SOURCE = "reference_lib.c";
    static final String HEADER = "reference_lib.h";
    static final String LIBRARY = "libreference.so";
    /** Names the folder holding reference_lib.c, where the working folder is not inside the repository. */
    public static final String SOURCE_PROPERTY = "lanewise.peers.c.source";
    /** The compiler to run, {@code gcc} on the PATH unless this property names another. */
    public static final String COMPILER_PROPERTY = "lanewise.peers.cc";

    private CReferenceBuild() {}

    /** Builds (or reuses) the library from the repository's peers/c with the default compiler and cache. */
    public static PeerLibrary build() {
        Path source = sourceFolder();
        if (source == null) {
            return PeerLibrary.missing(Peer.C_REFERENCE, "C reference source peers/c/" + SOURCE + " not found above "
                    + Path.of("").toAbsolutePath() + " (run from the repository, or pass -D" + SOURCE_PROPERTY + "=folder)");
        }
        return build(System.getProperty(COMPILER_PROPERTY, "gcc"), source, defaultCache());
    }

    /** Builds (or reuses) the library from {@code sourceFolder} with {@code compiler} into {@code cache}. */
    public static PeerLibrary build(String compiler, Path sourceFolder, Path cache) {
        Path source = sourceFolder.resolve(SOURCE).toAbsolutePath();
        if (!Files.isRegularFile(source)) {
            return PeerLibrary.missing(Peer.C_REFERENCE, "C reference source not found: " + source);
        }
        try {
            Result version = run(List.of(compiler, "--version"));
            if (version.exit() != 0) {
                return PeerLibrary.missing(Peer.C_REFERENCE, "gcc not usable: '" + compiler + " --version' exited "
                        + version.exit() + ": " + firstLine(version.output()));
            }
            String versionLine = firstLine(version.output());
            String march = nativeArch(compiler);
            Path library = cache.resolve(hash(source, versionLine, march)).resolve(LIBRARY).toAbsolutePath();
            List<String> command = command(compiler, source, library);
            String description = "`" + String.join(" ", command) + "` (" + versionLine
                    + (march.isEmpty() ? "" : ", -march=native is " + march) + ")";
            if (!Files.isRegularFile(library)) {
                String failure = compile(compiler, source, library);
                if (failure != null) {
                    return PeerLibrary.missing(Peer.C_REFERENCE, failure);
                }
            }
            return PeerLibrary.found(Peer.C_REFERENCE, library, description);
        } catch (IOException e) {
            return PeerLibrary.missing(Peer.C_REFERENCE, "gcc not found (" + e.getMessage().strip()
                    + "): the C reference kernels cannot be built");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PeerLibrary.missing(Peer.C_REFERENCE, "interrupted while building the C reference kernels");
        }
    }

    /** The command that builds {@code library} from {@code source}. */
    static List<String> command(String compiler, Path source, Path library) {
        List<String> command = new ArrayList<>();
        command.add(compiler);
        command.addAll(FLAGS);
        command.add("-o");
        command.add(library.toString());
        command.add(source.toString());
        command.add("-lm");
        return command;
    }

    /** Compiles into a temporary file beside the target and moves it into place; null on success, else why not. */
    private static String compile(String compiler, Path source, Path library) throws IOException, InterruptedException {
        Files.createDirectories(library.getParent());
        Path temp = Files.createTempFile(library.getParent(), LIBRARY, ".tmp");
        try {
            Result built = run(command(compiler, source, temp));
            if (built.exit() != 0) {
                return "gcc failed to build the C reference kernels (exit " + built.exit() + "): "
                        + firstError(built.output());
            }
            // Atomic, so a concurrent build or a reader never sees half a library.
            Files.move(temp, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return null;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** What {@code -march=native} resolves to (e.g. {@code znver4}), or empty where gcc does not say. */
    private static String nativeArch(String compiler) throws IOException, InterruptedException {
        Result help = run(List.of(compiler, "-march=native", "-Q", "--help=target"));
        for (String line : help.output().split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("-march=")) {
                return trimmed.substring("-march=".length()).trim();
            }
        }
        return "";
    }

    private static String hash(Path source, String version, String march) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Files.readAllBytes(source));
            Path header = source.resolveSibling(HEADER);
            if (Files.isRegularFile(header)) {
                digest.update(Files.readAllBytes(header));
            }
            digest.update((String.join(" ", FLAGS) + "\n" + version + "\n" + march).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The folder {@code -Dlanewise.peers.c.source} names, else peers/c in the working folder or one above it. */
    static Path sourceFolder() {
        String given = System.getProperty(SOURCE_PROPERTY);
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        // The bench command runs in the repository root, Surefire in harness/.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("peers").resolve("c");
            if (Files.isRegularFile(candidate.resolve(SOURCE))) {
                return candidate;
            }
        }
        return null;
    }

    /** A folder of this user's under the temporary folder, shared by every build on this machine. */
    static Path defaultCache() {
        return Path.of(System.getProperty("java.io.tmpdir"), "lanewise-peers-" + System.getProperty("user.name", "user"));
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(-1, "timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), output);
    }

    /** The first line that reports an error, else the first line. */
    private static String firstError(String text) {
        for (String line : text.split("\n")) {
            if (line.contains("error")) {
                return line.strip();
            }
        }
        return firstLine(text);
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}
