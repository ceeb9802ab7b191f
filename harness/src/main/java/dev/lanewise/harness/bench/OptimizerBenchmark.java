package dev.lanewise.harness.bench;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.optim.AdadeltaConfig;
import dev.lanewise.kernels.optim.AdagradConfig;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.AdamaxConfig;
import dev.lanewise.kernels.optim.LionConfig;
import dev.lanewise.kernels.optim.NAdamConfig;
import dev.lanewise.kernels.optim.OptimizerKernels;
import dev.lanewise.kernels.optim.Optimizers;
import dev.lanewise.kernels.optim.RAdamConfig;
import dev.lanewise.kernels.optim.RmspropConfig;
import dev.lanewise.kernels.optim.SgdConfig;

import dev.lanewise.harness.bench.peers.CReference;
import dev.lanewise.harness.bench.peers.NativePeerGuard;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.Adam;
import org.tribuo.math.protos.ParametersProto;

/**
 * One optimizer step over {@code size} parameters: the production kernels ({@code xxxVector}: the vector
 * path where the Vector API is present, called through {@link Optimizers#kernels()}: argument checks, without
 * the facade's non-finite scan), the scalar reference ({@code xxxScalar}), the plain Java loop a user would write
 * ({@code xxxPlainJava}, which C2 auto-vectorizes), the checked facade for Adam ({@code adamFacade}: argument
 * checks plus the read-only non-finite scan of the gradient), and Tribuo 4.3.1's Adam and AdaGrad
 * ({@code org.tribuo.math.optimisers}, on {@code DenseVector}s of doubles). Each method runs in its own fork.
 *
 * <p>Bytes per element, counting each float read or written once (4 bytes):
 * SGD with momentum, Adagrad, RMSprop and Lion read param, grad and one buffer and write param and the buffer:
 * 20; Adam, AdamW, Adamax, NAdam, RAdam and Adadelta read param, grad and two buffers and write param and the
 * two buffers: 28; the checked Adam facade reads the gradient once more: 32. Tribuo's runs are credited with
 * the same logical work as ours (20 for AdaGrad, 28 for Adam), although Tribuo moves doubles, and each
 * invocation also restores the gradient Tribuo overwrote (one copy, included in its time).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms3g", "-Xmx3g"})
@State(Scope.Thread)
public class OptimizerBenchmark extends KernelPathGuard {
    private static final OptimizerKernels VECTOR = Optimizers.kernels();
    private static final OptimizerKernels SCALAR = Kernels.scalar().optimizers();

    // Small learning rates, so that parameters stay bounded however many invocations run on one gradient.
    private static final SgdConfig SGD = SgdConfig.of(1e-7).withMomentum(0.9);
    private static final AdagradConfig ADAGRAD = AdagradConfig.defaults().withLr(1e-7);
    private static final RmspropConfig RMSPROP = RmspropConfig.defaults().withLr(1e-7);
    private static final AdadeltaConfig ADADELTA = AdadeltaConfig.defaults().withLr(1e-3);
    private static final AdamConfig ADAM = AdamConfig.adam().withLr(1e-7);
    private static final AdamConfig ADAMW = AdamConfig.adamW().withLr(1e-7);
    private static final AdamaxConfig ADAMAX = AdamaxConfig.defaults().withLr(1e-7);
    private static final NAdamConfig NADAM = NAdamConfig.defaults().withLr(1e-7);
    private static final RAdamConfig RADAM = RAdamConfig.defaults().withLr(1e-7);
    private static final LionConfig LION = LionConfig.defaults().withLr(1e-7);

    public static Work work(String method, Map<String, String> params) {
        double n = Double.parseDouble(params.get("size"));
        int bytes;
        if (method.startsWith("adamFacade")) {
            bytes = 32;
        } else if (method.startsWith("sgd") || method.startsWith("adagrad") || method.startsWith("rmsprop")
                || method.startsWith("lion")) {
            bytes = 20;
        } else {
            bytes = 28;
        }
        return new Work(n, 0, bytes * n);
    }

    /** Our float arrays: param, grad and three state buffers, with a step counter. */
    @State(Scope.Thread)
    public static class Floats {
        @Param({"4096", "65536", "1048576", "16777216"})
        public int size;

        float[] param;
        float[] grad;
        float[] a;
        float[] b;
        float[] c;
        long step;
        double muProduct = 1;

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom random = new SplittableRandom(42);
            param = new float[size];
            grad = new float[size];
            a = new float[size];
            b = new float[size];
            c = new float[size];
            for (int i = 0; i < size; i++) {
                param[i] = (float) random.nextDouble(-1, 1);
                grad[i] = (float) random.nextDouble(-1, 1);
                a[i] = (float) random.nextDouble(0, 1e-2);
                b[i] = (float) random.nextDouble(0, 1e-2);
            }
        }
    }

    /** Tribuo's dense double vectors and optimizers, on the same number of parameters. */
    @State(Scope.Thread)
    public static class Tribuo {
        @Param({"4096", "65536", "1048576", "16777216"})
        public int size;

        DenseVector param;
        DenseVector grad;
        DenseVector gradBackup;
        Tensor[] update;
        StochasticGradientOptimiser adam;
        StochasticGradientOptimiser adaGrad;

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom random = new SplittableRandom(42);
            double[] p = new double[size];
            double[] g = new double[size];
            for (int i = 0; i < size; i++) {
                p[i] = random.nextDouble(-1, 1);
                g[i] = random.nextDouble(-1, 1);
            }
            param = DenseVector.createDenseVector(p);
            grad = DenseVector.createDenseVector(g);
            gradBackup = DenseVector.createDenseVector(g);
            update = new Tensor[] {grad};
            Parameters parameters = new VectorParameters(param);
            adam = new Adam(1e-7, 0.9, 0.999, 1e-8);
            adam.initialise(parameters);
            adaGrad = new AdaGrad(1e-7, 1e-10);
            adaGrad.initialise(parameters);
        }
    }

    /** The smallest {@link Parameters} Tribuo's optimizers need: one dense vector. */
    static final class VectorParameters implements Parameters {
        private static final long serialVersionUID = 1L;
        private final DenseVector vector;

        VectorParameters(DenseVector vector) {
            this.vector = vector;
        }

        @Override
        public Tensor[] getEmptyCopy() {
            return new Tensor[] {new DenseVector(vector.size())};
        }

        @Override
        public Tensor[] get() {
            return new Tensor[] {vector};
        }

        @Override
        public void set(Tensor[] tensors) {
            vector.setElements((DenseVector) tensors[0]);
        }

        @Override
        public void update(Tensor[] updates) {
            vector.intersectAndAddInPlace(updates[0]);
        }

        @Override
        public Tensor[] merge(Tensor[][] gradients, int size) {
            throw new UnsupportedOperationException("not needed by the benchmark");
        }

        @Override
        public ParametersProto serialize() {
            throw new UnsupportedOperationException("not needed by the benchmark");
        }
    }

    // ---- SGD with momentum 0.9 ----

    @Benchmark
    public float[] sgdVector(Floats s) {
        VECTOR.sgd(s.size, s.param, 0, s.grad, 0, s.a, 0, SGD, ++s.step);
        return s.param;
    }

    @Benchmark
    public float[] sgdScalar(Floats s) {
        SCALAR.sgd(s.size, s.param, 0, s.grad, 0, s.a, 0, SGD, ++s.step);
        return s.param;
    }

    @Benchmark
    public float[] sgdPlainJava(Floats s) {
        float[] p = s.param;
        float[] g = s.grad;
        float[] buf = s.a;
        float lr = 1e-7f;
        float momentum = 0.9f;
        for (int i = 0; i < p.length; i++) {
            float b = momentum * buf[i] + g[i];
            buf[i] = b;
            p[i] -= lr * b;
        }
        return p;
    }

    // ---- Adagrad ----

    @Benchmark
    public float[] adagradVector(Floats s) {
        VECTOR.adagrad(s.size, s.param, 0, s.grad, 0, s.a, 0, ADAGRAD, ++s.step);
        return s.param;
    }

    @Benchmark
    public float[] adagradScalar(Floats s) {
        SCALAR.adagrad(s.size, s.param, 0, s.grad, 0, s.a, 0, ADAGRAD, ++s.step);
        return s.param;
    }

    @Benchmark
    public float[] adagradPlainJava(Floats s) {
        float[] p = s.param;
        float[] g = s.grad;
        float[] sum = s.a;
        float lr = 1e-7f;
        float eps = 1e-10f;
        for (int i = 0; i < p.length; i++) {
            float gi = g[i];
            float si = sum[i] + gi * gi;
            sum[i] = si;
            p[i] -= lr * gi / ((float) Math.sqrt(si) + eps);
        }
        return p;
    }

    @Benchmark
    public DenseVector adagradTribuo(Tribuo t) {
        t.grad.setElements(t.gradBackup);
        Tensor[] update = t.adaGrad.step(t.update, 1.0);
        t.param.intersectAndAddInPlace(update[0]);
        return t.param;
    }

    // ---- RMSprop, Adadelta ----

    @Benchmark
    public float[] rmspropVector(Floats s) {
        VECTOR.rmsprop(s.size, s.param, 0, s.grad, 0, s.a, 0, null, 0, null, 0, RMSPROP);
        return s.param;
    }

    @Benchmark
    public float[] rmspropScalar(Floats s) {
        SCALAR.rmsprop(s.size, s.param, 0, s.grad, 0, s.a, 0, null, 0, null, 0, RMSPROP);
        return s.param;
    }

    @Benchmark
    public float[] adadeltaVector(Floats s) {
        VECTOR.adadelta(s.size, s.param, 0, s.grad, 0, s.a, 0, s.b, 0, ADADELTA);
        return s.param;
    }

    @Benchmark
    public float[] adadeltaScalar(Floats s) {
        SCALAR.adadelta(s.size, s.param, 0, s.grad, 0, s.a, 0, s.b, 0, ADADELTA);
        return s.param;
    }

    // ---- Adam ----

    @Benchmark
    public float[] adamVector(Floats s) {
        VECTOR.adam(s.size, s.param, 0, s.grad, 0, s.a, 0, s.b, 0, null, 0, ADAM, ++s.step);
        return s.param;
    }

    @Benchmark
    public float[] adamScalar(Floats s) {
        SCALAR.adam(s.size, s.param, 0, s.grad, 0, s.a, 0, s.b, 0, null, 0, ADAM, ++s.step);
        return s.param;
    }

    @Benchmark
    public boolean adamFacade(Floats s) {
        return Optimizers.adam(s.param, s.grad, s.a, s.b, null, ADAM, ++s.step);
    }

    @Benchmark
    public float[] adamPlainJava(Floats s) {
        float[] p = s.param;
        float[] g = s.grad;
        float[] m = s.a;
        float[] v = s.b;
        long t = ++s.step;
        float beta1 = 0.9f;
        float beta2 = 0.999f;
        float eps = 1e-8f;
        float stepSize = (float) (1e-7 / (1 - Math.pow(0.9, t)));
        float invRootBc2 = (float) (1 / Math.sqrt(1 - Math.pow(0.999, t)));
        for (int i = 0; i < p.length; i++) {
            float gi = g[i];
            float mi = beta1 * m[i] + (1 - beta1) * gi;
            float vi = beta2 * v[i] + (1 - beta2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] -= stepSize * mi / ((float) Math.sqrt(vi) * invRootBc2 + eps);
        }
        return p;
    }

    @Benchmark
    public DenseVector adamTribuo(Tribuo t) {
        t.grad.setElements(t.gradBackup);
        Tensor[] update = t.adam.step(t.update, 1.0);
        t.param.intersectAndAddInPlace(update[0]);
        return t.param;
    }

    // ---- AdamW ----

    @Benchmark
    public float[] adamwVector(Floats s) {
        VECTOR.adam(s.size, s.param, 0, s.grad, 0, s.a, 0, s.b, 0, null, 0, ADAMW, ++s.step);
        return s.param;
    }

    @Benchmark
    public float[] adamwScalar(Floats s) {
        SCALAR.adam(s.size, s.param, 0, s.grad, 0, s.a, 0, s.b, 0, null, 0, ADAMW, ++s.step);
        return s.param;
    }

    // ---- Adamax, NAdam, RAdam ----

    @Benchmark
    public float[] adamaxVector(Floats s) {
        VECTOR.adamax(s.size, s.param, 0, s.grad, 0, s.a, 0, s.b, 0, ADAMAX, ++s.step);
        return s.param;
    }

    @Benchmark
    public float[] adamaxScalar(Floats s) {
        SCALAR.adamax(s.size, s.param, 0, s.grad, 0, s.a, 0, s.b, 0, ADAMAX, ++s.step);
        return s.param;
    }

    @Benchmark
    public float[] nadamVector(Floats s) {
        s.muProduct = VECTOR.nadam(s.size, s.param, 0, s.grad, 0, s.a, 0, s.b, 0, NADAM, ++s.step, s.muProduct);
        return s.param;
    }

    @Benchmark
    public float[] nadamScalar(Floats s) {
        s.muProduct = SCALAR.nadam(s.size, s.param, 0, s.grad, 0, s.a, 0, s.b, 0, NADAM, ++s.step, s.muProduct);
        return s.param;
    }

    @Benchmark
    public float[] radamVector(Floats s) {
        VECTOR.radam(s.size, s.param, 0, s.grad, 0, s.a, 0, s.b, 0, RADAM, ++s.step);
        return s.param;
    }

    @Benchmark
    public float[] radamScalar(Floats s) {
        SCALAR.radam(s.size, s.param, 0, s.grad, 0, s.a, 0, s.b, 0, RADAM, ++s.step);
        return s.param;
    }

    // ---- Lion ----

    @Benchmark
    public float[] lionVector(Floats s) {
        VECTOR.lion(s.size, s.param, 0, s.grad, 0, s.a, 0, LION);
        return s.param;
    }

    @Benchmark
    public float[] lionScalar(Floats s) {
        SCALAR.lion(s.size, s.param, 0, s.grad, 0, s.a, 0, LION);
        return s.param;
    }

    @Benchmark
    public float[] lionPlainJava(Floats s) {
        float[] p = s.param;
        float[] g = s.grad;
        float[] m = s.a;
        float lr = 1e-7f;
        for (int i = 0; i < p.length; i++) {
            float gi = g[i];
            float mi = m[i];
            p[i] -= lr * Math.signum(0.9f * mi + 0.1f * gi);
            m[i] = 0.99f * mi + 0.01f * gi;
        }
        return p;
    }

    // ---- Native peer ----

    /** The C reference Adam (one fused pass, gcc -O3 -march=native -ffast-math), with ADAM's hyperparameters. */
    @Benchmark
    public float[] adamC(Floats s, NativePeerGuard peer) {
        CReference.adam(s.size, s.param, s.grad, s.a, s.b, ADAM.lr(), ADAM.beta1(), ADAM.beta2(), ADAM.eps(), ++s.step);
        return s.param;
    }
}
