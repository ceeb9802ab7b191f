package dev.lanewise.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesAtomicSaveTest {
    @TempDir
    Path dir;

    private static ModelArchive archive(String kind, int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = i * 0.5f;
        }
        return ModelArchive.builder(kind).metadata("note", kind).floats("w", w).build();
    }

    private List<String> namesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Lets {@code limit} bytes through to the temporary file, then fails as a full disk would. */
    private static final class FailingAfter extends FilterOutputStream {
        private final long limit;
        private final Path dir;
        private long written;
        final List<List<String>> filesAtFailure = new ArrayList<>();

        FailingAfter(OutputStream out, long limit, Path dir) {
            super(out);
            this.limit = limit;
            this.dir = dir;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > limit) {
                int part = (int) (limit - written);
                out.write(b, off, part);
                out.flush();
                written = limit;
                try (Stream<Path> s = Files.list(dir)) {
                    filesAtFailure.add(s.map(p -> p.getFileName().toString()).sorted().toList());
                }
                throw new IOException("No space left on device (simulated)");
            }
            out.write(b, off, len);
            written += len;
        }
    }

    @Test
    void savingOverAnExistingFileReplacesItAndLeavesNothingElse() throws IOException {
        Path file = dir.resolve("model.lwmodel");
        ModelFiles.save(archive("old", 10), file);
        ModelFiles.save(archive("new", 3), file);
        assertEquals("new", ModelFiles.load(file).kind());
        assertArrayEquals(new float[] {0, 0.5f, 1}, ModelFiles.load(file).floats("w"));
        assertEquals(List.of("model.lwmodel"), namesIn(dir));
    }

    @Test
    void aWriteFailingHalfwayLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.lwmodel");
        ModelArchive old = archive("old", 10);
        ModelFiles.save(old, file);
        byte[] oldBytes = Files.readAllBytes(file);

        // 200 000 floats: the failure comes in the middle of the tensor's values, several chunks in.
        List<FailingAfter> streams = new ArrayList<>();
        UnaryOperator<OutputStream> failing = out -> {
            FailingAfter f = new FailingAfter(out, 300_000, dir);
            streams.add(f);
            return f;
        };
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> ModelFiles.save(archive("new", 200_000), file, failing));

        assertEquals(file + ": cannot save, the old file (if any) is unchanged: "
                + "IOException: No space left on device (simulated)", e.getMessage());
        assertInstanceOf(IOException.class, e.getCause());
        assertSame(file, e.file());
        // The failure did happen with a partial temporary file beside the target...
        assertEquals(2, streams.get(0).filesAtFailure.get(0).size(), streams.get(0).filesAtFailure.toString());
        // ...which is gone, and the old file is byte for byte what it was.
        assertEquals(List.of("model.lwmodel"), namesIn(dir));
        assertArrayEquals(oldBytes, Files.readAllBytes(file));
        assertEquals(old, ModelFiles.load(file));
    }

    @Test
    void aFailedFirstSaveLeavesNoFileAtAll() throws IOException {
        Path file = dir.resolve("model.lwmodel");
        assertThrows(ModelFileException.class,
                () -> ModelFiles.save(archive("new", 5), file, out -> new FailingAfter(out, 7, dir)));
        assertEquals(List.of(), namesIn(dir));
    }

    @Test
    void anUncheckedFailureWhileWritingAlsoRemovesTheTemporaryFile() throws IOException {
        Path file = dir.resolve("model.lwmodel");
        ModelFiles.save(archive("old", 4), file);
        IllegalStateException boom = new IllegalStateException("boom");
        UnaryOperator<OutputStream> throwing = out -> new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len / 2);
                throw boom;
            }
        };
        assertSame(boom, assertThrows(IllegalStateException.class,
                () -> ModelFiles.save(archive("new", 4), file, throwing)));
        assertEquals(List.of("model.lwmodel"), namesIn(dir));
        assertEquals("old", ModelFiles.load(file).kind());
    }

    @Test
    void aMissingDirectoryIsNamedAndNothingIsCreated() {
        Path missing = dir.resolve("no-such-dir");
        Path file = missing.resolve("model.lwmodel");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.save(archive("k", 1), file));
        assertEquals(file + ": cannot save: directory " + missing.toAbsolutePath() + " does not exist", e.getMessage());
        assertFalse(Files.exists(missing));
    }

    @Test
    void aParentThatIsAFileIsRefused() throws IOException {
        Path notADir = Files.writeString(dir.resolve("plain.txt"), "text");
        Path file = notADir.resolve("model.lwmodel");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.save(archive("k", 1), file));
        assertEquals(file + ": cannot save: " + notADir.toAbsolutePath() + " is not a directory", e.getMessage());
        assertEquals("text", Files.readString(notADir));
    }

    @Test
    void aTargetThatIsADirectoryIsRefusedAndKept() throws IOException {
        Path target = Files.createDirectory(dir.resolve("model.lwmodel"));
        Files.writeString(target.resolve("inside"), "x");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.save(archive("k", 1), target));
        assertEquals(target + ": cannot save: it is a directory", e.getMessage());
        assertEquals(List.of("model.lwmodel"), namesIn(dir));
        assertEquals(List.of("inside"), namesIn(target));
    }

    @Test
    void aReadOnlyDirectoryFailsBeforeWritingAnything() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Path file = ro.resolve("model.lwmodel");
        ModelFiles.save(archive("old", 2), file);
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-x------"));
        try {
            // root ignores permission bits: the test means nothing there.
            assumeTrue(!Files.isWritable(ro), "the directory is really read-only (not running as root)");
            ModelFileException e = assertThrows(ModelFileException.class,
                    () -> ModelFiles.save(archive("new", 2), file));
            assertTrue(e.getMessage().startsWith(file + ": cannot save: cannot create a temporary file in " + ro),
                    e.getMessage());
            assertEquals("old", ModelFiles.load(file).kind());
            assertEquals(List.of("model.lwmodel"), namesIn(ro));
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aReplacedFileKeepsItsPermissionsAndANewOneIsOwnerOnly() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path file = dir.resolve("model.lwmodel");
        ModelFiles.save(archive("first", 1), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        ModelFiles.save(archive("second", 1), file);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("second", ModelFiles.load(file).kind());
    }

    @Test
    void aPathThroughDotDotWorks() throws IOException {
        Path file = dir.resolve("sub").resolve("..").resolve("m.lwmodel");
        Files.createDirectory(dir.resolve("sub"));
        ModelFiles.save(archive("k", 1), file);
        assertEquals("k", ModelFiles.load(dir.resolve("m.lwmodel")).kind());
        assertEquals(List.of("m.lwmodel", "sub"), namesIn(dir));
    }
}
