package dev.lanewise.harness.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's output for a long report: JMH's own text goes to a log file (the {@code log} format), and the console
 * gets a progress bar of (benchmark, parameters) runs done out of those planned, naming the one running; where
 * the console is no terminal (CI, a pipe), one line per run instead, so a log still shows where it stands.
 */
public final class JmhProgress implements OutputFormat {
    private final OutputFormat log;
    private final PrintStream console;
    private final String phase;
    private final int planned;
    private final boolean bar;
    private ProgressBar progress;
    private int started;

    /**
     * @param log     the format JMH's text goes to (e.g. {@code OutputFormatFactory.createFormatInstance} on a file)
     * @param console where progress goes
     * @param phase   the report phase, shown before the bar
     * @param planned the runs planned ({@link BenchmarkCatalog#plannedRuns}); 0 if unknown
     */
    public JmhProgress(OutputFormat log, PrintStream console, String phase, int planned) {
        this.log = log;
        this.console = console;
        this.phase = phase;
        this.planned = planned;
        this.bar = System.console() != null;
    }

    @Override
    public void startRun() {
        log.startRun();
        if (bar) {
            progress = new ProgressBarBuilder().setTaskName(phase).setInitialMax(planned > 0 ? planned : -1)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(500)
                    .setConsumer(new ConsoleProgressBarConsumer(console)).build();
        }
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        log.startBenchmark(params);
        started++;
        String name = shortName(params);
        if (progress != null) {
            progress.stepTo(started - 1);
            progress.setExtraMessage(name);
        } else {
            console.printf(Locale.ROOT, "%s [%d/%s] %s%n", phase, started, planned > 0 ? Integer.toString(planned) : "?", name);
            console.flush();
        }
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        log.endBenchmark(result);
        if (progress != null) {
            progress.stepTo(started);
        }
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        log.endRun(result);
        if (progress != null) {
            progress.close();
            progress = null;
        }
    }

    /** {@code BlasBenchmark.dotVector size=4096}. */
    static String shortName(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
        StringBuilder name = new StringBuilder(benchmark.substring(cls.lastIndexOf('.') + 1));
        for (String key : params.getParamsKeys()) {
            name.append(' ').append(key).append('=').append(params.getParam(key));
        }
        return name.toString();
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        log.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
        log.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void print(String s) {
        log.print(s);
    }

    @Override
    public void println(String s) {
        log.println(s);
    }

    @Override
    public void flush() {
        log.flush();
    }

    @Override
    public void close() {
        log.close();
    }

    @Override
    public void verbosePrintln(String s) {
        log.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        log.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.write(b);
    }
}
