package dev.lanewise.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lanewise compare} end to end on the hand-written reports under {@code compare/} (whose ratios
 * {@code ReportComparisonTest} checks in closed form): what it prints, writes and exits with.
 */
class CompareCliTest {
    /** The summary of the fixtures: dotVector size=1024 is 10% slower with 1% errors, the one regression. */
    private static final String SUMMARY = "6 compared: 1 regression, 2 improvements, 2 unchanged (within the error or "
            + "under 3%), 1 not judged (no error estimate); 2 only in the old report, 1 only in the new";

    @TempDir
    Path dir;

    private static String fixture(String name) throws Exception {
        return Path.of(CompareCliTest.class.getResource("/compare/" + name).toURI()).toString();
    }

    @Test
    void printsTheComparisonOfTwoReportsNamedByTheirMarkdown() throws Exception {
        Cli.Run run = Cli.run(dir, "compare", fixture("old/blas.md"), fixture("new/blas.md")).succeeded();
        assertTrue(run.stdout().startsWith("# Benchmark comparison\n"), run.toString());
        assertTrue(run.stdout().contains("**" + SUMMARY + ".**"), run.toString());
        assertTrue(run.stdout().contains("| **regression** | BlasBenchmark | dotVector | size=1024 | default |"), run.toString());
        assertEquals(List.of(), run.errorLines(), run.toString());
    }

    @Test
    void writesTheFileAtomicallyAndExitsWithThreeOnARegressionWhenAsked() throws Exception {
        Path out = dir.resolve("comparisons/blas.md");
        Cli.Run run = Cli.run(dir, "compare", fixture("old"), fixture("new"), "--name", "blas", "--out", out.toString(),
                "--fail-on-regression");
        assertEquals(3, run.exitCode(), run.toString());
        assertEquals("wrote " + out + ": " + SUMMARY + "\n", run.stdout());
        assertEquals(List.of("lanewise compare: 1 benchmark regressed beyond the error"), run.errorLines());
        String md = Files.readString(out);
        assertTrue(md.contains("- Old: `" + fixture("old/blas.md") + "` (blas-default.json, blas-vector128.json)"), md);
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "no temporary file left beside it");
        }
    }

    @Test
    void aLargerMinimumChangeLeavesTheTenPercentSlowdownUnflagged() throws Exception {
        Cli.Run run = Cli.run(dir, "compare", fixture("old/blas-default.json"), fixture("new/blas-default.json"),
                "--min-change", "15", "--fail-on-regression").succeeded();
        assertTrue(run.stdout().contains("**6 compared: 0 regressions, 2 improvements, 3 unchanged (within the error or "
                + "under 15%), 1 not judged (no error estimate); 1 only in the old report, 1 only in the new.**"), run.toString());
        assertTrue(run.stdout().contains("  - CPU: Test CPU A"), "a JSON file's report header is read beside it");
    }

    @Test
    void eachMistakeEndsWithOneLine() throws Exception {
        fails(1, "lanewise compare: no such report: nosuch.md", "compare", "nosuch.md", fixture("new/blas.md"));
        fails(1, "lanewise compare: " + fixture("old") + " is a folder: say which report with --name (reports there: blas)",
                "compare", fixture("old"), fixture("new/blas.md"));
        fails(1, "lanewise compare: no report named gemm in " + fixture("old") + " (reports there: blas)",
                "compare", fixture("old"), fixture("new"), "--name", "gemm");
        fails(1, "lanewise compare: no benchmark is in both reports (1 result in " + fixture("old/blas-vector128.json")
                        + ", 7 results in " + fixture("new/blas-default.json") + "; they are matched on class, method, parameters and level)",
                "compare", fixture("old/blas-vector128.json"), fixture("new/blas-default.json"));
        fails(2, "lanewise compare: --min-change must be in [0, 100) percent, was 100.0 (see lanewise compare --help)",
                "compare", fixture("old/blas.md"), fixture("new/blas.md"), "--min-change", "100");
    }

    private void fails(int exitCode, String message, String... args) {
        Cli.Run run = Cli.run(dir, args);
        assertEquals(exitCode, run.exitCode(), run.toString());
        assertEquals(List.of(message), run.errorLines(), run.toString());
        assertEquals("", run.stdout(), run.toString());
    }
}
