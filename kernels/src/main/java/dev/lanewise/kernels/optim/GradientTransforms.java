package dev.lanewise.kernels.optim;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.blas.Blas;
import dev.lanewise.kernels.blas.BlasKernels;
import dev.lanewise.kernels.internal.Check;

import java.lang.foreign.MemorySegment;

/**
 * Transforms applied to gradients (and parameters) between the backward pass and the optimizer step:
 * clipping by value, clipping by global norm across several arrays ({@code torch.nn.utils}), L1 and L2
 * penalties with their gradients, and decoupled weight decay. Each method checks every argument before it
 * writes anything (a null array throws {@link NullPointerException}, a range outside its array
 * {@link IndexOutOfBoundsException}, any other bad value {@link IllegalArgumentException}).
 * Vector-vs-scalar tolerances: see {@link OptimizerKernels} (clipping and penalty gradients are exact;
 * penalty values within 1 ulp) and {@link BlasKernels#nrm2} (norms within 1 ulp).
 */
public final class GradientTransforms {
    // The checked kernels in a static final, so C2 sees one constant receiver and inlines through the checks
    // straight into the chosen implementation.
    private static final OptimizerKernels KERNELS = Kernels.provider().optimizers();

    private GradientTransforms() {}

    /** {@code torch.nn.utils.clip_grad_value_}: clamps into [-clip, clip]; NaN stays NaN. */
    public static void clipByValue(int n, float[] grad, int gradOffset, float clip) {
        KERNELS.clipByValue(n, grad, gradOffset, clip);
    }

    /** Clips a whole array into [-clip, clip]. */
    public static void clipByValue(float[] grad, float clip) {
        KERNELS.clipByValue(Check.notNull("grad", grad).length, grad, 0, clip);
    }

    /** {@link #clipByGlobalNorm(float[][], float, double, boolean)} with the 2-norm, never throwing on NaN. */
    public static float clipByGlobalNorm(float[][] grads, float maxNorm) {
        return clipByGlobalNorm(grads, maxNorm, 2, false);
    }

    /**
     * {@code torch.nn.utils.clip_grad_norm_} (PyTorch 1.13): the {@code normType}-norm of all the arrays
     * together (the norm of their norms), then every array scaled by min(1, maxNorm / (total + 1e-6)).
     * As in PyTorch, a NaN total makes every gradient NaN and an infinite one scales by 0, unless
     * {@code errorIfNonfinite}, which refuses, before any write.
     *
     * @param normType a p &gt; 0, or {@link Double#POSITIVE_INFINITY} for the largest magnitude
     * @return the total norm before clipping
     */
    public static float clipByGlobalNorm(float[][] grads, float maxNorm, double normType, boolean errorIfNonfinite) {
        Check.notNull("grads", grads);
        for (int k = 0; k < grads.length; k++) {
            Check.notNull("grads[" + k + "]", grads[k]);
        }
        if (!(maxNorm >= 0) || Float.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("max_norm must be finite and >= 0, was " + maxNorm);
        }
        if (!(normType > 0)) {
            throw new IllegalArgumentException("norm_type must be > 0 or infinity, was " + normType);
        }
        if (grads.length == 0) {
            return 0f;
        }
        float total = totalNorm(grads, normType);
        if (errorIfNonfinite && !Float.isFinite(total)) {
            throw new IllegalArgumentException("the total norm of order " + normType
                    + " of the gradients is non-finite (" + total + "), so it cannot be clipped");
        }
        float coefficient = Math.min((float) (maxNorm / ((double) total + 1e-6)), 1f);
        if (coefficient != 1f) {
            for (float[] g : grads) {
                Blas.scal(coefficient, g);
            }
        }
        return total;
    }

    /** PyTorch's total: the norm of each array in float, then the norm of those norms. */
    private static float totalNorm(float[][] grads, double p) {
        float[] norms = new float[grads.length];
        for (int k = 0; k < grads.length; k++) {
            norms[k] = norm(grads[k], p);
        }
        return norm(norms, p);
    }

    private static float norm(float[] x, double p) {
        if (p == 2) {
            return Blas.nrm2(x);
        }
        if (p == Double.POSITIVE_INFINITY) {
            float max = 0f;
            for (float v : x) {
                max = Math.max(max, Math.abs(v));
            }
            return max;
        }
        double sum = 0;
        for (float v : x) {
            sum += Math.pow(Math.abs(v), p);
        }
        return (float) Math.pow(sum, 1 / p);
    }

    /** Adds lambda * theta to {@code grad} and returns the L2 penalty lambda/2 * sum theta^2. */
    public static float l2Penalty(int n, float lambda, float[] param, int paramOffset, float[] grad, int gradOffset) {
        return KERNELS.l2Penalty(n, lambda, param, paramOffset, grad, gradOffset);
    }

    /** The L2 penalty over whole arrays of one length. */
    public static float l2Penalty(float lambda, float[] param, float[] grad) {
        return KERNELS.l2Penalty(Check.sameLength("param", param, "grad", grad), lambda, param, 0, grad, 0);
    }

    /** Adds lambda * sign(theta) (0 at 0) to {@code grad} and returns the L1 penalty lambda * sum |theta|. */
    public static float l1Penalty(int n, float lambda, float[] param, int paramOffset, float[] grad, int gradOffset) {
        return KERNELS.l1Penalty(n, lambda, param, paramOffset, grad, gradOffset);
    }

    /** The L1 penalty over whole arrays of one length. */
    public static float l1Penalty(float lambda, float[] param, float[] grad) {
        return KERNELS.l1Penalty(Check.sameLength("param", param, "grad", grad), lambda, param, 0, grad, 0);
    }

    /**
     * Decoupled weight decay (Loshchilov and Hutter; AdamW's first line): theta *= 1 - lr * weight_decay.
     * Both must be finite and {@code >= 0}.
     */
    public static void decoupledWeightDecay(int n, float[] param, int paramOffset, double lr, double weightDecay) {
        Hyperparameters.nonNegative("lr", lr);
        Hyperparameters.nonNegative("weight_decay", weightDecay);
        Check.length("n", n);
        Check.range("param", param, paramOffset, n);
        Blas.scal(n, (float) (1 - lr * weightDecay), param, paramOffset);
    }

    /** Decoupled weight decay over a whole array. */
    public static void decoupledWeightDecay(float[] param, double lr, double weightDecay) {
        decoupledWeightDecay(Check.notNull("param", param).length, param, 0, lr, weightDecay);
    }

    // ---- MemorySegment overloads ----
    //
    // The same operations on java.lang.foreign.MemorySegments, heap or native. Lengths and offsets count floats, not
    // bytes. Checked like the array forms, before anything is written: a segment must be aligned to 4 bytes, and one
    // that is written must not be read-only. A writable heap segment over a float[] runs the array kernel on that
    // array in place; other segments run the same array kernels through small staging buffers.
    // OptimizerSegmentKernels says what each gives and how it is checked.

    private static final OptimizerSegmentKernels SEGMENTS = Kernels.provider().optimizerSegments();

    /** {@code torch.nn.utils.clip_grad_value_} over a segment: clamps into [-clip, clip]; offsets count floats. */
    public static void clipByValue(long n, MemorySegment grad, long gradOffset, float clip) {
        SEGMENTS.clipByValue(n, grad, gradOffset, clip);
    }

    /** Adds lambda * theta to {@code grad} and returns lambda/2 * sum theta^2, over segments. */
    public static float l2Penalty(long n, float lambda, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset) {
        return SEGMENTS.l2Penalty(n, lambda, param, paramOffset, grad, gradOffset);
    }

    /** Adds lambda * sign(theta) (0 at 0) to {@code grad} and returns lambda * sum |theta|, over segments. */
    public static float l1Penalty(long n, float lambda, MemorySegment param, long paramOffset, MemorySegment grad,
            long gradOffset) {
        return SEGMENTS.l1Penalty(n, lambda, param, paramOffset, grad, gradOffset);
    }

    /** Decoupled weight decay over a segment: theta *= 1 - lr * weight_decay; both finite and {@code >= 0}. */
    public static void decoupledWeightDecay(long n, MemorySegment param, long paramOffset, double lr,
            double weightDecay) {
        Hyperparameters.nonNegative("lr", lr);
        Hyperparameters.nonNegative("weight_decay", weightDecay);
        Blas.scal(n, (float) (1 - lr * weightDecay), param, paramOffset);
    }
}
