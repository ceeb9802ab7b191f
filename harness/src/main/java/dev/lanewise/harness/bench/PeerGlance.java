package dev.lanewise.harness.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report's first table: for every kernel and size measured beside a native peer, lanewise's rate and its
 * speedup over the C reference, OpenBLAS and C2's plain Java loop, each with its propagated error. Above 1
 * lanewise is faster. This is the table a reader looks at first, and the README quotes.
 */
public final class PeerGlance {
    private PeerGlance() {}

    /** The Markdown section, or "" where no row has a native peer. */
    public static String section(List<Measurement> measurements) {
        StringBuilder rows = new StringBuilder();
        for (Tables.Row row : Tables.rows(measurements)) {
            Optional<Measurement> lanewise = row.get("Vector").or(() -> row.get("Lanewise"));
            Optional<Measurement> c = row.get("C");
            Optional<Measurement> openBlas = row.get("OpenBlas");
            Optional<Measurement> openBlasAllCores = row.get("OpenBlasAllCores");
            if (lanewise.isEmpty() || (c.isEmpty() && openBlas.isEmpty() && openBlasAllCores.isEmpty())) {
                continue;
            }
            Measurement l = lanewise.get();
            rows.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |\n", row.kernel(), row.params(),
                    rate(l), over(l, c), over(l, openBlas), over(l, openBlasAllCores), over(l, row.get("PlainJava"))));
        }
        if (rows.isEmpty()) {
            return "";
        }
        return "## lanewise against native code, at a glance\n\n"
                + "lanewise's speedup (its time / the peer's time, inverted: above 1 lanewise is faster) with the error "
                + "propagated from both JMH errors; same machine, same run, same float[] inputs. OpenBLAS runs "
                + "single-threaded unless the row's threads say otherwise; \"all cores\" is OpenBLAS on every core "
                + "against lanewise on one (BLAS-1 kernels only).\n\n"
                + "| kernel | params | lanewise rate | / C | / OpenBLAS | / OpenBLAS all cores | / plain Java (C2) |\n"
                + "|---|---|---:|---:|---:|---:|---:|\n" + rows + "\n";
    }

    private static String rate(Measurement m) {
        return Double.isNaN(m.gflops())
                ? String.format(Locale.ROOT, "%.2f Gelem/s", m.gelemsPerSecond())
                : String.format(Locale.ROOT, "%.1f GFLOPS", m.gflops());
    }

    private static String over(Measurement lanewise, Optional<Measurement> peer) {
        return peer.map(p -> Ratio.speedup(lanewise, p).toString()).orElse("");
    }
}
