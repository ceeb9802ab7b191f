package dev.lanewise.harness.gemm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The committed micro-kernels are exactly what their generator writes, so an edit by hand (or a generator
 * change not run) cannot slip in: the file would then no longer be what the script's docstring explains.
 */
class GemmGeneratorTest {
    private static final String GENERATOR = "kernels/src/main/python/gen_gemm_microkernels.py";
    private static final String GENERATED = "kernels/src/main/java/dev/lanewise/kernels/internal/vector/GemmMicroKernels.java";

    @Test
    void committedMicroKernelsAreTheGeneratorsOutput() throws Exception {
        Path root = repositoryRoot();
        Process python;
        try {
            python = new ProcessBuilder("python3", root.resolve(GENERATOR).toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not installed here (" + e.getMessage() + "), so " + GENERATOR
                    + " cannot be run to compare its output with " + GENERATED);
            return;
        }
        String generated = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS), "the generator did not finish in 60 s");
        assertEquals(0, python.exitValue(), "exit status of python3 " + GENERATOR);
        String committed = Files.readString(root.resolve(GENERATED), StandardCharsets.UTF_8);
        if (!generated.equals(committed)) {
            fail(GENERATED + " is not the output of " + GENERATOR + " (regenerate it, do not edit it by hand): "
                    + firstDifference(committed, generated));
        }
    }

    private static String firstDifference(String committed, String generated) {
        List<String> a = committed.lines().toList();
        List<String> b = generated.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "<end of file>";
            String y = i < b.size() ? b.get(i) : "<end of output>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + "\n committed: " + x + "\n generated: " + y;
            }
        }
        return "the lines agree, the line endings or the final newline differ";
    }

    /** Surefire runs in the module folder; the generator and its output are in the kernels module beside it. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(GENERATOR))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + GENERATOR + " above " + Path.of("").toAbsolutePath());
    }
}
