package dev.lanewise.harness.cli;

import dev.lanewise.model.train.EpochRecord;
import dev.lanewise.model.train.History;
import java.util.List;
import java.util.Locale;

/** Lines that sum up a fit for the terminal: its length, speed and the scores of the epoch the model kept. */
final class Fits {
    private Fits() {}

    /** {@code 42 epochs in 1.23 s, 51234 samples/s}. */
    static String timing(History history, double seconds) {
        List<EpochRecord> epochs = history.epochs();
        long samples = epochs.stream().mapToLong(EpochRecord::samples).sum();
        return String.format(Locale.ROOT, "%d epochs in %.2f s, %.0f samples/s", epochs.size(), seconds,
                seconds > 0 ? samples / seconds : Double.NaN);
    }

    /** The losses and metric of the epoch whose weights the model kept. */
    static String kept(History history) {
        List<EpochRecord> epochs = history.epochs();
        int best = history.bestEpoch();
        if (best < 1 || best > epochs.size()) {
            return "no epoch was kept";
        }
        EpochRecord r = epochs.get(best - 1);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epoch %d (kept): training loss %.6g", best, r.trainLoss()));
        boolean validation = !Double.isNaN(r.validationLoss());
        if (validation) {
            sb.append(String.format(Locale.ROOT, ", validation loss %.6g", r.validationLoss()));
        }
        if (!r.metricName().isEmpty()) {
            sb.append(String.format(Locale.ROOT, ", %s %s %.4f", validation ? "validation" : "training", r.metricName(), r.metric()));
        }
        return sb.toString();
    }
}
