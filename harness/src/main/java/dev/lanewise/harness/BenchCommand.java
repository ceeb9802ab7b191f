package dev.lanewise.harness;

import dev.lanewise.kernels.Kernels;

import dev.lanewise.harness.bench.AllCoresThreads;
import dev.lanewise.harness.bench.BenchmarkCatalog;
import dev.lanewise.harness.bench.BenchmarkRunner;
import dev.lanewise.harness.bench.FeatureLevel;
import dev.lanewise.harness.bench.Measurement;
import dev.lanewise.harness.bench.ReportWriter;
import dev.lanewise.harness.cli.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs JMH benchmarks at one or more CPU-feature levels and writes JSON, Markdown and SVG under results/. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run JMH benchmarks (in separate forks per feature level) and write a report under results/<machine>/.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--include", description = "JMH include regex (default: ${DEFAULT-VALUE})", defaultValue = "Benchmark")
    String include;

    @Option(names = "--levels", split = ",", description = "feature levels: default, scalar, vector128, vector256, vector512, avx2, avx1, sse, or all "
                    + "(those this CPU can show; default: ${DEFAULT-VALUE})",
            defaultValue = "default")
    List<String> levels;

    @Option(names = "--param", description = "JMH parameter override, e.g. --param size=4096,65536 (repeatable)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--plan", description = "quick (1 fork, 3 x 0.5 s warmup and measurement), standard (1 fork, 4 + 5 x 1 s) or full (2 forks, 5 + 5 x 1 s); default: ${DEFAULT-VALUE}",
            defaultValue = "standard")
    String planName;

    @Option(names = "--machine", description = "folder name under results/ (default: from the CPU model and core count)")
    String machine;

    @Option(names = "--out", description = "results root (default: ${DEFAULT-VALUE})", defaultValue = "results")
    Path out;

    @Option(names = "--name", description = "report file name, without .md (default: ${DEFAULT-VALUE})", defaultValue = "report")
    String name;

    @Override
    public Integer call() throws Exception {
        requireBenchmarks(include);
        BenchmarkRunner.Plan plan = plan(planName);
        Map<String, String[]> overrides = new LinkedHashMap<>();
        params.forEach((k, v) -> overrides.put(k, v.split(",")));
        if (!overrides.containsKey(AllCoresThreads.PARAM)) {
            int cores = Runtime.getRuntime().availableProcessors();
            AllCoresThreads.forSelection(Pattern.compile(include), cores).ifPresent(threads -> {
                overrides.put(AllCoresThreads.PARAM, threads);
                System.out.println("threads=" + String.join(",", threads) + ": the benchmarks' own thread counts and all "
                        + cores + " cores (choose with --param threads=...)");
            });
        }
        BenchmarkRunner runner = new BenchmarkRunner(plan, overrides);
        Path folder = out.resolve(machine != null ? machine : defaultMachineName());
        Map<FeatureLevel, List<Measurement>> byLevel = new LinkedHashMap<>();
        for (FeatureLevel level : resolveLevels()) {
            Path json = folder.resolve(name + "-" + level.label() + ".json");
            byLevel.put(level, runner.run(include, level, json));
        }
        String command = "./lanewise run bench " + String.join(" ", commandLine());
        Path report = new ReportWriter(folder).write(name, "lanewise benchmarks: " + name,
                ReportWriter.environment(command, plan), byLevel);
        System.out.println("wrote " + report);
        return 0;
    }

    /** The plan named {@code quick}, {@code standard} or {@code full}. */
    static BenchmarkRunner.Plan plan(String planName) {
        return switch (planName) {
            case "quick" -> BenchmarkRunner.Plan.quick();
            case "standard" -> BenchmarkRunner.Plan.standard();
            case "full" -> BenchmarkRunner.Plan.full();
            default -> throw new UserError("--plan must be quick, standard or full, was " + planName);
        };
    }

    /** Refuses, before JMH starts, a pattern that is no regex or selects no benchmark (JMH would throw). */
    static void requireBenchmarks(String include) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(include);
        } catch (PatternSyntaxException e) {
            throw new UserError("--include '" + include + "' is not a regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
        if (BenchmarkCatalog.matching(pattern).isEmpty()) {
            throw new UserError("--include '" + include + "' matches no benchmark; the benchmark classes are "
                    + String.join(", ", BenchmarkCatalog.classNames()) + " (the pattern is found in "
                    + "dev.lanewise.harness.bench.<Class>.<method>)");
        }
    }

    private List<FeatureLevel> resolveLevels() {
        int preferred = Kernels.preferredVectorBits().orElse(0);
        List<String> cpuFlags = CpuInfo.simdFlags();
        List<FeatureLevel> resolved = new ArrayList<>();
        if (levels.size() == 1 && levels.get(0).equalsIgnoreCase("all")) {
            resolved.addAll(levelsThisCpuShows("skipping "));
        } else {
            for (String label : levels) {
                FeatureLevel level = FeatureLevel.parse(label);
                if (level != FeatureLevel.DEFAULT && !level.runsNatively(preferred, cpuFlags)) {
                    System.out.println("warning: level " + level.label() + " does not run natively here: "
                            + level.skipReason(preferred, cpuFlags).orElse("?"));
                }
                resolved.add(level);
            }
        }
        for (FeatureLevel level : resolved) {
            level.caveat().ifPresent(c -> System.out.println("note on level " + level.label() + ": " + c));
        }
        return resolved;
    }

    /**
     * Every level this CPU can show natively, narrowest first, printing for each other one a line that starts
     * with {@code prefix} and says why it is left out.
     */
    static List<FeatureLevel> levelsThisCpuShows(String prefix) {
        int preferred = Kernels.preferredVectorBits().orElse(0);
        List<FeatureLevel> shown = new ArrayList<>();
        for (FeatureLevel level : FeatureLevel.candidates()) {
            level.skipReason(preferred, CpuInfo.simdFlags()).ifPresentOrElse(
                    why -> System.out.println(prefix + level.label() + ": " + why),
                    () -> shown.add(level));
        }
        return shown;
    }

    private List<String> commandLine() {
        List<String> args = new ArrayList<>();
        args.add("--include '" + include + "'");
        args.add("--levels " + String.join(",", levels));
        params.forEach((k, v) -> args.add("--param " + k + "=" + v));
        args.add("--plan " + planName);
        args.add("--name " + name);
        return args;
    }

    /** e.g. {@code intel-xeon-processor-2c}. */
    static String defaultMachineName() {
        String model = CpuInfo.modelName().toLowerCase(Locale.ROOT)
                .replaceAll("\\(r\\)|\\(tm\\)|cpu|@.*$", " ").trim().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return model + "-" + Runtime.getRuntime().availableProcessors() + "c";
    }
}
