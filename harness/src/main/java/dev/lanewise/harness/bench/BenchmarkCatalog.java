package dev.lanewise.harness.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
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
        // BENCHMARK_LIST already starts with "/": another would make the name "//META-INF/...", found nowhere.
        try (InputStream in = BenchmarkCatalog.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            if (in == null) {
                return List.of();
            }
            TreeSet<String> names = new TreeSet<>();
            for (BenchmarkListEntry entry : BenchmarkList.readBenchmarkList(in)) {
                names.add(entry.getUsername());
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark list", e);
        }
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
}
