package dev.lanewise.harness.bench;

import static dev.lanewise.harness.bench.JmhResultsTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.bench.ReportComparison.Row;
import dev.lanewise.harness.bench.ReportComparison.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Matching two reports and judging each pair, on the hand-written fixtures under {@code compare/}, whose ratios
 * and errors are computed here in closed form: r = t_old / t_new, e = r * hypot(d_old / t_old, d_new / t_new).
 */
class ReportComparisonTest {
    private static final double M = ReportComparison.DEFAULT_MIN_CHANGE;

    private static ReportComparison fixtures() throws Exception {
        SavedReport old = SavedReport.open(fixture("old/blas.md"), null);
        SavedReport current = SavedReport.open(fixture("new/blas.md"), null);
        return ReportComparison.of(old.results(), current.results(), M);
    }

    private static Row row(ReportComparison c, String method, String size) {
        return c.rows().stream().filter(r -> r.old().method().equals(method)
                && (size == null || size.equals(r.old().params().get("size")))).findFirst().orElseThrow();
    }

    @Test
    void tenPercentSlowerWithOnePercentErrorsIsARegression() throws Exception {
        Row dot = row(fixtures(), "dotVector", "1024");
        double r = 100.0 / 110.0;
        assertEquals(r, dot.speed().value(), 1e-12);
        assertEquals(r * Math.hypot(0.01, 0.01), dot.speed().error(), 1e-12);
        assertEquals(Verdict.REGRESSION, dot.verdict());
    }

    @Test
    void fivePercentSlowerWithinFivePercentErrorsIsNotFlagged() throws Exception {
        Row dot = row(fixtures(), "dotVector", "4096");
        double r = 400.0 / 420.0;
        double e = r * Math.hypot(0.05, 0.05);
        assertEquals(r, dot.speed().value(), 1e-12);
        assertEquals(e, dot.speed().error(), 1e-12);
        assertTrue(r < 1 - M && r + e > 1, "the fixture sits beyond the minimum but within the error");
        assertEquals(Verdict.UNCHANGED, dot.verdict());
    }

    @Test
    void twoPercentSlowerBeyondATinyErrorIsUnderTheMinimum() throws Exception {
        Row axpy = row(fixtures(), "axpyVector", "1024");
        double r = 100.0 / 102.0;
        assertEquals(r, axpy.speed().value(), 1e-12);
        assertTrue(r + axpy.speed().error() < 1 && r > 1 - M, "the fixture sits beyond the error but under the minimum");
        assertEquals(Verdict.UNCHANGED, axpy.verdict());
        assertEquals(Verdict.REGRESSION,
                ReportComparison.of(List.of(axpy.old()), List.of(axpy.current()), 0.01).rows().get(0).verdict(),
                "with a 1% minimum the same pair is a regression");
    }

    @Test
    void microsecondsAgainstNanosecondsAreComparedInOneUnit() throws Exception {
        Row axpy = row(fixtures(), "axpyVector", "4096");
        assertEquals(1000.0 / 800.0, axpy.speed().value(), 1e-12);
        assertEquals(1.25 * Math.hypot(0.01, 0.01), axpy.speed().error(), 1e-12);
        assertEquals(Verdict.IMPROVEMENT, axpy.verdict());
    }

    @Test
    void aThroughputIsInvertedBeforeItIsComparedWithATime() throws Exception {
        Row step = row(fixtures(), "trainStep", null);
        // old: 2000 ops/s = 500 us per op; new: 400 us/op.
        assertEquals(500.0 / 400.0, step.speed().value(), 1e-12);
        assertEquals(1.25 * Math.hypot(0.01, 0.01), step.speed().error(), 1e-12);
        assertEquals(Verdict.IMPROVEMENT, step.verdict());
    }

    @Test
    void withoutAnErrorEstimateNothingIsJudgedAndParameterOrderDoesNotMatter() throws Exception {
        Row gemm = row(fixtures(), "sgemmLanewise", null);
        assertEquals(1000.0 / 1100.0, gemm.speed().value(), 1e-12);
        assertEquals(Verdict.NOT_JUDGED, gemm.verdict());
    }

    @Test
    void resultsInOnlyOneReportAreListedLevelsApart() throws Exception {
        ReportComparison c = fixtures();
        assertEquals(6, c.rows().size());
        assertEquals(List.of("dotScalar size=1024 default", "dotVector size=1024 vector128"),
                c.onlyInOld().stream().map(r -> r.method() + " " + r.paramLabel() + " " + r.level().label()).sorted().toList());
        assertEquals(List.of("dotScalar size=4096 default"),
                c.onlyInNew().stream().map(r -> r.method() + " " + r.paramLabel() + " " + r.level().label()).toList());
    }

    @Test
    void regressionsComeFirstThenImprovementsLargestFirst() throws Exception {
        List<Verdict> order = fixtures().rows().stream().map(Row::verdict).toList();
        assertEquals(List.of(Verdict.REGRESSION, Verdict.IMPROVEMENT, Verdict.IMPROVEMENT, Verdict.UNCHANGED,
                Verdict.UNCHANGED, Verdict.NOT_JUDGED), order);
    }

    @Test
    void theRuleAtItsBoundaries() {
        // Regression: r + e < 1 and r < 1 - m; with m = 3%.
        assertEquals(Verdict.REGRESSION, ReportComparison.verdict(new Ratio(0.95, 0.049), M));
        assertEquals(Verdict.UNCHANGED, ReportComparison.verdict(new Ratio(0.95, 0.051), M));
        assertEquals(Verdict.REGRESSION, ReportComparison.verdict(new Ratio(0.969, 0.001), M));
        assertEquals(Verdict.UNCHANGED, ReportComparison.verdict(new Ratio(0.971, 0.001), M));
        // Improvement: r - e > 1 and r > 1 + m.
        assertEquals(Verdict.IMPROVEMENT, ReportComparison.verdict(new Ratio(1.10, 0.099), M));
        assertEquals(Verdict.UNCHANGED, ReportComparison.verdict(new Ratio(1.10, 0.101), M));
        assertEquals(Verdict.IMPROVEMENT, ReportComparison.verdict(new Ratio(1.031, 0.001), M));
        assertEquals(Verdict.UNCHANGED, ReportComparison.verdict(new Ratio(1.029, 0.001), M));
        // With no minimum, the error alone decides.
        assertEquals(Verdict.REGRESSION, ReportComparison.verdict(new Ratio(0.999, 0.0009), 0));
    }

    @Test
    void theMarkdownNamesBothReportsAndSaysTheyComeFromDifferentCpus() throws Exception {
        SavedReport old = SavedReport.open(fixture("old"), "blas");
        SavedReport current = SavedReport.open(fixture("new/blas-default.json"), null);
        ReportComparison c = ReportComparison.of(old.results(), current.results(), M);
        String md = c.markdown(old, current);
        assertTrue(md.contains("- Old: `" + fixture("old/blas.md") + "` (blas-default.json, blas-vector128.json)"), md);
        assertTrue(md.contains("  - CPU: Test CPU A, 2 cores"), md);
        assertTrue(md.contains("  - Date: 2026-02-01"), md);
        assertTrue(md.contains("different CPUs"), md);
        assertTrue(md.contains("**6 compared: 1 regression, 2 improvements, 2 unchanged (within the error or under 3%), "
                + "1 not judged (no error estimate); 2 only in the old report, 1 only in the new.**"), md);
        assertTrue(md.contains("| **regression** | BlasBenchmark | dotVector | size=1024 | default | 100.0 ± 1.0 ns | "
                + "110.0 ± 1.1 ns | 0.91x ± 0.01 |"), md);
        assertTrue(md.indexOf("**regression**") < md.indexOf("| improvement |"), md);
        assertTrue(md.contains("## Only in the old report (2)"), md);
        assertTrue(md.contains("- BlasBenchmark.dotScalar (size=4096) at level default: 1200.0 ± 12.0 ns"), md);
        assertTrue(!md.contains("not a header line"), "the header ends at the first section");
    }

    @Test
    void refusesAReportWithABenchmarkTwiceAndAMinimumOutOfRange() {
        JmhResult a = new JmhResult("B", "m", Map.of("size", "1"), FeatureLevel.DEFAULT, "avgt", 1, 0, "ns/op");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ReportComparison.of(List.of(a, a), List.of(a), M));
        assertEquals("the old report has B.m (size=1) at level default twice", twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReportComparison.of(List.of(a), List.of(a), 1.0));
        assertThrows(IllegalArgumentException.class, () -> ReportComparison.of(List.of(a), List.of(a), Double.NaN));
    }
}
