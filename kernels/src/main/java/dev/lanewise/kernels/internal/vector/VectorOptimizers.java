package dev.lanewise.kernels.internal.vector;

import dev.lanewise.kernels.internal.FmaPolicy;
import dev.lanewise.kernels.internal.scalar.ScalarOptimizers;
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

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link OptimizerKernels} on the Vector API at this copy's width ({@link VectorWidth}). Each loop is the scalar reference's loop, lane by
 * lane: the same float operations in the same order, the inline FMA-policy expression exactly where the reference calls
 * {@code FmaPolicy.fma}, so the results are bit-identical. The main loop stops at {@code loopBound} and the
 * reference finishes the tail (a masked store in the main loop costs more than a few scalar elements), except in
 * Adam's common case, whose square root and division per element made a masked last vector the cheaper.
 * Per-call flags (maximize, weight decay, amsgrad, ...) are tested inside the loop; they are loop-invariant.
 * Shared steps (the effective gradient, signum) are written out in each loop rather than in helpers taking
 * vectors (see the package doc).
 */
public final class VectorOptimizers implements OptimizerKernels {
    private static final VectorSpecies<Float> SPECIES = VectorWidth.FLOAT;
    private static final VectorSpecies<Double> DOUBLES = VectorWidth.DOUBLE;
    private static final ScalarOptimizers TAIL = new ScalarOptimizers();

    @Override
    public void sgd(int n, float[] param, int pOff, float[] grad, int gOff, float[] buf, int bOff, SgdConfig c,
            long step) {
        VectorSpecies<Float> s = SPECIES;
        boolean maximize = c.maximize();
        float wd = (float) c.weightDecay();
        FloatVector wdLanes = FloatVector.broadcast(s, wd);
        FloatVector negLr = FloatVector.broadcast(s, (float) -c.lr());
        FloatVector momentum = FloatVector.broadcast(s, (float) c.momentum());
        FloatVector keep = FloatVector.broadcast(s, (float) (1 - c.dampening()));
        boolean hasMomentum = c.hasMomentum();
        boolean first = step == 1;
        boolean nesterov = c.nesterov();
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector p = FloatVector.fromArray(s, param, pOff + i);
            // PyTorch's effective gradient: negated under maximize, plus the coupled weight decay.
            FloatVector g = FloatVector.fromArray(s, grad, gOff + i);
            if (maximize) {
                g = g.neg();
            }
            if (wd != 0) {
                g = (FmaPolicy.USE_FMA ? (wdLanes).fma(p, g) : (wdLanes).mul(p).add(g));
            }
            FloatVector d = g;
            if (hasMomentum) {
                FloatVector b = first ? g : (FmaPolicy.USE_FMA ? (momentum).fma(FloatVector.fromArray(s, buf, bOff + i), keep.mul(g)) : (momentum).mul(FloatVector.fromArray(s, buf, bOff + i)).add(keep.mul(g)));
                b.intoArray(buf, bOff + i);
                d = nesterov ? (FmaPolicy.USE_FMA ? (momentum).fma(b, g) : (momentum).mul(b).add(g)) : b;
            }
            (FmaPolicy.USE_FMA ? (negLr).fma(d, p) : (negLr).mul(d).add(p)).intoArray(param, pOff + i);
        }
        if (i < n) {
            TAIL.sgd(n - i, param, pOff + i, grad, gOff + i, buf, bOff + i, c, step);
        }
    }

    @Override
    public void adagrad(int n, float[] param, int pOff, float[] grad, int gOff, float[] sum, int sOff,
            AdagradConfig c, long step) {
        VectorSpecies<Float> s = SPECIES;
        boolean maximize = c.maximize();
        float wd = (float) c.weightDecay();
        FloatVector wdLanes = FloatVector.broadcast(s, wd);
        FloatVector negClr = FloatVector.broadcast(s, -c.clr(step));
        FloatVector eps = FloatVector.broadcast(s, (float) c.eps());
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector p = FloatVector.fromArray(s, param, pOff + i);
            // PyTorch's effective gradient: negated under maximize, plus the coupled weight decay.
            FloatVector g = FloatVector.fromArray(s, grad, gOff + i);
            if (maximize) {
                g = g.neg();
            }
            if (wd != 0) {
                g = (FmaPolicy.USE_FMA ? (wdLanes).fma(p, g) : (wdLanes).mul(p).add(g));
            }
            FloatVector sq = (FmaPolicy.USE_FMA ? (g).fma(g, FloatVector.fromArray(s, sum, sOff + i)) : (g).mul(g).add(FloatVector.fromArray(s, sum, sOff + i)));
            sq.intoArray(sum, sOff + i);
            (FmaPolicy.USE_FMA ? (negClr).fma(g.div(sq.sqrt().add(eps)), p) : (negClr).mul(g.div(sq.sqrt().add(eps))).add(p)).intoArray(param, pOff + i);
        }
        if (i < n) {
            TAIL.adagrad(n - i, param, pOff + i, grad, gOff + i, sum, sOff + i, c, step);
        }
    }

    @Override
    public void rmsprop(int n, float[] param, int pOff, float[] grad, int gOff, float[] squareAvg, int sqOff,
            float[] gradAvg, int gaOff, float[] buf, int bOff, RmspropConfig c) {
        VectorSpecies<Float> s = SPECIES;
        boolean maximize = c.maximize();
        float wd = (float) c.weightDecay();
        FloatVector wdLanes = FloatVector.broadcast(s, wd);
        FloatVector alpha = FloatVector.broadcast(s, (float) c.alpha());
        FloatVector rest = FloatVector.broadcast(s, (float) (1 - c.alpha()));
        FloatVector eps = FloatVector.broadcast(s, (float) c.eps());
        FloatVector negLr = FloatVector.broadcast(s, (float) -c.lr());
        FloatVector momentum = FloatVector.broadcast(s, (float) c.momentum());
        boolean centered = c.centered();
        boolean hasMomentum = c.momentum() > 0;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector p = FloatVector.fromArray(s, param, pOff + i);
            // PyTorch's effective gradient: negated under maximize, plus the coupled weight decay.
            FloatVector g = FloatVector.fromArray(s, grad, gOff + i);
            if (maximize) {
                g = g.neg();
            }
            if (wd != 0) {
                g = (FmaPolicy.USE_FMA ? (wdLanes).fma(p, g) : (wdLanes).mul(p).add(g));
            }
            FloatVector sq = (FmaPolicy.USE_FMA ? (rest.mul(g)).fma(g, alpha.mul(FloatVector.fromArray(s, squareAvg, sqOff + i))) : (rest.mul(g)).mul(g).add(alpha.mul(FloatVector.fromArray(s, squareAvg, sqOff + i))));
            sq.intoArray(squareAvg, sqOff + i);
            FloatVector avg;
            if (centered) {
                FloatVector ga = (FmaPolicy.USE_FMA ? (rest).fma(g, alpha.mul(FloatVector.fromArray(s, gradAvg, gaOff + i))) : (rest).mul(g).add(alpha.mul(FloatVector.fromArray(s, gradAvg, gaOff + i))));
                ga.intoArray(gradAvg, gaOff + i);
                avg = (FmaPolicy.USE_FMA ? (ga.neg()).fma(ga, sq) : (ga.neg()).mul(ga).add(sq)).sqrt().add(eps);
            } else {
                avg = sq.sqrt().add(eps);
            }
            FloatVector d = g.div(avg);
            if (hasMomentum) {
                d = (FmaPolicy.USE_FMA ? (momentum).fma(FloatVector.fromArray(s, buf, bOff + i), d) : (momentum).mul(FloatVector.fromArray(s, buf, bOff + i)).add(d));
                d.intoArray(buf, bOff + i);
            }
            (FmaPolicy.USE_FMA ? (negLr).fma(d, p) : (negLr).mul(d).add(p)).intoArray(param, pOff + i);
        }
        if (i < n) {
            TAIL.rmsprop(n - i, param, pOff + i, grad, gOff + i, squareAvg, sqOff + i, gradAvg, gaOff + i, buf, bOff + i, c);
        }
    }

    @Override
    public void adadelta(int n, float[] param, int pOff, float[] grad, int gOff, float[] squareAvg, int sqOff,
            float[] accDelta, int adOff, AdadeltaConfig c) {
        VectorSpecies<Float> s = SPECIES;
        boolean maximize = c.maximize();
        float wd = (float) c.weightDecay();
        FloatVector wdLanes = FloatVector.broadcast(s, wd);
        FloatVector rho = FloatVector.broadcast(s, (float) c.rho());
        FloatVector rest = FloatVector.broadcast(s, (float) (1 - c.rho()));
        FloatVector eps = FloatVector.broadcast(s, (float) c.eps());
        FloatVector negLr = FloatVector.broadcast(s, (float) -c.lr());
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector p = FloatVector.fromArray(s, param, pOff + i);
            // PyTorch's effective gradient: negated under maximize, plus the coupled weight decay.
            FloatVector g = FloatVector.fromArray(s, grad, gOff + i);
            if (maximize) {
                g = g.neg();
            }
            if (wd != 0) {
                g = (FmaPolicy.USE_FMA ? (wdLanes).fma(p, g) : (wdLanes).mul(p).add(g));
            }
            FloatVector sq = (FmaPolicy.USE_FMA ? (rest.mul(g)).fma(g, rho.mul(FloatVector.fromArray(s, squareAvg, sqOff + i))) : (rest.mul(g)).mul(g).add(rho.mul(FloatVector.fromArray(s, squareAvg, sqOff + i))));
            sq.intoArray(squareAvg, sqOff + i);
            FloatVector acc = FloatVector.fromArray(s, accDelta, adOff + i);
            FloatVector delta = acc.add(eps).sqrt().div(sq.add(eps).sqrt()).mul(g);
            (FmaPolicy.USE_FMA ? (rest.mul(delta)).fma(delta, rho.mul(acc)) : (rest.mul(delta)).mul(delta).add(rho.mul(acc))).intoArray(accDelta, adOff + i);
            (FmaPolicy.USE_FMA ? (negLr).fma(delta, p) : (negLr).mul(delta).add(p)).intoArray(param, pOff + i);
        }
        if (i < n) {
            TAIL.adadelta(n - i, param, pOff + i, grad, gOff + i, squareAvg, sqOff + i, accDelta, adOff + i, c);
        }
    }

    @Override
    public void adam(int n, float[] param, int pOff, float[] grad, int gOff, float[] m, int mOff, float[] v,
            int vOff, float[] vMax, int vmOff, AdamConfig c, long step) {
        VectorSpecies<Float> s = SPECIES;
        boolean maximize = c.maximize();
        boolean amsgrad = c.amsgrad();
        float wd = c.coupledWeightDecay();
        FloatVector wdLanes = FloatVector.broadcast(s, wd);
        float decayFactor = c.decayFactor();
        boolean decays = decayFactor != 1f;
        FloatVector decay = FloatVector.broadcast(s, decayFactor);
        FloatVector beta1 = FloatVector.broadcast(s, (float) c.beta1());
        FloatVector rest1 = FloatVector.broadcast(s, (float) (1 - c.beta1()));
        FloatVector beta2 = FloatVector.broadcast(s, (float) c.beta2());
        FloatVector rest2 = FloatVector.broadcast(s, (float) (1 - c.beta2()));
        FloatVector eps = FloatVector.broadcast(s, (float) c.eps());
        float negStep = -c.stepSize(step);
        float invRoot = c.inverseSqrtBiasCorrection2(step);
        FloatVector negStepSize = FloatVector.broadcast(s, negStep);
        FloatVector invRootBc2 = FloatVector.broadcast(s, invRoot);
        int i = 0;
        if (!maximize && !amsgrad && wd == 0) {
            i = adamCommonCase(n, param, pOff, grad, gOff, m, mOff, v, vOff, decayFactor, c, negStep, invRoot);
        }
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector p = FloatVector.fromArray(s, param, pOff + i);
            // PyTorch's effective gradient: negated under maximize, plus the coupled weight decay.
            FloatVector g = FloatVector.fromArray(s, grad, gOff + i);
            if (maximize) {
                g = g.neg();
            }
            if (wd != 0) {
                g = (FmaPolicy.USE_FMA ? (wdLanes).fma(p, g) : (wdLanes).mul(p).add(g));
            }
            if (decays) {
                p = p.mul(decay);
            }
            FloatVector mi = (FmaPolicy.USE_FMA ? (rest1).fma(g, beta1.mul(FloatVector.fromArray(s, m, mOff + i))) : (rest1).mul(g).add(beta1.mul(FloatVector.fromArray(s, m, mOff + i))));
            FloatVector vi = (FmaPolicy.USE_FMA ? (rest2.mul(g)).fma(g, beta2.mul(FloatVector.fromArray(s, v, vOff + i))) : (rest2.mul(g)).mul(g).add(beta2.mul(FloatVector.fromArray(s, v, vOff + i))));
            mi.intoArray(m, mOff + i);
            vi.intoArray(v, vOff + i);
            if (amsgrad) {
                vi = FloatVector.fromArray(s, vMax, vmOff + i).max(vi);
                vi.intoArray(vMax, vmOff + i);
            }
            FloatVector denom = (FmaPolicy.USE_FMA ? (vi.sqrt()).fma(invRootBc2, eps) : (vi.sqrt()).mul(invRootBc2).add(eps));
            (FmaPolicy.USE_FMA ? (negStepSize).fma(mi.div(denom), p) : (negStepSize).mul(mi.div(denom)).add(p)).intoArray(param, pOff + i);
        }
        if (i < n) {
            TAIL.adam(n - i, param, pOff + i, grad, gOff + i, m, mOff + i, v, vOff + i, vMax, vmOff + i, c, step);
        }
    }

    /**
     * Adam's and AdamW's defaults (no maximize, no amsgrad, no coupled decay) without a flag in the loop: the
     * hottest update gets a loop with nothing but its arithmetic. Multiplying by a decay factor of exactly 1
     * changes no bit, so AdamW's decay needs no branch either. Returns where the caller's loops go on.
     */
    private int adamCommonCase(int n, float[] param, int pOff, float[] grad, int gOff, float[] m, int mOff, float[] v,
            int vOff, float decayFactor, AdamConfig c, float negStep, float invRoot) {
        // Broadcast here, next to the loop, so that no vector crosses a call and needs a box.
        VectorSpecies<Float> s = SPECIES;
        FloatVector decay = FloatVector.broadcast(s, decayFactor);
        FloatVector beta1 = FloatVector.broadcast(s, (float) c.beta1());
        FloatVector rest1 = FloatVector.broadcast(s, (float) (1 - c.beta1()));
        FloatVector beta2 = FloatVector.broadcast(s, (float) c.beta2());
        FloatVector rest2 = FloatVector.broadcast(s, (float) (1 - c.beta2()));
        FloatVector eps = FloatVector.broadcast(s, (float) c.eps());
        FloatVector negStepSize = FloatVector.broadcast(s, negStep);
        FloatVector invRootBc2 = FloatVector.broadcast(s, invRoot);
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector p = FloatVector.fromArray(s, param, pOff + i).mul(decay);
            FloatVector g = FloatVector.fromArray(s, grad, gOff + i);
            FloatVector mi = (FmaPolicy.USE_FMA ? (rest1).fma(g, beta1.mul(FloatVector.fromArray(s, m, mOff + i))) : (rest1).mul(g).add(beta1.mul(FloatVector.fromArray(s, m, mOff + i))));
            FloatVector vi = (FmaPolicy.USE_FMA ? (rest2.mul(g)).fma(g, beta2.mul(FloatVector.fromArray(s, v, vOff + i))) : (rest2.mul(g)).mul(g).add(beta2.mul(FloatVector.fromArray(s, v, vOff + i))));
            mi.intoArray(m, mOff + i);
            vi.intoArray(v, vOff + i);
            FloatVector denom = (FmaPolicy.USE_FMA ? (vi.sqrt()).fma(invRootBc2, eps) : (vi.sqrt()).mul(invRootBc2).add(eps));
            (FmaPolicy.USE_FMA ? (negStepSize).fma(mi.div(denom), p) : (negStepSize).mul(mi.div(denom)).add(p)).intoArray(param, pOff + i);
        }
        if (i < n) {
            // The last partial vector under a mask, the same arithmetic lane by lane: the scalar reference took
            // about 8 ns an element here (a square root and a division each), 117 ns for 15 elements on a Zen 5
            // core, a tenth of a 4096-element step; the aligned path's peel comes here too.
            VectorMask<Float> tail = s.indexInRange(i, n);
            FloatVector p = FloatVector.fromArray(s, param, pOff + i, tail).mul(decay);
            FloatVector g = FloatVector.fromArray(s, grad, gOff + i, tail);
            FloatVector mi = (FmaPolicy.USE_FMA ? (rest1).fma(g, beta1.mul(FloatVector.fromArray(s, m, mOff + i, tail))) : (rest1).mul(g).add(beta1.mul(FloatVector.fromArray(s, m, mOff + i, tail))));
            FloatVector vi = (FmaPolicy.USE_FMA ? (rest2.mul(g)).fma(g, beta2.mul(FloatVector.fromArray(s, v, vOff + i, tail))) : (rest2.mul(g)).mul(g).add(beta2.mul(FloatVector.fromArray(s, v, vOff + i, tail))));
            mi.intoArray(m, mOff + i, tail);
            vi.intoArray(v, vOff + i, tail);
            FloatVector denom = (FmaPolicy.USE_FMA ? (vi.sqrt()).fma(invRootBc2, eps) : (vi.sqrt()).mul(invRootBc2).add(eps));
            (FmaPolicy.USE_FMA ? (negStepSize).fma(mi.div(denom), p) : (negStepSize).mul(mi.div(denom)).add(p)).intoArray(param, pOff + i, tail);
            i = n;
        }
        return i;
    }

    @Override
    public void adamax(int n, float[] param, int pOff, float[] grad, int gOff, float[] m, int mOff, float[] u,
            int uOff, AdamaxConfig c, long step) {
        VectorSpecies<Float> s = SPECIES;
        boolean maximize = c.maximize();
        float wd = (float) c.weightDecay();
        FloatVector wdLanes = FloatVector.broadcast(s, wd);
        FloatVector beta1 = FloatVector.broadcast(s, (float) c.beta1());
        FloatVector rest1 = FloatVector.broadcast(s, (float) (1 - c.beta1()));
        FloatVector beta2 = FloatVector.broadcast(s, (float) c.beta2());
        FloatVector eps = FloatVector.broadcast(s, (float) c.eps());
        FloatVector negStepSize = FloatVector.broadcast(s, -c.stepSize(step));
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector p = FloatVector.fromArray(s, param, pOff + i);
            // PyTorch's effective gradient: negated under maximize, plus the coupled weight decay.
            FloatVector g = FloatVector.fromArray(s, grad, gOff + i);
            if (maximize) {
                g = g.neg();
            }
            if (wd != 0) {
                g = (FmaPolicy.USE_FMA ? (wdLanes).fma(p, g) : (wdLanes).mul(p).add(g));
            }
            FloatVector mi = (FmaPolicy.USE_FMA ? (rest1).fma(g, beta1.mul(FloatVector.fromArray(s, m, mOff + i))) : (rest1).mul(g).add(beta1.mul(FloatVector.fromArray(s, m, mOff + i))));
            FloatVector ui = beta2.mul(FloatVector.fromArray(s, u, uOff + i)).max(g.abs().add(eps));
            mi.intoArray(m, mOff + i);
            ui.intoArray(u, uOff + i);
            (FmaPolicy.USE_FMA ? (negStepSize).fma(mi.div(ui), p) : (negStepSize).mul(mi.div(ui)).add(p)).intoArray(param, pOff + i);
        }
        if (i < n) {
            TAIL.adamax(n - i, param, pOff + i, grad, gOff + i, m, mOff + i, u, uOff + i, c, step);
        }
    }

    @Override
    public double nadam(int n, float[] param, int pOff, float[] grad, int gOff, float[] m, int mOff, float[] v,
            int vOff, NAdamConfig c, long step, double muProduct) {
        VectorSpecies<Float> s = SPECIES;
        NAdamConfig.StepFactors factors = c.stepFactors(step, muProduct);
        FloatVector gradFactor = FloatVector.broadcast(s, factors.gradFactor());
        FloatVector momentFactor = FloatVector.broadcast(s, factors.momentFactor());
        FloatVector invBc2 = FloatVector.broadcast(s, factors.inverseBiasCorrection2());
        float wd = (float) c.weightDecay();
        FloatVector wdLanes = FloatVector.broadcast(s, wd);
        FloatVector beta1 = FloatVector.broadcast(s, (float) c.beta1());
        FloatVector rest1 = FloatVector.broadcast(s, (float) (1 - c.beta1()));
        FloatVector beta2 = FloatVector.broadcast(s, (float) c.beta2());
        FloatVector rest2 = FloatVector.broadcast(s, (float) (1 - c.beta2()));
        FloatVector eps = FloatVector.broadcast(s, (float) c.eps());
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector p = FloatVector.fromArray(s, param, pOff + i);
            // PyTorch's effective gradient: plus the coupled weight decay.
            FloatVector g = FloatVector.fromArray(s, grad, gOff + i);
            if (wd != 0) {
                g = (FmaPolicy.USE_FMA ? (wdLanes).fma(p, g) : (wdLanes).mul(p).add(g));
            }
            FloatVector mi = (FmaPolicy.USE_FMA ? (rest1).fma(g, beta1.mul(FloatVector.fromArray(s, m, mOff + i))) : (rest1).mul(g).add(beta1.mul(FloatVector.fromArray(s, m, mOff + i))));
            FloatVector vi = (FmaPolicy.USE_FMA ? (rest2.mul(g)).fma(g, beta2.mul(FloatVector.fromArray(s, v, vOff + i))) : (rest2.mul(g)).mul(g).add(beta2.mul(FloatVector.fromArray(s, v, vOff + i))));
            mi.intoArray(m, mOff + i);
            vi.intoArray(v, vOff + i);
            FloatVector denom = vi.mul(invBc2).sqrt().add(eps);
            p.add((FmaPolicy.USE_FMA ? (gradFactor).fma(g, momentFactor.mul(mi)) : (gradFactor).mul(g).add(momentFactor.mul(mi))).div(denom)).intoArray(param, pOff + i);
        }
        if (i < n) {
            TAIL.nadam(n - i, param, pOff + i, grad, gOff + i, m, mOff + i, v, vOff + i, c, step, muProduct);
        }
        return factors.muProduct();
    }

    @Override
    public void radam(int n, float[] param, int pOff, float[] grad, int gOff, float[] m, int mOff, float[] v,
            int vOff, RAdamConfig c, long step) {
        VectorSpecies<Float> s = SPECIES;
        boolean rectified = c.rectified(step);
        FloatVector negStepSize = FloatVector.broadcast(s, -c.stepSize(step));
        float wd = (float) c.weightDecay();
        FloatVector wdLanes = FloatVector.broadcast(s, wd);
        FloatVector beta1 = FloatVector.broadcast(s, (float) c.beta1());
        FloatVector rest1 = FloatVector.broadcast(s, (float) (1 - c.beta1()));
        FloatVector beta2 = FloatVector.broadcast(s, (float) c.beta2());
        FloatVector rest2 = FloatVector.broadcast(s, (float) (1 - c.beta2()));
        FloatVector eps = FloatVector.broadcast(s, (float) c.eps());
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector p = FloatVector.fromArray(s, param, pOff + i);
            // PyTorch's effective gradient: plus the coupled weight decay.
            FloatVector g = FloatVector.fromArray(s, grad, gOff + i);
            if (wd != 0) {
                g = (FmaPolicy.USE_FMA ? (wdLanes).fma(p, g) : (wdLanes).mul(p).add(g));
            }
            FloatVector mi = (FmaPolicy.USE_FMA ? (rest1).fma(g, beta1.mul(FloatVector.fromArray(s, m, mOff + i))) : (rest1).mul(g).add(beta1.mul(FloatVector.fromArray(s, m, mOff + i))));
            FloatVector vi = (FmaPolicy.USE_FMA ? (rest2.mul(g)).fma(g, beta2.mul(FloatVector.fromArray(s, v, vOff + i))) : (rest2.mul(g)).mul(g).add(beta2.mul(FloatVector.fromArray(s, v, vOff + i))));
            mi.intoArray(m, mOff + i);
            vi.intoArray(v, vOff + i);
            FloatVector direction = rectified ? mi.div(vi.sqrt().add(eps)) : mi;
            (FmaPolicy.USE_FMA ? (negStepSize).fma(direction, p) : (negStepSize).mul(direction).add(p)).intoArray(param, pOff + i);
        }
        if (i < n) {
            TAIL.radam(n - i, param, pOff + i, grad, gOff + i, m, mOff + i, v, vOff + i, c, step);
        }
    }

    @Override
    public void lion(int n, float[] param, int pOff, float[] grad, int gOff, float[] m, int mOff, LionConfig c) {
        VectorSpecies<Float> s = SPECIES;
        FloatVector negLr = FloatVector.broadcast(s, (float) -c.lr());
        float decayFactor = c.decayFactor();
        boolean decays = decayFactor != 1f;
        FloatVector decay = FloatVector.broadcast(s, decayFactor);
        FloatVector beta1 = FloatVector.broadcast(s, (float) c.beta1());
        FloatVector rest1 = FloatVector.broadcast(s, (float) (1 - c.beta1()));
        FloatVector beta2 = FloatVector.broadcast(s, (float) c.beta2());
        FloatVector rest2 = FloatVector.broadcast(s, (float) (1 - c.beta2()));
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector p = FloatVector.fromArray(s, param, pOff + i);
            FloatVector g = FloatVector.fromArray(s, grad, gOff + i);
            FloatVector mi = FloatVector.fromArray(s, m, mOff + i);
            FloatVector direction = (FmaPolicy.USE_FMA ? (rest1).fma(g, beta1.mul(mi)) : (rest1).mul(g).add(beta1.mul(mi)));
            if (decays) {
                p = p.mul(decay);
            }
            // Math.signum per lane: +-1, and the direction itself where it is +-0 or NaN.
            FloatVector sign = direction.blend(1f, direction.compare(VectorOperators.GT, 0f))
                    .blend(-1f, direction.compare(VectorOperators.LT, 0f));
            (FmaPolicy.USE_FMA ? (negLr).fma(sign, p) : (negLr).mul(sign).add(p)).intoArray(param, pOff + i);
            (FmaPolicy.USE_FMA ? (rest2).fma(g, beta2.mul(mi)) : (rest2).mul(g).add(beta2.mul(mi))).intoArray(m, mOff + i);
        }
        if (i < n) {
            TAIL.lion(n - i, param, pOff + i, grad, gOff + i, m, mOff + i, c);
        }
    }

    @Override
    public void clipByValue(int n, float[] x, int xOff, float clip) {
        VectorSpecies<Float> s = SPECIES;
        FloatVector high = FloatVector.broadcast(s, clip);
        FloatVector low = FloatVector.broadcast(s, -clip);
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector.fromArray(s, x, xOff + i).max(low).min(high).intoArray(x, xOff + i);
        }
        if (i < n) {
            TAIL.clipByValue(n - i, x, xOff + i, clip);
        }
    }

    @Override
    public float l2Penalty(int n, float lambda, float[] param, int pOff, float[] grad, int gOff) {
        VectorSpecies<Float> s = SPECIES;
        VectorSpecies<Double> d = DOUBLES;
        FloatVector l = FloatVector.broadcast(s, lambda);
        DoubleVector acc0 = DoubleVector.zero(d);
        DoubleVector acc1 = DoubleVector.zero(d);
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector p = FloatVector.fromArray(s, param, pOff + i);
            (FmaPolicy.USE_FMA ? (l).fma(p, FloatVector.fromArray(s, grad, gOff + i)) : (l).mul(p).add(FloatVector.fromArray(s, grad, gOff + i))).intoArray(grad, gOff + i);
            // A float squared is exact in double, so fusing or not changes no bit; the policy still decides,
            // because without hardware FMA (-XX:UseAVX=0) DoubleVector.fma falls back to software.
            DoubleVector low = (DoubleVector) p.convertShape(VectorOperators.F2D, d, 0);
            DoubleVector high = (DoubleVector) p.convertShape(VectorOperators.F2D, d, 1);
            acc0 = FmaPolicy.USE_FMA ? low.fma(low, acc0) : low.mul(low).add(acc0);
            acc1 = FmaPolicy.USE_FMA ? high.fma(high, acc1) : high.mul(high).add(acc1);
        }
        // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
        // than the interpreter, so the bits would depend on compilation (see the package doc).
        DoubleVector ordered1 = acc0.add(acc1);
        ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.DOUBLE_FOLD_HALF));
        if (VectorWidth.DOUBLE_LANES > 2) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.DOUBLE_FOLD_QUARTER)); }
        if (VectorWidth.DOUBLE_LANES > 4) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.DOUBLE_FOLD_EIGHTH)); }
        if (VectorWidth.DOUBLE_LANES > 8) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.DOUBLE_FOLD_SIXTEENTH)); }
        double sumOfSquares = ordered1.lane(0);
        for (; i < n; i++) {
            float p = param[pOff + i];
            sumOfSquares += (double) p * p;
            grad[gOff + i] = dev.lanewise.kernels.internal.FmaPolicy.fma(lambda, p, grad[gOff + i]);
        }
        return (float) (0.5 * lambda * sumOfSquares);
    }

    @Override
    public float l1Penalty(int n, float lambda, float[] param, int pOff, float[] grad, int gOff) {
        VectorSpecies<Float> s = SPECIES;
        VectorSpecies<Double> d = DOUBLES;
        FloatVector l = FloatVector.broadcast(s, lambda);
        DoubleVector acc0 = DoubleVector.zero(d);
        DoubleVector acc1 = DoubleVector.zero(d);
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector p = FloatVector.fromArray(s, param, pOff + i);
            FloatVector sign = p.blend(1f, p.compare(VectorOperators.GT, 0f)).blend(-1f, p.compare(VectorOperators.LT, 0f));
            (FmaPolicy.USE_FMA ? (l).fma(sign, FloatVector.fromArray(s, grad, gOff + i)) : (l).mul(sign).add(FloatVector.fromArray(s, grad, gOff + i))).intoArray(grad, gOff + i);
            FloatVector a = p.abs();
            acc0 = acc0.add(a.convertShape(VectorOperators.F2D, d, 0));
            acc1 = acc1.add(a.convertShape(VectorOperators.F2D, d, 1));
        }
        // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
        // than the interpreter, so the bits would depend on compilation (see the package doc).
        DoubleVector ordered2 = acc0.add(acc1);
        ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.DOUBLE_FOLD_HALF));
        if (VectorWidth.DOUBLE_LANES > 2) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.DOUBLE_FOLD_QUARTER)); }
        if (VectorWidth.DOUBLE_LANES > 4) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.DOUBLE_FOLD_EIGHTH)); }
        if (VectorWidth.DOUBLE_LANES > 8) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.DOUBLE_FOLD_SIXTEENTH)); }
        double sumOfMagnitudes = ordered2.lane(0);
        for (; i < n; i++) {
            float p = param[pOff + i];
            sumOfMagnitudes += Math.abs(p);
            grad[gOff + i] = dev.lanewise.kernels.internal.FmaPolicy.fma(lambda, Math.signum(p), grad[gOff + i]);
        }
        return (float) (lambda * sumOfMagnitudes);
    }

    @Override
    public boolean allFinite(int n, float[] x, int xOff) {
        // x * 0 is ±0 for every finite x and NaN for ±Inf and NaN, and a NaN survives every later addition,
        // so one NaN lane at the end means a non-finite input. Four accumulators keep the adds independent.
        VectorSpecies<Float> s = SPECIES;
        int step = s.length();
        FloatVector acc0 = FloatVector.zero(s);
        FloatVector acc1 = FloatVector.zero(s);
        FloatVector acc2 = FloatVector.zero(s);
        FloatVector acc3 = FloatVector.zero(s);
        int i = 0;
        for (; i <= n - 4 * step; i += 4 * step) {
            acc0 = acc0.add(FloatVector.fromArray(s, x, xOff + i).mul(0f));
            acc1 = acc1.add(FloatVector.fromArray(s, x, xOff + i + step).mul(0f));
            acc2 = acc2.add(FloatVector.fromArray(s, x, xOff + i + 2 * step).mul(0f));
            acc3 = acc3.add(FloatVector.fromArray(s, x, xOff + i + 3 * step).mul(0f));
        }
        for (int bound = s.loopBound(n); i < bound; i += step) {
            acc0 = acc0.add(FloatVector.fromArray(s, x, xOff + i).mul(0f));
        }
        FloatVector acc = acc0.add(acc1).add(acc2.add(acc3));
        return !acc.test(VectorOperators.IS_NAN).anyTrue() && TAIL.allFinite(n - i, x, xOff + i);
    }
}
