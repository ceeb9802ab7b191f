package dev.lanewise.harness;

import dev.lanewise.harness.linear.FitTimes;
import dev.lanewise.harness.mlp.DigitsMlpFit;
import dev.lanewise.harness.mlp.DigitsMlpSplit;
import dev.lanewise.harness.mlp.StoppingRule;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.WarmUpReport;
import dev.lanewise.kernels.gemm.GemmSettings;
import dev.lanewise.model.metrics.ClassificationMetrics;
import dev.lanewise.model.nn.Parameter;
import dev.lanewise.model.train.EpochRecord;
import dev.lanewise.model.train.History;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times the digits MLP fit as a user meets it (issue 10's bar against scikit-learn's {@code MLPClassifier}): in a
 * fresh JVM, from the first lanewise call (loading the CSV) to the fitted model, so that class loading, the
 * kernels' warm-up and JIT compilation all count; then warm fits in the same JVM. Prints JSON. Run one
 * command per JVM: only the first fit of a JVM is cold.
 *
 * <p>Two cold figures: {@code first_call_to_fitted_s} (load, split, fit) and {@code fit_s} ({@code fit} alone,
 * as the scikit-learn script times it). The cold fit's per-epoch seconds show how long the JIT takes to reach
 * the warm speed.
 */
@Command(name = "mlp-fit-timing", mixinStandardHelpOptions = true,
        description = "Time the digits MLP fit (64 hidden, Adam, batch 32, early stopping) cold in this fresh JVM, "
                + "then warm; print JSON.")
public final class MlpFitTimingCommand implements Callable<Integer> {

    @Option(names = "--splits", description = "folder of digits.split and digits-validation.split (scikit-learn's rows, "
            + "written by peers/sklearn/mlp_digits.py --splits-dir); default: lanewise's own stratified splits")
    Path splits;

    @Option(names = "--stopping", description = "validation-accuracy (scikit-learn's early_stopping=True rule, default), "
            + "validation-loss (the trainer's early stopping) or training-loss (scikit-learn's early_stopping=False rule)",
            defaultValue = "validation-accuracy")
    String stopping;

    @Option(names = "--seed", description = "seeds the weights and the shuffling (default: ${DEFAULT-VALUE})", defaultValue = "0")
    long seed;

    @Option(names = "--warmup-fits", description = "untimed fits after the cold one (default: ${DEFAULT-VALUE})", defaultValue = "10")
    int warmupFits;

    @Option(names = "--repeats", description = "timed warm fits (default: ${DEFAULT-VALUE}); 0 skips the warm part",
            defaultValue = "10")
    int repeats;

    @Option(names = "--accuracy-seeds", description = "after the timing, fit once with each of the seeds 0..N-1 and "
            + "record epochs and test accuracy (default: ${DEFAULT-VALUE})", defaultValue = "0")
    int accuracySeeds;

    @Option(names = "--warm-up", description = "what the program does about the kernels' warm-up before it loads the "
            + "data: none (default: the trainer starts it, as -Dlanewise.warmUp says), background (Kernels."
            + "warmUpInBackground(), so it runs while the data loads) or blocking (Kernels.warmUp())", defaultValue = "none")
    String warmUp;

    @Option(names = "--json", description = "write the JSON here instead of standard output")
    Path json;

    @Override
    public Integer call() throws Exception {
        long firstCall = System.nanoTime();
        long uptimeAtFirstCall = ManagementFactory.getRuntimeMXBean().getUptime();
        if (repeats < 0 || warmupFits < 0 || accuracySeeds < 0) {
            throw new IllegalArgumentException("need --repeats, --warmup-fits and --accuracy-seeds >= 0, were "
                    + repeats + ", " + warmupFits + ", " + accuracySeeds);
        }
        StoppingRule rule = StoppingRule.parse(stopping);
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long[] warmUpDone = {-1};
        switch (warmUp) {
            case "none" -> { }
            case "background" -> Kernels.warmUpInBackground().thenRun(() -> warmUpDone[0] = System.nanoTime());
            case "blocking" -> {
                Kernels.warmUp();
                warmUpDone[0] = System.nanoTime();
            }
            default -> throw new IllegalArgumentException("--warm-up must be none, background or blocking, was " + warmUp);
        }

        DigitsMlpSplit split = DigitsMlpSplit.load(splits, rule);
        DigitsMlpFit cold = new DigitsMlpFit(rule, seed);
        long fitStart = System.nanoTime();
        History coldHistory = cold.fit(split);
        long fitted = System.nanoTime();
        long uptimeAtFitted = ManagementFactory.getRuntimeMXBean().getUptime();
        // CPU times as well as wall time: on a shared machine they tell work from waiting for a core.
        double processCpu = processCpuSeconds();
        double threadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
        long jitMillis = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
        double coldAccuracy = accuracy(cold, split);
        // The warm-up the trainer (or the option above) started; where none was, this starts one that reports
        // at once why it does not run (off, or scalar kernels).
        CompletableFuture<WarmUpReport> warmUpRun = Kernels.warmUpInBackground();
        boolean warmUpDoneAtFitted = warmUpRun.isDone();
        WarmUpReport warmUpReport = warmUpRun.join();
        if (warmUpDone[0] < 0 && warmUpDoneAtFitted) {
            warmUpDone[0] = fitted; // finished at the latest then
        }
        double coldTotal = (fitted - firstCall) / 1e9;
        double coldFit = (fitted - fitStart) / 1e9;
        progress(String.format(Locale.ROOT, "cold: %.3f s from the first call to the fitted model (fit %.3f s), %d epochs "
                        + "(kept %d), test accuracy %.4f", coldTotal, coldFit, coldHistory.epochs().size(), cold.keptEpoch(),
                coldAccuracy));

        String warm = "null";
        if (repeats > 0) {
            for (int i = 0; i < warmupFits; i++) {
                new DigitsMlpFit(rule, seed).fit(split);
            }
            double[] seconds = new double[repeats];
            DigitsMlpFit last = null;
            for (int r = 0; r < repeats; r++) {
                last = new DigitsMlpFit(rule, seed);
                long start = System.nanoTime();
                last.fit(split);
                seconds[r] = (System.nanoTime() - start) / 1e9;
            }
            FitTimes times = new FitTimes(seconds);
            warm = "{\"warmup_fits\": " + warmupFits + ", \"epochs\": " + last.model().history().epochs().size()
                    + ", \"kept_epoch\": " + last.keptEpoch() + ", \"accuracy\": " + num(accuracy(last, split))
                    + ", \"parameters_sha256\": " + LinearFitTimingCommand.string(parameterDigest(last))
                    + ", \"fit_s\": " + times.toJson() + "}";
            progress(String.format(Locale.ROOT, "warm: median %.4f s per fit of %d epochs", times.median(),
                    last.model().history().epochs().size()));
        }

        List<String> seedRows = new ArrayList<>();
        for (int s = 0; s < accuracySeeds; s++) {
            DigitsMlpFit fit = new DigitsMlpFit(rule, s);
            fit.fit(split);
            seedRows.add("{\"seed\": " + s + ", \"epochs\": " + fit.model().history().epochs().size() + ", \"kept_epoch\": "
                    + fit.keptEpoch() + ", \"accuracy\": " + num(accuracy(fit, split)) + "}");
        }

        StringBuilder epochSeconds = new StringBuilder();
        for (EpochRecord record : coldHistory.epochs()) {
            epochSeconds.append(epochSeconds.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", record.seconds()));
        }
        String out = "{\n  \"tool\": \"lanewise mlp-fit-timing\",\n"
                + "  \"java_vm\": " + LinearFitTimingCommand.string(System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version")) + ",\n"
                + "  \"jvm_arguments\": " + strings(ManagementFactory.getRuntimeMXBean().getInputArguments()) + ",\n"
                + "  \"kernels\": " + LinearFitTimingCommand.string(Kernels.choice().describe()) + ",\n"
                + "  \"gemm_threads\": " + GemmSettings.threads() + ",\n"
                + "  \"cpu\": " + LinearFitTimingCommand.string(CpuInfo.modelName()) + ",\n"
                + "  \"cores\": " + Runtime.getRuntime().availableProcessors() + ",\n"
                + "  \"model\": " + LinearFitTimingCommand.string(DigitsMlpFit.describe(rule)) + ",\n"
                + "  \"stopping\": " + LinearFitTimingCommand.string(rule.label()) + ", \"sklearn_setting\": "
                        + LinearFitTimingCommand.string(rule.sklearnSetting()) + ", \"seed\": " + seed + ",\n"
                + "  \"split\": " + LinearFitTimingCommand.string(split.description()) + ",\n"
                + "  \"train_rows\": " + split.train().rows() + ", \"fit_rows\": " + split.fit().rows()
                        + ", \"validation_rows\": " + (split.validation() == null ? 0 : split.validation().rows())
                        + ", \"test_rows\": " + split.test().rows() + ",\n"
                + "  \"cold\": {\"first_call_to_fitted_s\": " + num(coldTotal) + ", \"fit_s\": " + num(coldFit)
                        + ", \"epochs\": " + coldHistory.epochs().size() + ", \"kept_epoch\": " + cold.keptEpoch()
                        + ", \"accuracy\": " + num(coldAccuracy)
                        + ",\n    \"parameters_sha256\": " + LinearFitTimingCommand.string(parameterDigest(cold))
                        + ",\n    \"jvm_uptime_ms_at_first_call\": " + uptimeAtFirstCall + ", \"jvm_uptime_ms_at_fitted\": " + uptimeAtFitted
                        + ", \"jit_compile_ms_at_fitted\": " + jitMillis
                        + ",\n    \"process_cpu_s_at_fitted\": " + num(processCpu) + ", \"main_thread_cpu_s_at_fitted\": " + num(threadCpu)
                        + ", \"load_average_at_fitted\": " + num(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                        + ",\n    \"stop_reason\": " + LinearFitTimingCommand.string(coldHistory.stopReason())
                        + ",\n    \"epoch_seconds\": [" + epochSeconds + "]},\n"
                + "  \"warm_up\": {\"option\": " + LinearFitTimingCommand.string(warmUp) + ", \"mode\": "
                        + LinearFitTimingCommand.string(Kernels.warmUpMode().name().toLowerCase(Locale.ROOT))
                        + ", \"done_at_fitted\": " + warmUpDoneAtFitted
                        + (warmUpDone[0] > 0 && warmUp.equals("none") ? "" : ", \"done_s_after_first_call\": "
                                + (warmUpDone[0] > 0 ? num((warmUpDone[0] - firstCall) / 1e9) : "null"))
                        + ", \"implementation\": " + LinearFitTimingCommand.string(warmUpReport.implementation())
                        + ", \"rounds\": " + warmUpReport.rounds() + ", \"seconds\": " + num(warmUpReport.seconds())
                        + ", \"outcome\": " + LinearFitTimingCommand.string(warmUpReport.outcome()) + "},\n"
                + "  \"warm\": " + warm + ",\n"
                + "  \"seeds\": [" + String.join(",\n    ", seedRows) + "]\n}\n";
        if (json != null) {
            Files.createDirectories(json.toAbsolutePath().getParent());
            Files.writeString(json, out, StandardCharsets.UTF_8);
        } else {
            System.out.print(out);
        }
        return 0;
    }

    /** SHA-256 of the fitted parameters' float bits, in order: equal digests mean bit-identical models. */
    static String parameterDigest(DigitsMlpFit fit) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Parameter p : fit.model().network().parameters()) {
                ByteBuffer bytes = ByteBuffer.allocate(p.size() * Float.BYTES);
                for (float v : p.value()) {
                    bytes.putInt(Float.floatToRawIntBits(v));
                }
                digest.update(bytes.array());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** CPU seconds of every thread of this JVM so far (compiler threads included), or NaN where not reported. */
    private static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? Double.NaN : nanos / 1e9;
        }
        return Double.NaN;
    }

    private static double accuracy(DigitsMlpFit fit, DigitsMlpSplit split) {
        return ClassificationMetrics.accuracy(split.test().labels(), fit.model().predict(split.test().features()));
    }

    private static void progress(String line) {
        System.err.println(line);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    private static String strings(List<String> values) {
        return "[" + String.join(", ", values.stream().map(LinearFitTimingCommand::string).toList()) + "]";
    }
}
