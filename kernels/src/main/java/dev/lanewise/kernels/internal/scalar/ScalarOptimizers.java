package dev.lanewise.kernels.internal.scalar;

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
import static dev.lanewise.kernels.internal.FmaPolicy.fma;

/**
 * The readable reference for {@link OptimizerKernels}: one plain loop per update, each element read,
 * updated and written once. The vector kernels perform exactly these float operations in this order (and
 * call this class for their tails), which is what makes them bit-identical.
 *
 * <p>Every loop starts by turning the gradient into PyTorch's effective gradient: negated under
 * {@code maximize}, then plus {@code weight_decay * theta} where the decay is coupled and non-zero (a zero
 * decay is skipped, not multiplied, so that an infinite parameter does not turn 0 * inf into NaN).
 */
public final class ScalarOptimizers implements OptimizerKernels {

    @Override
    public void sgd(int n, float[] param, int pOff, float[] grad, int gOff, float[] buf, int bOff, SgdConfig c,
            long step) {
        boolean maximize = c.maximize();
        float wd = (float) c.weightDecay();
        float lr = (float) c.lr();
        float momentum = (float) c.momentum();
        float keep = (float) (1 - c.dampening());
        boolean hasMomentum = c.hasMomentum();
        boolean first = step == 1;
        boolean nesterov = c.nesterov();
        for (int i = 0; i < n; i++) {
            float p = param[pOff + i];
            float g = maximize ? -grad[gOff + i] : grad[gOff + i];
            if (wd != 0) {
                g = fma(wd, p, g);
            }
            float d = g;
            if (hasMomentum) {
                // PyTorch starts the buffer as a copy of the first gradient, undamped.
                float b = first ? g : fma(momentum, buf[bOff + i], keep * g);
                buf[bOff + i] = b;
                d = nesterov ? fma(momentum, b, g) : b;
            }
            param[pOff + i] = fma(-lr, d, p);
        }
    }

    @Override
    public void adagrad(int n, float[] param, int pOff, float[] grad, int gOff, float[] sum, int sOff,
            AdagradConfig c, long step) {
        boolean maximize = c.maximize();
        float wd = (float) c.weightDecay();
        float negClr = -c.clr(step);
        float eps = (float) c.eps();
        for (int i = 0; i < n; i++) {
            float p = param[pOff + i];
            float g = maximize ? -grad[gOff + i] : grad[gOff + i];
            if (wd != 0) {
                g = fma(wd, p, g);
            }
            float s = fma(g, g, sum[sOff + i]);
            sum[sOff + i] = s;
            param[pOff + i] = fma(negClr, g / ((float) Math.sqrt(s) + eps), p);
        }
    }

    @Override
    public void rmsprop(int n, float[] param, int pOff, float[] grad, int gOff, float[] squareAvg, int sqOff,
            float[] gradAvg, int gaOff, float[] buf, int bOff, RmspropConfig c) {
        boolean maximize = c.maximize();
        float wd = (float) c.weightDecay();
        float alpha = (float) c.alpha();
        float rest = (float) (1 - c.alpha());
        float eps = (float) c.eps();
        float negLr = (float) -c.lr();
        float momentum = (float) c.momentum();
        boolean centered = c.centered();
        boolean hasMomentum = c.momentum() > 0;
        for (int i = 0; i < n; i++) {
            float p = param[pOff + i];
            float g = maximize ? -grad[gOff + i] : grad[gOff + i];
            if (wd != 0) {
                g = fma(wd, p, g);
            }
            float sq = fma(rest * g, g, alpha * squareAvg[sqOff + i]);
            squareAvg[sqOff + i] = sq;
            float avg;
            if (centered) {
                float ga = fma(rest, g, alpha * gradAvg[gaOff + i]);
                gradAvg[gaOff + i] = ga;
                avg = (float) Math.sqrt(fma(-ga, ga, sq)) + eps;
            } else {
                avg = (float) Math.sqrt(sq) + eps;
            }
            float d = g / avg;
            if (hasMomentum) {
                d = fma(momentum, buf[bOff + i], d);
                buf[bOff + i] = d;
            }
            param[pOff + i] = fma(negLr, d, p);
        }
    }

    @Override
    public void adadelta(int n, float[] param, int pOff, float[] grad, int gOff, float[] squareAvg, int sqOff,
            float[] accDelta, int adOff, AdadeltaConfig c) {
        boolean maximize = c.maximize();
        float wd = (float) c.weightDecay();
        float rho = (float) c.rho();
        float rest = (float) (1 - c.rho());
        float eps = (float) c.eps();
        float negLr = (float) -c.lr();
        for (int i = 0; i < n; i++) {
            float p = param[pOff + i];
            float g = maximize ? -grad[gOff + i] : grad[gOff + i];
            if (wd != 0) {
                g = fma(wd, p, g);
            }
            float sq = fma(rest * g, g, rho * squareAvg[sqOff + i]);
            squareAvg[sqOff + i] = sq;
            float acc = accDelta[adOff + i];
            float delta = (float) Math.sqrt(acc + eps) / (float) Math.sqrt(sq + eps) * g;
            accDelta[adOff + i] = fma(rest * delta, delta, rho * acc);
            param[pOff + i] = fma(negLr, delta, p);
        }
    }

    @Override
    public void adam(int n, float[] param, int pOff, float[] grad, int gOff, float[] m, int mOff, float[] v,
            int vOff, float[] vMax, int vmOff, AdamConfig c, long step) {
        boolean maximize = c.maximize();
        boolean amsgrad = c.amsgrad();
        float wd = c.coupledWeightDecay();
        float decay = c.decayFactor();
        float beta1 = (float) c.beta1();
        float rest1 = (float) (1 - c.beta1());
        float beta2 = (float) c.beta2();
        float rest2 = (float) (1 - c.beta2());
        float eps = (float) c.eps();
        float negStepSize = -c.stepSize(step);
        float invRootBc2 = c.inverseSqrtBiasCorrection2(step);
        for (int i = 0; i < n; i++) {
            float p = param[pOff + i];
            float g = maximize ? -grad[gOff + i] : grad[gOff + i];
            if (wd != 0) {
                g = fma(wd, p, g);
            }
            if (decay != 1f) {
                p = p * decay;
            }
            float mi = fma(rest1, g, beta1 * m[mOff + i]);
            float vi = fma(rest2 * g, g, beta2 * v[vOff + i]);
            m[mOff + i] = mi;
            v[vOff + i] = vi;
            if (amsgrad) {
                vi = Math.max(vMax[vmOff + i], vi);
                vMax[vmOff + i] = vi;
            }
            float denom = fma((float) Math.sqrt(vi), invRootBc2, eps);
            param[pOff + i] = fma(negStepSize, mi / denom, p);
        }
    }

    @Override
    public void adamax(int n, float[] param, int pOff, float[] grad, int gOff, float[] m, int mOff, float[] u,
            int uOff, AdamaxConfig c, long step) {
        boolean maximize = c.maximize();
        float wd = (float) c.weightDecay();
        float beta1 = (float) c.beta1();
        float rest1 = (float) (1 - c.beta1());
        float beta2 = (float) c.beta2();
        float eps = (float) c.eps();
        float negStepSize = -c.stepSize(step);
        for (int i = 0; i < n; i++) {
            float p = param[pOff + i];
            float g = maximize ? -grad[gOff + i] : grad[gOff + i];
            if (wd != 0) {
                g = fma(wd, p, g);
            }
            float mi = fma(rest1, g, beta1 * m[mOff + i]);
            float ui = Math.max(beta2 * u[uOff + i], Math.abs(g) + eps);
            m[mOff + i] = mi;
            u[uOff + i] = ui;
            param[pOff + i] = fma(negStepSize, mi / ui, p);
        }
    }

    @Override
    public double nadam(int n, float[] param, int pOff, float[] grad, int gOff, float[] m, int mOff, float[] v,
            int vOff, NAdamConfig c, long step, double muProduct) {
        NAdamConfig.StepFactors factors = c.stepFactors(step, muProduct);
        float gradFactor = factors.gradFactor();
        float momentFactor = factors.momentFactor();
        float invBc2 = factors.inverseBiasCorrection2();
        float wd = (float) c.weightDecay();
        float beta1 = (float) c.beta1();
        float rest1 = (float) (1 - c.beta1());
        float beta2 = (float) c.beta2();
        float rest2 = (float) (1 - c.beta2());
        float eps = (float) c.eps();
        for (int i = 0; i < n; i++) {
            float p = param[pOff + i];
            float g = grad[gOff + i];
            if (wd != 0) {
                g = fma(wd, p, g);
            }
            float mi = fma(rest1, g, beta1 * m[mOff + i]);
            float vi = fma(rest2 * g, g, beta2 * v[vOff + i]);
            m[mOff + i] = mi;
            v[vOff + i] = vi;
            float denom = (float) Math.sqrt(vi * invBc2) + eps;
            param[pOff + i] = p + fma(gradFactor, g, momentFactor * mi) / denom;
        }
        return factors.muProduct();
    }

    @Override
    public void radam(int n, float[] param, int pOff, float[] grad, int gOff, float[] m, int mOff, float[] v,
            int vOff, RAdamConfig c, long step) {
        boolean rectified = c.rectified(step);
        float negStepSize = -c.stepSize(step);
        float wd = (float) c.weightDecay();
        float beta1 = (float) c.beta1();
        float rest1 = (float) (1 - c.beta1());
        float beta2 = (float) c.beta2();
        float rest2 = (float) (1 - c.beta2());
        float eps = (float) c.eps();
        for (int i = 0; i < n; i++) {
            float p = param[pOff + i];
            float g = grad[gOff + i];
            if (wd != 0) {
                g = fma(wd, p, g);
            }
            float mi = fma(rest1, g, beta1 * m[mOff + i]);
            float vi = fma(rest2 * g, g, beta2 * v[vOff + i]);
            m[mOff + i] = mi;
            v[vOff + i] = vi;
            float direction = rectified ? mi / ((float) Math.sqrt(vi) + eps) : mi;
            param[pOff + i] = fma(negStepSize, direction, p);
        }
    }

    @Override
    public void lion(int n, float[] param, int pOff, float[] grad, int gOff, float[] m, int mOff, LionConfig c) {
        float negLr = (float) -c.lr();
        float decay = c.decayFactor();
        float beta1 = (float) c.beta1();
        float rest1 = (float) (1 - c.beta1());
        float beta2 = (float) c.beta2();
        float rest2 = (float) (1 - c.beta2());
        for (int i = 0; i < n; i++) {
            float p = param[pOff + i];
            float g = grad[gOff + i];
            float mi = m[mOff + i];
            float direction = fma(rest1, g, beta1 * mi);
            if (decay != 1f) {
                p = p * decay;
            }
            param[pOff + i] = fma(negLr, Math.signum(direction), p);
            m[mOff + i] = fma(rest2, g, beta2 * mi);
        }
    }

    @Override
    public void clipByValue(int n, float[] x, int xOff, float clip) {
        for (int i = 0; i < n; i++) {
            x[xOff + i] = Math.min(Math.max(x[xOff + i], -clip), clip);
        }
    }

    @Override
    public float l2Penalty(int n, float lambda, float[] param, int pOff, float[] grad, int gOff) {
        double sumOfSquares = 0;
        for (int i = 0; i < n; i++) {
            float p = param[pOff + i];
            sumOfSquares += (double) p * p;
            grad[gOff + i] = fma(lambda, p, grad[gOff + i]);
        }
        return (float) (0.5 * lambda * sumOfSquares);
    }

    @Override
    public float l1Penalty(int n, float lambda, float[] param, int pOff, float[] grad, int gOff) {
        double sumOfMagnitudes = 0;
        for (int i = 0; i < n; i++) {
            float p = param[pOff + i];
            sumOfMagnitudes += Math.abs(p);
            grad[gOff + i] = fma(lambda, Math.signum(p), grad[gOff + i]);
        }
        return (float) (lambda * sumOfMagnitudes);
    }

    @Override
    public boolean allFinite(int n, float[] x, int xOff) {
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(x[xOff + i])) {
                return false;
            }
        }
        return true;
    }
}
