package dev.lanewise.harness;

import dev.lanewise.harness.bench.BenchmarkRunner;
import dev.lanewise.harness.bench.FeatureLevel;
import dev.lanewise.harness.bench.Measurement;
import dev.lanewise.harness.bench.Ratio;
import dev.lanewise.harness.bench.Tables;
import dev.lanewise.harness.cli.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The README's main job: which kernel path this JVM chose and why, then a short JMH comparison of the
 * lanewise path with the scalar reference and the plain Java loop on a few kernels (a first look, not a
 * result to quote: {@code bench} makes those), then an MLP trained on the bundled digits with its test
 * accuracy, fit time, samples/s and loss-curve chart. Under a minute on a 2-core machine.
 */
@Command(name = "main", mixinStandardHelpOptions = true,
        description = "Print the kernel choice, a short JMH comparison of vector and scalar kernels, then train an MLP "
                + "on the bundled digits and write its loss curves.")
public final class MainJob implements Callable<Integer> {
    /** A few kernels, each as lanewise (Vector), scalar reference and plain Java loop. */
    static final String QUICK_SET = "bench\\.(BlasBenchmark\\.(dot|axpy)|ActivationBenchmark\\.sigmoid|"
            + "LossBenchmark\\.softmaxCrossEntropy)(Vector|Scalar|PlainJava)$";

    /**
     * One fork per benchmark, 4 x 0.25 s warmup (the vector kernels run boxed, far slower, until C2 has compiled
     * them) and 3 x 0.25 s measurement: the 12 benchmarks take about 21 s plus their forks' start-up, about a
     * second each, so that the whole job, MLP included, stays under a minute on 2 cores.
     */
    static final BenchmarkRunner.Plan PLAN = new BenchmarkRunner.Plan(1, 4, 0.25, 3, 0.25);

    /** The softmax cross-entropy at one shape (of its two), to keep the job short: 1000 classes, where SIMD counts. */
    static final String SOFTMAX_SHAPE = "256x1000";

    @Option(names = "--size", description = "elements per kernel call (default: ${DEFAULT-VALUE})", defaultValue = "65536")
    String size;

    @Option(names = "--digits", description = "the digits CSV for the MLP (default: ${DEFAULT-VALUE})", defaultValue = "data/digits.csv")
    Path digits;

    @Option(names = "--chart", description = "where the MLP's loss-curve SVG goes (default: ${DEFAULT-VALUE})",
            defaultValue = "target/main-job/digits-mlp.svg")
    Path chart;

    @Option(names = "--skip-comparison", description = "leave out the JMH comparison (the MLP part only)")
    boolean skipComparison;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(digits)) {
            throw new UserError("digits data not found: " + digits + " (run from the repository root, or pass --digits)");
        }
        new InfoCommand().run();
        if (!skipComparison) {
            System.out.println();
            compareKernels();
        }
        System.out.println();
        DigitsMlpJob.run(digits, chart, System.out);
        return 0;
    }

    private void compareKernels() throws Exception {
        System.out.println("Short comparison (JMH, 1 fork, 4 x 0.25 s warmup, 3 x 0.25 s measurement; size " + size
                + ", softmax " + SOFTMAX_SHAPE
                + "): each kernel through lanewise's facade, its scalar reference, and the plain Java loop.");
        System.out.flush();
        BenchmarkRunner runner = new BenchmarkRunner(PLAN, Map.of("size", new String[] {size}, "shape", new String[] {SOFTMAX_SHAPE}));
        List<Measurement> results = runner.run(QUICK_SET, FeatureLevel.DEFAULT, null);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-40s %14s %14s %14s %18s %18s%n", "kernel", "lanewise ns", "scalar ns",
                "plain Java ns", "vs scalar", "vs plain Java");
        for (Tables.Row row : Tables.rows(results)) {
            Measurement lanewise = row.byImplementation().get("Vector");
            Measurement scalar = row.byImplementation().get("Scalar");
            Measurement plain = row.byImplementation().get("PlainJava");
            System.out.printf(Locale.ROOT, "%-40s %14s %14s %14s %18s %18s%n",
                    row.kernel() + " (" + row.params() + ")", ns(lanewise), ns(scalar), ns(plain),
                    speedup(lanewise, scalar), speedup(lanewise, plain));
        }
    }

    private static String ns(Measurement m) {
        return m == null ? "-" : String.format(Locale.ROOT, "%.0f", m.nsPerOp());
    }

    private static String speedup(Measurement fast, Measurement slow) {
        return fast == null || slow == null ? "-" : Ratio.speedup(fast, slow).toString();
    }

}
