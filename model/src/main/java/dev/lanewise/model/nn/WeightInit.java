package dev.lanewise.model.nn;

import java.util.SplittableRandom;

/**
 * How a dense layer's weights start, with PyTorch's formulas ({@code torch.nn.init}); biases start at zero.
 * Fan-in is the layer's input size, fan-out its output size. The He (Kaiming) variants use the ReLU gain
 * sqrt(2) with fan-in, as {@code kaiming_uniform_(w, nonlinearity='relu')} does.
 */
public enum WeightInit {
    /** All zeros: right for convex models (linear, logistic, softmax regression), wrong for hidden layers. */
    ZEROS,
    /** U(-a, a) with a = sqrt(6 / (fanIn + fanOut)). */
    XAVIER_UNIFORM,
    /** N(0, std^2) with std = sqrt(2 / (fanIn + fanOut)). */
    XAVIER_NORMAL,
    /** U(-a, a) with a = sqrt(6 / fanIn). */
    HE_UNIFORM,
    /** N(0, std^2) with std = sqrt(2 / fanIn). */
    HE_NORMAL;

    /** Fills {@code weights} (fanIn x fanOut) from {@code random}. */
    public void fill(float[] weights, int fanIn, int fanOut, SplittableRandom random) {
        switch (this) {
            case ZEROS -> java.util.Arrays.fill(weights, 0f);
            case XAVIER_UNIFORM -> uniform(weights, Math.sqrt(6.0 / (fanIn + fanOut)), random);
            case XAVIER_NORMAL -> normal(weights, Math.sqrt(2.0 / (fanIn + fanOut)), random);
            case HE_UNIFORM -> uniform(weights, Math.sqrt(6.0 / fanIn), random);
            case HE_NORMAL -> normal(weights, Math.sqrt(2.0 / fanIn), random);
        }
    }

    private static void uniform(float[] w, double bound, SplittableRandom random) {
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextDouble(-bound, bound);
        }
    }

    private static void normal(float[] w, double std, SplittableRandom random) {
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() * std);
        }
    }
}
