package dev.lanewise.harness.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The report's cold-start section: for each kernel and path, the first call, the steady time, the calls and
 * milliseconds until steady ({@link ColdStart}) as mean ± standard deviation over fresh forks, and whether
 * {@code Kernels.warmUp()} pays for itself within the calls measured.
 */
public final class ColdStartSection {
    /** The variant names of {@link ColdStartCalls}'s methods, in the order the table shows them. */
    static final List<String> VARIANTS = List.of("Vector", "VectorWarmedUp", "Scalar");
    /** The kernels of {@link ColdStartCalls}, in the order the table shows them. */
    static final List<String> KERNELS = List.of("softmaxCrossEntropy", "sigmoid", "dot", "adam", "trainingStep");

    private ColdStartSection() {}

    /**
     * One kernel on one path: the time of each call, in order, in each fork.
     *
     * @param kernel        e.g. {@code softmaxCrossEntropy}
     * @param variant       {@code Vector}, {@code VectorWarmedUp} or {@code Scalar}
     * @param microsPerCall per fork, each call's time in microseconds
     * @param warmUpMillis  per fork that ran {@code Kernels.warmUp()} first, its time; empty for the others
     */
    public record Runs(String kernel, String variant, List<double[]> microsPerCall, List<Double> warmUpMillis) {
        public Runs {
            Objects.requireNonNull(kernel, "kernel");
            Objects.requireNonNull(variant, "variant");
            microsPerCall = List.copyOf(microsPerCall);
            warmUpMillis = List.copyOf(warmUpMillis);
            if (microsPerCall.isEmpty()) {
                throw new IllegalArgumentException("microsPerCall must hold at least one fork, was empty");
            }
        }

        /** The calls every fork has (the fewest, should forks differ). */
        int calls() {
            return microsPerCall.stream().mapToInt(t -> t.length).min().orElse(0);
        }

        /** The mean warm-up time, 0 where none ran. */
        double meanWarmUpMillis() {
            return warmUpMillis.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        /** Cumulative time of the first {@code k + 1} calls, averaged over the forks, in milliseconds. */
        double[] meanCumulativeMillis() {
            int n = calls();
            double[] cumulative = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                double call = 0;
                for (double[] fork : microsPerCall) {
                    call += fork[k];
                }
                sum += call / microsPerCall.size() / 1000;
                cumulative[k] = sum;
            }
            return cumulative;
        }
    }

    /**
     * Runs {@link ColdStartCalls} through JMH ({@link ColdStartRun#run}) and renders the section, with a table of
     * what its forks ran with.
     *
     * @param json   where JMH writes its JSON results (every call's time is in it: some megabytes for a full
     *               run), or null for none
     * @param forks  fresh JVMs per kernel and path (3 is a good choice)
     * @param calls  calls timed per fork (2,000 to 5,000)
     */
    public static String runAndRender(Path json, int forks, int calls) throws RunnerException, IOException {
        return runAndRender(json, forks, calls, ".*");
    }

    /** As {@link #runAndRender(Path, int, int)}, for the methods whose names match the regex {@code methods}. */
    public static String runAndRender(Path json, int forks, int calls, String methods)
            throws RunnerException, IOException {
        ColdStartRun.Result result = ColdStartRun.run(json, forks, calls, methods);
        return render(result.runs()) + "\n### What the cold-start forks ran with\n\n" + ForkRecords.table(result.forks());
    }

    /** {@code ## Cold start}: how the runs were made, the table, and what the warm-up buys. */
    public static String render(List<Runs> runs) {
        if (runs.isEmpty()) {
            return "## Cold start\n\nNo cold-start run.\n";
        }
        List<Runs> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingInt((Runs r) -> order(KERNELS, r.kernel()))
                .thenComparingInt(r -> order(VARIANTS, r.variant())));
        int forks = sorted.stream().mapToInt(r -> r.microsPerCall().size()).max().orElse(0);
        int calls = sorted.stream().mapToInt(Runs::calls).min().orElse(0);
        StringBuilder md = new StringBuilder("## Cold start\n\n");
        md.append(String.format(Locale.ROOT, "Each call of a kernel timed alone in fresh JVMs: JMH single-shot mode, no "
                + "warmup, %,d calls per fork, %d fork(s) per kernel and path, each a new JVM. *First call*: the first "
                + "call's time; *steady*: the median of the last 20%% of the calls; *calls to steady*: the calls before "
                + "the steady phase, which starts at the first call from which no window of %d calls holds more than "
                + "%d slower than %.1fx steady; *ms to steady*: the time spent in those calls; *first %,d calls*: the "
                + "time of all of them. Figures are means ± standard deviations over the forks, of the time in the "
                + "calls alone (not the time between them). The *vector, warmed up* forks ran `Kernels.warmUp()` "
                + "before their first call; its time is in *warm-up*.\n\n",
                calls, forks, ColdStart.WINDOW, ColdStart.WINDOW / 10, ColdStart.SLOW_FACTOR, calls));
        md.append(String.format(Locale.ROOT, "| kernel | path | first call (µs) | steady (µs) | calls to steady "
                + "| ms to steady | first %,d calls (ms) | warm-up (ms) |\n", calls));
        md.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Runs r : sorted) {
            List<ColdStart> perFork = r.microsPerCall().stream()
                    .map(t -> ColdStart.of(java.util.Arrays.copyOf(t, calls))).toList();
            List<ColdStart> reached = perFork.stream().filter(ColdStart::reached).toList();
            String notReached = reached.size() == perFork.size() ? ""
                    : " (" + (perFork.size() - reached.size()) + " of " + perFork.size() + " forks never steady)";
            md.append("| ").append(ColdStartCalls.describe(r.kernel()))
                    .append(" | ").append(pathLabel(r.variant()))
                    .append(" | ").append(meanSd(perFork, ColdStart::firstCall, 1))
                    .append(" | ").append(meanSd(perFork, ColdStart::steady, 1))
                    .append(" | ").append(reached.isEmpty() ? "never" : countMeanSd(reached) + notReached)
                    .append(" | ").append(reached.isEmpty() ? "" : meanSd(reached, ColdStart::timeToSteady, 1000))
                    .append(" | ").append(meanSd(perFork, ColdStart::total, 1000))
                    .append(" | ").append(r.warmUpMillis().isEmpty() ? "" : meanSd(r.warmUpMillis()))
                    .append(" |\n");
        }
        md.append(warmUpVerdicts(sorted, calls));
        return md.toString();
    }

    /** Per kernel: warm-up plus warmed calls against cold calls, and the cold vector path against scalar. */
    private static String warmUpVerdicts(List<Runs> sorted, int calls) {
        StringBuilder md = new StringBuilder();
        List<String> lines = new ArrayList<>();
        String stepVerdict = null;
        for (String kernel : sorted.stream().map(Runs::kernel).distinct().toList()) {
            Optional<Runs> cold = find(sorted, kernel, "Vector");
            Optional<Runs> warmed = find(sorted, kernel, "VectorWarmedUp");
            Optional<Runs> scalar = find(sorted, kernel, "Scalar");
            if (cold.isEmpty()) {
                continue;
            }
            double[] coldCum = cold.get().meanCumulativeMillis();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "- **%s**: over the first %,d calls the "
                    + "vector path took %s ms cold", ColdStartCalls.describe(kernel), calls, millis(coldCum[calls - 1])));
            if (warmed.isPresent()) {
                double warmUp = warmed.get().meanWarmUpMillis();
                double[] warmCum = warmed.get().meanCumulativeMillis();
                double withWarmUp = warmUp + warmCum[calls - 1];
                OptionalInt after = overtakes(warmCum, warmUp, coldCum, calls);
                String verdict = after.isPresent()
                        ? String.format(Locale.ROOT, "`Kernels.warmUp()` pays for itself after %,d calls",
                                after.getAsInt())
                        : String.format(Locale.ROOT, "`Kernels.warmUp()` does not pay for itself within %,d calls",
                                calls);
                line.append(String.format(Locale.ROOT, "; after `Kernels.warmUp()` (%s ms) %s ms, %s ms in all. %s",
                        millis(warmUp), millis(warmCum[calls - 1]), millis(withWarmUp), verdict));
                if (kernel.equals("trainingStep")) {
                    stepVerdict = verdict;
                }
            }
            if (scalar.isPresent()) {
                double[] scalarCum = scalar.get().meanCumulativeMillis();
                OptionalInt after = overtakes(coldCum, 0, scalarCum, calls);
                line.append(String.format(Locale.ROOT, ". The scalar path took %s ms; the cold vector path %s",
                        millis(scalarCum[calls - 1]), after.isPresent()
                                ? String.format(Locale.ROOT, "is ahead of it for good after %,d calls", after.getAsInt())
                                : String.format(Locale.ROOT, "is behind it after %,d calls", calls)));
            }
            lines.add(line.append(".").toString());
        }
        if (lines.isEmpty()) {
            return "";
        }
        md.append("\n### Does `Kernels.warmUp()` pay for itself?\n\n");
        md.append("Mean over the forks of the time in the first calls, with and without the warm-up (whose time is "
                + "counted in full, though a program could overlap it with loading its data through "
                + "`Kernels.warmUpInBackground()`). The warm-up compiles the kernels a dense network's training "
                + "runs (matrix products, softmax cross-entropy, Adam, ...), not every kernel: a kernel it leaves "
                + "out starts cold all the same. \"Ahead for good\" means from that call on, the cumulative time "
                + "stays below the other's: what running scalar until the vector code is compiled could save "
                + "is the cold vector path's lead before then.\n\n");
        lines.forEach(l -> md.append(l).append('\n'));
        if (stepVerdict != null) {
            md.append("\nFor the training-like step (the kernels of one softmax-regression step, as the first steps "
                    + "of a short fit run them): ").append(stepVerdict).append(".\n");
        }
        return md.toString();
    }

    /**
     * The smallest number of calls from which {@code offset + ahead[k]} stays at or below {@code behind[k]} up to
     * call {@code calls}, or empty where it is above at the last call.
     */
    static OptionalInt overtakes(double[] ahead, double offset, double[] behind, int calls) {
        int from = -1;
        for (int k = calls - 1; k >= 0; k--) {
            if (offset + ahead[k] <= behind[k]) {
                from = k;
            } else {
                break;
            }
        }
        return from < 0 ? OptionalInt.empty() : OptionalInt.of(from + 1);
    }

    private static Optional<Runs> find(List<Runs> runs, String kernel, String variant) {
        return runs.stream().filter(r -> r.kernel().equals(kernel) && r.variant().equals(variant)).findFirst();
    }

    private static String pathLabel(String variant) {
        return switch (variant) {
            case "Vector" -> "vector";
            case "VectorWarmedUp" -> "vector, warmed up";
            case "Scalar" -> "scalar";
            default -> variant;
        };
    }

    private static int order(List<String> known, String name) {
        int i = known.indexOf(name);
        return i < 0 ? known.size() : i;
    }

    /** Mean ± sample standard deviation of {@code value / divisor} over the forks; no ± for one fork. */
    private static String meanSd(List<ColdStart> forks, ToDoubleFunction<ColdStart> value, double divisor) {
        return meanSd(forks.stream().map(c -> value.applyAsDouble(c) / divisor).toList());
    }

    private static String meanSd(List<Double> values) {
        return meanSd(values, formatOf(values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
    }

    /** Call counts: whole numbers. */
    private static String countMeanSd(List<ColdStart> forks) {
        return meanSd(forks.stream().map(c -> (double) c.callsToSteady()).toList(), "%,.0f");
    }

    /** The standard deviation with as many decimals as the mean. */
    private static String meanSd(List<Double> values, String format) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (values.size() < 2) {
            return String.format(Locale.ROOT, format, mean);
        }
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return String.format(Locale.ROOT, format, mean) + " ± "
                + String.format(Locale.ROOT, format, Math.sqrt(squares / (values.size() - 1)));
    }

    /** Three significant figures or so, without an exponent. */
    static String number(double x) {
        return String.format(Locale.ROOT, formatOf(x), x);
    }

    /** The format that shows {@code x} to three significant figures or so (judged after rounding: 9.999 is 10.0). */
    private static String formatOf(double x) {
        double a = Math.abs(x);
        return a >= 99.95 ? "%,.0f" : a >= 9.995 ? "%.1f" : a >= 0.9995 ? "%.2f" : "%.3f";
    }

    private static String millis(double ms) {
        return number(ms);
    }
}
