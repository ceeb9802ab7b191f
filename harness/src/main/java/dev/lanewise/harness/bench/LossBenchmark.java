package dev.lanewise.harness.bench;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.loss.LossKernels;
import dev.lanewise.kernels.loss.Losses;

import dev.lanewise.harness.bench.peers.CReference;
import dev.lanewise.harness.bench.peers.NativePeerGuard;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Losses with their gradients: the production facade (vector), the scalar reference, and a plain Java
 * loop that C2 compiles on its own. Softmax cross-entropy at 256 x 10 (rows narrower than a 512-bit
 * vector) and 256 x 1000; MSE at sizes in L1, L2 and beyond.
 *
 * <p>Work per invocation: softmax cross-entropy reads the logits and writes the gradient (8 bytes per
 * element, plus 4 per row for the label), about 4 flops per element besides one exp; MSE reads two arrays
 * and writes one (12 bytes per element), 4 flops per element (sub, mul, add, scale).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class LossBenchmark extends KernelPathGuard {
    private static final LossKernels SCALAR = Kernels.scalar().losses();

    public static Work work(String method, Map<String, String> params) {
        if (method.startsWith("softmax")) {
            String[] shape = params.get("shape").split("x");
            double rows = Double.parseDouble(shape[0]);
            double n = rows * Double.parseDouble(shape[1]);
            return new Work(n, 4 * n, 8 * n + 4 * rows);
        }
        double n = Double.parseDouble(params.get("size"));
        return new Work(n, 4 * n, 12 * n);
    }

    /** A rows x cols logits matrix with labels, and its gradient. */
    @State(Scope.Thread)
    public static class Softmax {
        @Param({"256x10", "256x1000"})
        public String shape;

        int rows;
        int cols;
        float[] logits;
        int[] labels;
        float[] grad;

        @Setup
        public void setUp() {
            String[] parts = shape.split("x");
            rows = Integer.parseInt(parts[0]);
            cols = Integer.parseInt(parts[1]);
            SplittableRandom random = new SplittableRandom(42);
            logits = new float[rows * cols];
            for (int i = 0; i < logits.length; i++) {
                logits[i] = (float) random.nextDouble(-4, 4);
            }
            labels = new int[rows];
            for (int r = 0; r < rows; r++) {
                labels[r] = random.nextInt(cols);
            }
            grad = new float[rows * cols];
        }
    }

    /** Predictions, targets and the gradient for MSE. */
    @State(Scope.Thread)
    public static class Regression {
        @Param({"4096", "65536", "1048576"})
        public int size;

        float[] pred;
        float[] target;
        float[] grad;

        @Setup
        public void setUp() {
            SplittableRandom random = new SplittableRandom(42);
            pred = new float[size];
            target = new float[size];
            grad = new float[size];
            for (int i = 0; i < size; i++) {
                pred[i] = (float) random.nextDouble(-1, 1);
                target[i] = (float) random.nextDouble(-1, 1);
            }
        }
    }

    @Benchmark
    public float softmaxCrossEntropyVector(Softmax s) {
        return Losses.softmaxCrossEntropy(s.cols, s.logits, s.labels, s.grad);
    }

    @Benchmark
    public float softmaxCrossEntropyScalar(Softmax s) {
        return SCALAR.softmaxCrossEntropy(s.rows, s.cols, s.logits, 0, s.cols, s.labels, 0, s.grad, 0, s.cols);
    }

    /** The textbook loop a user would write: max, exp into grad and sum, normalise, subtract the one-hot. */
    @Benchmark
    public float softmaxCrossEntropyPlainJava(Softmax s) {
        int rows = s.rows;
        int cols = s.cols;
        float[] x = s.logits;
        float[] g = s.grad;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x[base + j]);
            }
            float sum = 0f;
            for (int j = 0; j < cols; j++) {
                float e = (float) Math.exp(x[base + j] - max);
                g[base + j] = e;
                sum += e;
            }
            float scale = 1f / (sum * rows);
            for (int j = 0; j < cols; j++) {
                g[base + j] *= scale;
            }
            int label = s.labels[r];
            g[base + label] -= 1f / rows;
            total += max + Math.log(sum) - x[base + label];
        }
        return (float) (total / rows);
    }

    @Benchmark
    public float mseVector(Regression m) {
        return Losses.mse(m.pred, m.target, m.grad);
    }

    @Benchmark
    public float mseScalar(Regression m) {
        return SCALAR.mse(m.size, m.pred, 0, m.target, 0, m.grad, 0);
    }

    @Benchmark
    public float msePlainJava(Regression m) {
        float[] p = m.pred;
        float[] t = m.target;
        float[] g = m.grad;
        float scale = 2f / p.length;
        float sum = 0f;
        for (int i = 0; i < p.length; i++) {
            float d = p[i] - t[i];
            sum += d * d;
            g[i] = d * scale;
        }
        return sum / p.length;
    }

    /** The C reference (the same formula, gcc -O3 -march=native -ffast-math, libmvec's expf), on the same arrays. */
    @Benchmark
    public float softmaxCrossEntropyC(Softmax s, NativePeerGuard peer) {
        return CReference.softmaxCrossEntropy(s.cols, s.logits, s.labels, s.grad);
    }
}
