package dev.lanewise.harness.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The benchmarks compiled into this jar (JMH's generated {@code META-INF/BenchmarkList}), so that an include
 * pattern can be checked before JMH runs: JMH answers a pattern that matches nothing with a stack trace.
 */
public final class BenchmarkCatalog {
    private BenchmarkCatalog() {}

    /** Every benchmark's full name ({@code dev.lanewise.harness.bench.BlasBenchmark.dotVector}), sorted. */
    public static List<String> all() {
        TreeSet<String> names = new TreeSet<>();
        for (BenchmarkListEntry entry : entries()) {
            names.add(entry.getUsername());
        }
        return List.copyOf(names);
    }

    /** The benchmarks {@code include} selects, as JMH selects them (a regex found anywhere in the full name). */
    public static List<String> matching(Pattern include) {
        return all().stream().filter(name -> include.matcher(name).find()).toList();
    }

    /** The benchmark classes' simple names, for a message that says what there is. */
    public static List<String> classNames() {
        TreeSet<String> classes = new TreeSet<>();
        for (String name : all()) {
            String cls = name.substring(0, name.lastIndexOf('.'));
            classes.add(cls.substring(cls.lastIndexOf('.') + 1));
        }
        return List.copyOf(classes);
    }

    /**
     * How many (benchmark, parameter set) runs JMH will make for {@code include} minus {@code excludes}, with
     * {@code overrides} replacing a parameter's annotated values: the denominator of a progress bar.
     */
    public static int plannedRuns(String include, List<String> excludes, Map<String, String[]> overrides) {
        Pattern in = Pattern.compile(include);
        List<Pattern> out = excludes.stream().map(Pattern::compile).toList();
        int runs = 0;
        for (BenchmarkListEntry entry : entries()) {
            String name = entry.getUsername();
            if (!in.matcher(name).find() || out.stream().anyMatch(p -> p.matcher(name).find())) {
                continue;
            }
            int combinations = 1;
            if (entry.getParams().hasValue()) {
                for (Map.Entry<String, String[]> param : entry.getParams().get().entrySet()) {
                    combinations *= Math.max(1, overrides.getOrDefault(param.getKey(), param.getValue()).length);
                }
            }
            runs += combinations;
        }
        return runs;
    }

    /** JMH's entries, one per benchmark method and mode; none where the list is absent (classes not processed). */
    private static List<BenchmarkListEntry> entries() {
        // BENCHMARK_LIST already starts with "/"; another one makes "//META-INF/...", which a jar does not find.
        try (InputStream in = BenchmarkCatalog.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            return in == null ? List.of() : List.copyOf(BenchmarkList.readBenchmarkList(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark list", e);
        }
    }
}
