package dev.lanewise.harness.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ColdStartCalls} through JMH in this process, one fresh fork after another, and reads back every
 * call's time (JMH's single-shot score averages the iterations; the raw iterations are in each fork's
 * {@link BenchmarkResult}) and each fork's {@link ForkRecord} (the warm-up's time among them).
 *
 * <pre>java --add-modules=jdk.incubator.vector -cp harness/target/lanewise.jar \
 *     dev.lanewise.harness.bench.ColdStartRun json forks calls [methods-regex]</pre>
 */
public final class ColdStartRun {
    private ColdStartRun() {}

    /**
     * What a run measured.
     *
     * @param runs  each kernel and path, with every fork's call times
     * @param forks what each fork ran with
     */
    public record Result(List<ColdStartSection.Runs> runs, List<ForkRecord> forks) {}

    /**
     * Runs the methods of {@link ColdStartCalls} whose names match {@code methods}, {@code forks} fresh JVMs each,
     * {@code calls} calls timed in each, no warmup; JMH's JSON goes to {@code json} (null: none; it holds every
     * call's time, some megabytes for a full run), its console output to a temporary file, whose end the
     * exception quotes where the run failed.
     *
     * @throws IllegalArgumentException where forks or calls are below 1 or methods is no regex
     * @throws RunnerException          where JMH or a fork failed (a guard's refusal, say); the message ends with
     *                                  JMH's output
     */
    public static Result run(Path json, int forks, int calls, String methods) throws RunnerException, IOException {
        Objects.requireNonNull(methods, "methods");
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be >= 1, was " + forks);
        }
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be >= 1, was " + calls);
        }
        try {
            Pattern.compile(methods);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("methods must be a regular expression, was " + methods, e);
        }
        if (json != null) {
            Files.createDirectories(json.toAbsolutePath().getParent());
        }
        Path records = Files.createTempDirectory("lanewise-cold-start-forks");
        Path log = Files.createTempFile("lanewise-cold-start", ".log");
        try {
            List<String> jvmArgs = new ArrayList<>(BenchmarkRunner.COMMON_JVM_ARGS);
            jvmArgs.add("-D" + ForkRecord.FOLDER_PROPERTY + "=" + records.toAbsolutePath());
            OptionsBuilder options = new OptionsBuilder();
            options.include(Pattern.quote(ColdStartCalls.class.getName()) + "\\.(" + methods + ")$")
                    .mode(Mode.SingleShotTime)
                    .timeUnit(TimeUnit.MICROSECONDS)
                    .warmupIterations(0)
                    .measurementIterations(calls)
                    .measurementBatchSize(1)
                    .forks(forks)
                    .jvmArgs(jvmArgs.toArray(String[]::new))
                    .shouldFailOnError(true)
                    .output(log.toString());
            if (json != null) {
                options.resultFormat(ResultFormatType.JSON).result(json.toString());
            }
            Collection<RunResult> results;
            try {
                results = new Runner(options.build()).run();
            } catch (RunnerException e) {
                throw new RunnerException("the cold-start run failed; JMH's output ends:\n" + tail(log, 40), e);
            }
            List<ForkRecord> forkRecords = ForkRecords.load(records);
            List<ColdStartSection.Runs> runs = new ArrayList<>();
            for (RunResult result : results) {
                runs.add(runsOf(result, forkRecords));
            }
            return new Result(runs, forkRecords);
        } finally {
            Files.deleteIfExists(log);
            deleteTree(records);
        }
    }

    /** Each fork's call times, and the warm-up times its records hold. */
    static ColdStartSection.Runs runsOf(RunResult result, List<ForkRecord> records) {
        String benchmark = result.getParams().getBenchmark();
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        String variant = ColdStartSection.VARIANTS.stream().filter(method::endsWith)
                .max(Comparator.comparingInt(String::length)).orElse("");
        String kernel = method.substring(0, method.length() - variant.length());
        List<double[]> perFork = new ArrayList<>();
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            perFork.add(fork.getIterationResults().stream()
                    .mapToDouble(i -> i.getPrimaryResult().getScore()).toArray());
        }
        List<Double> warmUps = records.stream()
                .filter(r -> r.benchmark().equals(benchmark) && r.extras().containsKey("warmUpSeconds"))
                .map(r -> Double.parseDouble(r.extras().get("warmUpSeconds")) * 1000).toList();
        return new ColdStartSection.Runs(kernel, variant, perFork, warmUps);
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(JMH's output in " + log + " cannot be read: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** {@code json forks calls [methods]}: runs and prints the section. */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ColdStartRun json forks calls [methods-regex]");
            System.exit(2);
        }
        String methods = args.length > 3 ? args[3] : ".*";
        System.out.println(ColdStartSection.runAndRender(Path.of(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), methods));
    }
}
