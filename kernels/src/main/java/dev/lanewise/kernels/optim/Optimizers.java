package dev.lanewise.kernels.optim;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.internal.Check;

/**
 * Optimizer steps, in place, on the kernels {@link Kernels} chose; see {@link OptimizerKernels} for each
 * algorithm (PyTorch 1.13's {@code torch.optim}) and for how far the vector result may be from the scalar
 * one. Hyperparameters arrive as validated records ({@link AdamConfig#adam()}, ...), so bad values were
 * refused when the record was made.
 *
 * <p>Every method checks all of its arguments before it writes anything: {@code step >= 1} (PyTorch's
 * step count after its increment), {@code n >= 0}, every range inside its array, and every state buffer the
 * configuration needs present. The whole-array overloads also refuse arrays of different lengths.
 *
 * <h2>Non-finite gradients</h2>
 * PyTorch lets a NaN or infinite gradient flow into the parameters and into the optimizer state, where a
 * NaN stays forever. Here each step first scans the gradient (a read-only pass) and, if any element is NaN
 * or infinite, skips the step: parameters and state are left exactly as they were and the method returns
 * {@code false}. This is what {@code torch.cuda.amp.GradScaler} does with overflowed steps. The caller
 * decides what to do (count it, lower the loss scale, stop); it keeps its step counter as it was. A NaN
 * <em>parameter</em> or state, which only a caller can create, still propagates as in PyTorch. Callers who
 * want PyTorch's propagation can call {@link #kernels()} directly.
 */
public final class Optimizers {
    // A static final, so C2 sees one constant receiver and inlines straight into the chosen kernel.
    private static final OptimizerKernels KERNELS = Kernels.provider().optimizers();

    private Optimizers() {}

    /** The kernels behind this facade, unchecked: no argument checks and no skipping of non-finite steps. */
    public static OptimizerKernels kernels() {
        return KERNELS;
    }

    /** {@code torch.optim.SGD} step; {@code buf} (the momentum buffer) may be null without momentum. */
    public static boolean sgd(int n, float[] param, int pOff, float[] grad, int gOff, float[] buf, int bOff,
            SgdConfig c, long step) {
        Check.notNull("config", c);
        common(n, param, pOff, grad, gOff, step);
        state("momentum_buffer", c.hasMomentum(), buf, bOff, n);
        if (!KERNELS.allFinite(n, grad, gOff)) {
            return false;
        }
        KERNELS.sgd(n, param, pOff, grad, gOff, buf, bOff, c, step);
        return true;
    }

    /** {@code torch.optim.SGD} step over whole arrays of one length. */
    public static boolean sgd(float[] param, float[] grad, float[] buf, SgdConfig c, long step) {
        int n = length(param, "grad", grad);
        same(n, "momentum_buffer", c != null && c.hasMomentum() ? buf : null);
        return sgd(n, param, 0, grad, 0, buf, 0, c, step);
    }

    /** Fills Adagrad's sum of squares with {@code initial_accumulator_value}, as PyTorch does at creation. */
    public static void initAdagrad(float[] sum, AdagradConfig c) {
        Check.notNull("sum", sum);
        Check.notNull("config", c);
        java.util.Arrays.fill(sum, (float) c.initialAccumulatorValue());
    }

    /** {@code torch.optim.Adagrad} step. */
    public static boolean adagrad(int n, float[] param, int pOff, float[] grad, int gOff, float[] sum, int sOff,
            AdagradConfig c, long step) {
        Check.notNull("config", c);
        common(n, param, pOff, grad, gOff, step);
        state("sum", true, sum, sOff, n);
        if (!KERNELS.allFinite(n, grad, gOff)) {
            return false;
        }
        KERNELS.adagrad(n, param, pOff, grad, gOff, sum, sOff, c, step);
        return true;
    }

    /** {@code torch.optim.Adagrad} step over whole arrays of one length. */
    public static boolean adagrad(float[] param, float[] grad, float[] sum, AdagradConfig c, long step) {
        int n = length(param, "grad", grad);
        same(n, "sum", sum);
        return adagrad(n, param, 0, grad, 0, sum, 0, c, step);
    }

    /**
     * {@code torch.optim.RMSprop} step. {@code gradAvg} may be null unless centered, {@code buf} unless
     * momentum &gt; 0. RMSprop keeps no step count; {@code step} is checked only for uniformity.
     */
    public static boolean rmsprop(int n, float[] param, int pOff, float[] grad, int gOff, float[] squareAvg,
            int sqOff, float[] gradAvg, int gaOff, float[] buf, int bOff, RmspropConfig c, long step) {
        Check.notNull("config", c);
        common(n, param, pOff, grad, gOff, step);
        state("square_avg", true, squareAvg, sqOff, n);
        state("grad_avg", c.centered(), gradAvg, gaOff, n);
        state("momentum_buffer", c.momentum() > 0, buf, bOff, n);
        if (!KERNELS.allFinite(n, grad, gOff)) {
            return false;
        }
        KERNELS.rmsprop(n, param, pOff, grad, gOff, squareAvg, sqOff, gradAvg, gaOff, buf, bOff, c);
        return true;
    }

    /** {@code torch.optim.RMSprop} step over whole arrays of one length. */
    public static boolean rmsprop(float[] param, float[] grad, float[] squareAvg, float[] gradAvg, float[] buf,
            RmspropConfig c, long step) {
        int n = length(param, "grad", grad);
        same(n, "square_avg", squareAvg);
        same(n, "grad_avg", c != null && c.centered() ? gradAvg : null);
        same(n, "momentum_buffer", c != null && c.momentum() > 0 ? buf : null);
        return rmsprop(n, param, 0, grad, 0, squareAvg, 0, gradAvg, 0, buf, 0, c, step);
    }

    /** {@code torch.optim.Adadelta} step; {@code step} is checked only for uniformity. */
    public static boolean adadelta(int n, float[] param, int pOff, float[] grad, int gOff, float[] squareAvg,
            int sqOff, float[] accDelta, int adOff, AdadeltaConfig c, long step) {
        Check.notNull("config", c);
        common(n, param, pOff, grad, gOff, step);
        state("square_avg", true, squareAvg, sqOff, n);
        state("acc_delta", true, accDelta, adOff, n);
        if (!KERNELS.allFinite(n, grad, gOff)) {
            return false;
        }
        KERNELS.adadelta(n, param, pOff, grad, gOff, squareAvg, sqOff, accDelta, adOff, c);
        return true;
    }

    /** {@code torch.optim.Adadelta} step over whole arrays of one length. */
    public static boolean adadelta(float[] param, float[] grad, float[] squareAvg, float[] accDelta,
            AdadeltaConfig c, long step) {
        int n = length(param, "grad", grad);
        same(n, "square_avg", squareAvg);
        same(n, "acc_delta", accDelta);
        return adadelta(n, param, 0, grad, 0, squareAvg, 0, accDelta, 0, c, step);
    }

    /**
     * {@code torch.optim.Adam}, or AdamW where {@link AdamConfig#decoupled}; {@code vMax} may be null without
     * amsgrad.
     */
    public static boolean adam(int n, float[] param, int pOff, float[] grad, int gOff, float[] m, int mOff,
            float[] v, int vOff, float[] vMax, int vmOff, AdamConfig c, long step) {
        Check.notNull("config", c);
        common(n, param, pOff, grad, gOff, step);
        state("exp_avg", true, m, mOff, n);
        state("exp_avg_sq", true, v, vOff, n);
        state("max_exp_avg_sq", c.amsgrad(), vMax, vmOff, n);
        if (!KERNELS.allFinite(n, grad, gOff)) {
            return false;
        }
        KERNELS.adam(n, param, pOff, grad, gOff, m, mOff, v, vOff, vMax, vmOff, c, step);
        return true;
    }

    /** Adam or AdamW over whole arrays of one length. */
    public static boolean adam(float[] param, float[] grad, float[] m, float[] v, float[] vMax, AdamConfig c,
            long step) {
        int n = length(param, "grad", grad);
        same(n, "exp_avg", m);
        same(n, "exp_avg_sq", v);
        same(n, "max_exp_avg_sq", c != null && c.amsgrad() ? vMax : null);
        return adam(n, param, 0, grad, 0, m, 0, v, 0, vMax, 0, c, step);
    }

    /** {@code torch.optim.Adamax} step; {@code u} is PyTorch's {@code exp_inf}. */
    public static boolean adamax(int n, float[] param, int pOff, float[] grad, int gOff, float[] m, int mOff,
            float[] u, int uOff, AdamaxConfig c, long step) {
        Check.notNull("config", c);
        common(n, param, pOff, grad, gOff, step);
        state("exp_avg", true, m, mOff, n);
        state("exp_inf", true, u, uOff, n);
        if (!KERNELS.allFinite(n, grad, gOff)) {
            return false;
        }
        KERNELS.adamax(n, param, pOff, grad, gOff, m, mOff, u, uOff, c, step);
        return true;
    }

    /** Adamax over whole arrays of one length. */
    public static boolean adamax(float[] param, float[] grad, float[] m, float[] u, AdamaxConfig c, long step) {
        int n = length(param, "grad", grad);
        same(n, "exp_avg", m);
        same(n, "exp_inf", u);
        return adamax(n, param, 0, grad, 0, m, 0, u, 0, c, step);
    }

    /**
     * {@code torch.optim.NAdam} step. {@code muProduct} is a one-element holder of PyTorch's
     * {@code state['mu_product']}: 1 before the first step; updated here only when the step is taken.
     */
    public static boolean nadam(int n, float[] param, int pOff, float[] grad, int gOff, float[] m, int mOff,
            float[] v, int vOff, double[] muProduct, NAdamConfig c, long step) {
        Check.notNull("config", c);
        common(n, param, pOff, grad, gOff, step);
        state("exp_avg", true, m, mOff, n);
        state("exp_avg_sq", true, v, vOff, n);
        Check.notNull("mu_product", muProduct);
        if (muProduct.length != 1 || !(muProduct[0] > 0 && muProduct[0] <= 1)) {
            throw new IllegalArgumentException("mu_product must hold one value in (0, 1], was "
                    + java.util.Arrays.toString(muProduct));
        }
        if (!KERNELS.allFinite(n, grad, gOff)) {
            return false;
        }
        muProduct[0] = KERNELS.nadam(n, param, pOff, grad, gOff, m, mOff, v, vOff, c, step, muProduct[0]);
        return true;
    }

    /** NAdam over whole arrays of one length. */
    public static boolean nadam(float[] param, float[] grad, float[] m, float[] v, double[] muProduct,
            NAdamConfig c, long step) {
        int n = length(param, "grad", grad);
        same(n, "exp_avg", m);
        same(n, "exp_avg_sq", v);
        return nadam(n, param, 0, grad, 0, m, 0, v, 0, muProduct, c, step);
    }

    /** {@code torch.optim.RAdam} step. */
    public static boolean radam(int n, float[] param, int pOff, float[] grad, int gOff, float[] m, int mOff,
            float[] v, int vOff, RAdamConfig c, long step) {
        Check.notNull("config", c);
        common(n, param, pOff, grad, gOff, step);
        state("exp_avg", true, m, mOff, n);
        state("exp_avg_sq", true, v, vOff, n);
        if (!KERNELS.allFinite(n, grad, gOff)) {
            return false;
        }
        KERNELS.radam(n, param, pOff, grad, gOff, m, mOff, v, vOff, c, step);
        return true;
    }

    /** RAdam over whole arrays of one length. */
    public static boolean radam(float[] param, float[] grad, float[] m, float[] v, RAdamConfig c, long step) {
        int n = length(param, "grad", grad);
        same(n, "exp_avg", m);
        same(n, "exp_avg_sq", v);
        return radam(n, param, 0, grad, 0, m, 0, v, 0, c, step);
    }

    /** Lion step (Chen et al. 2023); {@code step} is checked only for uniformity. */
    public static boolean lion(int n, float[] param, int pOff, float[] grad, int gOff, float[] m, int mOff,
            LionConfig c, long step) {
        Check.notNull("config", c);
        common(n, param, pOff, grad, gOff, step);
        state("exp_avg", true, m, mOff, n);
        if (!KERNELS.allFinite(n, grad, gOff)) {
            return false;
        }
        KERNELS.lion(n, param, pOff, grad, gOff, m, mOff, c);
        return true;
    }

    /** Lion over whole arrays of one length. */
    public static boolean lion(float[] param, float[] grad, float[] m, LionConfig c, long step) {
        int n = length(param, "grad", grad);
        same(n, "exp_avg", m);
        return lion(n, param, 0, grad, 0, m, 0, c, step);
    }

    private static void common(int n, float[] param, int pOff, float[] grad, int gOff, long step) {
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1 (PyTorch's count after its increment), was " + step);
        }
        Check.length("n", n);
        Check.range("param", param, pOff, n);
        Check.range("grad", grad, gOff, n);
    }

    /** A state buffer the configuration needs must exist and hold the range; one it does not need is ignored. */
    private static void state(String name, boolean needed, float[] buffer, int offset, int n) {
        if (needed) {
            Check.range(name, buffer, offset, n);
        }
    }

    /** The length of {@code param}, after checking that {@code grad} has it too. */
    private static int length(float[] param, String gradName, float[] grad) {
        Check.notNull("param", param);
        same(param.length, gradName, grad);
        return param.length;
    }

    /** Refuses an array whose length is not param's; a null one is left to the range checks. */
    private static void same(int n, String name, float[] array) {
        if (array != null && array.length != n) {
            throw new IllegalArgumentException(name + " must have param's length " + n + ", had " + array.length);
        }
    }
}
