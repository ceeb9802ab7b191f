package dev.lanewise.harness.bench;

import dev.lanewise.kernels.Kernels;

import dev.lanewise.harness.CpuInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a Markdown report with SVG charts beside it; every file is written atomically. */
public final class ReportWriter {
    private final Path folder;

    public ReportWriter(Path folder) {
        this.folder = folder;
    }

    /** The machine, JDK and kernel choice: the header every report starts with. */
    public static String environment(String command, BenchmarkRunner.Plan plan) {
        return "- CPU: " + CpuInfo.modelName() + ", " + Runtime.getRuntime().availableProcessors() + " cores, SIMD flags: "
                + String.join(" ", CpuInfo.simdFlags()) + "\n"
                + "- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "\n"
                + "- Kernel choice in this JVM: " + Kernels.choice().describe() + "\n"
                + "- Preferred float species: " + Kernels.preferredVectorBits().orElse(0) + " bits\n"
                + "- Loop alignment in this JVM (forks get --enable-native-access): " + Kernels.loopAlignment() + "\n"
                + "- JMH plan: " + plan.forks() + " fork(s), " + plan.warmupIterations() + " x " + plan.warmupSeconds()
                + " s warmup, " + plan.iterations() + " x " + plan.iterationSeconds() + " s measurement; fork flags "
                + String.join(" ", BenchmarkRunner.COMMON_JVM_ARGS) + " plus each level's\n"
                + dev.lanewise.harness.bench.peers.NativePeers.environment()
                + "- Date: " + LocalDate.now() + "\n"
                + "- Command: `" + command + "`\n";
    }

    /** Writes {@code name}.md with a table and a chart per benchmark class, and a level comparison. */
    public Path write(String name, String title, String environment, Map<FeatureLevel, List<Measurement>> byLevel)
            throws IOException {
        return write(name, title, environment, "", byLevel, List.of());
    }

    /**
     * As {@link #write(String, String, String, Map)}, with {@code preface} (Markdown) right after the header and
     * {@code appendix} sections at the end.
     */
    public Path write(String name, String title, String environment, String preface,
            Map<FeatureLevel, List<Measurement>> byLevel, List<String> appendix) throws IOException {
        StringBuilder md = new StringBuilder("# " + title + "\n\n" + environment + "\n" + preface);
        md.append("Times are JMH averages with their 99.9% confidence half-width; speedups are lanewise's "
                + "(the `Vector` method, through the public facade) over each other implementation measured at the "
                + "same level, with errors propagated from both.\n\n");
        for (Map.Entry<FeatureLevel, List<Measurement>> level : byLevel.entrySet()) {
            md.append("## Level ").append(level.getKey().label()).append(" (fork flags: ")
                    .append(level.getKey().jvmArgs().isEmpty() ? "none" : String.join(" ", level.getKey().jvmArgs()))
                    .append(")\n\n");
            Map<String, List<Measurement>> byBenchmark = groupByBenchmark(level.getValue());
            for (Map.Entry<String, List<Measurement>> bench : byBenchmark.entrySet()) {
                String chartName = name + "-" + level.getKey().label() + "-" + bench.getKey() + ".svg";
                writeAtomically(folder.resolve(chartName), Charts.barChart(bench.getKey() + " (" + level.getKey().label() + ")",
                        bench.getValue(), m -> Implementation.of(m.method())));
                md.append("### ").append(bench.getKey()).append("\n\n");
                md.append("![").append(bench.getKey()).append("](").append(chartName).append(")\n\n");
                md.append(Tables.implementationTable(Tables.rows(bench.getValue()))).append("\n");
            }
            md.append(Roofline.section(folder, name, level.getKey(), level.getValue()));
        }
        if (byLevel.size() > 1) {
            md.append(levelComparison(name, byLevel));
        }
        appendix.forEach(section -> md.append('\n').append(section));
        Path report = folder.resolve(name + ".md");
        writeAtomically(report, md.toString());
        return report;
    }

    /** lanewise's vector methods at each level side by side: what each SIMD width buys. */
    private String levelComparison(String name, Map<FeatureLevel, List<Measurement>> byLevel) throws IOException {
        StringBuilder md = new StringBuilder("## What each SIMD width buys\n\n");
        md.append("Rate (GFLOPS where flops are stated, else Gelem/s) of each kernel's lanewise path per level; "
                + "at level scalar that path is the scalar reference.\n\n");
        List<Measurement> all = byLevel.values().stream().flatMap(List::stream)
                .filter(m -> Implementation.of(m.method()).equals("Vector")).toList();
        Map<String, Map<FeatureLevel, Measurement>> table = new LinkedHashMap<>();
        for (Measurement m : all) {
            table.computeIfAbsent(m.benchmark() + " | " + Implementation.kernel(m.method()) + " | " + m.paramLabel(),
                    k -> new LinkedHashMap<>()).put(m.level(), m);
        }
        md.append("| benchmark | kernel | params |");
        byLevel.keySet().forEach(l -> md.append(" ").append(l.label()).append(" |"));
        md.append("\n|---|---|---|");
        byLevel.keySet().forEach(l -> md.append("---:|"));
        md.append("\n");
        for (Map.Entry<String, Map<FeatureLevel, Measurement>> row : table.entrySet()) {
            md.append("| ").append(row.getKey()).append(" |");
            for (FeatureLevel level : byLevel.keySet()) {
                Measurement m = row.getValue().get(level);
                md.append(" ").append(m == null ? "" : Tables.rate(Charts.primaryRate(m))).append(" |");
            }
            md.append("\n");
        }
        String chartName = name + "-levels.svg";
        writeAtomically(folder.resolve(chartName), Charts.barChart("lanewise path by SIMD level", all, m -> m.level().label()));
        md.append("\n![levels](").append(chartName).append(")\n");
        return md.toString();
    }

    private static Map<String, List<Measurement>> groupByBenchmark(List<Measurement> measurements) {
        return measurements.stream().collect(Collectors.groupingBy(Measurement::benchmark, LinkedHashMap::new, Collectors.toList()));
    }

    /** Writes to a temporary file beside the target, then moves it into place, so a reader never sees half a file. */
    public static void writeAtomically(Path target, String content) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, target.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
