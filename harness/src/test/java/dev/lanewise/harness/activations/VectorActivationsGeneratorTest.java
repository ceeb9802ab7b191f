package dev.lanewise.harness.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code VectorActivations.java} is exactly what {@code gen_vector_activations.py} writes: a
 * hand edit of the generated file, or a change of the script not regenerated, fails here.
 */
class VectorActivationsGeneratorTest {
    /** Surefire runs in the harness module's folder. */
    private static final Path KERNELS = Path.of("..", "kernels", "src", "main");
    private static final Path SCRIPT = KERNELS.resolve(Path.of("python", "gen_vector_activations.py"));
    private static final Path GENERATED = KERNELS.resolve(
            Path.of("java", "dev", "lanewise", "kernels", "internal", "vector", "VectorActivations.java"));

    @Test
    void theCommittedFileIsTheGeneratorsOutput() throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(SCRIPT), SCRIPT.toAbsolutePath() + " not found");
        Process process;
        try {
            process = new ProcessBuilder("python3", SCRIPT.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not installed: " + e.getMessage());
            return;
        }
        String generated = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the generator did not finish");
        assertEquals(0, process.exitValue(), "the generator failed");
        String committed = Files.readString(GENERATED, StandardCharsets.UTF_8);
        assertEquals(committed, generated, "VectorActivations.java differs from the generator's output; regenerate it: "
                + "cd kernels/src/main/python && python3 gen_vector_activations.py > "
                + "../java/dev/lanewise/kernels/internal/vector/VectorActivations.java");
    }
}
