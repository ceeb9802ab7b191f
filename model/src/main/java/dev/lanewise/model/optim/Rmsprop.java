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
    protected void update(int k, float[] param, float[] grad, long step) {
        KERNELS.rmsprop(param.length, param, 0, grad, 0, squareAvg[k], 0, gradAvg == null ? null : gradAvg[k], 0,
                momentumBuffer == null ? null : momentumBuffer[k], 0, config);
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
