package dev.lanewise.model.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link Callback} that writes one line per epoch, in Keras's {@code key=value} habit, for example
 *
 * <pre>
 * epoch 3/100 train_loss=0.0812345 val_loss=0.0923456 accuracy=0.973684 lr=0.0100000 samples/s=412345
 * </pre>
 *
 * and, after the last epoch, one line saying why training stopped. {@code val_loss} is left out without
 * validation data and the metric without a scorer. Numbers are printed with six significant digits in
 * {@link Locale#ROOT}, so the lines read the same on every machine.
 */
public final class ProgressLogger implements Callback {
    private final Consumer<String> sink;
    private final int every;
    private int maxEpochs;

    /**
     * @param sink  receives each line, without a line terminator
     * @param every write a line for every {@code every}-th epoch (and always for the last one), &gt;= 1
     */
    public ProgressLogger(Consumer<String> sink, int every) {
        this.sink = Objects.requireNonNull(sink, "sink");
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1, was " + every);
        }
        this.every = every;
    }

    /** A line for every epoch to {@code sink}. */
    public static ProgressLogger to(Consumer<String> sink) {
        return new ProgressLogger(sink, 1);
    }

    /** A line for every epoch to {@code out} (for example {@code System.out}). */
    public static ProgressLogger to(PrintStream out) {
        Objects.requireNonNull(out, "out");
        return new ProgressLogger(out::println, 1);
    }

    @Override
    public void onTrainBegin(TrainingStart start) {
        maxEpochs = start.config().maxEpochs();
    }

    @Override
    public boolean onEpochEnd(EpochRecord record) {
        if (record.epoch() % every == 0 || record.epoch() == maxEpochs) {
            sink.accept(line(record, maxEpochs));
        }
        return true;
    }

    @Override
    public void onTrainEnd(History history) {
        EpochRecord last = history.last();
        // The last epoch gets its line even when a stopping rule ended the run between two of every's lines.
        if (last != null && last.epoch() % every != 0 && last.epoch() != maxEpochs) {
            sink.accept(line(last, maxEpochs));
        }
        sink.accept("stopped: " + history.stopReason() + " (the model has the weights of epoch " + history.bestEpoch() + ")");
    }

    /** The line for one epoch; {@code maxEpochs} 0 if unknown. */
    static String line(EpochRecord r, int maxEpochs) {
        StringBuilder sb = new StringBuilder("epoch ").append(r.epoch());
        if (maxEpochs > 0) {
            sb.append('/').append(maxEpochs);
        }
        sb.append(" train_loss=").append(num(r.trainLoss()));
        if (!Double.isNaN(r.validationLoss())) {
            sb.append(" val_loss=").append(num(r.validationLoss()));
        }
        if (!r.metricName().isEmpty()) {
            sb.append(' ').append(r.metricName()).append('=').append(num(r.metric()));
        }
        sb.append(" lr=").append(num(r.lr()));
        sb.append(" samples/s=").append(String.format(Locale.ROOT, "%.0f", r.samplesPerSecond()));
        return sb.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
