package dev.lanewise.harness;

import dev.lanewise.harness.linear.FitTimes;
import dev.lanewise.harness.linear.LinearProblem;
import dev.lanewise.harness.linear.PreparedSplit;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.gemm.GemmSettings;
import dev.lanewise.model.estimator.Classifier;
import dev.lanewise.model.metrics.ClassificationMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times whole fits of lanewise's linear models in one JVM, for the comparison with scikit-learn's fit times
 * ({@code peers/sklearn/linear_models.py}): the first fit (cold: class loading, interpretation and JIT
 * compilation included), then, after warm-up fits, repeated warm fits of the configured epochs, and the fit
 * of the fewest epochs whose test accuracy reaches each target (scikit-learn's accuracies). Each time is of
 * {@code fit} alone, on rows already loaded, split and standardized, as the peer script times {@code fit}.
 * Prints JSON.
 */
@Command(name = "linear-fit-timing", mixinStandardHelpOptions = true,
        description = "Time fits of softmax regression (digits) and logistic regression (breast cancer): cold, warm, "
                + "and to a target test accuracy; print JSON.")
public final class LinearFitTimingCommand implements Callable<Integer> {

    @Option(names = "--problems", split = ",", description = "digits, breast_cancer or both (default: ${DEFAULT-VALUE}); "
            + "run one per JVM for an honest cold time", defaultValue = "digits,breast_cancer")
    List<String> problems;

    @Option(names = "--splits", description = "folder of <problem>.split files (scikit-learn's rows, written by "
            + "linear_models.py --splits-dir); default: lanewise's own stratified 80/20 split")
    Path splits;

    @Option(names = "--epochs", description = "epochs of the warm fits per problem, e.g. --epochs digits=60 "
            + "(default: 60 for digits, 100 for breast_cancer)")
    Map<String, Integer> epochs = new LinkedHashMap<>();

    @Option(names = "--target", description = "test accuracies to reach, e.g. --target digits=0.9611,0.9722 (repeatable)")
    Map<String, String> targets = new LinkedHashMap<>();

    @Option(names = "--max-epochs", description = "the most epochs the search for a target accuracy tries (default: ${DEFAULT-VALUE})",
            defaultValue = "500")
    int maxEpochs;

    @Option(names = "--warmup-fits", description = "untimed fits after the cold one (default: ${DEFAULT-VALUE})", defaultValue = "20")
    int warmupFits;

    @Option(names = "--repeats", description = "timed warm fits of each kind (default: ${DEFAULT-VALUE})", defaultValue = "15")
    int repeats;

    @Option(names = "--json", description = "write the JSON here instead of standard output")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (repeats < 1 || warmupFits < 0 || maxEpochs < 1) {
            throw new IllegalArgumentException("need --repeats >= 1, --warmup-fits >= 0 and --max-epochs >= 1, were "
                    + repeats + ", " + warmupFits + ", " + maxEpochs);
        }
        // Keys by problem label, so that a typo fails here rather than being ignored.
        Map<String, Integer> epochsByLabel = new LinkedHashMap<>();
        epochs.forEach((key, value) -> epochsByLabel.put(LinearProblem.parse(key).label(), value));
        epochs = epochsByLabel;
        Map<String, String> targetsByLabel = new LinkedHashMap<>();
        targets.forEach((key, value) -> targetsByLabel.put(LinearProblem.parse(key).label(), value));
        targets = targetsByLabel;
        List<String> results = new ArrayList<>();
        List<String> earlier = new ArrayList<>();
        for (String label : problems) {
            LinearProblem problem = LinearProblem.parse(label.strip());
            results.add(time(problem, earlier));
            earlier.add(problem.label());
        }
        String out = "{\n  \"tool\": \"lanewise linear-fit-timing\",\n"
                + "  \"java_vm\": " + string(System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")) + ",\n"
                + "  \"kernels\": " + string(Kernels.choice().describe()) + ",\n"
                + "  \"gemm_threads\": " + GemmSettings.threads() + ",\n"
                + "  \"cpu\": " + string(CpuInfo.modelName()) + ",\n"
                + "  \"cores\": " + Runtime.getRuntime().availableProcessors() + ",\n"
                + "  \"problems\": [\n" + String.join(",\n", results) + "\n  ]\n}\n";
        if (json != null) {
            Path parent = json.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(json, out, StandardCharsets.UTF_8);
        } else {
            System.out.print(out);
        }
        return 0;
    }

    private String time(LinearProblem problem, List<String> earlier) throws IOException {
        PreparedSplit split = problem.prepare(splits);
        int e = epochs.getOrDefault(problem.label(), problem.defaultEpochs());
        progress(problem.label() + ": " + split.train().rows() + " training rows, " + split.test().rows() + " test rows; " + split.description());

        long start = System.nanoTime();
        Classifier cold = problem.newModel(e);
        cold.fit(split.train());
        double coldSeconds = (System.nanoTime() - start) / 1e9;
        double coldAccuracy = accuracy(cold, split);
        progress(String.format(Locale.ROOT, "  cold fit of %d epochs: %.3f s, test accuracy %.4f", e, coldSeconds, coldAccuracy));

        for (int i = 0; i < warmupFits; i++) {
            problem.newModel(e).fit(split.train());
        }
        Timed warm = timeFits(problem, e, split);
        progress(String.format(Locale.ROOT, "  warm fit of %d epochs: median %.4f s, test accuracy %.4f", e, warm.times.median(), warm.accuracy));

        StringBuilder toTargets = new StringBuilder();
        TreeSet<Double> wanted = new TreeSet<>();
        for (String t : targets.getOrDefault(problem.label(), "").split(",")) {
            if (!t.isBlank()) {
                wanted.add(Double.parseDouble(t.strip()));
            }
        }
        if (!wanted.isEmpty()) {
            int[] firstEpoch = searchEpochs(problem, split, wanted);
            int i = 0;
            for (double target : wanted) {
                int reachedAt = firstEpoch[i++];
                toTargets.append(toTargets.isEmpty() ? "" : ",\n");
                if (reachedAt < 0) {
                    toTargets.append("        {\"target\": ").append(num(target)).append(", \"reached\": false, \"searched_epochs\": ")
                            .append(maxEpochs).append("}");
                    progress(String.format(Locale.ROOT, "  target %.4f: not reached within %d epochs", target, maxEpochs));
                    continue;
                }
                Timed toTarget = timeFits(problem, reachedAt, split);
                toTargets.append("        {\"target\": ").append(num(target)).append(", \"reached\": ").append(toTarget.accuracy >= target)
                        .append(", \"epochs\": ").append(reachedAt).append(", \"accuracy\": ").append(num(toTarget.accuracy))
                        .append(", \"fit_s\": ").append(toTarget.times.toJson()).append("}");
                progress(String.format(Locale.ROOT, "  target %.4f: %d epochs, median %.4f s, test accuracy %.4f", target, reachedAt,
                        toTarget.times.median(), toTarget.accuracy));
            }
        }
        return "    {\"problem\": " + string(problem.label()) + ", \"model\": " + string(problem.modelName())
                + ",\n      \"optimizer\": " + string(problem.optimizer().toString())
                + ",\n      \"training\": " + string(problem.training(e).toString())
                + ",\n      \"split\": " + string(split.description())
                + ",\n      \"train_rows\": " + split.train().rows() + ", \"test_rows\": " + split.test().rows()
                + ", \"features\": " + split.train().cols()
                + ",\n      \"earlier_problems_in_this_jvm\": " + strings(earlier)
                + ",\n      \"cold\": {\"epochs\": " + e + ", \"fit_s\": " + num(coldSeconds) + ", \"accuracy\": " + num(coldAccuracy) + "}"
                + ",\n      \"warmup_fits\": " + warmupFits
                + ",\n      \"warm\": {\"epochs\": " + e + ", \"accuracy\": " + num(warm.accuracy) + ", \"fit_s\": " + warm.times.toJson() + "}"
                + ",\n      \"search_max_epochs\": " + maxEpochs
                + ",\n      \"to_target\": [\n" + toTargets + (toTargets.isEmpty() ? "" : "\n") + "      ]\n    }";
    }

    private record Timed(FitTimes times, double accuracy) {}

    /** {@link #repeats} fits of {@code e} epochs; the accuracy of the last (every fit gives the same bits). */
    private Timed timeFits(LinearProblem problem, int e, PreparedSplit split) {
        double[] seconds = new double[repeats];
        Classifier model = null;
        for (int r = 0; r < repeats; r++) {
            model = problem.newModel(e);
            long start = System.nanoTime();
            model.fit(split.train());
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        return new Timed(new FitTimes(seconds), accuracy(model, split));
    }

    /**
     * One fit of up to {@link #maxEpochs} epochs that scores the test rows after every epoch; for each target
     * (ascending) the first epoch whose accuracy reaches it, or -1. A fit of that many epochs gives the same
     * bits as this fit's first epochs (same seed, same shuffles, a constant rate), so it reaches the target too.
     */
    private int[] searchEpochs(LinearProblem problem, PreparedSplit split, TreeSet<Double> wanted) {
        double[] targetsAscending = wanted.stream().mapToDouble(Double::doubleValue).toArray();
        int[] first = new int[targetsAscending.length];
        Arrays.fill(first, -1);
        Classifier model = problem.newModel(maxEpochs);
        model.addCallback(record -> {
            double acc = accuracy(model, split);
            boolean all = true;
            for (int i = 0; i < targetsAscending.length; i++) {
                if (first[i] < 0 && acc >= targetsAscending[i]) {
                    first[i] = record.epoch();
                }
                all &= first[i] >= 0;
            }
            return !all;
        });
        model.fit(split.train());
        return first;
    }

    private static double accuracy(Classifier model, PreparedSplit split) {
        return ClassificationMetrics.accuracy(split.test().labels(), model.predict(split.test().features()));
    }

    private static void progress(String line) {
        System.err.println(line);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    private static String strings(List<String> values) {
        return values.stream().map(LinearFitTimingCommand::string).reduce((a, b) -> a + ", " + b).map(s -> "[" + s + "]").orElse("[]");
    }

    /** A JSON string literal. */
    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
