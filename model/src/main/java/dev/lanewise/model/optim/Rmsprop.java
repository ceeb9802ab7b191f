package dev.lanewise.model.optim;

import dev.lanewise.kernels.optim.RmspropConfig;

/** {@code torch.optim.RMSprop} over a set of parameter arrays. */
public final class Rmsprop extends Optimizer {
    private RmspropConfig config;
    private final float[][] squareAvg;
    private final float[][] gradAvg;
    private final float[][] momentumBuffer;

    public Rmsprop(RmspropConfig config, float[]... params) {
        super(params);
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.squareAvg = buffers();
        this.gradAvg = config.centered() ? buffers() : null;
        this.momentumBuffer = config.momentum() > 0 ? buffers() : null;
    }

    @Override
    protected void update(int k, float[] param, float[] grad, int from, int to, long step) {
        KERNELS.rmsprop(to - from, param, from, grad, from, squareAvg[k], from, gradAvg == null ? null : gradAvg[k], from,
                momentumBuffer == null ? null : momentumBuffer[k], from, config);
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
