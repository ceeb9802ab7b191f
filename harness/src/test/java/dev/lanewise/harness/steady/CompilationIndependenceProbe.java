package dev.lanewise.harness.steady;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Run in a fresh JVM by {@link CompilationIndependentBitsTest}: computes every kernel that reduces or
 * evaluates a transcendental once while it is still interpreted, then tens of thousands of times until C2
 * has compiled it, then once more, and prints each kernel whose bits changed. Seeded training must give the
 * same bits run after run, which it cannot if a sum's order, or an exponential's last bit, depends on
 * whether its kernel was compiled yet.
 *
 * <p>Every kernel's cold result is taken before any kernel is warmed up: several cases share one method
 * (binary cross-entropy at several sizes), and a case computed after another one's warmup would find that
 * method compiled already.
 */
public final class CompilationIndependenceProbe {
    private static final int N = 1003;
    private static final int ROWS = 7;
    private static final int COLS = 37;
    private static final int REPETITIONS = 20_000;

    /** One kernel call on fixed inputs; the result is every float it wrote, and what it returned. */
    private record Case(String name, Function<KernelProvider, float[]> run) {}

    public static void main(String[] args) {
        SplittableRandom random = new SplittableRandom(5);
        float[] x = values(random, N, 1);
        float[] y = values(random, N, 1000);
        float[] logits = values(random, ROWS * COLS, 10);
        int[] labels = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            labels[r] = random.nextInt(COLS);
        }
        float[] targets01 = binary(random, N);
        float[] probabilities = new float[N];
        for (int i = 0; i < N; i++) {
            probabilities[i] = (float) random.nextDouble();
        }
        float[] zeros = new float[N];
        float[] wideLogits = values(random, N, 30);
        float[] extremeLogits = extremes(random, N);
        // Activation inputs past every clamp and threshold (tanh 10, softplus 20, GELU 16 and 20).
        float[] activationInputs = values(random, N, 12);
        float[] gradOut = values(random, N, 1);
        float[] probabilityRows = new float[ROWS * COLS];
        Kernels.scalar().activations().softmax(ROWS, COLS, COLS, logits, 0, probabilityRows, 0);
        float[] logProbabilityRows = new float[ROWS * COLS];
        Kernels.scalar().activations().logSoftmax(ROWS, COLS, COLS, logits, 0, logProbabilityRows, 0);
        float[] rowGrad = values(random, ROWS * COLS, 1);

        List<Case> cases = new ArrayList<>(List.of(
                new Case("dot", p -> new float[] {p.blas().dot(N, x, 0, y, 0)}),
                new Case("sum", p -> new float[] {p.blas().sum(N, y, 0)}),
                new Case("asum", p -> new float[] {p.blas().asum(N, y, 0)}),
                new Case("nrm2", p -> new float[] {p.blas().nrm2(N, y, 0)}),
                new Case("mse", p -> loss(N, grad -> p.losses().mse(N, x, 0, y, 0, grad, 0))),
                new Case("mae", p -> loss(N, grad -> p.losses().mae(N, x, 0, y, 0, grad, 0))),
                new Case("huber", p -> loss(N, grad -> p.losses().huber(N, 1f, x, 0, y, 0, grad, 0))),
                new Case("softmaxCrossEntropy", p -> loss(ROWS * COLS, grad -> p.losses().softmaxCrossEntropy(
                        ROWS, COLS, logits, 0, COLS, labels, 0, grad, 0, COLS))),
                new Case("softmax", p -> rows((r, c, out) -> p.activations().softmax(r, c, c, logits, 0, out, 0))),
                new Case("logSoftmax", p -> rows((r, c, out) -> p.activations().logSoftmax(r, c, c, logits, 0, out, 0))),
                new Case("softmaxBackward", p -> rows((r, c, out) ->
                        p.activations().softmaxBackward(r, c, c, rowGrad, 0, probabilityRows, 0, out, 0))),
                new Case("logSoftmaxBackward", p -> rows((r, c, out) ->
                        p.activations().logSoftmaxBackward(r, c, c, rowGrad, 0, logProbabilityRows, 0, out, 0))),
                new Case("sgemv", p -> {
                    float[] out = new float[ROWS];
                    p.gemm().sgemv(false, ROWS, COLS, 1f, logits, 0, COLS, x, 0, 0f, out, 0);
                    return out;
                }),
                new Case("l2Penalty", p -> new float[] {p.optimizers().l2Penalty(N, 0.5f, y, 0, new float[N], 0)})));
        // Binary cross-entropy: exp(-|z|) and log1p over their whole ranges, whole vectors and masked steps.
        // With targets 0 and |z| >= 20 the gradient is e^-|z| / n itself, so one ulp of the exponential shows.
        cases.add(bce("bce n=1003 N(0,1) binary", N, x, targets01));
        cases.add(bce("bce n=1003 N(0,30^2) probabilities", N, wideLogits, probabilities));
        cases.add(bce("bce n=1003 extreme logits binary", N, extremeLogits, targets01));
        cases.add(bce("bce n=1003 extreme logits, targets 0", N, extremeLogits, zeros));
        cases.add(bce("bce n=37 N(0,30^2) binary", 37, wideLogits, targets01));
        cases.add(bce("bce n=5 extreme logits probabilities", 5, extremeLogits, probabilities));
        cases.add(new Case("bce 66 calls of n=15 (mostly masked steps), extreme logits, targets 0", p -> {
            float[] out = new float[66 * 16];
            float[] grad = new float[15];
            for (int c = 0; c < 66; c++) {
                out[c * 16] = p.losses().bceWithLogits(15, extremeLogits, c * 15, zeros, 0, grad, 0);
                System.arraycopy(grad, 0, out, c * 16 + 1, 15);
            }
            return out;
        }));
        // The activations built on exp, expm1, log1p and erf, forward and backward.
        cases.add(new Case("sigmoid", p -> map(out -> p.activations().sigmoid(N, activationInputs, 0, out, 0))));
        cases.add(new Case("sigmoidBackward", p -> map(out ->
                p.activations().sigmoidBackward(N, gradOut, 0, probabilities, 0, out, 0))));
        cases.add(new Case("tanh", p -> map(out -> p.activations().tanh(N, activationInputs, 0, out, 0))));
        cases.add(new Case("tanhBackward", p -> map(out ->
                p.activations().tanhBackward(N, gradOut, 0, probabilities, 0, out, 0))));
        cases.add(new Case("gelu", p -> map(out -> p.activations().gelu(N, activationInputs, 0, out, 0))));
        cases.add(new Case("geluBackward", p -> map(out ->
                p.activations().geluBackward(N, gradOut, 0, activationInputs, 0, out, 0))));
        cases.add(new Case("geluTanh", p -> map(out -> p.activations().geluTanh(N, activationInputs, 0, out, 0))));
        cases.add(new Case("geluTanhBackward", p -> map(out ->
                p.activations().geluTanhBackward(N, gradOut, 0, activationInputs, 0, out, 0))));
        cases.add(new Case("silu", p -> map(out -> p.activations().silu(N, activationInputs, 0, out, 0))));
        cases.add(new Case("siluBackward", p -> map(out ->
                p.activations().siluBackward(N, gradOut, 0, activationInputs, 0, out, 0))));
        cases.add(new Case("softplus", p -> map(out -> p.activations().softplus(N, activationInputs, 0, out, 0))));
        cases.add(new Case("softplusBackward", p -> map(out ->
                p.activations().softplusBackward(N, gradOut, 0, activationInputs, 0, out, 0))));
        cases.add(new Case("elu", p -> map(out -> p.activations().elu(N, 1.5f, activationInputs, 0, out, 0))));
        cases.add(new Case("eluBackward", p -> map(out ->
                p.activations().eluBackward(N, 1.5f, gradOut, 0, activationInputs, 0, out, 0))));

        List<KernelProvider> providers = Kernels.all();
        float[][][] cold = new float[providers.size()][cases.size()][];
        for (int k = 0; k < providers.size(); k++) {
            for (int i = 0; i < cases.size(); i++) {
                cold[k][i] = cases.get(i).run().apply(providers.get(k));
            }
        }
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (int k = 0; k < providers.size(); k++) {
            KernelProvider provider = providers.get(k);
            for (int i = 0; i < cases.size(); i++) {
                Function<KernelProvider, float[]> run = cases.get(i).run();
                float sink = 0;
                for (int rep = 0; rep < REPETITIONS; rep++) {
                    sink += run.apply(provider)[0];
                }
                float[] warm = run.apply(provider);
                checked++;
                if (!Arrays.equals(cold[k][i], warm)) {
                    mismatches.add(provider.name() + " " + cases.get(i).name() + " (" + differences(cold[k][i], warm)
                            + " of " + warm.length + " floats differ; sink " + sink + ")");
                }
            }
        }
        System.out.println("checked " + checked);
        for (String m : mismatches) {
            System.out.println("MISMATCH " + m);
        }
    }

    private interface LossCall {
        float apply(float[] grad);
    }

    private interface RowCall {
        void apply(int rows, int cols, float[] out);
    }

    private interface MapCall {
        void apply(float[] out);
    }

    private static Case bce(String name, int n, float[] logits, float[] targets) {
        return new Case(name, p -> loss(n, grad -> p.losses().bceWithLogits(n, logits, 0, targets, 0, grad, 0)));
    }

    /** The loss value first, then its gradient. */
    private static float[] loss(int n, LossCall call) {
        float[] out = new float[n + 1];
        float[] grad = new float[n];
        out[0] = call.apply(grad);
        System.arraycopy(grad, 0, out, 1, n);
        return out;
    }

    private static float[] rows(RowCall call) {
        float[] out = new float[ROWS * COLS];
        call.apply(ROWS, COLS, out);
        return out;
    }

    private static float[] map(MapCall call) {
        float[] out = new float[N];
        call.apply(out);
        return out;
    }

    private static int differences(float[] a, float[] b) {
        int count = 0;
        for (int i = 0; i < a.length; i++) {
            count += Float.floatToRawIntBits(a[i]) == Float.floatToRawIntBits(b[i]) ? 0 : 1;
        }
        return count;
    }

    private static float[] values(SplittableRandom random, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * scale);
        }
        return v;
    }

    private static float[] binary(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextInt(2);
        }
        return v;
    }

    /** Logits where exp(-|z|) is tiny, subnormal or 0: |z| in [20, 110], and now and then +-1000. */
    private static float[] extremes(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            float magnitude = random.nextInt(10) == 0 ? 1000f : (float) random.nextDouble(20, 110);
            v[i] = random.nextBoolean() ? magnitude : -magnitude;
        }
        return v;
    }
}
