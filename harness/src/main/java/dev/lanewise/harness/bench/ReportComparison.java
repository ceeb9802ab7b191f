package dev.lanewise.harness.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An old and a new set of JMH results matched on class, method, parameters and feature level: for each pair the
 * new run's speed relative to the old one, with its error, and whether it changed beyond that error.
 *
 * <p>The rule. The speed is {@code r = t_old / t_new} (time per operation; above 1 the new run is faster), and its
 * error {@code e = r * sqrt((d_old / t_old)^2 + (d_new / t_new)^2)}, from JMH's 99.9% confidence half-widths
 * {@code d} (see {@link Ratio}). With a minimum change {@code m} (default {@value #DEFAULT_MIN_CHANGE}):
 * <ul>
 *   <li>a <b>regression</b> when {@code r + e < 1} and {@code r < 1 - m}: slower even at the favourable end of the
 *       error, and by more than {@code m};</li>
 *   <li>an <b>improvement</b> when {@code r - e > 1} and {@code r > 1 + m};</li>
 *   <li><b>not judged</b> when either run has no error (JMH writes NaN after a single iteration), since no change can
 *       then be shown to be beyond it;</li>
 *   <li>otherwise <b>unchanged</b>: within the error, or under {@code m}.</li>
 * </ul>
 * Why a minimum as well as the error: JMH's error covers only the scatter of the iterations within one run's
 * forks. Two runs differ by more than that with no change of code (another JVM start, other JIT decisions and
 * memory layout, the CPU's clock), so a 1% change that JMH calls significant is usually just the run; 3% is a
 * floor for a quiet machine. A shared VM needs more: the Intel GEMM report and its rerun (same code, same
 * machine, {@code results/comparisons/intel-xeon-gemm-rerun.md}) differ by up to 15% beyond JMH's error for the
 * unchanged netlib peer, so compare such runs with a larger minimum, or compare ratios to a peer of the same run.
 */
public final class ReportComparison {
    /** The default minimum change, 3%: see the class comment for why there is one. */
    public static final double DEFAULT_MIN_CHANGE = 0.03;

    /** What a pair shows; in the order the table lists them. */
    public enum Verdict {
        REGRESSION("regression"), IMPROVEMENT("improvement"), UNCHANGED(""), NOT_JUDGED("no error estimate");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        /** As the table's verdict column shows it (empty when unchanged). */
        public String label() {
            return label;
        }
    }

    /** One benchmark in both reports. */
    public record Row(JmhResult old, JmhResult current, Ratio speed, Verdict verdict) {}

    private final List<Row> rows;
    private final List<JmhResult> onlyInOld;
    private final List<JmhResult> onlyInNew;
    private final double minChange;

    private ReportComparison(List<Row> rows, List<JmhResult> onlyInOld, List<JmhResult> onlyInNew, double minChange) {
        this.rows = rows;
        this.onlyInOld = onlyInOld;
        this.onlyInNew = onlyInNew;
        this.minChange = minChange;
    }

    /**
     * Matches {@code old} and {@code current} on {@link JmhResult#key()}.
     *
     * @param minChange the smallest relative change flagged, in [0, 1), e.g. 0.03
     * @throws IllegalArgumentException where one side has a key twice, or {@code minChange} is out of range
     */
    public static ReportComparison of(List<JmhResult> old, List<JmhResult> current, double minChange) {
        Objects.requireNonNull(old, "old");
        Objects.requireNonNull(current, "current");
        if (!(minChange >= 0 && minChange < 1)) {
            throw new IllegalArgumentException("minChange must be in [0, 1), was " + minChange);
        }
        Map<JmhResult.Key, JmhResult> oldByKey = byKey(old, "old");
        Map<JmhResult.Key, JmhResult> newByKey = byKey(current, "new");
        List<Row> rows = new ArrayList<>();
        List<JmhResult> onlyInOld = new ArrayList<>();
        for (JmhResult o : oldByKey.values()) {
            JmhResult n = newByKey.get(o.key());
            if (n == null) {
                onlyInOld.add(o);
                continue;
            }
            Ratio speed = Ratio.speedup(n.toMeasurement(), o.toMeasurement());
            boolean errorKnown = !Double.isNaN(o.scoreError()) && !Double.isNaN(n.scoreError());
            rows.add(new Row(o, n, speed, errorKnown ? verdict(speed, minChange) : Verdict.NOT_JUDGED));
        }
        List<JmhResult> onlyInNew = newByKey.values().stream().filter(n -> !oldByKey.containsKey(n.key())).toList();
        rows.sort(Comparator.comparing(Row::verdict).thenComparing(ReportComparison::worstFirst));
        return new ReportComparison(List.copyOf(rows), List.copyOf(onlyInOld), onlyInNew, minChange);
    }

    /** The rule of the class comment, for a speed with a known error. */
    public static Verdict verdict(Ratio speed, double minChange) {
        double r = speed.value();
        double e = speed.error();
        if (r + e < 1 && r < 1 - minChange) {
            return Verdict.REGRESSION;
        }
        if (r - e > 1 && r > 1 + minChange) {
            return Verdict.IMPROVEMENT;
        }
        return Verdict.UNCHANGED;
    }

    /** Regressions and the rest slowest first; improvements largest first. */
    private static double worstFirst(Row row) {
        return row.verdict() == Verdict.IMPROVEMENT ? -row.speed().value() : row.speed().value();
    }

    private static Map<JmhResult.Key, JmhResult> byKey(List<JmhResult> results, String side) {
        Map<JmhResult.Key, JmhResult> byKey = new LinkedHashMap<>();
        for (JmhResult r : results) {
            if (byKey.put(r.key(), r) != null) {
                throw new IllegalArgumentException("the " + side + " report has " + describe(r) + " twice");
            }
        }
        return byKey;
    }

    /** Pairs in both reports: regressions (worst first), improvements (largest first), unchanged, not judged. */
    public List<Row> rows() {
        return rows;
    }

    public List<JmhResult> onlyInOld() {
        return onlyInOld;
    }

    public List<JmhResult> onlyInNew() {
        return onlyInNew;
    }

    public double minChange() {
        return minChange;
    }

    /** How many pairs have this verdict. */
    public int count(Verdict verdict) {
        return (int) rows.stream().filter(r -> r.verdict() == verdict).count();
    }

    /** One line: how many pairs were compared, and what they showed. */
    public String summary() {
        String line = String.format(Locale.ROOT, "%d compared: %s, %s, %d unchanged (within the error or under %s)",
                rows.size(), plural(count(Verdict.REGRESSION), "regression"), plural(count(Verdict.IMPROVEMENT), "improvement"),
                count(Verdict.UNCHANGED), percent(minChange));
        if (count(Verdict.NOT_JUDGED) > 0) {
            line += ", " + count(Verdict.NOT_JUDGED) + " not judged (no error estimate)";
        }
        return line + "; " + onlyInOld.size() + " only in the old report, " + onlyInNew.size() + " only in the new";
    }

    /** The comparison as a Markdown document, with both reports named in its header. */
    public String markdown(SavedReport old, SavedReport current) {
        return markdown(old, current, null);
    }

    /** The same, with the command that made it in the header (null for none), so that it can be made again. */
    public String markdown(SavedReport old, SavedReport current, String command) {
        StringBuilder md = new StringBuilder("# Benchmark comparison\n\n");
        md.append(describe("Old", old)).append(describe("New", current));
        if (command != null) {
            md.append("- Command: `").append(command).append("`\n");
        }
        md.append('\n');
        String oldCpu = old.about().get("CPU");
        String newCpu = current.about().get("CPU");
        if (oldCpu != null && newCpu != null && !oldCpu.equals(newCpu)) {
            md.append("The two reports come from different CPUs: the ratios compare the machines as much as the code.\n\n");
        }
        md.append("Speed is old time / new time per operation (above 1 the new run is faster), with the error "
                + "propagated from JMH's 99.9% half-widths of both runs. A regression is slower even at the favourable "
                + "end of that error (speed + error < 1) and by more than ").append(percent(minChange))
                .append(" (speed < ").append(plain(1 - minChange))
                .append("); an improvement likewise the other way. The minimum is there because two runs differ by "
                        + "more than JMH's within-run error even with the same code.\n\n");
        md.append("**").append(summary()).append(".**\n\n");
        if (!rows.isEmpty()) {
            md.append("| verdict | benchmark | method | params | level | old time | new time | speed new/old |\n");
            md.append("|---|---|---|---|---|---:|---:|---:|\n");
            for (Row row : rows) {
                md.append("| ").append(row.verdict() == Verdict.REGRESSION ? "**regression**" : row.verdict().label())
                        .append(" | ").append(row.old().benchmark()).append(" | ").append(row.old().method())
                        .append(" | ").append(row.old().paramLabel()).append(" | ").append(row.old().level().label())
                        .append(" | ").append(time(row.old())).append(" | ").append(time(row.current()))
                        .append(" | ").append(row.speed()).append(" |\n");
            }
            md.append('\n');
        }
        appendUnmatched(md, "Only in the old report", onlyInOld);
        appendUnmatched(md, "Only in the new report", onlyInNew);
        return md.toString();
    }

    private static String describe(String side, SavedReport report) {
        StringBuilder line = new StringBuilder("- ").append(side).append(": `").append(report.path()).append('`');
        if (report.files().size() != 1 || !report.files().get(0).equals(report.path())) {
            line.append(" (").append(String.join(", ", report.files().stream().map(f -> f.getFileName().toString()).toList()))
                    .append(')');
        }
        line.append('\n');
        report.about().forEach((key, value) -> line.append("  - ").append(key).append(": ").append(value).append('\n'));
        return line.toString();
    }

    private static void appendUnmatched(StringBuilder md, String title, List<JmhResult> results) {
        if (results.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append(" (").append(results.size()).append(")\n\n");
        for (JmhResult r : results) {
            md.append("- ").append(describe(r)).append(": ").append(time(r)).append('\n');
        }
        md.append('\n');
    }

    private static String describe(JmhResult r) {
        return r.benchmark() + "." + r.method() + (r.params().isEmpty() ? "" : " (" + r.paramLabel() + ")")
                + " at level " + r.level().label();
    }

    /** A time per operation with its error, in ns, µs, ms or s so that it reads in a few digits. */
    static String time(JmhResult r) {
        double ns = r.nsPerOp();
        double err = r.nsError();
        double scale = ns < 1e4 ? 1 : ns < 1e7 ? 1e3 : ns < 1e10 ? 1e6 : 1e9;
        String unit = scale == 1 ? "ns" : scale == 1e3 ? "µs" : scale == 1e6 ? "ms" : "s";
        return Double.isNaN(err)
                ? String.format(Locale.ROOT, "%.1f %s", ns / scale, unit)
                : String.format(Locale.ROOT, "%.1f ± %.1f %s", ns / scale, err / scale, unit);
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String percent(double fraction) {
        return plain(fraction * 100) + "%";
    }

    /** Four significant digits, no trailing zeros: 3, 2.5, 0.97. */
    private static String plain(double x) {
        return BigDecimal.valueOf(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
