package dev.lanewise.model.optim;

import dev.lanewise.kernels.optim.AdamaxConfig;

/** {@code torch.optim.Adamax} over a set of parameter arrays. */
public final class Adamax extends Optimizer {
    private AdamaxConfig config;
    private final float[][] expAvg;
    private final float[][] expInf;

    public Adamax(AdamaxConfig config, float[]... params) {
        super(params);
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.expAvg = buffers();
        this.expInf = buffers();
    }

    @Override
    protected void update(int k, float[] param, float[] grad, int from, int to, long step) {
        KERNELS.adamax(to - from, param, from, grad, from, expAvg[k], from, expInf[k], from, config, step);
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
