package dev.lanewise.model.optim;

import dev.lanewise.kernels.optim.RAdamConfig;

/** {@code torch.optim.RAdam} over a set of parameter arrays. */
public final class RAdam extends Optimizer {
    private RAdamConfig config;
    private final float[][] expAvg;
    private final float[][] expAvgSq;

    public RAdam(RAdamConfig config, float[]... params) {
        super(params);
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.expAvg = buffers();
        this.expAvgSq = buffers();
    }

    @Override
    protected void update(int k, float[] param, float[] grad, int from, int to, long step) {
        KERNELS.radam(to - from, param, from, grad, from, expAvg[k], from, expAvgSq[k], from, config, step);
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
