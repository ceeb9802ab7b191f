package dev.lanewise.kernels.optim;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.internal.Check;
import dev.lanewise.kernels.internal.CheckedOptimizers;
import dev.lanewise.kernels.internal.segment.CheckedOptimizerSegments;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Optimizer steps, in place, on the kernels {@link Kernels} chose; see {@link OptimizerKernels} for each
 * algorithm (PyTorch 1.13's {@code torch.optim}) and for how far the vector result may be from the scalar
 * one. Hyperparameters arrive as validated records ({@link AdamConfig#adam()}, ...), so bad values were
 * refused when the record was made.
 *
 * <p>Every method checks all of its arguments before it writes anything, and before it looks at the gradient:
 * {@code step >= 1} (PyTorch's step count after its increment), {@code n >= 0}, every range inside its array,
 * and every state buffer the configuration needs present. A null array or configuration throws
 * {@link NullPointerException}, a range outside its array {@link IndexOutOfBoundsException}, any other bad
 * value {@link IllegalArgumentException}. The whole-array overloads also refuse arrays of different lengths.
 *
 * <h2>Non-finite gradients</h2>
 * PyTorch lets a NaN or infinite gradient flow into the parameters and into the optimizer state, where a
 * NaN stays forever. Here each step first scans the gradient (a read-only pass) and, if any element is NaN
 * or infinite, skips the step: parameters and state are left exactly as they were and the method returns
 * {@code false}. This is what {@code torch.cuda.amp.GradScaler} does with overflowed steps. The caller
 * decides what to do (count it, lower the loss scale, stop); it keeps its step counter as it was. A NaN
 * <em>parameter</em> or state, which only a caller can create, still propagates as in PyTorch. Callers who
 * want PyTorch's propagation can call {@link #kernels()} directly: they check their arguments too, but do
 * not skip.
 */
public final class Optimizers {
    // The checked kernels that kernels() hands out, in a static final so that C2 sees one constant receiver.
    // The cast holds because KernelProvider wraps every implementation in CheckedOptimizers.
    private static final CheckedOptimizers CHECKED = (CheckedOptimizers) Kernels.provider().optimizers();
    // The implementation inside them: each step below runs the same checks once (CheckedOptimizers.checkXxx),
    // then the scan of the gradient, then this, so that a bad call is refused even where the step is skipped.
    private static final OptimizerKernels KERNELS = CHECKED.kernels();

    private Optimizers() {}

    /**
     * The kernels behind this facade: they check their arguments as this facade does, but follow PyTorch on
     * non-finite gradients (no scan, no skipped step; see {@link OptimizerKernels}).
     */
    public static OptimizerKernels kernels() {
        return CHECKED;
    }

    /** {@code torch.optim.SGD} step; {@code buf} (the momentum buffer) may be null without momentum. */
    public static boolean sgd(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] buf,
            int bufOffset, SgdConfig config, long step) {
        CheckedOptimizers.checkSgd(n, param, paramOffset, grad, gradOffset, buf, bufOffset, config, step);
        if (!KERNELS.allFinite(n, grad, gradOffset)) {
            return false;
        }
        KERNELS.sgd(n, param, paramOffset, grad, gradOffset, buf, bufOffset, config, step);
        return true;
    }

    /** {@code torch.optim.SGD} step over whole arrays of one length. */
    public static boolean sgd(float[] param, float[] grad, float[] buf, SgdConfig config, long step) {
        int n = Check.sameLength("param", param, "grad", grad);
        Check.sameLengthIfPresent("momentum_buffer", config != null && config.hasMomentum() ? buf : null, "param", n);
        return sgd(n, param, 0, grad, 0, buf, 0, config, step);
    }

    /** Fills Adagrad's sum of squares with {@code initial_accumulator_value}, as PyTorch does at creation. */
    public static void initAdagrad(float[] sum, AdagradConfig config) {
        Check.notNull("sum", sum);
        Check.notNull("config", config);
        Arrays.fill(sum, (float) config.initialAccumulatorValue());
    }

    /** {@code torch.optim.Adagrad} step. */
    public static boolean adagrad(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] sum,
            int sumOffset, AdagradConfig config, long step) {
        CheckedOptimizers.checkAdagrad(n, param, paramOffset, grad, gradOffset, sum, sumOffset, config, step);
        if (!KERNELS.allFinite(n, grad, gradOffset)) {
            return false;
        }
        KERNELS.adagrad(n, param, paramOffset, grad, gradOffset, sum, sumOffset, config, step);
        return true;
    }

    /** {@code torch.optim.Adagrad} step over whole arrays of one length. */
    public static boolean adagrad(float[] param, float[] grad, float[] sum, AdagradConfig config, long step) {
        int n = Check.sameLength("param", param, "grad", grad);
        Check.sameLengthIfPresent("sum", sum, "param", n);
        return adagrad(n, param, 0, grad, 0, sum, 0, config, step);
    }

    /**
     * {@code torch.optim.RMSprop} step. {@code gradAvg} may be null unless centered, {@code buf} unless
     * momentum &gt; 0. RMSprop keeps no step count; {@code step} is checked only for uniformity.
     */
    public static boolean rmsprop(int n, float[] param, int paramOffset, float[] grad, int gradOffset,
            float[] squareAvg, int squareAvgOffset, float[] gradAvg, int gradAvgOffset, float[] buf, int bufOffset,
            RmspropConfig config, long step) {
        CheckedOptimizers.checkStep(step);
        CheckedOptimizers.checkRmsprop(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, gradAvg,
                gradAvgOffset, buf, bufOffset, config);
        if (!KERNELS.allFinite(n, grad, gradOffset)) {
            return false;
        }
        KERNELS.rmsprop(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, gradAvg, gradAvgOffset,
                buf, bufOffset, config);
        return true;
    }

    /** {@code torch.optim.RMSprop} step over whole arrays of one length. */
    public static boolean rmsprop(float[] param, float[] grad, float[] squareAvg, float[] gradAvg, float[] buf,
            RmspropConfig config, long step) {
        int n = Check.sameLength("param", param, "grad", grad);
        Check.sameLengthIfPresent("square_avg", squareAvg, "param", n);
        Check.sameLengthIfPresent("grad_avg", config != null && config.centered() ? gradAvg : null, "param", n);
        Check.sameLengthIfPresent("momentum_buffer", config != null && config.momentum() > 0 ? buf : null, "param", n);
        return rmsprop(n, param, 0, grad, 0, squareAvg, 0, gradAvg, 0, buf, 0, config, step);
    }

    /** {@code torch.optim.Adadelta} step; {@code step} is checked only for uniformity. */
    public static boolean adadelta(int n, float[] param, int paramOffset, float[] grad, int gradOffset,
            float[] squareAvg, int squareAvgOffset, float[] accDelta, int accDeltaOffset, AdadeltaConfig config,
            long step) {
        CheckedOptimizers.checkStep(step);
        CheckedOptimizers.checkAdadelta(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, accDelta,
                accDeltaOffset, config);
        if (!KERNELS.allFinite(n, grad, gradOffset)) {
            return false;
        }
        KERNELS.adadelta(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, accDelta,
                accDeltaOffset, config);
        return true;
    }

    /** {@code torch.optim.Adadelta} step over whole arrays of one length. */
    public static boolean adadelta(float[] param, float[] grad, float[] squareAvg, float[] accDelta,
            AdadeltaConfig config, long step) {
        int n = Check.sameLength("param", param, "grad", grad);
        Check.sameLengthIfPresent("square_avg", squareAvg, "param", n);
        Check.sameLengthIfPresent("acc_delta", accDelta, "param", n);
        return adadelta(n, param, 0, grad, 0, squareAvg, 0, accDelta, 0, config, step);
    }

    /**
     * {@code torch.optim.Adam}, or AdamW where {@link AdamConfig#decoupled}; {@code vMax} may be null without
     * amsgrad.
     */
    public static boolean adam(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m,
            int mOffset, float[] v, int vOffset, float[] vMax, int vMaxOffset, AdamConfig config, long step) {
        CheckedOptimizers.checkAdam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, vMax, vMaxOffset,
                config, step);
        if (!KERNELS.allFinite(n, grad, gradOffset)) {
            return false;
        }
        KERNELS.adam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, vMax, vMaxOffset, config, step);
        return true;
    }

    /** Adam or AdamW over whole arrays of one length. */
    public static boolean adam(float[] param, float[] grad, float[] m, float[] v, float[] vMax, AdamConfig config,
            long step) {
        int n = Check.sameLength("param", param, "grad", grad);
        Check.sameLengthIfPresent("exp_avg", m, "param", n);
        Check.sameLengthIfPresent("exp_avg_sq", v, "param", n);
        Check.sameLengthIfPresent("max_exp_avg_sq", config != null && config.amsgrad() ? vMax : null, "param", n);
        return adam(n, param, 0, grad, 0, m, 0, v, 0, vMax, 0, config, step);
    }

    /** {@code torch.optim.Adamax} step; {@code u} is PyTorch's {@code exp_inf}. */
    public static boolean adamax(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m,
            int mOffset, float[] u, int uOffset, AdamaxConfig config, long step) {
        CheckedOptimizers.checkAdamax(n, param, paramOffset, grad, gradOffset, m, mOffset, u, uOffset, config, step);
        if (!KERNELS.allFinite(n, grad, gradOffset)) {
            return false;
        }
        KERNELS.adamax(n, param, paramOffset, grad, gradOffset, m, mOffset, u, uOffset, config, step);
        return true;
    }

    /** Adamax over whole arrays of one length. */
    public static boolean adamax(float[] param, float[] grad, float[] m, float[] u, AdamaxConfig config, long step) {
        int n = Check.sameLength("param", param, "grad", grad);
        Check.sameLengthIfPresent("exp_avg", m, "param", n);
        Check.sameLengthIfPresent("exp_inf", u, "param", n);
        return adamax(n, param, 0, grad, 0, m, 0, u, 0, config, step);
    }

    /**
     * {@code torch.optim.NAdam} step. {@code muProduct} is a one-element holder of PyTorch's
     * {@code state['mu_product']}: 1 before the first step; updated here only when the step is taken.
     */
    public static boolean nadam(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m,
            int mOffset, float[] v, int vOffset, double[] muProduct, NAdamConfig config, long step) {
        Check.notNull("mu_product", muProduct);
        if (muProduct.length != 1 || !(muProduct[0] > 0 && muProduct[0] <= 1)) {
            throw new IllegalArgumentException("mu_product must hold one value in (0, 1], was "
                    + Arrays.toString(muProduct));
        }
        CheckedOptimizers.checkNadam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step,
                muProduct[0]);
        if (!KERNELS.allFinite(n, grad, gradOffset)) {
            return false;
        }
        muProduct[0] = KERNELS.nadam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step,
                muProduct[0]);
        return true;
    }

    /** NAdam over whole arrays of one length. */
    public static boolean nadam(float[] param, float[] grad, float[] m, float[] v, double[] muProduct,
            NAdamConfig config, long step) {
        int n = Check.sameLength("param", param, "grad", grad);
        Check.sameLengthIfPresent("exp_avg", m, "param", n);
        Check.sameLengthIfPresent("exp_avg_sq", v, "param", n);
        return nadam(n, param, 0, grad, 0, m, 0, v, 0, muProduct, config, step);
    }

    /** {@code torch.optim.RAdam} step. */
    public static boolean radam(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m,
            int mOffset, float[] v, int vOffset, RAdamConfig config, long step) {
        CheckedOptimizers.checkRadam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step);
        if (!KERNELS.allFinite(n, grad, gradOffset)) {
            return false;
        }
        KERNELS.radam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step);
        return true;
    }

    /** RAdam over whole arrays of one length. */
    public static boolean radam(float[] param, float[] grad, float[] m, float[] v, RAdamConfig config, long step) {
        int n = Check.sameLength("param", param, "grad", grad);
        Check.sameLengthIfPresent("exp_avg", m, "param", n);
        Check.sameLengthIfPresent("exp_avg_sq", v, "param", n);
        return radam(n, param, 0, grad, 0, m, 0, v, 0, config, step);
    }

    /** Lion step (Chen et al. 2023); {@code step} is checked only for uniformity. */
    public static boolean lion(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m,
            int mOffset, LionConfig config, long step) {
        CheckedOptimizers.checkStep(step);
        CheckedOptimizers.checkLion(n, param, paramOffset, grad, gradOffset, m, mOffset, config);
        if (!KERNELS.allFinite(n, grad, gradOffset)) {
            return false;
        }
        KERNELS.lion(n, param, paramOffset, grad, gradOffset, m, mOffset, config);
        return true;
    }

    /** Lion over whole arrays of one length. */
    public static boolean lion(float[] param, float[] grad, float[] m, LionConfig config, long step) {
        int n = Check.sameLength("param", param, "grad", grad);
        Check.sameLengthIfPresent("exp_avg", m, "param", n);
        return lion(n, param, 0, grad, 0, m, 0, config, step);
    }

    // ---- MemorySegment overloads ----
    //
    // The same operations on java.lang.foreign.MemorySegments, heap or native. Lengths and offsets count floats, not
    // bytes. Checked like the array forms, before anything is written: a segment must be aligned to 4 bytes, and one
    // that is written must not be read-only. A writable heap segment over a float[] runs the array kernel on that
    // array in place; other segments run the same array kernels through small staging buffers. Like the array steps,
    // each first scans the gradient and skips the step (returning false, writing nothing) where it holds a NaN or an
    // infinity. OptimizerSegmentKernels says what each gives and how it is checked.

    private static final CheckedOptimizerSegments SEGMENTS =
            (CheckedOptimizerSegments) Kernels.provider().optimizerSegments();

    /**
     * The segment kernels behind this facade's segment steps: checked, but following PyTorch on non-finite
     * gradients (no scan, no skipped step).
     */
    public static OptimizerSegmentKernels segmentKernels() {
        return SEGMENTS;
    }

    /** {@code torch.optim.SGD} step over segments; {@code buf} may be null without momentum. */
    public static boolean sgd(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment buf, long bufOffset, SgdConfig config, long step) {
        return SEGMENTS.sgdUnlessNonFinite(n, param, paramOffset, grad, gradOffset, buf, bufOffset, config, step);
    }

    /** {@code torch.optim.Adagrad} step over segments. */
    public static boolean adagrad(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment sum, long sumOffset, AdagradConfig config, long step) {
        return SEGMENTS.adagradUnlessNonFinite(n, param, paramOffset, grad, gradOffset, sum, sumOffset, config, step);
    }

    /** {@code torch.optim.RMSprop} step over segments; {@code gradAvg} may be null unless centered, {@code buf} unless momentum &gt; 0. */
    public static boolean rmsprop(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment squareAvg, long squareAvgOffset, MemorySegment gradAvg, long gradAvgOffset, MemorySegment buf,
            long bufOffset, RmspropConfig config, long step) {
        return SEGMENTS.rmspropUnlessNonFinite(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset,
                gradAvg, gradAvgOffset, buf, bufOffset, config, step);
    }

    /** {@code torch.optim.Adadelta} step over segments. */
    public static boolean adadelta(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment squareAvg, long squareAvgOffset, MemorySegment accDelta, long accDeltaOffset,
            AdadeltaConfig config, long step) {
        return SEGMENTS.adadeltaUnlessNonFinite(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset,
                accDelta, accDeltaOffset, config, step);
    }

    /** Adam, or AdamW where {@link AdamConfig#decoupled}, over segments; {@code vMax} may be null without amsgrad. */
    public static boolean adam(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, MemorySegment v, long vOffset, MemorySegment vMax, long vMaxOffset,
            AdamConfig config, long step) {
        return SEGMENTS.adamUnlessNonFinite(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, vMax,
                vMaxOffset, config, step);
    }

    /** {@code torch.optim.Adamax} step over segments; {@code u} is PyTorch's {@code exp_inf}. */
    public static boolean adamax(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, MemorySegment u, long uOffset, AdamaxConfig config, long step) {
        return SEGMENTS.adamaxUnlessNonFinite(n, param, paramOffset, grad, gradOffset, m, mOffset, u, uOffset, config,
                step);
    }

    /**
     * {@code torch.optim.NAdam} step over segments. {@code muProduct} is a one-element holder of PyTorch's
     * {@code state['mu_product']}: 1 before the first step; updated here only when the step is taken.
     */
    public static boolean nadam(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, MemorySegment v, long vOffset, double[] muProduct, NAdamConfig config,
            long step) {
        Check.notNull("mu_product", muProduct);
        if (muProduct.length != 1 || !(muProduct[0] > 0 && muProduct[0] <= 1)) {
            throw new IllegalArgumentException("mu_product must hold one value in (0, 1], was "
                    + Arrays.toString(muProduct));
        }
        double next = SEGMENTS.nadamUnlessNonFinite(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset,
                config, step, muProduct[0]);
        if (Double.isNaN(next)) {
            return false;
        }
        muProduct[0] = next;
        return true;
    }

    /** {@code torch.optim.RAdam} step over segments. */
    public static boolean radam(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, MemorySegment v, long vOffset, RAdamConfig config, long step) {
        return SEGMENTS.radamUnlessNonFinite(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config,
                step);
    }

    /** Lion step over segments. */
    public static boolean lion(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, LionConfig config, long step) {
        return SEGMENTS.lionUnlessNonFinite(n, param, paramOffset, grad, gradOffset, m, mOffset, config, step);
    }
}
