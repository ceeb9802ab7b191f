package dev.lanewise.harness.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Markdown tables of measurements, grouped by kernel and parameters, with speedups over the baselines. */
public final class Tables {
    private Tables() {}

    /** Measurements of one kernel at one parameter set, keyed by implementation. */
    public record Row(String benchmark, String kernel, String params, Map<String, Measurement> byImplementation) {
        Optional<Measurement> get(String implementation) {
            return Optional.ofNullable(byImplementation.get(implementation));
        }
    }

    /** Groups measurements of one level into rows, keeping the order JMH ran them in. */
    public static List<Row> rows(List<Measurement> measurements) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            String kernel = Implementation.kernel(m.method());
            String key = m.benchmark() + "|" + kernel + "|" + m.paramLabel();
            rows.computeIfAbsent(key, k -> new Row(m.benchmark(), kernel, m.paramLabel(), new LinkedHashMap<>()))
                    .byImplementation().put(Implementation.of(m.method()), m);
        }
        return new ArrayList<>(rows.values());
    }

    /**
     * One table: every implementation's time and rate, and lanewise's speedup over each baseline; lanewise's own
     * line also shows its speedup over the native peers measured in the row, the C reference kernels and
     * single-threaded OpenBLAS, with the error propagated from both.
     */
    public static String implementationTable(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("| benchmark | kernel | params | implementation | time (ns/op ± 99.9%) | GFLOPS | GB/s | Gelem/s | lanewise speedup "
                + "| lanewise / C | lanewise / OpenBLAS |\n");
        md.append("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            Optional<Measurement> lanewise = row.get("Vector").or(() -> row.get("Lanewise"));
            for (Map.Entry<String, Measurement> e : row.byImplementation().entrySet()) {
                Measurement m = e.getValue();
                String speedup = lanewise.filter(l -> l != m).map(l -> Ratio.speedup(l, m).toString()).orElse("");
                Optional<Measurement> self = lanewise.filter(l -> l == m);
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                        row.benchmark(), row.kernel(), row.params(), e.getKey(), time(m),
                        rate(m.gflops()), rate(m.gbPerSecond()), rate(m.gelemsPerSecond()), speedup,
                        overPeer(self, row.get("C")), overPeer(self, row.get("OpenBlas"))));
            }
        }
        return md.toString();
    }

    /** lanewise's speedup over a peer, where both were measured. */
    private static String overPeer(Optional<Measurement> lanewise, Optional<Measurement> peer) {
        return lanewise.flatMap(l -> peer.map(p -> Ratio.speedup(l, p).toString())).orElse("");
    }

    static String time(Measurement m) {
        if (Double.isNaN(m.nsError())) {
            return String.format(Locale.ROOT, "%.1f", m.nsPerOp());
        }
        return String.format(Locale.ROOT, "%.1f ± %.1f", m.nsPerOp(), m.nsError());
    }

    static String rate(double r) {
        return Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.2f", r);
    }
}
