package dev.lanewise.model.optim;

import dev.lanewise.kernels.optim.AdagradConfig;

/** {@code torch.optim.Adagrad} over a set of parameter arrays. */
public final class Adagrad extends Optimizer {
    private AdagradConfig config;
    private final float[][] sum;

    public Adagrad(AdagradConfig config, float[]... params) {
        super(params);
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.sum = buffers();
        for (float[] s : sum) {
            java.util.Arrays.fill(s, (float) config.initialAccumulatorValue());
        }
    }

    @Override
    protected void update(int k, float[] param, float[] grad, int from, int to, long step) {
        KERNELS.adagrad(to - from, param, from, grad, from, sum[k], from, config, step);
    }

    @Override
    public double lr() {
        return config.lr();
    }

    @Override
    protected void applyLr(double lr) {
        config = config.withLr(lr);
    }
}
