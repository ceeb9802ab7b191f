package dev.lanewise.model.optim;

import dev.lanewise.kernels.optim.SgdConfig;

/** {@code torch.optim.SGD} over a set of parameter arrays; the momentum buffer exists only with momentum. */
public final class Sgd extends Optimizer {
    private SgdConfig config;
    private final float[][] momentumBuffer;

    public Sgd(SgdConfig config, float[]... params) {
        super(params);
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.momentumBuffer = config.hasMomentum() ? buffers() : null;
    }

    @Override
    protected void update(int k, float[] param, float[] grad, int from, int to, long step) {
        KERNELS.sgd(to - from, param, from, grad, from, momentumBuffer == null ? null : momentumBuffer[k], from, config,
                step);
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
