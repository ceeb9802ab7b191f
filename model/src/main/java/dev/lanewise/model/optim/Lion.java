package dev.lanewise.model.optim;

import dev.lanewise.kernels.optim.LionConfig;

/** Lion (Chen et al. 2023, Algorithm 2) over a set of parameter arrays. */
public final class Lion extends Optimizer {
    private LionConfig config;
    private final float[][] expAvg;

    public Lion(LionConfig config, float[]... params) {
        super(params);
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.expAvg = buffers();
    }

    @Override
    protected void update(int k, float[] param, float[] grad, int from, int to, long step) {
        KERNELS.lion(to - from, param, from, grad, from, expAvg[k], from, config);
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
