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
    protected void update(int k, float[] param, float[] grad, long step) {
        KERNELS.adam(param.length, param, 0, grad, 0, expAvg[k], 0, expAvgSq[k], 0,
                maxExpAvgSq == null ? null : maxExpAvgSq[k], 0, config, step);
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
