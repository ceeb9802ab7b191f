package dev.lanewise.harness.cli;

import dev.lanewise.model.train.Callback;
import dev.lanewise.model.train.EpochRecord;
import dev.lanewise.model.train.History;
import dev.lanewise.model.train.ProgressLogger;
import dev.lanewise.model.train.TrainingStart;
import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What {@code train} shows while it trains: on a terminal, a progress bar over the epochs (me.tongfei's
 * progressbar) with the loss, the validation loss and metric, the learning rate and samples/s of the last
 * epoch; elsewhere (a pipe, a file, a CI log) a plain line every tenth of the run, so logs stay short; or
 * nothing. Close it after the fit, also after a failed one, to stop the bar's refresh thread.
 */
public final class TrainingProgress implements Callback, AutoCloseable {
    /** How progress is shown. */
    public enum Style {
        /** A bar where standard output is a terminal, else lines. */
        AUTO,
        /** A progress bar, redrawn in place. */
        BAR,
        /** A plain line every tenth of the epochs, and one for the last. */
        LINES,
        /** Nothing. */
        NONE
    }

    private final Style style;
    private final PrintStream out;
    private ProgressBar bar;
    private ProgressLogger lines;

    /** @param style {@link Style#AUTO} picks {@link Style#BAR} or {@link Style#LINES} by {@link #isTerminal()} */
    public TrainingProgress(Style style, PrintStream out) {
        this.style = style == Style.AUTO ? (isTerminal() ? Style.BAR : Style.LINES) : style;
        this.out = out;
    }

    /**
     * Whether standard output is an interactive terminal. Since JDK 22 {@link System#console()} returns a
     * console even when the streams are redirected, so {@link Console#isTerminal()} decides.
     */
    public static boolean isTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    /** The style in effect ({@link Style#AUTO} resolved). */
    public Style style() {
        return style;
    }

    @Override
    public void onTrainBegin(TrainingStart start) {
        int epochs = start.config().maxEpochs();
        switch (style) {
            case BAR -> bar = new ProgressBarBuilder()
                    .setTaskName("train")
                    .setInitialMax(epochs)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setUpdateIntervalMillis(200)
                    .setConsumer(new ConsoleProgressBarConsumer(out))
                    .build();
            case LINES -> {
                lines = new ProgressLogger(out::println, Math.max(1, epochs / 10));
                lines.onTrainBegin(start);
            }
            default -> { }
        }
    }

    @Override
    public boolean onEpochEnd(EpochRecord record) {
        if (bar != null) {
            bar.setExtraMessage(summary(record));
            bar.stepTo(record.epoch());
        } else if (lines != null) {
            lines.onEpochEnd(record);
        }
        return true;
    }

    @Override
    public void onTrainEnd(History history) {
        if (bar != null) {
            EpochRecord last = history.last();
            if (last != null) {
                bar.maxHint(last.epoch()); // an early stop ends the bar at 100%, not part way
            }
            bar.close();
            bar = null;
            out.println("stopped: " + history.stopReason() + " (the model has the weights of epoch " + history.bestEpoch() + ")");
        } else if (lines != null) {
            lines.onTrainEnd(history);
        }
    }

    /** {@code loss 0.123 val_loss 0.145 val_acc 0.9611 lr 1.00e-03 52310 samples/s}. */
    static String summary(EpochRecord r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "loss %.4g", r.trainLoss()));
        if (!Double.isNaN(r.validationLoss())) {
            sb.append(String.format(Locale.ROOT, " val_loss %.4g", r.validationLoss()));
        }
        if (!r.metricName().isEmpty()) {
            String prefix = Double.isNaN(r.validationLoss()) ? "" : "val_"; // the metric is on the validation rows where there are some
            String metric = r.metricName().equals("accuracy") ? "acc" : r.metricName(); // the bar shares a terminal line
            sb.append(String.format(Locale.ROOT, " %s%s %.4f", prefix, metric, r.metric()));
        }
        sb.append(String.format(Locale.ROOT, " lr %.3g %.0f samples/s", r.lr(), r.samplesPerSecond()));
        return sb.toString();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
