package dev.lanewise.kernels.optim;

import dev.lanewise.kernels.internal.FmaPolicy;

/**
 * Optimizer updates and gradient transforms over contiguous float ranges ({@code array[offset, offset + n)}),
 * each one fused pass that reads and writes every array once, in place.
 *
 * <p>The updates follow the single-tensor algorithms of PyTorch 1.13's {@code torch.optim} (Lion: the
 * paper's Algorithm 2), with their hyperparameter names. {@code step} is PyTorch's {@code state['step']}
 * after its increment: 1 on the first call. Per-step scalars (bias corrections, the decayed learning rate,
 * NAdam's momentum schedule) are computed once per call, in double, and rounded once to float, so both paths
 * see the same values; every per-element operation is in float.
 *
 * <p>Every instance a caller can obtain ({@link Optimizers#kernels()},
 * {@link dev.lanewise.kernels.KernelProvider#optimizers()}), like the facades {@link Optimizers} and
 * {@link GradientTransforms}, checks its arguments before it writes anything: a null array or configuration
 * throws {@link NullPointerException}, a range outside its array {@link IndexOutOfBoundsException}, a
 * negative {@code n}, {@code step < 1}, a NAdam {@code muProduct} outside (0, 1], a negative or non-finite
 * {@code clip} or {@code lambda} {@link IllegalArgumentException}. Buffers a configuration does not use (the
 * momentum buffer of SGD without momentum, AMSGrad's maximum without amsgrad, ...) may be null and are not
 * checked. Arrays must not overlap one another.
 *
 * <h2>How far the vector result may be from the scalar one</h2>
 * <ul>
 *   <li>Every update, {@link #clipByValue} and the gradients of {@link #l1Penalty} and {@link #l2Penalty}:
 *       exact (0 ulp, bit-identical parameters and state). Both paths perform the same float operations in
 *       the same order, and fuse multiply-add exactly where {@link FmaPolicy} says; division and square root
 *       are correctly rounded in both.</li>
 *   <li>The values returned by {@link #l1Penalty} and {@link #l2Penalty}: at most 1 ulp apart. Both sum
 *       exact float magnitudes (or squares) in double, where the order changes the sum by far less than a
 *       float ulp for any n below 2<sup>29</sup>, and round once.</li>
 *   <li>{@link #allFinite}: exact (a predicate).</li>
 * </ul>
 *
 * <h2>Non-finite gradients</h2>
 * The kernels do what PyTorch does: NaN in gives NaN out, in the parameter and in the state it reaches.
 * The facade {@link Optimizers} refuses to let that happen silently: it checks the gradient first and
 * skips the whole step, writing nothing, where it holds a NaN or an infinity (see there).
 */
public interface OptimizerKernels {

    /**
     * {@code torch.optim.SGD}: g = ±grad (+ weight_decay * theta); with momentum, b = g on step 1, else
     * b = momentum * b + (1 - dampening) * g, and d = nesterov ? g + momentum * b : b; theta -= lr * d.
     * {@code buf} may be null without momentum.
     */
    void sgd(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] buf, int bufOffset,
            SgdConfig config, long step);

    /**
     * {@code torch.optim.Adagrad}: s += g^2; theta -= clr * g / (sqrt(s) + eps), clr = lr / (1 + (t-1) lr_decay).
     * {@code sum} starts at {@code initial_accumulator_value}.
     */
    void adagrad(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] sum, int sumOffset,
            AdagradConfig config, long step);

    /**
     * {@code torch.optim.RMSprop}: sq = alpha sq + (1 - alpha) g^2; centered: ga = alpha ga + (1 - alpha) g and
     * avg = sqrt(sq - ga^2) + eps, else avg = sqrt(sq) + eps; with momentum b = momentum b + g / avg and
     * theta -= lr b, else theta -= lr g / avg. {@code gradAvg} may be null unless centered, {@code buf} unless
     * momentum &gt; 0.
     */
    void rmsprop(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] squareAvg,
            int squareAvgOffset, float[] gradAvg, int gradAvgOffset, float[] buf, int bufOffset, RmspropConfig config);

    /**
     * {@code torch.optim.Adadelta}: sq = rho sq + (1 - rho) g^2; delta = sqrt(acc + eps) / sqrt(sq + eps) * g;
     * acc = rho acc + (1 - rho) delta^2; theta -= lr delta.
     */
    void adadelta(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] squareAvg,
            int squareAvgOffset, float[] accDelta, int accDeltaOffset, AdadeltaConfig config);

    /**
     * {@code torch.optim.Adam} or, where {@link AdamConfig#decoupled}, {@code torch.optim.AdamW}:
     * m = beta1 m + (1 - beta1) g; v = beta2 v + (1 - beta2) g^2; amsgrad: vMax = max(vMax, v), used for v;
     * theta -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps). Adam adds weight_decay * theta
     * to g; AdamW first multiplies theta by 1 - lr * weight_decay. {@code vMax} may be null without amsgrad.
     */
    void adam(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m, int mOffset, float[] v,
            int vOffset, float[] vMax, int vMaxOffset, AdamConfig config, long step);

    /**
     * {@code torch.optim.Adamax}: m = beta1 m + (1 - beta1) g; u = max(beta2 u, |g| + eps);
     * theta -= lr / (1 - beta1^t) * m / u.
     */
    void adamax(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m, int mOffset, float[] u,
            int uOffset, AdamaxConfig config, long step);

    /**
     * {@code torch.optim.NAdam}: with mu_t from {@link NAdamConfig#mu}, P_t = muProduct * mu_t,
     * m and v as in Adam, denom = sqrt(v / (1 - beta2^t)) + eps,
     * theta -= lr (1 - mu_t) / (1 - P_t) g / denom + lr mu_{t+1} / (1 - P_t mu_{t+1}) m / denom
     * (both terms summed before the one division).
     *
     * @param muProduct the product mu_1 ... mu_{t-1} (1 on the first step), PyTorch's {@code mu_product}
     * @return the product mu_1 ... mu_t, to pass to the next step
     */
    double nadam(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m, int mOffset, float[] v,
            int vOffset, NAdamConfig config, long step, double muProduct);

    /**
     * {@code torch.optim.RAdam}: m and v as in Adam; where {@link RAdamConfig#rectified} theta -=
     * {@link RAdamConfig#rectifiedStepSize} * m / (sqrt(v) + eps), else theta -= lr / (1 - beta1^t) * m.
     */
    void radam(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m, int mOffset, float[] v,
            int vOffset, RAdamConfig config, long step);

    /**
     * Lion (Chen et al. 2023, Algorithm 2): c = beta1 m + (1 - beta1) g; theta = theta (1 - lr weight_decay)
     * - lr sign(c) (sign(0) = 0); m = beta2 m + (1 - beta2) g.
     */
    void lion(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m, int mOffset,
            LionConfig config);

    /**
     * {@code grad = min(max(grad, -clip), clip)}, as {@code torch.nn.utils.clip_grad_value_}; NaN stays NaN.
     * {@code clip} must be finite and {@code >= 0}.
     */
    void clipByValue(int n, float[] grad, int gradOffset, float clip);

    /**
     * The L2 penalty lambda/2 * sum theta^2, returned, with its gradient lambda * theta added to {@code grad};
     * {@code lambda} must be finite and {@code >= 0}.
     */
    float l2Penalty(int n, float lambda, float[] param, int paramOffset, float[] grad, int gradOffset);

    /**
     * The L1 penalty lambda * sum |theta|, returned, with its subgradient lambda * sign(theta) (0 at 0) added
     * to {@code grad}; {@code lambda} must be finite and {@code >= 0}.
     */
    float l1Penalty(int n, float lambda, float[] param, int paramOffset, float[] grad, int gradOffset);

    /** Whether no element is NaN or infinite. */
    boolean allFinite(int n, float[] x, int xOffset);
}
