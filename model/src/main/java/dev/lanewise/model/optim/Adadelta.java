package dev.lanewise.model.optim;

import dev.lanewise.kernels.optim.AdadeltaConfig;

/** {@code torch.optim.Adadelta} over a set of parameter arrays. */
public final class Adadelta extends Optimizer {
    private AdadeltaConfig config;
    private final float[][] squareAvg;
    private final float[][] accDelta;

    public Adadelta(AdadeltaConfig config, float[]... params) {
        super(params);
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.squareAvg = buffers();
        this.accDelta = buffers();
    }

    @Override
    protected void update(int k, float[] param, float[] grad, int from, int to, long step) {
        KERNELS.adadelta(to - from, param, from, grad, from, squareAvg[k], from, accDelta[k], from, config);
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
