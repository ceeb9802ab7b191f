package dev.lanewise.harness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A command's output files, written in two phases so that a failure leaves nothing half-written: each file
 * is first written to a temporary file beside its target, then {@link #commit} renames them all into place
 * (atomically where the file system can). {@link #close} without a commit deletes the temporary files.
 *
 * <pre>{@code
 * try (StagedFiles out = new StagedFiles()) {
 *     out.write(csv, text);
 *     model.save(out.stage(modelFile));
 *     out.commit();
 * }
 * }</pre>
 */
public final class StagedFiles implements AutoCloseable {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Map<Path, Path> tempByTarget = new LinkedHashMap<>();

    /**
     * Checks, before any work, that {@code target} can be written: its folder exists and it is not a folder.
     *
     * @throws UserError naming the option and the path otherwise
     */
    public static Path requireWritable(String option, Path target) {
        Objects.requireNonNull(target, "target");
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || absolute.getFileName() == null) {
            throw new UserError(option + " names no file: " + target);
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError(option + " " + target + ": folder " + dir + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new UserError(option + " " + target + " is a folder, not a file");
        }
        return target;
    }

    /** A temporary file beside {@code target} to write into; {@link #commit} moves it over {@code target}. */
    public Path stage(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (tempByTarget.containsKey(absolute)) {
            throw new IllegalArgumentException("already staged: " + target);
        }
        // Not Files.createTempFile, whose files are private (0600): the result should get the usual permissions.
        for (int attempt = 0; ; attempt++) {
            Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try {
                Files.createFile(temp);
                tempByTarget.put(absolute, temp);
                return temp;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                if (attempt == 10) {
                    throw taken;
                }
            }
        }
    }

    /** Stages {@code text} (UTF-8) for {@code target}. */
    public void write(Path target, String text) throws IOException {
        Files.writeString(stage(target), text, StandardCharsets.UTF_8);
    }

    /** The files staged so far, by target. */
    public List<Path> targets() {
        return new ArrayList<>(tempByTarget.keySet());
    }

    /** Moves every staged file over its target, in the order they were staged. */
    public void commit() throws IOException {
        for (Map.Entry<Path, Path> e : tempByTarget.entrySet()) {
            try {
                Files.move(e.getValue(), e.getKey(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        tempByTarget.clear();
    }

    /** Deletes the temporary files of anything not committed. */
    @Override
    public void close() {
        for (Path temp : tempByTarget.values()) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Best effort: the original failure is what the user needs to see.
            }
        }
        tempByTarget.clear();
    }
}
