package dev.lanewise.harness.bench;

import dev.lanewise.harness.linear.LinearProblem;
import dev.lanewise.harness.linear.PreparedSplit;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.LabelMapping;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.data.MiniBatches;
import dev.lanewise.model.estimator.Classifier;
import dev.lanewise.model.linear.SoftmaxRegression;
import dev.lanewise.model.loss.SoftmaxCrossEntropy;
import dev.lanewise.model.nn.Parameter;
import dev.lanewise.model.nn.Sequential;
import dev.lanewise.model.train.TrainingConfig;
import dev.lanewise.model.train.TrainingStep;
import java.io.IOException;
import java.util.List;
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

/**
 * Training linear models through the public model API, as {@link dev.lanewise.model.train.Trainer} does it:
 *
 * <ul>
 *   <li>{@code softmaxDigitsEpochLanewise}: one epoch of {@code SoftmaxRegression} on the digits training
 *       rows (1437 x 64, pixels / 16): the epoch's seeded shuffle ({@link MiniBatches#startEpoch}), then a
 *       {@link TrainingStep} per batch of 32 (45 steps, the last of 29 rows);</li>
 *   <li>{@code logisticBreastCancerEpochLanewise}: the same for {@code LogisticRegression} on breast cancer
 *       (455 x 30, standardized on the training rows; 15 steps);</li>
 *   <li>{@code softmaxStep256Lanewise}: one {@link TrainingStep} of softmax regression at batch 256, on the
 *       digits training rows ({@code data=digits}, 64 -> 10) or on synthetic data ({@code data=synthetic784},
 *       784 -> 10, 2048 Gaussian rows labelled by a random linear teacher with Gumbel noise), cycling through
 *       fixed batches. Samples/s = 256 / (time per op), that is ops/s x 256; the report's Gelem/s column
 *       is samples per nanosecond.</li>
 * </ul>
 *
 * <p>Configuration as {@link LinearProblem} (Adam lr 0.01, L2 1e-4), the one the fit timing and the
 * scikit-learn peer use. Each state first fits its model through the estimator API (the warm-up fit of the
 * timings), then keeps training that network with a fresh optimizer: the L2 penalty keeps the optimum
 * finite, so the measured epochs run at a steady state however long JMH runs. Apart from the epoch's small
 * random generator, nothing is allocated in the measured methods; {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} says how much (the bar: 0 bytes per step).
 *
 * <p>Work: elements = samples per invocation; flops = the GEMMs, {@code 4 * samples * in * out} (forward
 * X·W and backward Xᵀ·dY); bytes are not stated.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class LinearModelBenchmark extends KernelPathGuard {
    static final int STEP_BATCH = 256;
    static final int SYNTHETIC_FEATURES = 784;
    static final int SYNTHETIC_CLASSES = 10;
    static final int SYNTHETIC_BATCHES = 8;

    public static Work work(String method, Map<String, String> params) {
        if (method.startsWith("softmaxDigitsEpoch")) {
            return epochWork(LinearProblem.DIGITS);
        }
        if (method.startsWith("logisticBreastCancerEpoch")) {
            return epochWork(LinearProblem.BREAST_CANCER);
        }
        boolean digits = "digits".equals(params.get("data"));
        int in = digits ? LinearProblem.DIGITS.features() : SYNTHETIC_FEATURES;
        int out = digits ? LinearProblem.DIGITS.outputs() : SYNTHETIC_CLASSES;
        return new Work(STEP_BATCH, 4.0 * STEP_BATCH * in * out, 0);
    }

    private static Work epochWork(LinearProblem problem) {
        double samples = problem.trainRows();
        return new Work(samples, 4.0 * samples * problem.features() * problem.outputs(), 0);
    }

    /** One network training epoch after epoch on one problem's training rows. */
    abstract static class EpochTraining {
        private MiniBatches batches;
        private TrainingStep step;
        private long epoch;

        void prepare(LinearProblem problem) throws IOException {
            PreparedSplit split = problem.prepare(null);
            Classifier model = problem.newModel(problem.defaultEpochs());
            model.fit(split.train());
            Sequential network = model.network();
            TrainingConfig config = problem.training(problem.defaultEpochs());
            step = new TrainingStep(network, problem.loss(), problem.optimizer().create(values(network)), config);
            batches = new MiniBatches(split.train(), config.batchSize(), config.seed());
        }

        /** One epoch: shuffle, then a step per batch; returns the summed batch objectives. */
        double epoch() {
            batches.startEpoch(++epoch);
            double sum = 0;
            while (batches.next()) {
                sum += step.step(batches.features(), null, batches.labels(), batches.targetOffset(), null);
            }
            if (Double.isNaN(sum)) {
                throw new IllegalStateException("a step failed (" + step.failure() + "): the timing would mean nothing");
            }
            return sum;
        }
    }

    @State(Scope.Thread)
    public static class DigitsEpoch extends EpochTraining {
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            prepare(LinearProblem.DIGITS);
        }
    }

    @State(Scope.Thread)
    public static class BreastCancerEpoch extends EpochTraining {
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            prepare(LinearProblem.BREAST_CANCER);
        }
    }

    /** Softmax regression stepping through fixed batches of 256 rows. */
    @State(Scope.Thread)
    public static class Steps {
        @Param({"digits", "synthetic784"})
        public String data;

        private Matrix[] batches;
        private int[] labels;
        private TrainingStep step;
        private int next;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Dataset train = switch (data) {
                case "digits" -> LinearProblem.DIGITS.prepare(null).train();
                case "synthetic784" -> synthetic(STEP_BATCH * SYNTHETIC_BATCHES, SYNTHETIC_FEATURES, SYNTHETIC_CLASSES, 7);
                default -> throw new IllegalArgumentException("data must be digits or synthetic784, was " + data);
            };
            // The digits problem's optimizer and penalty, at batch 256; a 5-epoch fit warms up and sets the weights.
            TrainingConfig config = LinearProblem.DIGITS.training(5).withBatchSize(STEP_BATCH);
            SoftmaxRegression model = new SoftmaxRegression(LinearProblem.DIGITS.optimizer(), config);
            model.setStandardize(false);
            model.fit(train);
            Sequential network = model.network();
            step = new TrainingStep(network, new SoftmaxCrossEntropy(), LinearProblem.DIGITS.optimizer().create(values(network)), config);
            batches = new Matrix[train.rows() / STEP_BATCH];
            for (int b = 0; b < batches.length; b++) {
                batches[b] = train.features().rowRange(b * STEP_BATCH, (b + 1) * STEP_BATCH);
            }
            labels = train.labels();
        }

        double step() {
            int b = next;
            next = b + 1 == batches.length ? 0 : b + 1;
            double value = step.step(batches[b], null, labels, b * STEP_BATCH, null);
            if (Double.isNaN(value)) {
                throw new IllegalStateException("a step failed (" + step.failure() + "): the timing would mean nothing");
            }
            return value;
        }
    }

    @Benchmark
    public double softmaxDigitsEpochLanewise(DigitsEpoch s) {
        return s.epoch();
    }

    @Benchmark
    public double logisticBreastCancerEpochLanewise(BreastCancerEpoch s) {
        return s.epoch();
    }

    @Benchmark
    public double softmaxStep256Lanewise(Steps s) {
        return s.step();
    }

    private static float[][] values(Sequential network) {
        List<Parameter> parameters = network.parameters();
        float[][] values = new float[parameters.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = parameters.get(i).value();
        }
        return values;
    }

    /**
     * {@code rows} standard Gaussian rows, each labelled by the argmax of a random linear teacher's logits plus
     * Gumbel noise (sampling the teacher's softmax), so that the classes overlap as in real data.
     */
    static Dataset synthetic(int rows, int features, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[rows * features];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        double[] teacher = new double[features * classes];
        double scale = 2 / Math.sqrt(features);
        for (int i = 0; i < teacher.length; i++) {
            teacher[i] = random.nextGaussian() * scale;
        }
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double logit = -Math.log(-Math.log(random.nextDouble(Double.MIN_NORMAL, 1)));
                for (int f = 0; f < features; f++) {
                    logit += x[r * features + f] * teacher[f * classes + c];
                }
                if (logit > best) {
                    best = logit;
                    labels[r] = c;
                }
            }
        }
        return Dataset.classification(Matrix.wrap(x, rows, features), labels, LabelMapping.identity(classes));
    }
}
