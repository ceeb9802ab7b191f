package dev.lanewise.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs appear together on commit, or not at all, and no temporary file stays behind. */
class StagedFilesTest {
    @TempDir
    Path dir;

    @Test
    void commitMovesEveryFileIntoPlace() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "old");
        try (StagedFiles out = new StagedFiles()) {
            out.write(dir.resolve("a.csv"), "new a");
            Files.writeString(out.stage(dir.resolve("b.svg")), "new b");
            assertEquals("old", Files.readString(dir.resolve("a.csv")), "nothing moves before the commit");
            out.commit();
        }
        assertEquals("new a", Files.readString(dir.resolve("a.csv")));
        assertEquals("new b", Files.readString(dir.resolve("b.svg")));
        assertEquals(List.of("a.csv", "b.svg"), Outputs.files(dir));
    }

    @Test
    void closeWithoutCommitLeavesTheFolderAsItWas() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "old");
        try (StagedFiles out = new StagedFiles()) {
            out.write(dir.resolve("a.csv"), "new a");
            out.write(dir.resolve("b.svg"), "new b");
            // a failure here, before the commit
        }
        assertEquals(List.of("a.csv"), Outputs.files(dir));
        assertEquals("old", Files.readString(dir.resolve("a.csv")));
    }

    @Test
    void refusesTargetsThatCannotBeWritten() throws Exception {
        UserError missing = assertThrows(UserError.class, () -> StagedFiles.requireWritable("--output", dir.resolve("no/m.lwmodel")));
        assertTrue(missing.getMessage().startsWith("--output "), missing.getMessage());
        Files.createDirectories(dir.resolve("folder"));
        assertThrows(UserError.class, () -> StagedFiles.requireWritable("--output", dir.resolve("folder")));
    }
}
