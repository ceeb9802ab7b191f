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
 * A vector implementation's optimizer steps with their main loops started on a cache line of the parameters
 * ({@link ArrayAlignment}): the few elements before the line go to the scalar reference (Adam's to the vector
 * kernel, which takes them as one masked vector), the rest to the vector kernel. The parameters are the array
 * every step writes; the state arrays (m, v, ...) usually sit at the same distance from a line when they were
 * allocated alike, and are read and written once as well.
 *
 * <p>The bits do not change: every step here is stated exact (0 ulp) between the vector and the scalar path,
 * so it does not matter which of the two computes an element. The penalties and {@code allFinite} are
 * reductions or too cheap to gain and pass through unchanged.
 *
 * @param vector    the vector implementation, unchecked
 * @param reference the scalar reference, unchecked
 */
public record AlignedOptimizers(OptimizerKernels vector, OptimizerKernels reference) implements OptimizerKernels {

    public AlignedOptimizers {
        Objects.requireNonNull(vector, "vector");
        Objects.requireNonNull(reference, "reference");
    }

    /** {@code vector} aligned where this JVM can probe addresses, else {@code vector} itself. */
    public static OptimizerKernels over(OptimizerKernels vector, OptimizerKernels reference) {
        return ArrayAlignment.available() ? new AlignedOptimizers(vector, reference) : vector;
    }

    @Override
    public void sgd(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] buf, int bufOffset,
            SgdConfig config, long step) {
        int k = ArrayAlignment.elementsBeforeLine(param, paramOffset, n);
        if (k > 0) {
            reference.sgd(k, param, paramOffset, grad, gradOffset, buf, bufOffset, config, step);
        }
        vector.sgd(n - k, param, paramOffset + k, grad, gradOffset + k, buf, bufOffset + k, config, step);
    }

    @Override
    public void adagrad(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] sum,
            int sumOffset, AdagradConfig config, long step) {
        int k = ArrayAlignment.elementsBeforeLine(param, paramOffset, n);
        if (k > 0) {
            reference.adagrad(k, param, paramOffset, grad, gradOffset, sum, sumOffset, config, step);
        }
        vector.adagrad(n - k, param, paramOffset + k, grad, gradOffset + k, sum, sumOffset + k, config, step);
    }

    @Override
    public void rmsprop(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] squareAvg,
            int squareAvgOffset, float[] gradAvg, int gradAvgOffset, float[] buf, int bufOffset, RmspropConfig config) {
        int k = ArrayAlignment.elementsBeforeLine(param, paramOffset, n);
        if (k > 0) {
            reference.rmsprop(k, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, gradAvg,
                    gradAvgOffset, buf, bufOffset, config);
        }
        vector.rmsprop(n - k, param, paramOffset + k, grad, gradOffset + k, squareAvg, squareAvgOffset + k, gradAvg,
                gradAvgOffset + k, buf, bufOffset + k, config);
    }

    @Override
    public void adadelta(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] squareAvg,
            int squareAvgOffset, float[] accDelta, int accDeltaOffset, AdadeltaConfig config) {
        int k = ArrayAlignment.elementsBeforeLine(param, paramOffset, n);
        if (k > 0) {
            reference.adadelta(k, param, paramOffset, grad, gradOffset, squareAvg, squareAvgOffset, accDelta,
                    accDeltaOffset, config);
        }
        vector.adadelta(n - k, param, paramOffset + k, grad, gradOffset + k, squareAvg, squareAvgOffset + k, accDelta,
                accDeltaOffset + k, config);
    }

    @Override
    public void adam(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m, int mOffset,
            float[] v, int vOffset, float[] vMax, int vMaxOffset, AdamConfig config, long step) {
        int k = ArrayAlignment.elementsBeforeLine(param, paramOffset, n);
        if (k > 0) {
            // The vector kernel itself: it takes a partial vector under a mask, where the scalar reference spent
            // about 8 ns an element on the square root and the division.
            vector.adam(k, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, vMax, vMaxOffset, config, step);
        }
        vector.adam(n - k, param, paramOffset + k, grad, gradOffset + k, m, mOffset + k, v, vOffset + k, vMax,
                vMaxOffset + k, config, step);
    }

    @Override
    public void adamax(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m, int mOffset,
            float[] u, int uOffset, AdamaxConfig config, long step) {
        int k = ArrayAlignment.elementsBeforeLine(param, paramOffset, n);
        if (k > 0) {
            reference.adamax(k, param, paramOffset, grad, gradOffset, m, mOffset, u, uOffset, config, step);
        }
        vector.adamax(n - k, param, paramOffset + k, grad, gradOffset + k, m, mOffset + k, u, uOffset + k, config,
                step);
    }

    @Override
    public double nadam(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m, int mOffset,
            float[] v, int vOffset, NAdamConfig config, long step, double muProduct) {
        int k = ArrayAlignment.elementsBeforeLine(param, paramOffset, n);
        if (k > 0) {
            // The returned product depends only on (config, step, muProduct): both calls return the same.
            reference.nadam(k, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step, muProduct);
        }
        return vector.nadam(n - k, param, paramOffset + k, grad, gradOffset + k, m, mOffset + k, v, vOffset + k,
                config, step, muProduct);
    }

    @Override
    public void radam(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m, int mOffset,
            float[] v, int vOffset, RAdamConfig config, long step) {
        int k = ArrayAlignment.elementsBeforeLine(param, paramOffset, n);
        if (k > 0) {
            reference.radam(k, param, paramOffset, grad, gradOffset, m, mOffset, v, vOffset, config, step);
        }
        vector.radam(n - k, param, paramOffset + k, grad, gradOffset + k, m, mOffset + k, v, vOffset + k, config,
                step);
    }

    @Override
    public void lion(int n, float[] param, int paramOffset, float[] grad, int gradOffset, float[] m, int mOffset,
            LionConfig config) {
        int k = ArrayAlignment.elementsBeforeLine(param, paramOffset, n);
        if (k > 0) {
            reference.lion(k, param, paramOffset, grad, gradOffset, m, mOffset, config);
        }
        vector.lion(n - k, param, paramOffset + k, grad, gradOffset + k, m, mOffset + k, config);
    }

    @Override
    public void clipByValue(int n, float[] grad, int gradOffset, float clip) {
        int k = ArrayAlignment.elementsBeforeLine(grad, gradOffset, n);
        if (k > 0) {
            reference.clipByValue(k, grad, gradOffset, clip);
        }
        vector.clipByValue(n - k, grad, gradOffset + k, clip);
    }

    @Override
    public float l2Penalty(int n, float lambda, float[] param, int paramOffset, float[] grad, int gradOffset) {
        return vector.l2Penalty(n, lambda, param, paramOffset, grad, gradOffset);
    }

    @Override
    public float l1Penalty(int n, float lambda, float[] param, int paramOffset, float[] grad, int gradOffset) {
        return vector.l1Penalty(n, lambda, param, paramOffset, grad, gradOffset);
    }

    @Override
    public boolean allFinite(int n, float[] x, int xOffset) {
        return vector.allFinite(n, x, xOffset);
    }
}
