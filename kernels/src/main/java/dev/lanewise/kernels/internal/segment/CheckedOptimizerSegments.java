package dev.lanewise.kernels.internal.segment;

import dev.lanewise.kernels.internal.CheckedOptimizers;
import dev.lanewise.kernels.optim.AdadeltaConfig;
import dev.lanewise.kernels.optim.AdagradConfig;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.AdamaxConfig;
import dev.lanewise.kernels.optim.LionConfig;
import dev.lanewise.kernels.optim.NAdamConfig;
import dev.lanewise.kernels.optim.OptimizerKernels;
import dev.lanewise.kernels.optim.OptimizerSegmentKernels;
import dev.lanewise.kernels.optim.RAdamConfig;
import dev.lanewise.kernels.optim.RmspropConfig;
import dev.lanewise.kernels.optim.SgdConfig;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * {@link OptimizerSegmentKernels} over one implementation's array kernels: checks every argument and every
 * state buffer the configuration needs, then runs the array kernel on the arrays behind heap segments, or
 * staged in chunks ({@link Staging}) for any other segment: each update is elementwise, so both give the
 * array form's bits. State buffers the configuration does not use are neither checked nor staged (staging
 * would write them back).
 *
 * <p>The {@code xxxUnlessNonFinite} methods are the facade {@code Optimizers}' steps: the same checks, then
 * a read-only scan of the gradient, then the step only if every gradient element is finite.
 *
 * @param arrays the implementation's unchecked array kernels
 */
public record CheckedOptimizerSegments(OptimizerKernels arrays) implements OptimizerSegmentKernels {
    /** Stands for a state buffer that the configuration does not use, so that only a missing array means "stage". */
    private static final float[] NOT_USED = new float[0];
    private static final float[] NO_FLOATS = new float[0];

    public CheckedOptimizerSegments {
        Objects.requireNonNull(arrays, "arrays");
    }

    // ---- SGD ----

    @Override
    public void sgd(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment buf, long bufOffset, SgdConfig config, long step) {
        checkSgd(n, param, paramOffset, grad, gradOffset, buf, bufOffset, config, step);
        runSgd(n, param, paramOffset, grad, gradOffset, buf, bufOffset, config, step);
    }

    /** The facade's SGD step: false, and nothing written, where the gradient holds a NaN or an infinity. */
    public boolean sgdUnlessNonFinite(long n, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset, MemorySegment buf, long bufOffset, SgdConfig config, long step) {
        checkSgd(n, param, paramOffset, grad, gradOffset, buf, bufOffset, config, step);
        if (!finite(n, grad, gradOffset)) {
            return false;
        }
        runSgd(n, param, paramOffset, grad, gradOffset, buf, bufOffset, config, step);
        return true;
    }

    private static void checkSgd(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment buf, long bufOffset, SgdConfig config, long step) {
        Objects.requireNonNull(config, "config");
        CheckedOptimizers.checkStep(step);
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("momentum_buffer", config.hasMomentum(), buf, bufOffset, n);
    }

    private void runSgd(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment buf, long bufOffset, SgdConfig config, long step) {
        boolean momentum = config.hasMomentum();
        float[] pa = Segments.floats(param);
        float[] ga = Segments.floats(grad);
        float[] ba = state(momentum, buf);
        if (pa != null && ga != null && ba != null) {
            arrays.sgd((int) n, pa, Segments.index(param, paramOffset), ga, Segments.index(grad, gradOffset),
                    used(ba), index(momentum, buf, bufOffset), config, step);
            return;
        }
        try (Staging s = Staging.elements(n)) {
            while (s.next()) {
                arrays.sgd(s.count(), s.in(0, param, paramOffset), 0, s.in(1, grad, gradOffset), 0,
                        momentum ? s.in(2, buf, bufOffset) : null, 0, config, step);
                s.store(0, param, paramOffset);
                if (momentum) {
                    s.store(2, buf, bufOffset);
                }
            }
        }
    }

    // ---- Adagrad ----

    @Override
    public void adagrad(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment sum, long sumOffset, AdagradConfig config, long step) {
        checkAdagrad(n, param, paramOffset, grad, gradOffset, sum, sumOffset, config, step);
        runAdagrad(n, param, paramOffset, grad, gradOffset, sum, sumOffset, config, step);
    }

    /** The facade's Adagrad step: false, and nothing written, where the gradient holds a NaN or an infinity. */
    public boolean adagradUnlessNonFinite(long n, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset, MemorySegment sum, long sumOffset, AdagradConfig config, long step) {
        checkAdagrad(n, param, paramOffset, grad, gradOffset, sum, sumOffset, config, step);
        if (!finite(n, grad, gradOffset)) {
            return false;
        }
        runAdagrad(n, param, paramOffset, grad, gradOffset, sum, sumOffset, config, step);
        return true;
    }

    private static void checkAdagrad(long n, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset, MemorySegment sum, long sumOffset, AdagradConfig config, long step) {
        Objects.requireNonNull(config, "config");
        CheckedOptimizers.checkStep(step);
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("sum", true, sum, sumOffset, n);
    }

    private void runAdagrad(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment sum, long sumOffset, AdagradConfig config, long step) {
        float[] pa = Segments.floats(param);
        float[] ga = Segments.floats(grad);
        float[] sa = Segments.floats(sum);
        if (pa != null && ga != null && sa != null) {
            arrays.adagrad((int) n, pa, Segments.index(param, paramOffset), ga, Segments.index(grad, gradOffset), sa,
                    Segments.index(sum, sumOffset), config, step);
            return;
        }
        try (Staging s = Staging.elements(n)) {
            while (s.next()) {
                arrays.adagrad(s.count(), s.in(0, param, paramOffset), 0, s.in(1, grad, gradOffset), 0,
                        s.in(2, sum, sumOffset), 0, config, step);
                s.store(0, param, paramOffset);
                s.store(2, sum, sumOffset);
            }
        }
    }

    // ---- RMSprop ----

    @Override
    public void rmsprop(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment squareAvg, long squareAvgOffset, MemorySegment gradAvg, long gradAvgOffset,
            MemorySegment buf, long bufOffset, RmspropConfig config) {
        checkRmsprop(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, gradAvg, gradAvgOffset, buf,
                bufOffset, config);
        runRmsprop(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, gradAvg, gradAvgOffset, buf,
                bufOffset, config);
    }

    /**
     * The facade's RMSprop step: false, and nothing written, where the gradient holds a NaN or an infinity.
     * RMSprop keeps no step count; {@code step} is checked only for uniformity.
     */
    public boolean rmspropUnlessNonFinite(long n, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset, MemorySegment squareAvg, long squareAvgOffset, MemorySegment gradAvg, long gradAvgOffset,
            MemorySegment buf, long bufOffset, RmspropConfig config, long step) {
        CheckedOptimizers.checkStep(step);
        checkRmsprop(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, gradAvg, gradAvgOffset, buf,
                bufOffset, config);
        if (!finite(n, grad, gradOffset)) {
            return false;
        }
        runRmsprop(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, gradAvg, gradAvgOffset, buf,
                bufOffset, config);
        return true;
    }

    private static void checkRmsprop(long n, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset, MemorySegment squareAvg, long squareAvgOffset, MemorySegment gradAvg, long gradAvgOffset,
            MemorySegment buf, long bufOffset, RmspropConfig config) {
        Objects.requireNonNull(config, "config");
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("square_avg", true, squareAvg, squareAvgOffset, n);
        checkState("grad_avg", config.centered(), gradAvg, gradAvgOffset, n);
        checkState("momentum_buffer", config.momentum() > 0, buf, bufOffset, n);
    }

    private void runRmsprop(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment squareAvg, long squareAvgOffset, MemorySegment gradAvg, long gradAvgOffset,
            MemorySegment buf, long bufOffset, RmspropConfig config) {
        boolean centered = config.centered();
        boolean momentum = config.momentum() > 0;
        float[] pa = Segments.floats(param);
        float[] ga = Segments.floats(grad);
        float[] sqa = Segments.floats(squareAvg);
        float[] gaa = state(centered, gradAvg);
        float[] ba = state(momentum, buf);
        if (pa != null && ga != null && sqa != null && gaa != null && ba != null) {
            arrays.rmsprop((int) n, pa, Segments.index(param, paramOffset), ga, Segments.index(grad, gradOffset), sqa,
                    Segments.index(squareAvg, squareAvgOffset), used(gaa), index(centered, gradAvg, gradAvgOffset),
                    used(ba), index(momentum, buf, bufOffset), config);
            return;
        }
        try (Staging s = Staging.elements(n)) {
            while (s.next()) {
                arrays.rmsprop(s.count(), s.in(0, param, paramOffset), 0, s.in(1, grad, gradOffset), 0,
                        s.in(2, squareAvg, squareAvgOffset), 0, centered ? s.in(3, gradAvg, gradAvgOffset) : null, 0,
                        momentum ? s.in(4, buf, bufOffset) : null, 0, config);
                s.store(0, param, paramOffset);
                s.store(2, squareAvg, squareAvgOffset);
                if (centered) {
                    s.store(3, gradAvg, gradAvgOffset);
                }
                if (momentum) {
                    s.store(4, buf, bufOffset);
                }
            }
        }
    }

    // ---- Adadelta ----

    @Override
    public void adadelta(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment squareAvg, long squareAvgOffset, MemorySegment accDelta, long accDeltaOffset,
            AdadeltaConfig config) {
        checkAdadelta(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, accDelta, accDeltaOffset,
                config);
        runAdadelta(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, accDelta, accDeltaOffset,
                config);
    }

    /**
     * The facade's Adadelta step: false, and nothing written, where the gradient holds a NaN or an infinity;
     * {@code step} is checked only for uniformity.
     */
    public boolean adadeltaUnlessNonFinite(long n, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset, MemorySegment squareAvg, long squareAvgOffset, MemorySegment accDelta,
            long accDeltaOffset, AdadeltaConfig config, long step) {
        CheckedOptimizers.checkStep(step);
        checkAdadelta(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, accDelta, accDeltaOffset,
                config);
        if (!finite(n, grad, gradOffset)) {
            return false;
        }
        runAdadelta(n, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, accDelta, accDeltaOffset,
                config);
        return true;
    }

    private static void checkAdadelta(long n, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset, MemorySegment squareAvg, long squareAvgOffset, MemorySegment accDelta,
            long accDeltaOffset, AdadeltaConfig config) {
        Objects.requireNonNull(config, "config");
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("square_avg", true, squareAvg, squareAvgOffset, n);
        checkState("acc_delta", true, accDelta, accDeltaOffset, n);
    }

    private void runAdadelta(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment squareAvg, long squareAvgOffset, MemorySegment accDelta, long accDeltaOffset,
            AdadeltaConfig config) {
        float[] pa = Segments.floats(param);
        float[] ga = Segments.floats(grad);
        float[] sqa = Segments.floats(squareAvg);
        float[] aa = Segments.floats(accDelta);
        if (pa != null && ga != null && sqa != null && aa != null) {
            arrays.adadelta((int) n, pa, Segments.index(param, paramOffset), ga, Segments.index(grad, gradOffset), sqa,
                    Segments.index(squareAvg, squareAvgOffset), aa, Segments.index(accDelta, accDeltaOffset), config);
            return;
        }
        try (Staging s = Staging.elements(n)) {
            while (s.next()) {
                arrays.adadelta(s.count(), s.in(0, param, paramOffset), 0, s.in(1, grad, gradOffset), 0,
                        s.in(2, squareAvg, squareAvgOffset), 0, s.in(3, accDelta, accDeltaOffset), 0, config);
                s.store(0, param, paramOffset);
                s.store(2, squareAvg, squareAvgOffset);
                s.store(3, accDelta, accDeltaOffset);
            }
        }
    }

    // ---- Adam, AdamW ----

    @Override
    public void adam(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, MemorySegment v, long vOffset, MemorySegment vMax, long vMaxOffset,
            AdamConfig config, long step) {
        checkAdam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, vMax, vMaxOffset, config, step);
        runAdam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, vMax, vMaxOffset, config, step);
    }

    /** The facade's Adam step: false, and nothing written, where the gradient holds a NaN or an infinity. */
    public boolean adamUnlessNonFinite(long n, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset, MemorySegment m, long mOffset, MemorySegment v, long vOffset, MemorySegment vMax,
            long vMaxOffset, AdamConfig config, long step) {
        checkAdam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, vMax, vMaxOffset, config, step);
        if (!finite(n, grad, gradOffset)) {
            return false;
        }
        runAdam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, vMax, vMaxOffset, config, step);
        return true;
    }

    private static void checkAdam(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, MemorySegment v, long vOffset, MemorySegment vMax, long vMaxOffset,
            AdamConfig config, long step) {
        Objects.requireNonNull(config, "config");
        CheckedOptimizers.checkStep(step);
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("exp_avg", true, m, mOffset, n);
        checkState("exp_avg_sq", true, v, vOffset, n);
        checkState("max_exp_avg_sq", config.amsgrad(), vMax, vMaxOffset, n);
    }

    private void runAdam(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, MemorySegment v, long vOffset, MemorySegment vMax, long vMaxOffset,
            AdamConfig config, long step) {
        boolean amsgrad = config.amsgrad();
        float[] pa = Segments.floats(param);
        float[] ga = Segments.floats(grad);
        float[] ma = Segments.floats(m);
        float[] va = Segments.floats(v);
        float[] vma = state(amsgrad, vMax);
        if (pa != null && ga != null && ma != null && va != null && vma != null) {
            arrays.adam((int) n, pa, Segments.index(param, paramOffset), ga, Segments.index(grad, gradOffset), ma,
                    Segments.index(m, mOffset), va, Segments.index(v, vOffset), used(vma),
                    index(amsgrad, vMax, vMaxOffset), config, step);
            return;
        }
        try (Staging s = Staging.elements(n)) {
            while (s.next()) {
                arrays.adam(s.count(), s.in(0, param, paramOffset), 0, s.in(1, grad, gradOffset), 0,
                        s.in(2, m, mOffset), 0, s.in(3, v, vOffset), 0, amsgrad ? s.in(4, vMax, vMaxOffset) : null, 0,
                        config, step);
                s.store(0, param, paramOffset);
                s.store(2, m, mOffset);
                s.store(3, v, vOffset);
                if (amsgrad) {
                    s.store(4, vMax, vMaxOffset);
                }
            }
        }
    }

    // ---- Adamax ----

    @Override
    public void adamax(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, MemorySegment u, long uOffset, AdamaxConfig config, long step) {
        checkAdamax(n, param, paramOffset, grad, gradOffset, m, mOffset, u, uOffset, config, step);
        runAdamax(n, param, paramOffset, grad, gradOffset, m, mOffset, u, uOffset, config, step);
    }

    /** The facade's Adamax step: false, and nothing written, where the gradient holds a NaN or an infinity. */
    public boolean adamaxUnlessNonFinite(long n, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset, MemorySegment m, long mOffset, MemorySegment u, long uOffset, AdamaxConfig config,
            long step) {
        checkAdamax(n, param, paramOffset, grad, gradOffset, m, mOffset, u, uOffset, config, step);
        if (!finite(n, grad, gradOffset)) {
            return false;
        }
        runAdamax(n, param, paramOffset, grad, gradOffset, m, mOffset, u, uOffset, config, step);
        return true;
    }

    private static void checkAdamax(long n, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset, MemorySegment m, long mOffset, MemorySegment u, long uOffset, AdamaxConfig config,
            long step) {
        Objects.requireNonNull(config, "config");
        CheckedOptimizers.checkStep(step);
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("exp_avg", true, m, mOffset, n);
        checkState("exp_inf", true, u, uOffset, n);
    }

    private void runAdamax(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, MemorySegment u, long uOffset, AdamaxConfig config, long step) {
        float[] pa = Segments.floats(param);
        float[] ga = Segments.floats(grad);
        float[] ma = Segments.floats(m);
        float[] ua = Segments.floats(u);
        if (pa != null && ga != null && ma != null && ua != null) {
            arrays.adamax((int) n, pa, Segments.index(param, paramOffset), ga, Segments.index(grad, gradOffset), ma,
                    Segments.index(m, mOffset), ua, Segments.index(u, uOffset), config, step);
            return;
        }
        try (Staging s = Staging.elements(n)) {
            while (s.next()) {
                arrays.adamax(s.count(), s.in(0, param, paramOffset), 0, s.in(1, grad, gradOffset), 0,
                        s.in(2, m, mOffset), 0, s.in(3, u, uOffset), 0, config, step);
                s.store(0, param, paramOffset);
                s.store(2, m, mOffset);
                s.store(3, u, uOffset);
            }
        }
    }

    // ---- NAdam ----

    @Override
    public double nadam(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, MemorySegment v, long vOffset, NAdamConfig config, long step,
            double muProduct) {
        checkNadam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step, muProduct);
        return runNadam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step, muProduct);
    }

    /**
     * The facade's NAdam step: {@code muProduct} unchanged, and nothing written, where the gradient holds a NaN
     * or an infinity, else the step and the new product. Returns NaN for a skipped step (a product is never
     * NaN), so that the facade can tell.
     */
    public double nadamUnlessNonFinite(long n, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset, MemorySegment m, long mOffset, MemorySegment v, long vOffset, NAdamConfig config,
            long step, double muProduct) {
        checkNadam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step, muProduct);
        if (!finite(n, grad, gradOffset)) {
            return Double.NaN;
        }
        return runNadam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step, muProduct);
    }

    private static void checkNadam(long n, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset, MemorySegment m, long mOffset, MemorySegment v, long vOffset, NAdamConfig config,
            long step, double muProduct) {
        Objects.requireNonNull(config, "config");
        CheckedOptimizers.checkStep(step);
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("exp_avg", true, m, mOffset, n);
        checkState("exp_avg_sq", true, v, vOffset, n);
        if (!(muProduct > 0 && muProduct <= 1)) {
            throw new IllegalArgumentException("mu_product must be in (0, 1], was " + muProduct);
        }
    }

    private double runNadam(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, MemorySegment v, long vOffset, NAdamConfig config, long step,
            double muProduct) {
        float[] pa = Segments.floats(param);
        float[] ga = Segments.floats(grad);
        float[] ma = Segments.floats(m);
        float[] va = Segments.floats(v);
        if (pa != null && ga != null && ma != null && va != null) {
            return arrays.nadam((int) n, pa, Segments.index(param, paramOffset), ga, Segments.index(grad, gradOffset),
                    ma, Segments.index(m, mOffset), va, Segments.index(v, vOffset), config, step, muProduct);
        }
        if (n == 0) {
            // The product still advances by one step, as the array form's does for no elements.
            return arrays.nadam(0, NO_FLOATS, 0, NO_FLOATS, 0, NO_FLOATS, 0, NO_FLOATS, 0, config, step, muProduct);
        }
        // Every chunk computes the same new product from the same muProduct; any of them is the answer.
        double next = muProduct;
        try (Staging s = Staging.elements(n)) {
            while (s.next()) {
                next = arrays.nadam(s.count(), s.in(0, param, paramOffset), 0, s.in(1, grad, gradOffset), 0,
                        s.in(2, m, mOffset), 0, s.in(3, v, vOffset), 0, config, step, muProduct);
                s.store(0, param, paramOffset);
                s.store(2, m, mOffset);
                s.store(3, v, vOffset);
            }
        }
        return next;
    }

    // ---- RAdam ----

    @Override
    public void radam(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, MemorySegment v, long vOffset, RAdamConfig config, long step) {
        checkRadam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step);
        runRadam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step);
    }

    /** The facade's RAdam step: false, and nothing written, where the gradient holds a NaN or an infinity. */
    public boolean radamUnlessNonFinite(long n, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset, MemorySegment m, long mOffset, MemorySegment v, long vOffset, RAdamConfig config,
            long step) {
        checkRadam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step);
        if (!finite(n, grad, gradOffset)) {
            return false;
        }
        runRadam(n, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step);
        return true;
    }

    private static void checkRadam(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, MemorySegment v, long vOffset, RAdamConfig config, long step) {
        Objects.requireNonNull(config, "config");
        CheckedOptimizers.checkStep(step);
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("exp_avg", true, m, mOffset, n);
        checkState("exp_avg_sq", true, v, vOffset, n);
    }

    private void runRadam(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, MemorySegment v, long vOffset, RAdamConfig config, long step) {
        float[] pa = Segments.floats(param);
        float[] ga = Segments.floats(grad);
        float[] ma = Segments.floats(m);
        float[] va = Segments.floats(v);
        if (pa != null && ga != null && ma != null && va != null) {
            arrays.radam((int) n, pa, Segments.index(param, paramOffset), ga, Segments.index(grad, gradOffset), ma,
                    Segments.index(m, mOffset), va, Segments.index(v, vOffset), config, step);
            return;
        }
        try (Staging s = Staging.elements(n)) {
            while (s.next()) {
                arrays.radam(s.count(), s.in(0, param, paramOffset), 0, s.in(1, grad, gradOffset), 0,
                        s.in(2, m, mOffset), 0, s.in(3, v, vOffset), 0, config, step);
                s.store(0, param, paramOffset);
                s.store(2, m, mOffset);
                s.store(3, v, vOffset);
            }
        }
    }

    // ---- Lion ----

    @Override
    public void lion(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, LionConfig config) {
        checkLion(n, param, paramOffset, grad, gradOffset, m, mOffset, config);
        runLion(n, param, paramOffset, grad, gradOffset, m, mOffset, config);
    }

    /**
     * The facade's Lion step: false, and nothing written, where the gradient holds a NaN or an infinity;
     * {@code step} is checked only for uniformity.
     */
    public boolean lionUnlessNonFinite(long n, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset, MemorySegment m, long mOffset, LionConfig config, long step) {
        CheckedOptimizers.checkStep(step);
        checkLion(n, param, paramOffset, grad, gradOffset, m, mOffset, config);
        if (!finite(n, grad, gradOffset)) {
            return false;
        }
        runLion(n, param, paramOffset, grad, gradOffset, m, mOffset, config);
        return true;
    }

    private static void checkLion(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, LionConfig config) {
        Objects.requireNonNull(config, "config");
        checkCommon(n, param, paramOffset, grad, gradOffset);
        checkState("exp_avg", true, m, mOffset, n);
    }

    private void runLion(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment m, long mOffset, LionConfig config) {
        float[] pa = Segments.floats(param);
        float[] ga = Segments.floats(grad);
        float[] ma = Segments.floats(m);
        if (pa != null && ga != null && ma != null) {
            arrays.lion((int) n, pa, Segments.index(param, paramOffset), ga, Segments.index(grad, gradOffset), ma,
                    Segments.index(m, mOffset), config);
            return;
        }
        try (Staging s = Staging.elements(n)) {
            while (s.next()) {
                arrays.lion(s.count(), s.in(0, param, paramOffset), 0, s.in(1, grad, gradOffset), 0,
                        s.in(2, m, mOffset), 0, config);
                s.store(0, param, paramOffset);
                s.store(2, m, mOffset);
            }
        }
    }

    // ---- gradient transforms ----

    @Override
    public void clipByValue(long n, MemorySegment grad, long gradOffset, float clip) {
        if (!(clip >= 0) || Float.isInfinite(clip)) {
            throw new IllegalArgumentException("clip_value must be finite and >= 0, was " + clip);
        }
        SegmentCheck.length("n", n);
        SegmentCheck.output("grad", grad, gradOffset, n);
        float[] ga = Segments.floats(grad);
        if (ga != null) {
            arrays.clipByValue((int) n, ga, Segments.index(grad, gradOffset), clip);
            return;
        }
        try (Staging s = Staging.elements(n)) {
            while (s.next()) {
                arrays.clipByValue(s.count(), s.in(0, grad, gradOffset), 0, clip);
                s.store(0, grad, gradOffset);
            }
        }
    }

    @Override
    public float l2Penalty(long n, float lambda, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset) {
        checkPenalty(n, lambda, param, paramOffset, grad, gradOffset);
        float[] pa = Segments.floats(param);
        float[] ga = Segments.floats(grad);
        if (pa != null && ga != null) {
            return arrays.l2Penalty((int) n, lambda, pa, Segments.index(param, paramOffset), ga,
                    Segments.index(grad, gradOffset));
        }
        // The chunks' penalties added in double and rounded once: one chunk gives the array form's float.
        double total = 0;
        try (Staging s = Staging.elements(n)) {
            while (s.next()) {
                total += arrays.l2Penalty(s.count(), lambda, s.in(0, param, paramOffset), 0, s.in(1, grad, gradOffset), 0);
                s.store(1, grad, gradOffset);
            }
        }
        return (float) total;
    }

    @Override
    public float l1Penalty(long n, float lambda, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset) {
        checkPenalty(n, lambda, param, paramOffset, grad, gradOffset);
        float[] pa = Segments.floats(param);
        float[] ga = Segments.floats(grad);
        if (pa != null && ga != null) {
            return arrays.l1Penalty((int) n, lambda, pa, Segments.index(param, paramOffset), ga,
                    Segments.index(grad, gradOffset));
        }
        double total = 0;
        try (Staging s = Staging.elements(n)) {
            while (s.next()) {
                total += arrays.l1Penalty(s.count(), lambda, s.in(0, param, paramOffset), 0, s.in(1, grad, gradOffset), 0);
                s.store(1, grad, gradOffset);
            }
        }
        return (float) total;
    }

    @Override
    public boolean allFinite(long n, MemorySegment x, long xOffset) {
        SegmentCheck.length("n", n);
        SegmentCheck.input("x", x, xOffset, n);
        return finite(n, x, xOffset);
    }

    // ---- shared ----

    /** {@link #allFinite} on checked arguments. */
    private boolean finite(long n, MemorySegment x, long xOffset) {
        float[] xa = Segments.floats(x);
        if (xa != null) {
            return arrays.allFinite((int) n, xa, Segments.index(x, xOffset));
        }
        try (Staging s = Staging.elements(n)) {
            while (s.next()) {
                if (!arrays.allFinite(s.count(), s.in(0, x, xOffset), 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void checkCommon(long n, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset) {
        SegmentCheck.length("n", n);
        SegmentCheck.output("param", param, paramOffset, n);
        SegmentCheck.input("grad", grad, gradOffset, n);
    }

    /** A state buffer the configuration needs must exist, hold the range and be writable; one it does not need is ignored. */
    private static void checkState(String name, boolean needed, MemorySegment buffer, long offset, long n) {
        if (needed) {
            SegmentCheck.output(name, buffer, offset, n);
        }
    }

    private static void checkPenalty(long n, float lambda, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset) {
        if (!(lambda >= 0) || Float.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, was " + lambda);
        }
        SegmentCheck.length("n", n);
        SegmentCheck.input("param", param, paramOffset, n);
        SegmentCheck.output("grad", grad, gradOffset, n);
    }

    /** The array behind a state buffer the step uses (null where it must be staged), or {@link #NOT_USED}. */
    private static float[] state(boolean used, MemorySegment buffer) {
        return used ? Segments.floats(buffer) : NOT_USED;
    }

    /** The array to hand to the kernel for a state buffer: null where the configuration does not use it. */
    private static float[] used(float[] state) {
        return state == NOT_USED ? null : state;
    }

    private static int index(boolean used, MemorySegment buffer, long offset) {
        return used ? Segments.index(buffer, offset) : 0;
    }
}
