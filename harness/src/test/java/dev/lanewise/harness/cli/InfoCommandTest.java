package dev.lanewise.harness.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lanewise info}, run as the launcher runs it but from the class path, where no native access is granted. */
class InfoCommandTest {

    @Test
    void namesThePathTheSpeciesAndWhyTheLoopsAreNotAligned(@TempDir Path dir) {
        Cli.Run run = Cli.run(dir, "info").succeeded();
        assertTrue(run.stdout().contains("lanewise kernels: vector"), run.toString());
        assertTrue(run.stdout().contains("Vector API module present: true"), run.toString());
        assertTrue(run.stdout().contains("Loop alignment: loops not aligned: no native access (run with "
                + "--enable-native-access=ALL-UNNAMED"), run.toString());
    }
}
