package dev.lanewise.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The roofline's arithmetic on hand-made measurements with closed-form answers, its chart and its section. */
class RooflineTest {
    private static final String LIMITS = "MachineLimitsBenchmark";

    /** 1e6 flops in 1e4 ns (± 100 ns): 100 GFLOPS ± 1. */
    private static final Measurement PEAK = measurement(LIMITS, "fmaPeak", Map.of("bits", "512"), 1e4, 100, new Work(0, 1e6, 0));
    /** 12 MiB (1 Mi floats) in 314572.8 ns: 40 GB/s. */
    private static final Measurement DRAM_TRIAD = triad(1 << 20, 40);
    /** dot of 4096: 8192 flops over 32768 bytes (AI 0.25) in 1638.4 ns: 5 GFLOPS. */
    private static final Measurement DOT = measurement("BlasBenchmark", "dotVector", Map.of("size", "4096"), 1638.4, Double.NaN,
            new Work(4096, 8192, 32768));

    @Test
    void memoryBoundRoofIsBandwidthTimesIntensity() {
        Roofline.Point p = Roofline.points(List.of(DOT), PEAK, DRAM_TRIAD).getFirst();
        assertEquals(0.25, p.intensity(), 1e-12);
        assertEquals(5, p.achievedGflops(), 1e-9);
        assertEquals(10, p.roofGflops(), 1e-9);
        assertEquals(0.5, p.fraction(), 1e-9);
        assertEquals("triad 12 MiB", p.boundBy());
    }

    @Test
    void computeBoundRoofIsThePeak() {
        // 2e9 flops over 1e7 bytes: AI 200, where 40 GB/s would allow 8000 GFLOPS; 4e7 ns is 50 GFLOPS.
        Measurement gemm = measurement("GemmBenchmark", "sgemmLanewise", Map.of("shape", "1000", "threads", "1"), 4e7, Double.NaN,
                new Work(0, 2e9, 1e7));
        Roofline.Point p = Roofline.points(List.of(gemm), PEAK, DRAM_TRIAD).getFirst();
        assertEquals(200, p.intensity(), 1e-9);
        assertEquals(100, p.roofGflops(), 1e-9);
        assertEquals(0.5, p.fraction(), 1e-9);
        assertEquals("FMA peak", p.boundBy());
    }

    @Test
    void roofUsesTheTriadWhoseWorkingSetIsNearestTheKernelsBytes() {
        Measurement peak = measurement(LIMITS, "fmaPeak", Map.of("bits", "512"), 1e3, Double.NaN, new Work(0, 1e6, 0)); // 1000 GFLOPS
        // 24 KiB at 400 GB/s, 384 KiB at 200, 6 MiB at 80, 384 MiB at 40; out of order on purpose.
        List<Measurement> triads = List.of(triad(33_554_432, 40), triad(524_288, 80), triad(2048, 400), triad(32768, 200));
        List<Roofline.Point> points = Roofline.points(
                List.of(dot(1024), dot(4096), dot(65536), dot(1 << 20), dot(16_777_216), dot(100_000_000)), peak, triads);
        // Kernel bytes 8 KiB, 32 KiB -> 24 KiB; 512 KiB -> 384 KiB; 8 MiB -> 6 MiB; 128 MiB and 800 MB -> 384 MiB.
        // The roof is bandwidth x 0.25 flops/byte.
        assertEquals(List.of(100.0, 100.0, 50.0, 20.0, 10.0, 10.0), points.stream().map(p -> round(p.roofGflops())).toList());
        assertEquals(List.of("triad 24 KiB", "triad 24 KiB", "triad 384 KiB", "triad 6 MiB", "triad 384 MiB", "triad 384 MiB"),
                points.stream().map(Roofline.Point::boundBy).toList());
    }

    @Test
    void aTieBetweenTwoTriadsGoesToTheFasterOne() {
        Measurement peak = measurement(LIMITS, "fmaPeak", Map.of("bits", "512"), 1e3, Double.NaN, new Work(0, 1e6, 0));
        // 96 KiB (dot of 12288) is 2 octaves from both 24 KiB and 384 KiB.
        Roofline.Point p = Roofline.points(List.of(dot(12288)), peak, List.of(triad(32768, 200), triad(2048, 400))).getFirst();
        assertEquals("triad 24 KiB", p.boundBy());
    }

    @Test
    void pointsLeaveOutKernelsWithoutFlopsOrBytes() {
        Measurement noFlops = measurement("OptimizerBenchmark", "adamVector", Map.of("size", "4096"), 1000, Double.NaN, new Work(4096, 0, 65536));
        Measurement noBytes = measurement("MlpTrainStepBenchmark", "stepLanewise", Map.of("batch", "64"), 1000, Double.NaN, new Work(64, 1e6, 0));
        assertEquals(List.of(DOT), Roofline.points(List.of(noFlops, DOT, noBytes), PEAK, DRAM_TRIAD).stream()
                .map(Roofline.Point::kernel).toList());
    }

    @Test
    void plottedKeepsLanewiseKernelsOnOneThreadStatingFlopsAndBytes() {
        Measurement plain = measurement("BlasBenchmark", "dotPlainJava", Map.of("size", "4096"), 1000, Double.NaN, new Work(4096, 8192, 32768));
        Measurement twoThreads = measurement("GemmBenchmark", "sgemmLanewise", Map.of("shape", "512", "threads", "2"), 1e6, Double.NaN,
                new Work(0, 2.0 * 512 * 512 * 512, 3.0 * 4 * 512 * 512));
        Measurement oneThread = measurement("GemmBenchmark", "sgemmLanewise", Map.of("shape", "512", "threads", "1"), 1e6, Double.NaN,
                new Work(0, 2.0 * 512 * 512 * 512, 3.0 * 4 * 512 * 512));
        Measurement noBytes = measurement("LinearModelBenchmark", "stepVector", Map.of(), 1000, Double.NaN, new Work(1, 100, 0));
        assertEquals(List.of(DOT, oneThread),
                Roofline.plotted(List.of(PEAK, DRAM_TRIAD, DOT, plain, twoThreads, oneThread, noBytes)));
    }

    @Test
    void limitsTakeTheFastestWidthAndTheTriadsBySize() {
        Measurement peak256 = measurement(LIMITS, "fmaPeak", Map.of("bits", "256"), 1e4, Double.NaN, new Work(0, 5e5, 0)); // 50 GFLOPS
        Measurement small = triad(2048, 400);
        Measurement all = measurement(LIMITS, "triadAllThreads", Map.of("triadSize", "33554432"), 4e6, Double.NaN,
                new Work(33_554_432, 67_108_864, 402_653_184));
        Roofline.Limits limits = Roofline.limits(List.of(DOT, peak256, DRAM_TRIAD, PEAK, all, small)).orElseThrow();
        assertEquals(PEAK, limits.peak());
        assertEquals(List.of(small, DRAM_TRIAD), limits.triads());
        assertEquals(all, limits.allThreads().orElseThrow());
        assertTrue(Roofline.limits(List.of(DOT, PEAK)).isEmpty(), "no triad, no roofline");
        assertTrue(Roofline.limits(List.of(DOT, DRAM_TRIAD)).isEmpty(), "no peak, no roofline");
    }

    @Test
    void pointsRefuseAPeakWithoutFlopsAndATriadWithoutBytes() {
        Measurement noFlops = measurement("ActivationBenchmark", "reluVector", Map.of("size", "4096"), 1000, Double.NaN,
                new Work(4096, 0, 32768));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Roofline.points(List.of(DOT), noFlops, DRAM_TRIAD));
        assertTrue(e.getMessage().startsWith("peak"), e.getMessage());
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> Roofline.points(List.of(DOT), PEAK, PEAK));
        assertTrue(t.getMessage().startsWith("triads"), t.getMessage());
    }

    @Test
    void chartIsAnSvgDocumentWithTheKernelLabelsAndTheRoofs() throws Exception {
        Measurement axpy = measurement("BlasBenchmark", "axpyVector", Map.of("size", "65536"), 1e5, Double.NaN,
                new Work(65536, 131072, 786432));
        List<Roofline.Point> points = Roofline.points(List.of(DOT, axpy), PEAK, List.of(triad(2048, 400), DRAM_TRIAD));
        String svg = Roofline.chart("Roofline (default)", points, 100,
                List.of(Roofline.Bandwidth.of(triad(2048, 400)), Roofline.Bandwidth.of(DRAM_TRIAD)));
        List<String> texts = texts(svg);
        assertTrue(texts.contains("dot Vector size=4096"), texts.toString());
        assertTrue(texts.contains("axpy Vector size=65536"), texts.toString());
        assertTrue(texts.stream().anyMatch(s -> s.startsWith("roof: triad 24 KiB")), texts.toString());
        assertTrue(texts.stream().anyMatch(s -> s.startsWith("roof: triad 12 MiB")), texts.toString());
        assertTrue(texts.contains("Roofline (default)"), texts.toString());
    }

    @Test
    void chartWithOneBandwidthIsAnSvgDocumentToo() throws Exception {
        String svg = Roofline.chart("one roof", Roofline.points(List.of(DOT), PEAK, DRAM_TRIAD), 100, 40);
        assertTrue(texts(svg).contains("dot Vector size=4096"));
    }

    @Test
    void sectionStatesTheLimitsWithErrorsAndOneRowPerKernel() {
        Roofline.Limits limits = new Roofline.Limits(PEAK, List.of(DRAM_TRIAD), java.util.Optional.empty());
        String md = Roofline.markdownSection("Roofline (level default)", limits,
                Roofline.points(List.of(DOT), PEAK, DRAM_TRIAD), "r-default-roofline.svg");
        assertTrue(md.startsWith("## Roofline (level default)\n"), md);
        assertTrue(md.contains("100.00 ± 1.00 GFLOPS"), md);
        assertTrue(md.contains("working set 12 MiB: 40.00 GB/s"), md);
        assertTrue(md.contains("| BlasBenchmark | dot | Vector | size=4096 | 0.250 | 5.00 | 10.00 | triad 12 MiB | 50.0% |\n"), md);
        assertTrue(md.contains("![roofline](r-default-roofline.svg)"), md);
    }

    @Test
    void sectionWritesTheChartBesideTheReportOrNothingWithoutLimits(@TempDir Path folder) throws Exception {
        String md = Roofline.section(folder, "r", FeatureLevel.DEFAULT, List.of(PEAK, DRAM_TRIAD, DOT));
        assertTrue(md.contains("](r-default-roofline.svg)"), md);
        assertTrue(texts(Files.readString(folder.resolve("r-default-roofline.svg"))).contains("dot Vector size=4096"));
        assertEquals("", Roofline.section(folder, "s", FeatureLevel.DEFAULT, List.of(DOT)));
        assertTrue(Files.notExists(folder.resolve("s-default-roofline.svg")));
    }

    @Test
    void workingSetsReadInBinaryUnits() {
        assertEquals("24 KiB", Roofline.bytes(24_576));
        assertEquals("384 MiB", Roofline.bytes(402_653_184));
        assertEquals("1.5 KiB", Roofline.bytes(1536));
        assertEquals("512 B", Roofline.bytes(512));
    }

    private static Measurement dot(int size) {
        return measurement("BlasBenchmark", "dotVector", Map.of("size", String.valueOf(size)), 1000, Double.NaN,
                new Work(size, 2.0 * size, 8.0 * size));
    }

    /** A one-thread triad of {@code size} floats per array timed so that it moves 12 bytes per element at {@code gbs}. */
    private static Measurement triad(int size, double gbs) {
        return measurement(LIMITS, "triad", Map.of("triadSize", String.valueOf(size)), 12.0 * size / gbs, Double.NaN,
                new Work(size, 2.0 * size, 12.0 * size));
    }

    private static Measurement measurement(String benchmark, String method, Map<String, String> params, double ns, double error, Work work) {
        return new Measurement(benchmark, method, params, FeatureLevel.DEFAULT, ns, error, work);
    }

    private static double round(double v) {
        return Math.round(v * 1e9) / 1e9;
    }

    /** Every text element's content, after parsing the SVG as XML without fetching any DTD. */
    private static List<String> texts(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        NodeList nodes = doc.getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
