package dev.lanewise.model.optim;

import dev.lanewise.kernels.optim.AdamConfig;

/** {@code torch.optim.Adam}, or {@code torch.optim.AdamW} with {@link AdamConfig#adamW()}, over a set of parameter arrays. */
public final class Adam extends Optimizer {
    private AdamConfig config;
    private final float[][] expAvg;
    private final float[][] expAvgSq;
    private final float[][] maxExpAvgSq;

    public Adam(AdamConfig config, float[]... params) {
        super(params);
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.expAvg = buffers();
        this.expAvgSq = buffers();
        this.maxExpAvgSq = config.amsgrad() ? buffers() : null;
    }

    @Override
    protected void update(int k, float[] param, float[] grad, int from, int to, long step) {
        KERNELS.adam(to - from, param, from, grad, from, expAvg[k], from, expAvgSq[k], from,
                maxExpAvgSq == null ? null : maxExpAvgSq[k], from, config, step);
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
