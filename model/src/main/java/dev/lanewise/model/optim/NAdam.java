package dev.lanewise.model.optim;

import dev.lanewise.kernels.optim.NAdamConfig;

/** {@code torch.optim.NAdam} (its documented algorithm) over a set of parameter arrays. */
public final class NAdam extends Optimizer {
    private NAdamConfig config;
    private final float[][] expAvg;
    private final float[][] expAvgSq;
    private final double[] muProduct;

    public NAdam(NAdamConfig config, float[]... params) {
        super(params);
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.expAvg = buffers();
        this.expAvgSq = buffers();
        this.muProduct = new double[size()];
        java.util.Arrays.fill(muProduct, 1);
    }

    @Override
    protected void update(int k, float[] param, float[] grad, long step) {
        muProduct[k] = KERNELS.nadam(param.length, param, 0, grad, 0, expAvg[k], 0, expAvgSq[k], 0, config, step,
                muProduct[k]);
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
