package dev.lanewise.harness;

import dev.lanewise.harness.bench.BenchmarkRunner;
import dev.lanewise.harness.bench.ColdStartSection;
import dev.lanewise.harness.bench.FeatureLevel;
import dev.lanewise.harness.bench.ForkRecords;
import dev.lanewise.harness.bench.JmhJsonFiles;
import dev.lanewise.harness.bench.Measurement;
import dev.lanewise.harness.bench.PeerGlance;
import dev.lanewise.harness.bench.ReportComparison;
import dev.lanewise.harness.bench.ReportWriter;
import dev.lanewise.harness.bench.SavedReport;
import dev.lanewise.harness.cli.UserError;
import dev.lanewise.kernels.Kernels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The comparison report a reviewer can trust, in one run on one machine: the machine's limits (FMA peak,
 * STREAM triad), every BLAS-1, activation, loss and optimizer kernel beside the C reference, OpenBLAS and C2's
 * plain loop, GEMV and GEMM beside OpenBLAS on one thread and on all cores, a roofline, the kernels at every
 * SIMD level the CPU can show (each in its own forks), cold start, and what each fork ran with.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Run the full comparison report (limits, kernels against C and OpenBLAS, GEMM, SIMD levels, cold start) "
                + "and write it under results/<machine>/, with progress on the console and JMH's text in a log beside it.")
public final class ReportCommand implements Callable<Integer> {
    /** The kernels beside their peers; each method in its own fork. */
    static final String KERNELS = "^dev\\.lanewise\\.harness\\.bench\\.("
            + "BlasBenchmark\\.(dot|axpy)(Vector|Scalar|PlainJava|C|OpenBlas|OpenBlasAllCores)"
            + "|ActivationBenchmark\\.(sigmoid|tanh)(Vector|Scalar|PlainJava|C)"
            + "|LossBenchmark\\.softmaxCrossEntropy(Vector|Scalar|PlainJava|C)"
            + "|OptimizerBenchmark\\.(adam|sgd)(Vector|Scalar|PlainJava|C)"
            + "|MachineLimitsBenchmark\\.\\w+)$";
    static final String GEMV = "^dev\\.lanewise\\.harness\\.bench\\.GemvBenchmark\\.sgemv(Lanewise|Scalar|OpenBlas)$";
    static final String GEMM = "^dev\\.lanewise\\.harness\\.bench\\.GemmBenchmark\\.sgemm(Lanewise|OpenBlas)$";
    /** What the SIMD levels are compared on: one kernel of each family, lanewise's path only. */
    static final String LEVEL_KERNELS = "^dev\\.lanewise\\.harness\\.bench\\.(BlasBenchmark\\.dotVector"
            + "|BlasBenchmark\\.axpyVector|ActivationBenchmark\\.sigmoidVector|LossBenchmark\\.softmaxCrossEntropyVector"
            + "|OptimizerBenchmark\\.adamVector)$";

    @Option(names = "--plan", description = "quick, standard or full for the kernels (the SIMD levels run quick unless full); default: ${DEFAULT-VALUE}",
            defaultValue = "standard")
    String planName;

    @Option(names = "--sizes", split = ",", description = "element counts of the BLAS-1, activation and optimizer kernels (default: ${DEFAULT-VALUE})",
            defaultValue = "4096,1048576")
    List<String> sizes;

    @Option(names = "--gemm-shapes", split = ",", description = "GEMM shapes, as GemmBenchmark's shape parameter (default: ${DEFAULT-VALUE})",
            defaultValue = "512,1024,256x784x256,256x256x10,256x10x256:NT")
    List<String> gemmShapes;

    @Option(names = "--gemv-shapes", split = ",", description = "GEMV shapes m x n (default: ${DEFAULT-VALUE})",
            defaultValue = "256x784,1024x1024")
    List<String> gemvShapes;

    @Option(names = "--skip-levels", description = "leave out the SIMD-level comparison")
    boolean skipLevels;

    @Option(names = "--skip-cold-start", description = "leave out the cold-start section")
    boolean skipColdStart;

    @Option(names = "--cold-forks", description = "fresh JVMs per cold-start kernel (default: ${DEFAULT-VALUE})", defaultValue = "3")
    int coldForks;

    @Option(names = "--cold-calls", description = "calls timed one by one in each cold fork (default: ${DEFAULT-VALUE})", defaultValue = "2000")
    int coldCalls;

    @Option(names = "--compare-with", description = "an earlier report (.md, or a folder with --compare-name) to compare this one with")
    Path compareWith;

    @Option(names = "--compare-name", description = "the earlier report's name when --compare-with is a folder (default: ${DEFAULT-VALUE})",
            defaultValue = "report")
    String compareName;

    @Option(names = "--machine", description = "folder name under results/ (default: from the CPU model and core count)")
    String machine;

    @Option(names = "--out", description = "results root (default: ${DEFAULT-VALUE})", defaultValue = "results")
    Path out;

    @Option(names = "--name", description = "report file name, without .md (default: ${DEFAULT-VALUE})", defaultValue = "report")
    String name;

    @Override
    public Integer call() throws Exception {
        BenchmarkRunner.Plan plan = BenchCommand.plan(planName);
        BenchmarkRunner.Plan levelPlan = planName.equals("full") ? plan : BenchmarkRunner.Plan.quick();
        if (coldForks < 1 || coldCalls < 10) {
            throw new UserError("--cold-forks must be >= 1 and --cold-calls >= 10, were " + coldForks + " and " + coldCalls);
        }
        SavedReport earlier = compareWith == null ? null : SavedReport.open(compareWith, compareName); // fail before hours of work
        Path folder = out.resolve(machine != null ? machine : BenchCommand.defaultMachineName());
        Files.createDirectories(folder);
        Path log = folder.resolve(name + "-jmh.log");
        Files.deleteIfExists(log);
        Path forkRecords = Files.createTempDirectory("lanewise-forks");
        Path staging = Files.createTempDirectory("lanewise-report");
        String cores = Integer.toString(Runtime.getRuntime().availableProcessors());
        System.out.println("lanewise report: " + CpuInfo.modelName() + ", " + cores + " cores; "
                + Kernels.choice().describe() + "\nJMH's own output goes to " + log);

        Map<FeatureLevel, List<Measurement>> byLevel = new LinkedHashMap<>();
        Map<FeatureLevel, List<Path>> jsonByLevel = new LinkedHashMap<>();
        List<Measurement> main = new ArrayList<>();
        main.addAll(phase("kernels", KERNELS, Map.of("size", array(sizes)), plan, FeatureLevel.DEFAULT, log, forkRecords, staging, jsonByLevel));
        main.addAll(phase("gemv", GEMV, Map.of("shape", array(gemvShapes)), plan, FeatureLevel.DEFAULT, log, forkRecords, staging, jsonByLevel));
        main.addAll(phase("gemm", GEMM, Map.of("shape", array(gemmShapes), "threads", threads(cores)), plan,
                FeatureLevel.DEFAULT, log, forkRecords, staging, jsonByLevel));
        byLevel.put(FeatureLevel.DEFAULT, main);
        if (!skipLevels) {
            for (FeatureLevel level : BenchCommand.levelsThisCpuShows("SIMD levels: skipping ")) {
                byLevel.put(level, phase("levels", LEVEL_KERNELS, Map.of("size", array(sizes)), levelPlan, level, log,
                        forkRecords, staging, jsonByLevel));
            }
        }
        for (Map.Entry<FeatureLevel, List<Path>> files : jsonByLevel.entrySet()) {
            JmhJsonFiles.concatenate(files.getValue(), folder.resolve(name + "-" + files.getKey().label() + ".json"));
        }

        List<String> appendix = new ArrayList<>();
        if (!skipColdStart) {
            System.out.println("cold start: " + coldForks + " fresh JVMs per kernel and path, " + coldCalls + " calls each");
            appendix.add(ColdStartSection.runAndRender(folder.resolve(name + "-coldstart.json"), coldForks, coldCalls));
        }
        appendix.add(ForkRecords.section(ForkRecords.load(forkRecords)));
        String command = "./lanewise run report --plan " + planName + " --sizes " + String.join(",", sizes)
                + " --gemm-shapes " + String.join(",", gemmShapes) + " --gemv-shapes " + String.join(",", gemvShapes)
                + (skipLevels ? " --skip-levels" : "") + (skipColdStart ? "" : " --cold-forks " + coldForks + " --cold-calls " + coldCalls);
        Path report = new ReportWriter(folder).write(name, "lanewise comparison report", ReportWriter.environment(command, plan),
                PeerGlance.section(main), byLevel, appendix);
        if (earlier != null) {
            SavedReport now = SavedReport.open(report, name);
            String comparison = ReportComparison.of(earlier.results(), now.results(), ReportComparison.DEFAULT_MIN_CHANGE)
                    .markdown(earlier, now);
            ReportWriter.writeAtomically(report, Files.readString(report) + "\n" + comparison);
        }
        System.out.println("wrote " + report);
        return 0;
    }

    private List<Measurement> phase(String phase, String include, Map<String, String[]> params, BenchmarkRunner.Plan plan,
            FeatureLevel level, Path log, Path forkRecords, Path staging, Map<FeatureLevel, List<Path>> jsonByLevel)
            throws Exception {
        Path json = staging.resolve(phase + "-" + level.label() + ".json");
        List<Measurement> measured = new BenchmarkRunner(plan, new LinkedHashMap<>(params)).recordForksIn(forkRecords)
                .showProgress(phase, System.out, log).run(include, level, json);
        if (Files.exists(json)) {
            jsonByLevel.computeIfAbsent(level, l -> new ArrayList<>()).add(json);
        }
        return measured;
    }

    private static String[] threads(String cores) {
        return cores.equals("1") ? new String[] {"1"} : new String[] {"1", cores};
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }
}
