package dev.lanewise.harness.dispatch;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.WarmUpReport;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.loss.MeanSquaredError;
import dev.lanewise.model.nn.MlpRegressor;
import dev.lanewise.model.nn.Parameter;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Run in a child JVM by {@link KernelWarmUpTest}, since the warm-up runs once per JVM: computes a set of kernels
 * cold (before any warm-up, mostly interpreted), fits a small MLP regressor (whose trainer starts the warm-up as
 * {@code -Dlanewise.warmUp} says), runs {@code Kernels.warmUp()} (or waits for the one the fit started),
 * computes the kernels again, and prints {@code kernels-before=<hash>}, {@code regression=<hash>},
 * {@code started-by-fit=<boolean>}, the report and {@code kernels-after=<hash>}.
 *
 * <p>The kernels are those whose results are the same in every JIT tier (products, bias and column sums,
 * ReLU, the L2 penalty, Adam, the 2-norm); a regression MLP (squared error) uses only such kernels.
 */
public final class WarmUpProbe {
    private WarmUpProbe() {}

    public static void main(String[] args) {
        System.out.println("kernels-before=" + kernelResults());
        System.out.println("losses-before=" + lossResults());
        System.out.println("regression=" + regressionFit());
        System.out.println("started-by-fit=" + Kernels.warmUpStarted());
        WarmUpReport report = Kernels.warmUp();
        System.out.println("report implementation=" + report.implementation() + " rounds=" + report.rounds()
                + " ran=" + report.ran() + " outcome=" + report.outcome());
        System.out.println("kernels-after=" + kernelResults());
        System.out.println("losses-after=" + lossResults());
    }

    /** A hash of the bits of the two losses that take exp and log1p from the Vector API, on fixed inputs. */
    static long lossResults() {
        KernelProvider k = Kernels.provider();
        float[] logits = values(37 * 10, 6);
        int[] labels = new int[37];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = r % 10;
        }
        float[] grad = new float[logits.length];
        float softmax = k.losses().softmaxCrossEntropy(37, 10, logits, 0, 10, labels, 0, grad, 0, 10);
        float[] targets = new float[logits.length];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = i % 2;
        }
        float[] bceGrad = new float[logits.length];
        float bce = k.losses().bceWithLogits(logits.length, logits, 0, targets, 0, bceGrad, 0);
        return Arrays.hashCode(new int[] {Float.floatToRawIntBits(softmax), Arrays.hashCode(grad),
                Float.floatToRawIntBits(bce), Arrays.hashCode(bceGrad)});
    }

    /** A hash of the bits of several kernels' results on fixed inputs. */
    static long kernelResults() {
        KernelProvider k = Kernels.provider();
        float[] a = values(37 * 29, 1);
        float[] b = values(29 * 45, 2);
        float[] c = new float[37 * 45];
        k.gemm().sgemm(false, false, 37, 45, 29, 1f, a, 0, 29, b, 0, 45, 0f, c, 0, 45, 1, Runnable::run);
        float[] bias = values(45, 3);
        k.gemm().addBiasRows(37, 45, bias, 0, c, 0, 45);
        float[] weightGrad = new float[29 * 45];
        k.gemm().sgemm(true, false, 29, 45, 37, 1f, a, 0, 29, c, 0, 45, 0f, weightGrad, 0, 45, 1, Runnable::run);
        float[] inputGrad = new float[37 * 29];
        k.gemm().sgemm(false, true, 37, 29, 45, 1f, c, 0, 45, b, 0, 45, 0f, inputGrad, 0, 29, 1, Runnable::run);
        float[] sums = new float[45];
        k.gemm().sumRows(37, 45, c, 0, 45, 0f, sums, 0);
        float[] relu = new float[c.length];
        k.activations().relu(c.length, c, 0, relu, 0);
        float[] reluGrad = new float[c.length];
        k.activations().reluBackward(c.length, relu, 0, c, 0, reluGrad, 0);
        float[] param = values(weightGrad.length, 4);
        float penalty = k.optimizers().l2Penalty(param.length, 1e-3f, param, 0, weightGrad, 0);
        float[] m = new float[param.length];
        float[] v = new float[param.length];
        k.optimizers().adam(param.length, param, 0, weightGrad, 0, m, 0, v, 0, null, 0, AdamConfig.adam(), 1);
        float norm = k.blas().nrm2(param.length, param, 0);
        return Arrays.hashCode(new int[] {Arrays.hashCode(c), Arrays.hashCode(weightGrad), Arrays.hashCode(inputGrad),
                Arrays.hashCode(sums), Arrays.hashCode(reluGrad), Float.floatToRawIntBits(penalty), Arrays.hashCode(param),
                Arrays.hashCode(m), Arrays.hashCode(v), Float.floatToRawIntBits(norm)});
    }

    /** A hash of the parameters of a seeded MLP regressor fitted on seeded synthetic rows. */
    static long regressionFit() {
        int rows = 256;
        int cols = 8;
        float[] x = values(rows * cols, 5);
        float[] y = new float[rows];
        for (int r = 0; r < rows; r++) {
            y[r] = x[r * cols] * 2 - x[r * cols + 3] + 0.5f * x[r * cols + 5] * x[r * cols + 6];
        }
        MlpRegressor model = new MlpRegressor(new MeanSquaredError(),
                OptimizerSpec.adam(AdamConfig.adam().withLr(1e-2)),
                TrainingConfig.defaults().withMaxEpochs(20).withBatchSize(32).withSeed(7), 24);
        model.setSeed(11);
        model.fit(Dataset.regression(Matrix.wrap(x, rows, cols), y));
        int hash = 1;
        for (Parameter p : model.network().parameters()) {
            hash = 31 * hash + Arrays.hashCode(p.value());
        }
        return hash;
    }

    private static float[] values(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextDouble(-1, 1);
        }
        return v;
    }
}
