package dev.lanewise.harness;

import dev.lanewise.harness.bench.ReportComparison;
import dev.lanewise.harness.bench.ReportWriter;
import dev.lanewise.harness.bench.SavedReport;
import dev.lanewise.harness.cli.UserError;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Compares a benchmark report with an earlier one (two commits, or two machines): a Markdown table of speed
 * ratios with their errors, regressions beyond the error flagged ({@link ReportComparison} states the rule).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two benchmark reports: the new run's speed relative to the old one for every benchmark "
                + "in both, with errors, regressions beyond the error flagged, and what only one report has.")
public final class CompareCommand implements Callable<Integer> {
    /** Exit code with {@code --fail-on-regression} when a regression was found: not a failure of the command. */
    public static final int REGRESSED = 3;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "the earlier report: its .md, a folder with --name, or a JMH .json file")
    Path old;

    @Parameters(index = "1", paramLabel = "NEW", description = "the later report, named the same ways")
    Path current;

    @Option(names = "--name", description = "the report's name where OLD or NEW is a folder (results/<machine>/<name>.md)")
    String name;

    @Option(names = "--out", description = "write the comparison to this Markdown file (default: print it)")
    Path out;

    @Option(names = "--min-change", paramLabel = "PERCENT", defaultValue = "3",
            description = "smallest change flagged, in percent, on top of the error (default: ${DEFAULT-VALUE})")
    double minChangePercent;

    @Option(names = "--fail-on-regression", description = "exit with " + REGRESSED + " when any benchmark regressed (for CI)")
    boolean failOnRegression;

    @Override
    public Integer call() throws Exception {
        if (!(minChangePercent >= 0 && minChangePercent < 100)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--min-change must be in [0, 100) percent, was " + minChangePercent);
        }
        SavedReport before = SavedReport.open(old, name);
        SavedReport after = SavedReport.open(current, name);
        ReportComparison comparison = ReportComparison.of(before.results(), after.results(), minChangePercent / 100);
        if (comparison.rows().isEmpty()) {
            throw new UserError("no benchmark is in both reports (" + results(before) + " in " + old + ", "
                    + results(after) + " in " + current + "; they are matched on class, method, parameters and level)");
        }
        String markdown = comparison.markdown(before, after, "./lanewise run " + commandLine());
        if (out != null) {
            ReportWriter.writeAtomically(out, markdown);
            System.out.println("wrote " + out + ": " + comparison.summary());
        } else {
            System.out.print(markdown);
        }
        int regressions = comparison.count(ReportComparison.Verdict.REGRESSION);
        if (failOnRegression && regressions > 0) {
            System.err.println(spec.qualifiedName() + ": " + regressions + (regressions == 1 ? " benchmark" : " benchmarks")
                    + " regressed beyond the error");
            return REGRESSED;
        }
        return 0;
    }

    private static String results(SavedReport report) {
        int n = report.results().size();
        return n + (n == 1 ? " result" : " results");
    }

    /** This command's line as given (relative paths stay relative), for the comparison's header. */
    private String commandLine() {
        StringBuilder line = new StringBuilder("compare ").append(old).append(' ').append(current);
        if (name != null) {
            line.append(" --name ").append(name);
        }
        line.append(" --min-change ").append(java.math.BigDecimal.valueOf(minChangePercent).stripTrailingZeros().toPlainString());
        if (out != null) {
            line.append(" --out ").append(out);
        }
        return line.toString();
    }
}
