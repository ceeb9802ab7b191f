package dev.lanewise.harness.bench;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.WarmUpReport;
import dev.lanewise.kernels.optim.AdamConfig;
import java.util.Locale;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Cold start: each call of a kernel timed on its own, from the first one, in a fresh JVM (JMH's single-shot
 * mode, no warmup, one call per iteration; {@link ColdStartRun} reads every iteration and {@link ColdStart}
 * says when the calls settled). Until C2 compiles it, Vector API code runs boxed, far slower than scalar code;
 * this measures how long that lasts, and whether {@link Kernels#warmUp()} buys it back.
 *
 * <p>Kernels ({@code <kernel><variant>}): {@code softmaxCrossEntropy} (256 x 10 logits), {@code sigmoid} and
 * {@code dot} (4096 elements), {@code adam} (one step over 4096 parameters), and {@code trainingStep}, the
 * kernels of one step of softmax regression at batch 256 on 64 features and 10 classes (the digits shape):
 * forward product, fused loss and gradient, weight-gradient product, Adam. Variants: {@code Vector} (the
 * dispatcher's choice, which the {@link KernelPathGuard} requires to be the vector path), {@code Scalar}
 * ({@link Kernels#scalar()}) and {@code VectorWarmedUp}, whose fork runs {@link Kernels#warmUp()} before the
 * first call and records its seconds in the fork's {@link ForkRecord} (extras {@code warmUpSeconds},
 * {@code warmUpRounds}, {@code warmUpOutcome}).
 *
 * <p>The guard's check asks for the dispatcher's choice before the first call, so a first call here does not
 * include the choice's one-time class loading, which a program's first call pays.
 *
 * <p>The class name lacks "Benchmark" so that {@code bench}'s default include does not run it as an average-time
 * benchmark, which would measure the warm speed the other benchmarks already measure.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 3000, batchSize = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class ColdStartCalls extends KernelPathGuard {
    static final int ROWS = 256;
    static final int CLASSES = 10;
    static final int SIZE = 4096;
    static final int FEATURES = 64;
    // A small learning rate, so that parameters stay bounded however many steps run on one gradient.
    private static final AdamConfig ADAM = AdamConfig.adam().withLr(1e-7);

    private float[] logits;
    private int[] labels;
    private float[] logitsGrad;
    private float[] x;
    private float[] y;
    private float[] out;
    private float[] param;
    private float[] grad;
    private float[] m;
    private float[] v;
    private long adamStep;
    private float[] features;
    private float[] weights;
    private float[] stepLogits;
    private float[] stepGrad;
    private float[] weightGrad;
    private float[] weightM;
    private float[] weightV;
    private long trainingStep;

    /** What each kernel name stands for, for the report. */
    public static String describe(String kernel) {
        return switch (kernel) {
            case "softmaxCrossEntropy" -> "softmax cross-entropy " + ROWS + "x" + CLASSES;
            case "sigmoid" -> "sigmoid " + SIZE;
            case "dot" -> "dot " + SIZE;
            case "adam" -> "Adam step " + SIZE;
            case "trainingStep" -> String.format(Locale.ROOT, "training step %dx%d→%d", ROWS, FEATURES, CLASSES);
            default -> kernel;
        };
    }

    /** For {@code bench}, should it be named explicitly: elements and flops of one call, bytes unstated. */
    public static Work work(String method, Map<String, String> params) {
        String kernel = Implementation.kernel(method.replace("WarmedUp", ""));
        return switch (kernel) {
            case "softmaxCrossEntropy" -> new Work(ROWS * CLASSES, 4.0 * ROWS * CLASSES, 0);
            case "dot" -> new Work(SIZE, 2.0 * SIZE, 8.0 * SIZE);
            case "sigmoid" -> new Work(SIZE, 0, 8.0 * SIZE);
            case "adam" -> new Work(SIZE, 0, 28.0 * SIZE);
            default -> new Work(ROWS, 4.0 * ROWS * FEATURES * CLASSES, 0);
        };
    }

    @Setup(Level.Trial)
    public void setUp() {
        // Plain loops only: nothing here may run a kernel before the first measured call.
        SplittableRandom random = new SplittableRandom(42);
        logits = uniform(random, ROWS * CLASSES, -4, 4);
        labels = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            labels[r] = random.nextInt(CLASSES);
        }
        logitsGrad = new float[ROWS * CLASSES];
        x = uniform(random, SIZE, -8, 8);
        y = uniform(random, SIZE, -1, 1);
        out = new float[SIZE];
        param = uniform(random, SIZE, -1, 1);
        grad = uniform(random, SIZE, -1, 1);
        m = new float[SIZE];
        v = new float[SIZE];
        features = uniform(random, ROWS * FEATURES, -2, 2);
        weights = uniform(random, FEATURES * CLASSES, -0.1, 0.1);
        stepLogits = new float[ROWS * CLASSES];
        stepGrad = new float[ROWS * CLASSES];
        weightGrad = new float[FEATURES * CLASSES];
        weightM = new float[FEATURES * CLASSES];
        weightV = new float[FEATURES * CLASSES];
    }

    private static float[] uniform(SplittableRandom random, int n, double low, double high) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextDouble(low, high);
        }
        return values;
    }

    /** The {@code VectorWarmedUp} forks run the kernels' warm-up here, after the guard and before any call. */
    @Override
    protected Map<String, String> prepareFork(BenchmarkParams params) {
        if (!params.getBenchmark().endsWith("VectorWarmedUp")) {
            return Map.of();
        }
        WarmUpReport report = Kernels.warmUp();
        return Map.of("warmUpSeconds", Double.toString(report.seconds()), "warmUpRounds",
                Long.toString(report.rounds()), "warmUpOutcome", report.outcome());
    }

    private float softmaxCrossEntropy(KernelProvider k) {
        return k.losses().softmaxCrossEntropy(ROWS, CLASSES, logits, 0, CLASSES, labels, 0, logitsGrad, 0, CLASSES);
    }

    private float[] sigmoid(KernelProvider k) {
        k.activations().sigmoid(SIZE, x, 0, out, 0);
        return out;
    }

    private float dot(KernelProvider k) {
        return k.blas().dot(SIZE, x, 0, y, 0);
    }

    private float[] adam(KernelProvider k) {
        k.optimizers().adam(SIZE, param, 0, grad, 0, m, 0, v, 0, null, 0, ADAM, ++adamStep);
        return param;
    }

    /** Logits = X·W, the loss and its gradient dY, dW = Xᵀ·dY, then Adam on W: a training step's kernels. */
    private float trainingStep(KernelProvider k) {
        k.gemm().sgemm(false, false, ROWS, CLASSES, FEATURES, 1f, features, 0, FEATURES, weights, 0, CLASSES,
                0f, stepLogits, 0, CLASSES, 1);
        float loss = k.losses().softmaxCrossEntropy(ROWS, CLASSES, stepLogits, 0, CLASSES, labels, 0, stepGrad, 0,
                CLASSES);
        k.gemm().sgemm(true, false, FEATURES, CLASSES, ROWS, 1f, features, 0, FEATURES, stepGrad, 0, CLASSES,
                0f, weightGrad, 0, CLASSES, 1);
        k.optimizers().adam(FEATURES * CLASSES, weights, 0, weightGrad, 0, weightM, 0, weightV, 0, null, 0, ADAM,
                ++trainingStep);
        return loss;
    }

    @Benchmark
    public float softmaxCrossEntropyVector() {
        return softmaxCrossEntropy(Kernels.provider());
    }

    @Benchmark
    public float softmaxCrossEntropyScalar() {
        return softmaxCrossEntropy(Kernels.scalar());
    }

    @Benchmark
    public float softmaxCrossEntropyVectorWarmedUp() {
        return softmaxCrossEntropy(Kernels.provider());
    }

    @Benchmark
    public float[] sigmoidVector() {
        return sigmoid(Kernels.provider());
    }

    @Benchmark
    public float[] sigmoidScalar() {
        return sigmoid(Kernels.scalar());
    }

    @Benchmark
    public float[] sigmoidVectorWarmedUp() {
        return sigmoid(Kernels.provider());
    }

    @Benchmark
    public float dotVector() {
        return dot(Kernels.provider());
    }

    @Benchmark
    public float dotScalar() {
        return dot(Kernels.scalar());
    }

    @Benchmark
    public float dotVectorWarmedUp() {
        return dot(Kernels.provider());
    }

    @Benchmark
    public float[] adamVector() {
        return adam(Kernels.provider());
    }

    @Benchmark
    public float[] adamScalar() {
        return adam(Kernels.scalar());
    }

    @Benchmark
    public float[] adamVectorWarmedUp() {
        return adam(Kernels.provider());
    }

    @Benchmark
    public float trainingStepVector() {
        return trainingStep(Kernels.provider());
    }

    @Benchmark
    public float trainingStepScalar() {
        return trainingStep(Kernels.scalar());
    }

    @Benchmark
    public float trainingStepVectorWarmedUp() {
        return trainingStep(Kernels.provider());
    }
}
