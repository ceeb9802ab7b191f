package dev.lanewise.model.train;

/**
 * One row of a training history.
 *
 * @param epoch            1-based
 * @param trainLoss        mean over the epoch's batches of the batch objective (loss plus penalties)
 * @param validationLoss   the loss on the validation data after the epoch, NaN without validation data
 * @param metricName       what {@code metric} is (e.g. {@code accuracy}, {@code r2}), on the validation data
 *                         where there is some, else on the training data
 * @param metric           its value after the epoch
 * @param lr               the learning rate the epoch's last step used
 * @param gradNorm         the global 2-norm of all gradients at the epoch's last step (before clipping)
 * @param layerGradNorms   per parameterized layer, the 2-norm of its gradients at that step
 * @param layerWeightNorms per parameterized layer, the 2-norm of its weights after the epoch
 * @param seconds          wall time of the epoch, validation included
 * @param samples          training rows seen in the epoch
 */
public record EpochRecord(int epoch, double trainLoss, double validationLoss, String metricName, double metric, double lr,
        double gradNorm, double[] layerGradNorms, double[] layerWeightNorms, double seconds, long samples) {

    public EpochRecord {
        layerGradNorms = layerGradNorms.clone();
        layerWeightNorms = layerWeightNorms.clone();
    }

    @Override
    public double[] layerGradNorms() {
        return layerGradNorms.clone();
    }

    @Override
    public double[] layerWeightNorms() {
        return layerWeightNorms.clone();
    }

    /** Training rows per second in this epoch. */
    public double samplesPerSecond() {
        return seconds > 0 ? samples / seconds : Double.NaN;
    }
}
