package dev.lanewise.harness.bench;

import dev.lanewise.harness.bench.peers.NativePeers;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs JMH in this process (forks are separate JVMs) and turns its results into {@link Measurement}s. */
public final class BenchmarkRunner {
    /**
     * Flags every fork gets: the Vector API module, a fixed heap, so GC sizing never differs between forks, and
     * native access for the peers called through java.lang.foreign (without it each fork warns on stderr).
     */
    static final List<String> COMMON_JVM_ARGS = List.of("--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g",
            "--enable-native-access=ALL-UNNAMED");

    /** How long and how often to measure. */
    public record Plan(int forks, int warmupIterations, double warmupSeconds, int iterations, double iterationSeconds) {
        /** Enough for a first look (the main job). */
        public static Plan quick() {
            return new Plan(1, 3, 0.5, 3, 0.5);
        }

        /** For committed results on a shared 2-core machine: one fork, four warmups, five measurements of one second. */
        public static Plan standard() {
            return new Plan(1, 4, 1, 5, 1);
        }

        /** Two forks, five warmups and five measurements of one second. */
        public static Plan full() {
            return new Plan(2, 5, 1, 5, 1);
        }
    }

    private final Plan plan;
    private final Map<String, String[]> params;
    /** The native-peer notes printed so far, so that a run over several levels prints each once. */
    private final Set<String> printedNotes = new HashSet<>();

    /**
     * @param plan   iterations and forks
     * @param params JMH parameter overrides (for example size to a subset); empty to use the annotations
     */
    public BenchmarkRunner(Plan plan, Map<String, String[]> params) {
        this.plan = plan;
        this.params = params;
    }

    /**
     * Runs every benchmark matching {@code include} at {@code level}; writes JMH's JSON to {@code json} if given.
     * Benchmarks of a native peer missing here are left out, with a note (see {@link NativePeers}).
     */
    public List<Measurement> run(String include, FeatureLevel level, Path json) throws RunnerException {
        List<String> selected = BenchmarkCatalog.matching(Pattern.compile(include));
        NativePeers peers = NativePeers.forSelection(selected);
        peers.notes().stream().filter(printedNotes::add).forEach(System.out::println);
        if (!selected.isEmpty() && peers.remaining(selected).isEmpty()) {
            System.out.println("nothing left to run at level " + level.label() + ": every selected benchmark needs a missing native peer");
            return List.of();
        }
        List<String> jvmArgs = new ArrayList<>(COMMON_JVM_ARGS);
        jvmArgs.addAll(level.jvmArgs());
        jvmArgs.addAll(peers.forkJvmArgs());
        if (forkRecords != null) {
            jvmArgs.add("-D" + ForkRecord.FOLDER_PROPERTY + "=" + forkRecords.toAbsolutePath());
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .forks(plan.forks())
                .warmupIterations(plan.warmupIterations())
                .warmupTime(seconds(plan.warmupSeconds()))
                .measurementIterations(plan.iterations())
                .measurementTime(seconds(plan.iterationSeconds()))
                // Measurement reads every score as ns/op: average time, whatever mode a class declares for
                // direct runs (MlpTrainStepBenchmark reports ops/s there).
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.NANOSECONDS)
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(true);
        params.forEach(options::param);
        peers.excludes().forEach(options::exclude);
        if (json != null) {
            try {
                Files.createDirectories(json.toAbsolutePath().getParent());
            } catch (java.io.IOException e) {
                throw new RunnerException("cannot create " + json.getParent() + ": " + e.getMessage());
            }
            options.resultFormat(ResultFormatType.JSON).result(json.toString());
        }
        Runner runner = progress == null ? new Runner(options.build())
                : new Runner(options.build(), progress.format(level, BenchmarkCatalog.plannedRuns(include, peers.excludes(), params)));
        Collection<RunResult> results = runner.run();
        List<Measurement> measurements = new ArrayList<>();
        for (RunResult result : results) {
            measurements.add(toMeasurement(result, level));
        }
        return measurements;
    }

    private static TimeValue seconds(double s) {
        return TimeValue.milliseconds(Math.round(s * 1000));
    }

    private static Measurement toMeasurement(RunResult result, FeatureLevel level) {
        String fullName = result.getParams().getBenchmark();
        int dot = fullName.lastIndexOf('.');
        String className = fullName.substring(0, dot);
        String method = fullName.substring(dot + 1);
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : result.getParams().getParamsKeys()) {
            params.put(key, result.getParams().getParam(key));
        }
        double score = result.getPrimaryResult().getScore();
        double error = result.getPrimaryResult().getScoreError();
        return new Measurement(className.substring(className.lastIndexOf('.') + 1), method, params, level,
                score, error, workOf(className, method, params));
    }

    /** Calls the benchmark class's {@code static Work work(String, Map)}. */
    static Work workOf(String className, String method, Map<String, String> params) {
        try {
            Method work = Class.forName(className).getMethod("work", String.class, Map.class);
            return (Work) work.invoke(null, method, params);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className + " must declare public static Work work(String, Map<String,String>)", e);
        }
    }

    /** Where each fork writes its {@link ForkRecord}, or null for no records. */
    private Path forkRecords;

    /**
     * Makes every fork of later {@link #run}s write what it ran with into {@code folder} (one file per fork; read
     * them with {@link ForkRecords#load}). Records accumulate there: give a fresh folder per report.
     *
     * @return this runner
     */
    public BenchmarkRunner recordForksIn(Path folder) {
        this.forkRecords = java.util.Objects.requireNonNull(folder, "folder");
        return this;
    }

    /** Where JMH's text goes and how progress is shown, or null for JMH's own console output. */
    private ProgressSink progress;

    /** JMH's text appended to a log file, progress ({@link JmhProgress}) on the console, per phase. */
    private record ProgressSink(String phase, java.io.PrintStream console, Path log) {
        org.openjdk.jmh.runner.format.OutputFormat format(FeatureLevel level, int planned) {
            try {
                Files.createDirectories(log.toAbsolutePath().getParent());
                java.io.PrintStream file = new java.io.PrintStream(Files.newOutputStream(log,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true,
                        java.nio.charset.StandardCharsets.UTF_8);
                return new JmhProgress(org.openjdk.jmh.runner.format.OutputFormatFactory.createFormatInstance(file,
                        org.openjdk.jmh.runner.options.VerboseMode.NORMAL), console, phase + " (" + level.label() + ")", planned);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot open the JMH log " + log, e);
            }
        }
    }

    /**
     * Sends JMH's text of later {@link #run}s to {@code log} (appended) and shows progress on {@code console}
     * instead, named {@code phase}.
     *
     * @return this runner
     */
    public BenchmarkRunner showProgress(String phase, java.io.PrintStream console, Path log) {
        this.progress = new ProgressSink(java.util.Objects.requireNonNull(phase, "phase"),
                java.util.Objects.requireNonNull(console, "console"), java.util.Objects.requireNonNull(log, "log"));
        return this;
    }
}
