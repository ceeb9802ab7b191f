package dev.lanewise.kernels.internal;

import dev.lanewise.kernels.optim.AdadeltaConfig;
import dev.lanewise.kernels.optim.AdagradConfig;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.AdamaxConfig;
import dev.lanewise.kernels.optim.LionConfig;
import dev.lanewise.kernels.optim.NAdamConfig;
import dev.lanewise.kernels.optim.OptimizerKernels;
import dev.lanewise.kernels.optim.RAdamConfig;
import dev.lanewise.kernels.optim.RmspropConfig;
import dev.lanewise.kernels.optim.SgdConfig;
import java.util.Objects;

/**
 * The checking layer over one implementation's optimizer kernels: each method checks every argument,
 * {@code step >= 1} and every state buffer its configuration needs, naming the argument and its value,
 * before it delegates, so a refused call writes nothing. It does not skip non-finite gradients: that is the
 * facade's policy, which runs these same checks ({@code checkXxx}) before its scan of the gradient, so that a
 * bad call is refused whether or not the step would have been skipped.
 *
 * <p>A record because C2 trusts a record's final fields as constants: held in a {@code static final}, its
 * {@code kernels} folds to a constant receiver and the implementation's method inlines into the call site
 * as if there were no wrapper.
 *
 * @param kernels the unchecked implementation
 */
public record CheckedOptimizers(OptimizerKernels kernels) implements OptimizerKernels {

    public CheckedOptimizers {
        Objects.requireNonNull(kernels, "kernels");
    }

    @Override
    public void sgd(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] buf, int bufOffset,
            SgdConfig config, long step) {
        checkSgd(n, param, paramOffset, grad, gradOffset, buf, bufOffset, config, step);
        kernels.sgd(n, param, paramOffset, grad, gradOffset, buf, bufOffset, config, step);
    }

    @Override
    public void adagrad(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] sum,
            int sumOffset, AdagradConfig config, long step) {
        checkAdagrad(n, param, paramOffset, grad, gradOffset, sum, sumOffset, config, step);
        kernels.adagrad(n, param, paramOffset, grad, gradOffset, sum, sumOffset, config, step);
    }

    @Override
    public void rmsprop(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] squareAvg,
            int squareAvgOffset, float[] gradAvg, int gradAvgOffset, float[] buf, int bufOffset, RmspropConfig config) {
        checkRmsprop(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, gradAvg, gradAvgOffset, buf,
                bufOffset, config);
        kernels.rmsprop(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, gradAvg, gradAvgOffset,
                buf, bufOffset, config);
    }

    @Override
    public void adadelta(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] squareAvg,
            int squareAvgOffset, float[] accDelta, int accDeltaOffset, AdadeltaConfig config) {
        checkAdadelta(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, accDelta, accDeltaOffset,
                config);
        kernels.adadelta(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, accDelta,
                accDeltaOffset, config);
    }

    @Override
    public void adam(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m, int mOffset,
            float[] v, int vOffset, float[] vMax, int vMaxOffset, AdamConfig config, long step) {
        checkAdam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, vMax, vMaxOffset, config, step);
        kernels.adam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, vMax, vMaxOffset, config, step);
    }

    @Override
    public void adamax(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m, int mOffset,
            float[] u, int uOffset, AdamaxConfig config, long step) {
        checkAdamax(n, param, paramOffset, grad, gradOffset, m, mOffset, u, uOffset, config, step);
        kernels.adamax(n, param, paramOffset, grad, gradOffset, m, mOffset, u, uOffset, config, step);
    }

    @Override
    public double nadam(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m, int mOffset,
            float[] v, int vOffset, NAdamConfig config, long step, double muProduct) {
        checkNadam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step, muProduct);
        return kernels.nadam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step,
                muProduct);
    }

    @Override
    public void radam(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m, int mOffset,
            float[] v, int vOffset, RAdamConfig config, long step) {
        checkRadam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step);
        kernels.radam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step);
    }

    @Override
    public void lion(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m, int mOffset,
            LionConfig config) {
        checkLion(n, param, paramOffset, grad, gradOffset, m, mOffset, config);
        kernels.lion(n, param, paramOffset, grad, gradOffset, m, mOffset, config);
    }

    @Override
    public void clipByValue(int n, float[] grad, int gradOffset, float clip) {
        if (!(clip >= 0) || Float.isInfinite(clip)) {
            throw new IllegalArgumentException("clip_value must be finite and >= 0, was " + clip);
        }
        Check.length("n", n);
        Check.range("grad", grad, gradOffset, n);
        kernels.clipByValue(n, grad, gradOffset, clip);
    }

    @Override
    public float l2Penalty(int n, float lambda, float[] param, int paramOffset, float[] grad, int gradOffset) {
        checkPenalty(n, lambda, param, paramOffset, grad, gradOffset);
        return kernels.l2Penalty(n, lambda, param, paramOffset, grad, gradOffset);
    }

    @Override
    public float l1Penalty(int n, float lambda, float[] param, int paramOffset, float[] grad, int gradOffset) {
        checkPenalty(n, lambda, param, paramOffset, grad, gradOffset);
        return kernels.l1Penalty(n, lambda, param, paramOffset, grad, gradOffset);
    }

    @Override
    public boolean allFinite(int n, float[] x, int xOffset) {
        Check.length("n", n);
        Check.range("x", x, xOffset, n);
        return kernels.allFinite(n, x, xOffset);
    }

    /** Refuses a step count below 1: {@code step} is PyTorch's count after its increment. */
    public static void checkStep(long step) {
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1 (PyTorch's count after its increment), was " + step);
        }
    }

    /** The checks of {@link #sgd}. */
    public static void checkSgd(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] buf,
            int bufOffset, SgdConfig config, long step) {
        Check.notNull("config", config);
        checkStep(step);
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("momentum_buffer", config.hasMomentum(), buf, bufOffset, n);
    }

    /** The checks of {@link #adagrad}. */
    public static void checkAdagrad(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] sum,
            int sumOffset, AdagradConfig config, long step) {
        Check.notNull("config", config);
        checkStep(step);
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("sum", true, sum, sumOffset, n);
    }

    /** The checks of {@link #rmsprop}, which keeps no step count. */
    public static void checkRmsprop(int n, float[] param, int paramOffset, float[] grad, int gradOffset,
            float[] squareAvg, int squareAvgOffset, float[] gradAvg, int gradAvgOffset, float[] buf, int bufOffset,
            RmspropConfig config) {
        Check.notNull("config", config);
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("square_avg", true, squareAvg, squareAvgOffset, n);
        checkState("grad_avg", config.centered(), gradAvg, gradAvgOffset, n);
        checkState("momentum_buffer", config.momentum() > 0, buf, bufOffset, n);
    }

    /** The checks of {@link #adadelta}, which keeps no step count. */
    public static void checkAdadelta(int n, float[] param, int paramOffset, float[] grad, int gradOffset,
            float[] squareAvg, int squareAvgOffset, float[] accDelta, int accDeltaOffset, AdadeltaConfig config) {
        Check.notNull("config", config);
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("square_avg", true, squareAvg, squareAvgOffset, n);
        checkState("acc_delta", true, accDelta, accDeltaOffset, n);
    }

    /** The checks of {@link #adam}. */
    public static void checkAdam(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m,
            int mOffset, float[] v, int vOffset, float[] vMax, int vMaxOffset, AdamConfig config, long step) {
        Check.notNull("config", config);
        checkStep(step);
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("exp_avg", true, m, mOffset, n);
        checkState("exp_avg_sq", true, v, vOffset, n);
        checkState("max_exp_avg_sq", config.amsgrad(), vMax, vMaxOffset, n);
    }

    /** The checks of {@link #adamax}. */
    public static void checkAdamax(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m,
            int mOffset, float[] u, int uOffset, AdamaxConfig config, long step) {
        Check.notNull("config", config);
        checkStep(step);
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("exp_avg", true, m, mOffset, n);
        checkState("exp_inf", true, u, uOffset, n);
    }

    /** The checks of {@link #nadam}, {@code muProduct} in (0, 1] included. */
    public static void checkNadam(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m,
            int mOffset, float[] v, int vOffset, NAdamConfig config, long step, double muProduct) {
        Check.notNull("config", config);
        checkStep(step);
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("exp_avg", true, m, mOffset, n);
        checkState("exp_avg_sq", true, v, vOffset, n);
        if (!(muProduct > 0 && muProduct <= 1)) {
            throw new IllegalArgumentException("mu_product must be in (0, 1], was " + muProduct);
        }
    }

    /** The checks of {@link #radam}. */
    public static void checkRadam(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m,
            int mOffset, float[] v, int vOffset, RAdamConfig config, long step) {
        Check.notNull("config", config);
        checkStep(step);
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("exp_avg", true, m, mOffset, n);
        checkState("exp_avg_sq", true, v, vOffset, n);
    }

    /** The checks of {@link #lion}, which keeps no step count. */
    public static void checkLion(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m,
            int mOffset, LionConfig config) {
        Check.notNull("config", config);
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("exp_avg", true, m, mOffset, n);
    }

    private static void checkCommon(int n, float[] param, int paramOffset, float[] grad, int gradOffset) {
        Check.length("n", n);
        Check.range("param", param, paramOffset, n);
        Check.range("grad", grad, gradOffset, n);
    }

    /** A state buffer the configuration needs must exist and hold the range; one it does not need is ignored. */
    private static void checkState(String name, boolean needed, float[] buffer, int offset, int n) {
        if (needed) {
            Check.range(name, buffer, offset, n);
        }
    }

    private static void checkPenalty(int n, float lambda, float[] param, int paramOffset, float[] grad,
            int gradOffset) {
        if (!(lambda >= 0) || Float.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, was " + lambda);
        }
        Check.length("n", n);
        Check.range("param", param, paramOffset, n);
        Check.range("grad", grad, gradOffset, n);
    }
}
