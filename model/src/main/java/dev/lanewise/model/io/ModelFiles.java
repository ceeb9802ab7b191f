package dev.lanewise.model.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Saves a {@link ModelArchive} to a model file and loads it back, in the format described in the
 * {@linkplain dev.lanewise.model.io package documentation}.
 *
 * <p>Saving is atomic: the archive is written to a temporary file beside the target, forced to disk, and renamed
 * over the target. Readers see the old file or the new one, never a part; a failed save leaves the old file, if
 * any, as it was, and no temporary file behind.
 *
 * <p>Loading checks the whole file (magic, version, every size against the bytes left, CRC32, nothing after it)
 * and returns an archive only if all of it is sound. Every failure of either method is a
 * {@link ModelFileException} whose message begins with the path and says what is wrong.
 */
public final class ModelFiles {
    private ModelFiles() {
    }

    /**
     * Writes an archive to {@code file}, replacing any file there, atomically.
     *
     * <p>A new file gets the permissions {@link Files#createTempFile} gives (owner read and write only, on POSIX
     * systems); a replaced file keeps its permissions. A symbolic link at {@code file} is replaced, not followed.
     *
     * @param file the model file; its directory must exist
     * @throws ModelFileException if the directory is missing, {@code file} is a directory, or writing, syncing or
     *                            renaming fails; the old file is then unchanged
     */
    public static void save(ModelArchive archive, Path file) throws ModelFileException {
        save(archive, file, UnaryOperator.identity());
    }

    /**
     * {@link #save(ModelArchive, Path)} with the stream into the temporary file passed through {@code interposer}
     * first: the seam through which tests make a write fail halfway.
     */
    static void save(ModelArchive archive, Path file, UnaryOperator<OutputStream> interposer) throws ModelFileException {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(file, "file");
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || target.getFileName() == null) {
            throw new ModelFileException(file, "cannot save: the path names no file");
        }
        if (!Files.exists(dir)) {
            throw new ModelFileException(file, "cannot save: directory " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new ModelFileException(file, "cannot save: " + dir + " is not a directory");
        }
        if (Files.isDirectory(target)) {
            throw new ModelFileException(file, "cannot save: it is a directory");
        }

        Path temp;
        try {
            temp = Files.createTempFile(dir, tempPrefix(target), ".tmp");
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot save: cannot create a temporary file in " + dir + " ("
                    + describe(e) + ")", e);
        }
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ArchiveWriter.write(archive, interposer.apply(Channels.newOutputStream(channel)));
                channel.force(true);
            }
            keepPermissions(target, temp);
            moveOver(temp, target);
        } catch (IOException e) {
            deleteAfterFailure(temp, e);
            throw new ModelFileException(file, "cannot save, the old file (if any) is unchanged: " + describe(e), e);
        } catch (RuntimeException | Error e) {
            deleteAfterFailure(temp, e);
            throw e;
        }
        syncDirectory(dir);
    }

    /**
     * Reads a model file.
     *
     * @throws ModelFileException if the file is missing or unreadable, is not a lanewise model file, has a format
     *                            version other than this lanewise's, is truncated or corrupt, or has bytes after
     *                            its CRC32
     */
    public static ModelArchive load(Path file) throws ModelFileException {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new ModelFileException(file, "is a directory, not a model file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new ArchiveReader(file, channel.size(), Channels.newInputStream(channel)).read();
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file, "no such file", e);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot read: " + describe(e), e);
        }
    }

    private static void moveOver(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems (certain network and FUSE mounts) refuse an atomic rename. The temporary file is in
            // the target's directory, so this is still a rename and readers never see a partial file; but the JDK
            // may delete the old file before renaming, so a crash at that instant would leave no file at the path.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A replaced file keeps its mode: the temporary file was created owner-only. */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (Files.isRegularFile(target) && temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        }
    }

    /**
     * Makes the rename itself durable: on Linux a new directory entry reaches the disk only when the directory is
     * synced. Best effort: Windows cannot open a directory as a channel (and needs no such step), and the file's
     * own bytes are already on disk, so a failure here does not fail the save.
     */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // see above: best effort only
        }
    }

    private static void deleteAfterFailure(Path temp, Throwable failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** ".name." so the temporary file is hidden and shows whose it is; long names cut to stay under NAME_MAX. */
    private static String tempPrefix(Path target) {
        String name = target.getFileName().toString();
        return "." + (name.length() <= 64 ? name : name.substring(0, 64)) + ".";
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
