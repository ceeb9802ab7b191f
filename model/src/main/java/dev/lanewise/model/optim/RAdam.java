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
    protected void update(int k, float[] param, float[] grad, long step) {
        KERNELS.radam(param.length, param, 0, grad, 0, expAvg[k], 0, expAvgSq[k], 0, config, step);
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
