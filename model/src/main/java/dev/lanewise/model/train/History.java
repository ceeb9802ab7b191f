package dev.lanewise.model.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What happened in a fit, an {@link EpochRecord} per epoch, and why it stopped. */
public final class History {
    private final List<String> layerNames;
    private final List<EpochRecord> epochs = new ArrayList<>();
    private String stopReason = "not started";
    private int bestEpoch;

    public History(List<String> layerNames) {
        this.layerNames = List.copyOf(layerNames);
    }

    void add(EpochRecord record) {
        epochs.add(record);
    }

    void stopped(String reason, int bestEpoch) {
        this.stopReason = reason;
        this.bestEpoch = bestEpoch;
    }

    /** The epochs run, in order. */
    public List<EpochRecord> epochs() {
        return List.copyOf(epochs);
    }

    /** The names of the parameterized layers, in the order of the per-layer norms. */
    public List<String> layerNames() {
        return layerNames;
    }

    /** The last epoch, or null before the first. */
    public EpochRecord last() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }

    /** Why training stopped: max epochs, early stopping, tolerance, a callback. */
    public String stopReason() {
        return stopReason;
    }

    /** The epoch whose weights the model ended with (the best one where early stopping restored it). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The history as CSV, a row per epoch, per-layer norms in columns named after the layers. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("epoch,train_loss,validation_loss,metric_name,metric,lr,grad_norm,seconds,samples_per_second");
        for (String name : layerNames) {
            sb.append(',').append(name).append("_grad_norm");
        }
        for (String name : layerNames) {
            sb.append(',').append(name).append("_weight_norm");
        }
        sb.append('\n');
        for (EpochRecord r : epochs) {
            sb.append(r.epoch()).append(',').append(num(r.trainLoss())).append(',').append(num(r.validationLoss()))
                    .append(',').append(r.metricName()).append(',').append(num(r.metric())).append(',').append(num(r.lr()))
                    .append(',').append(num(r.gradNorm())).append(',').append(num(r.seconds())).append(',')
                    .append(num(r.samplesPerSecond()));
            for (double v : r.layerGradNorms()) {
                sb.append(',').append(num(v));
            }
            for (double v : r.layerWeightNorms()) {
                sb.append(',').append(num(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.9g", v);
    }
}
