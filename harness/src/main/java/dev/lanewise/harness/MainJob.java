package dev.lanewise.harness;

import dev.lanewise.harness.bench.BenchmarkRunner;
import dev.lanewise.harness.bench.FeatureLevel;
import dev.lanewise.harness.bench.Measurement;
import dev.lanewise.harness.bench.Ratio;
import dev.lanewise.harness.bench.Tables;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The README's main job: which kernel path this JVM chose and why, then a short JMH comparison of the
 * lanewise path with the scalar reference and the plain Java loop on a few kernels. A first look, not a
 * result to quote: {@code bench} makes those.
 */
@Command(name = "main", mixinStandardHelpOptions = true,
        description = "Print the kernel choice, then a short JMH comparison of vector and scalar kernels.")
public final class MainJob implements Callable<Integer> {
    /** A few kernels, each as lanewise (Vector), scalar reference and plain Java loop. */
    static final String QUICK_SET = "bench\\.(BlasBenchmark\\.(dot|axpy)|ActivationBenchmark\\.sigmoid|"
            + "LossBenchmark\\.softmaxCrossEntropy)(Vector|Scalar|PlainJava)$";

    @Option(names = "--size", description = "elements per kernel call (default: ${DEFAULT-VALUE})", defaultValue = "65536")
    String size;

    @Override
    public Integer call() throws Exception {
        new InfoCommand().run();
        System.out.println();
        System.out.println("Short comparison (JMH, 1 fork, 3 x 0.5 s warmup and measurement; size " + size
                + "): each kernel through lanewise's facade, its scalar reference, and the plain Java loop.");
        System.out.flush();
        BenchmarkRunner runner = new BenchmarkRunner(BenchmarkRunner.Plan.quick(), Map.of("size", new String[] {size}));
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
        return 0;
    }

    private static String ns(Measurement m) {
        return m == null ? "-" : String.format(Locale.ROOT, "%.0f", m.nsPerOp());
    }

    private static String speedup(Measurement fast, Measurement slow) {
        return fast == null || slow == null ? "-" : Ratio.speedup(fast, slow).toString();
    }

}
