package dev.lanewise.harness.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * "All cores" for the benchmarks with a {@code threads} parameter (lanewise's sgemm and OpenBLAS's beside it,
 * the MLP step): their annotations name 1 and 2 threads, all cores of the 2-core machines they were written on,
 * so on a bigger machine the bench command adds this machine's core count to the values they declare.
 */
public final class AllCoresThreads {
    /** The parameter's name. */
    public static final String PARAM = "threads";

    private AllCoresThreads() {}

    /**
     * The {@code threads} values for the benchmarks {@code include} selects: the values they declare plus
     * {@code cores}; empty where none has the parameter or the declared values already include {@code cores}.
     */
    public static Optional<String[]> forSelection(Pattern include, int cores) {
        List<String[]> declared = new ArrayList<>();
        try (InputStream in = AllCoresThreads.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            if (in == null) {
                return Optional.empty();
            }
            for (BenchmarkListEntry entry : BenchmarkList.readBenchmarkList(in)) {
                if (include.matcher(entry.getUsername()).find() && entry.getParams().hasValue()) {
                    Map<String, String[]> params = entry.getParams().get();
                    if (params.containsKey(PARAM)) {
                        declared.add(params.get(PARAM));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark list", e);
        }
        return withCores(declared, cores);
    }

    /** The declared values (each benchmark's list) and {@code cores}, in ascending order, if that adds anything. */
    public static Optional<String[]> withCores(Collection<String[]> declared, int cores) {
        TreeSet<Integer> values = new TreeSet<>();
        for (String[] list : declared) {
            for (String value : list) {
                values.add(Integer.parseInt(value.trim()));
            }
        }
        if (values.isEmpty() || values.contains(cores)) {
            return Optional.empty();
        }
        values.add(cores);
        return Optional.of(values.stream().map(String::valueOf).toArray(String[]::new));
    }
}
