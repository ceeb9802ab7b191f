package dev.lanewise.harness.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The roofline of one run: each kernel at its arithmetic intensity (its stated flops over its stated bytes)
 * under the roof {@code min(FMA peak, bandwidth x intensity)} that {@link MachineLimitsBenchmark} measured in
 * the same run, and the fraction of that roof the kernel reached.
 *
 * <p>The bandwidth is that of the triad whose working set is nearest the kernel's bytes on a log scale: with
 * triads inside L1, L2, L3 and beyond, a kernel whose data sit in L1 is held to the L1 triad and not to DRAM.
 * (The cache sizes the OS reports are no better guide: a VM on a many-chiplet EPYC reports a 508 MiB L3, of which
 * one core reaches 32 MiB.)
 */
public final class Roofline {
    static final String LIMITS_BENCHMARK = "MachineLimitsBenchmark";
    /** The implementations that are lanewise's own, as {@link Tables} names them. */
    private static final Set<String> LANEWISE = Set.of("Vector", "Lanewise");

    /** Dark enough to read on white, fastest level first. */
    private static final Color[] ROOF_COLORS = {
        new Color(0xC0392B), new Color(0x2E86C1), new Color(0x28B463), new Color(0x7D3C98), new Color(0xB9770E)};

    private Roofline() {}

    /** One bandwidth roof: a triad's rate at its working set. */
    public record Bandwidth(String label, double workingSetBytes, double gbPerSecond, double gbError) {
        /** The roof a single-thread {@code triad} measurement gives, labelled by its working set. */
        public static Bandwidth of(Measurement triad) {
            return new Bandwidth("triad " + bytes(triad.work().bytes()), triad.work().bytes(), triad.gbPerSecond(),
                    triad.gbPerSecond() * triad.relativeError());
        }
    }

    /**
     * One kernel under its roof.
     *
     * @param kernel         the measurement
     * @param intensity      flops per byte, as the benchmark states both
     * @param achievedGflops the kernel's GFLOPS
     * @param roofGflops     {@code min(peak, bandwidth x intensity)}
     * @param boundBy        the roof's limit: {@code FMA peak} or the triad whose bandwidth it is
     */
    public record Point(Measurement kernel, double intensity, double achievedGflops, double roofGflops, String boundBy) {
        /** Achieved over roof; above 1 where the kernel beats the triad of its working set. */
        public double fraction() {
            return achievedGflops / roofGflops;
        }

        /** The chart's label, e.g. {@code dot Vector size=4096}. */
        public String label() {
            return Implementation.kernel(kernel.method()) + " " + Implementation.of(kernel.method()) + " "
                    + kernel.paramLabel();
        }
    }

    /**
     * What {@link MachineLimitsBenchmark} measured at one level.
     *
     * @param peak       the fastest {@code fmaPeak} width (slower ones ran emulated or narrower)
     * @param triads     the one-thread {@code triad} measurements, smallest working set first
     * @param allThreads the {@code triadAllThreads} measurement at the largest size, if it ran
     */
    public record Limits(Measurement peak, List<Measurement> triads, Optional<Measurement> allThreads) {
        public Limits {
            Objects.requireNonNull(peak, "peak");
            triads = List.copyOf(triads);
            if (triads.isEmpty()) {
                throw new IllegalArgumentException("triads must not be empty");
            }
            Objects.requireNonNull(allThreads, "allThreads");
        }

        public List<Bandwidth> bandwidths() {
            return triads.stream().map(Bandwidth::of).toList();
        }
    }

    /** The limits in {@code measurements} (one level's), or empty where fmaPeak or triad did not run. */
    public static Optional<Limits> limits(List<Measurement> measurements) {
        Optional<Measurement> peak = limitsMethod(measurements, "fmaPeak").max(Comparator.comparingDouble(Measurement::gflops));
        List<Measurement> triads = limitsMethod(measurements, "triad")
                .sorted(Comparator.comparingDouble(m -> m.work().bytes())).toList();
        Optional<Measurement> allThreads = limitsMethod(measurements, "triadAllThreads")
                .max(Comparator.comparingDouble(m -> m.work().bytes()));
        if (peak.isEmpty() || triads.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Limits(peak.get(), triads, allThreads));
    }

    private static java.util.stream.Stream<Measurement> limitsMethod(List<Measurement> measurements, String method) {
        return measurements.stream().filter(m -> m.benchmark().equals(LIMITS_BENCHMARK) && m.method().equals(method));
    }

    /**
     * The measurements the roofline shows: lanewise's own implementations, run on one thread (a kernel on more
     * threads would need the all-core roof, which is not measured), stating both flops and bytes.
     */
    public static List<Measurement> plotted(List<Measurement> measurements) {
        return measurements.stream()
                .filter(m -> !m.benchmark().equals(LIMITS_BENCHMARK))
                .filter(m -> LANEWISE.contains(Implementation.of(m.method())))
                .filter(m -> m.params().getOrDefault("threads", "1").equals("1"))
                .filter(m -> m.work().flops() > 0 && m.work().bytes() > 0)
                .toList();
    }

    /** {@link #points(List, Measurement, List)} with one bandwidth roof. */
    public static List<Point> points(List<Measurement> kernels, Measurement peak, Measurement triad) {
        return points(kernels, peak, List.of(Objects.requireNonNull(triad, "triad")));
    }

    /**
     * Each kernel with flops and bytes stated, under {@code min(peak, bandwidth x intensity)}, where the bandwidth
     * is that of the triad whose working set is nearest the kernel's bytes on a log scale (the faster on a tie).
     *
     * @param kernels measurements to place; those without flops or bytes are left out
     * @param peak    a measurement stating flops (the FMA peak)
     * @param triads  measurements stating bytes (triads at one or more working sets)
     */
    public static List<Point> points(List<Measurement> kernels, Measurement peak, List<Measurement> triads) {
        Objects.requireNonNull(kernels, "kernels");
        Objects.requireNonNull(peak, "peak");
        Objects.requireNonNull(triads, "triads");
        if (!(peak.gflops() > 0)) {
            throw new IllegalArgumentException("peak must state flops and a positive rate, was " + peak.gflops() + " GFLOPS");
        }
        if (triads.isEmpty()) {
            throw new IllegalArgumentException("triads must not be empty");
        }
        for (Measurement triad : triads) {
            if (!(triad.gbPerSecond() > 0)) {
                throw new IllegalArgumentException("triads must state bytes and a positive rate, was "
                        + triad.gbPerSecond() + " GB/s for " + triad.method() + " " + triad.paramLabel());
            }
        }
        List<Measurement> bySize = triads.stream().sorted(Comparator.comparingDouble(m -> m.work().bytes())).toList();
        double peakGflops = peak.gflops();
        List<Point> points = new ArrayList<>();
        for (Measurement kernel : kernels) {
            if (!(kernel.work().flops() > 0 && kernel.work().bytes() > 0)) {
                continue;
            }
            Measurement triad = nearest(bySize, kernel.work().bytes());
            double intensity = kernel.work().flops() / kernel.work().bytes();
            double memoryRoof = triad.gbPerSecond() * intensity;
            boolean computeBound = peakGflops <= memoryRoof;
            points.add(new Point(kernel, intensity, kernel.gflops(), computeBound ? peakGflops : memoryRoof,
                    computeBound ? "FMA peak" : Bandwidth.of(triad).label()));
        }
        return points;
    }

    /** The triad (sorted by working set) nearest {@code bytes} on a log scale; the smaller on a tie. */
    private static Measurement nearest(List<Measurement> bySize, double bytes) {
        Measurement best = bySize.getFirst();
        for (Measurement triad : bySize) {
            if (factorApart(triad.work().bytes(), bytes) < factorApart(best.work().bytes(), bytes)) {
                best = triad;
            }
        }
        return best;
    }

    /** How many times larger the larger of two sizes is: their distance on a log scale, without rounding a log. */
    private static double factorApart(double a, double b) {
        return Math.max(a / b, b / a);
    }

    /** {@link #chart(String, List, double, List)} with one bandwidth roof. */
    public static String chart(String title, List<Point> points, double peakGflops, double bandwidthGbs) {
        return chart(title, points, peakGflops, List.of(new Bandwidth("bandwidth", Double.NaN, bandwidthGbs, Double.NaN)));
    }

    /**
     * The roofline chart as an SVG document: log-log, one roof line per bandwidth (bent at its ridge point
     * {@code peak / bandwidth}), each point a labelled marker.
     */
    public static String chart(String title, List<Point> points, double peakGflops, List<Bandwidth> bandwidths) {
        if (!(peakGflops > 0)) {
            throw new IllegalArgumentException("peakGflops must be > 0, was " + peakGflops);
        }
        if (bandwidths.isEmpty()) {
            throw new IllegalArgumentException("bandwidths must not be empty");
        }
        for (Bandwidth b : bandwidths) {
            if (!(b.gbPerSecond() > 0)) {
                throw new IllegalArgumentException("bandwidths must be > 0 GB/s, was " + b.gbPerSecond() + " for " + b.label());
            }
        }
        List<Point> drawable = points.stream().filter(p -> p.achievedGflops() > 0 && p.intensity() > 0).toList();
        // The x range holds every point and every ridge, with room either side.
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (Point p : drawable) {
            xMin = Math.min(xMin, p.intensity());
            xMax = Math.max(xMax, p.intensity());
        }
        for (Bandwidth b : bandwidths) {
            xMin = Math.min(xMin, peakGflops / b.gbPerSecond());
            xMax = Math.max(xMax, peakGflops / b.gbPerSecond());
        }
        xMin = Double.isFinite(xMin) ? xMin / 4 : 0.01;
        xMax = Double.isFinite(xMax) ? xMax * 4 : 100;

        XYSeriesCollection roofs = new XYSeriesCollection();
        double yMin = Double.POSITIVE_INFINITY;
        for (Bandwidth b : bandwidths) {
            XYSeries roof = new XYSeries("roof: " + b.label() + " " + gbs(b.gbPerSecond()) + " GB/s", false, true);
            double ridge = peakGflops / b.gbPerSecond();
            roof.add(xMin, Math.min(peakGflops, b.gbPerSecond() * xMin));
            if (ridge > xMin && ridge < xMax) {
                roof.add(ridge, peakGflops);
            }
            roof.add(xMax, Math.min(peakGflops, b.gbPerSecond() * xMax));
            roofs.addSeries(roof);
            yMin = Math.min(yMin, b.gbPerSecond() * xMin);
        }
        XYSeries kernels = new XYSeries("kernels (GFLOPS achieved)", false, true);
        for (Point p : drawable) {
            kernels.add(p.intensity(), p.achievedGflops());
            yMin = Math.min(yMin, p.achievedGflops());
        }
        yMin = Double.isFinite(yMin) ? yMin / 2 : peakGflops / 1000;

        LogAxis x = logAxis("arithmetic intensity (flops/byte)", xMin, xMax);
        LogAxis y = logAxis("GFLOPS", yMin, peakGflops * 2);
        XYLineAndShapeRenderer roofRenderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < bandwidths.size(); i++) {
            roofRenderer.setSeriesPaint(i, ROOF_COLORS[i % ROOF_COLORS.length]);
            roofRenderer.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        XYPlot plot = new XYPlot(roofs, x, y, roofRenderer);
        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
        pointRenderer.setSeriesPaint(0, Color.BLACK);
        XYItemLabelGenerator labels = (XYDataset data, int series, int item) -> drawable.get(item).label();
        pointRenderer.setDefaultItemLabelGenerator(labels);
        pointRenderer.setDefaultItemLabelsVisible(true);
        pointRenderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        plot.setDataset(1, new XYSeriesCollection(kernels));
        plot.setRenderer(1, pointRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle("FMA peak " + gbs(peakGflops) + " GFLOPS"));
        chart.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D svg = new SVGGraphics2D(900, 600);
        chart.draw(svg, new Rectangle(0, 0, 900, 600));
        return svg.getSVGDocument();
    }

    /** One tick per decade, labelled 0.1, 1, 10, ... */
    private static LogAxis logAxis(String label, double lower, double upper) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setTickUnit(new NumberTickUnit(1), false, true);
        axis.setNumberFormatOverride(new DecimalFormat("0.###"));
        axis.setRange(lower, upper);
        return axis;
    }

    /**
     * The "Roofline" section: the measured limits with their errors, one table row per point, and the chart.
     *
     * @param heading   the section's heading text, e.g. {@code Roofline (level default)}
     * @param limits    what MachineLimitsBenchmark measured
     * @param points    the kernels under their roofs
     * @param chartFile the chart's file name, relative to the report
     */
    public static String markdownSection(String heading, Limits limits, List<Point> points, String chartFile) {
        StringBuilder md = new StringBuilder("## " + heading + "\n\n");
        Measurement peak = limits.peak();
        md.append("Measured in this run by `").append(LIMITS_BENCHMARK).append("`, ± JMH's 99.9% interval:\n\n");
        md.append("- FMA peak of one core (`fmaPeak`, ").append(peak.paramLabel()).append(", ")
                .append(MachineLimitsBenchmark.ACCUMULATORS).append(" independent accumulators): ")
                .append(withError(peak.gflops(), peak.relativeError())).append(" GFLOPS\n");
        for (Measurement triad : limits.triads()) {
            md.append("- STREAM triad, one thread, working set ").append(bytes(triad.work().bytes())).append(": ")
                    .append(withError(triad.gbPerSecond(), triad.relativeError())).append(" GB/s\n");
        }
        limits.allThreads().ifPresent(t -> md.append("- STREAM triad, all ")
                .append(Runtime.getRuntime().availableProcessors()).append(" processors, working set ")
                .append(bytes(t.work().bytes())).append(": ").append(withError(t.gbPerSecond(), t.relativeError()))
                .append(" GB/s (not a roof below: every kernel shown ran on one thread)\n"));
        md.append("\nEach lanewise kernel run on one thread, at its arithmetic intensity (the flops and bytes its "
                + "benchmark states), under the roof min(FMA peak, bandwidth x intensity). The bandwidth is that of "
                + "the triad whose working set is nearest the kernel's bytes (on a log scale), so a kernel in L1 is "
                + "held to the L1 triad, one in DRAM to the DRAM triad; a kernel whose data sit in a faster level "
                + "than that triad's, or whose access pattern the prefetchers serve better, can pass its roof "
                + "(fraction above 100%). Bytes are counted as the benchmarks state them and as STREAM counts the "
                + "triad's: each array once, without the write-allocate read of a written line.\n\n");
        md.append("| benchmark | kernel | implementation | params | AI (flops/byte) | GFLOPS | roof (GFLOPS) | bound by | fraction of roof |\n");
        md.append("|---|---|---|---|---:|---:|---:|---|---:|\n");
        for (Point p : points) {
            Measurement m = p.kernel();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f | %.2f | %s | %.1f%% |\n",
                    m.benchmark(), Implementation.kernel(m.method()), Implementation.of(m.method()), m.paramLabel(),
                    intensity(p.intensity()), p.achievedGflops(), p.roofGflops(), p.boundBy(), 100 * p.fraction()));
        }
        md.append("\n![roofline](").append(chartFile).append(")\n\n");
        return md.toString();
    }

    /**
     * Writes the chart of one level's run into {@code folder} and returns its Markdown section, or an empty string
     * where the run did not include MachineLimitsBenchmark's fmaPeak and triad.
     */
    public static String section(Path folder, String name, FeatureLevel level, List<Measurement> measurements)
            throws IOException {
        Optional<Limits> limits = limits(measurements);
        if (limits.isEmpty()) {
            return "";
        }
        List<Point> points = points(plotted(measurements), limits.get().peak(), limits.get().triads());
        String chartFile = name + "-" + level.label() + "-roofline.svg";
        ReportWriter.writeAtomically(folder.resolve(chartFile), chart("Roofline (" + level.label() + ", one core)",
                points, limits.get().peak().gflops(), limits.get().bandwidths()));
        return markdownSection("Roofline (level " + level.label() + ")", limits.get(), points, chartFile);
    }

    /** Flops per byte with enough digits for the small intensities of streaming kernels. */
    static String intensity(double flopsPerByte) {
        return flopsPerByte >= 10 ? String.format(Locale.ROOT, "%.1f", flopsPerByte)
                : String.format(Locale.ROOT, "%.3f", flopsPerByte);
    }

    static String withError(double value, double relativeError) {
        return Double.isNaN(relativeError) ? String.format(Locale.ROOT, "%.2f", value)
                : String.format(Locale.ROOT, "%.2f ± %.2f", value, value * relativeError);
    }

    private static String gbs(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A working set in binary units, e.g. {@code 384 KiB}. */
    static String bytes(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB"};
        int unit = 0;
        while (bytes >= 1024 && unit < units.length - 1) {
            bytes /= 1024;
            unit++;
        }
        return (bytes == Math.rint(bytes) ? String.format(Locale.ROOT, "%.0f", bytes)
                : String.format(Locale.ROOT, "%.1f", bytes)) + " " + units[unit];
    }
}
