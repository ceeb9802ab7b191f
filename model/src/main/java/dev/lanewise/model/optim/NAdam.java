package dev.lanewise.model.optim;

import dev.lanewise.kernels.optim.NAdamConfig;

/**
 * {@code torch.optim.NAdam} (its documented algorithm) over a set of parameter arrays. PyTorch keeps a
 * momentum product per parameter; every array steps together here, so all would hold the same value, and
 * one product is kept, advanced once per step (not once per array or chunk).
 */
public final class NAdam extends Optimizer {
    private NAdamConfig config;
    private final float[][] expAvg;
    private final float[][] expAvgSq;
    /** mu_1 ... mu_t after step t; 1 before the first step. */
    private double muProduct = 1;
    /** mu_1 ... mu_{t-1}: what the kernel takes during step t. */
    private double muProductBefore = 1;

    public NAdam(NAdamConfig config, float[]... params) {
        super(params);
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.expAvg = buffers();
        this.expAvgSq = buffers();
    }

    @Override
    protected void beginStep(long step) {
        muProductBefore = muProduct;
        // The product the kernel returns for this step (NAdamConfig.stepFactors: muProduct * mu(step)).
        muProduct = muProductBefore * config.mu(step);
    }

    @Override
    protected void update(int k, float[] param, float[] grad, int from, int to, long step) {
        KERNELS.nadam(to - from, param, from, grad, from, expAvg[k], from, expAvgSq[k], from, config, step,
                muProductBefore);
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
