package dev.lanewise.model.nn;

import static dev.lanewise.model.metrics.MiniJson.array;
import static dev.lanewise.model.metrics.MiniJson.floats;
import static dev.lanewise.model.metrics.MiniJson.ints;
import static dev.lanewise.model.metrics.MiniJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lanewise.kernels.loss.Losses;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.metrics.MiniJson;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Dense, BatchNorm, Tanh and WeightNormDense against torch 1.13 (golden/nn_golden.json, written by
 * golden/nn_golden.py): {@code x (6x4) -> Linear(4,5) -> BatchNorm1d(5) -> Tanh -> weight_norm(Linear(5,3))
 * -> CrossEntropyLoss}, with torch's weights, one training forward and backward, then an eval forward.
 * Checked: the training logits, the loss, every parameter's gradient, the input's gradient, the running
 * statistics after the step, the effective weight-normalized weight and the eval-mode logits, in two cases
 * (BatchNorm1d's defaults through {@code BatchNorm(name, size)}, and momentum 0.25 with eps 1e-2).
 *
 * <p>Tolerance: {@code |java - torch| <= 2e-6 * (1 + |torch|)}. Both sides compute in float, with other
 * summation orders (our GEMM and column sums against torch's reductions) and other tanh and exp
 * approximations (ours within a few ulps): a few ulps per operation over some twenty dependent operations
 * on values of order 1. Measured: at most 1.3e-7 (a logit), most gradients under 5e-8; the bound leaves
 * 15x for another machine's kernel width or FMA. A wrong formula is off by far more: the biased instead
 * of the unbiased running variance by a factor 6/5, a missing path through the batch mean or variance, or
 * a missing term of the weight-norm gradient by 1e-2 or more.
 */
class TorchGoldenNetworkTest {
    private static final Map<String, Object> GOLDEN = MiniJson.resource("/golden/nn_golden.json");
    private static final double TOLERANCE = 2e-6;

    @Test
    void goldenFileRecordsTheTorchAndPythonVersions() {
        assertTrue(((String) GOLDEN.get("torch")).startsWith("1.13"), () -> "torch " + GOLDEN.get("torch"));
        assertTrue(GOLDEN.containsKey("python"));
        assertEquals(2, array(GOLDEN.get("cases")).size());
    }

    @TestFactory
    Stream<DynamicTest> oneTrainingStepAndAnEvalPassMatchTorch() {
        return array(GOLDEN.get("cases")).stream().map(MiniJson::object)
                .map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> check(c)));
    }

    private static void check(Map<String, Object> c) {
        int rows = ((Double) GOLDEN.get("rows")).intValue();
        int in = ((Double) GOLDEN.get("in")).intValue();
        int hidden = ((Double) GOLDEN.get("hidden")).intValue();
        int classes = ((Double) GOLDEN.get("classes")).intValue();
        double momentum = (Double) c.get("momentum");
        double eps = (Double) c.get("eps");
        Map<String, Object> start = object(c.get("start"));

        Dense lin1 = new Dense("lin1", in, hidden, WeightInit.XAVIER_UNIFORM, 7, true);
        BatchNorm bn = momentum == BatchNorm.DEFAULT_MOMENTUM && eps == BatchNorm.DEFAULT_EPS
                ? new BatchNorm("bn", hidden)
                : new BatchNorm("bn", hidden, momentum, eps);
        Activation tanh = new Activation(ActivationFunction.TANH, hidden);
        WeightNormDense lin2 = new WeightNormDense("lin2", hidden, classes, WeightInit.XAVIER_UNIFORM, 7, true);
        Sequential model = new Sequential(lin1, bn, tanh, lin2);

        // torch's Linear stores out x in; ours is in x out.
        set(lin1.weight().value(), transpose(floats(start.get("lin1.weight")), hidden, in));
        set(lin1.bias().value(), floats(start.get("lin1.bias")));
        set(bn.weight().value(), floats(start.get("bn.weight")));
        set(bn.bias().value(), floats(start.get("bn.bias")));
        Map<String, float[]> state = bn.state();
        assertEquals(List.of("bn.running_mean", "bn.running_var"), List.copyOf(state.keySet()));
        set(state.get("bn.running_mean"), floats(start.get("bn.running_mean")));
        set(state.get("bn.running_var"), floats(start.get("bn.running_var")));
        set(lin2.v().value(), transpose(floats(start.get("lin2.weight_v")), classes, hidden));
        set(lin2.g().value(), floats(start.get("lin2.weight_g")));
        set(lin2.bias().value(), floats(start.get("lin2.bias")));

        Matrix x = Matrix.wrap(floats(c.get("x")), rows, in);
        int[] labels = ints(c.get("labels"));
        Matrix logits = model.forward(x, Mode.TRAIN);
        assertClose("train logits", floats(c.get("train_logits")), logits.toArray());
        float[] dLogits = new float[rows * classes];
        float loss = Losses.softmaxCrossEntropy(classes, logits.toArray(), labels, dLogits);
        assertClose("loss", new float[] {(float) (double) (Double) c.get("loss")}, new float[] {loss});

        Matrix dx = backwardWithInputGradient(model, Matrix.wrap(dLogits, rows, classes));
        Map<String, Object> grads = object(c.get("grads"));
        assertClose("lin1.weight grad", transpose(floats(grads.get("lin1.weight")), hidden, in), lin1.weight().grad());
        assertClose("lin1.bias grad", floats(grads.get("lin1.bias")), lin1.bias().grad());
        assertClose("bn.weight grad", floats(grads.get("bn.weight")), bn.weight().grad());
        assertClose("bn.bias grad", floats(grads.get("bn.bias")), bn.bias().grad());
        assertClose("lin2.v grad", transpose(floats(grads.get("lin2.weight_v")), classes, hidden), lin2.v().grad());
        assertClose("lin2.g grad", floats(grads.get("lin2.weight_g")), lin2.g().grad());
        assertClose("lin2.bias grad", floats(grads.get("lin2.bias")), lin2.bias().grad());
        assertClose("input grad", floats(c.get("input_grad")), dx.toArray());

        Map<String, Object> running = object(c.get("running_after"));
        assertClose("running_mean", floats(running.get("bn.running_mean")), bn.runningMean());
        assertClose("running_var", floats(running.get("bn.running_var")), bn.runningVar());
        assertSame(bn.runningMean(), state.get("bn.running_mean"), "state() holds the live arrays");
        assertClose("effective weight", transpose(floats(c.get("effective_weight")), classes, hidden),
                lin2.effectiveWeight());

        Matrix eval = model.forward(x, Mode.INFERENCE);
        assertClose("eval logits", floats(c.get("eval_logits")), eval.toArray());
    }

    /** Sequential.backward returns nothing; run the layers by hand to keep the first layer's input gradient. */
    private static Matrix backwardWithInputGradient(Sequential model, Matrix gradOutput) {
        Matrix g = gradOutput;
        List<Layer> layers = model.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g);
        }
        return g;
    }

    private static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[r * cols + c];
            }
        }
        return t;
    }

    private static void set(float[] target, float[] source) {
        assertEquals(target.length, source.length, "length");
        System.arraycopy(source, 0, target, 0, source.length);
    }

    private static void assertClose(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs((double) actual[i] - expected[i]);
            if (!(diff <= TOLERANCE * (1 + Math.abs(expected[i])))) {
                fail(what + "[" + i + "]: java " + actual[i] + ", torch " + expected[i] + ", diff " + diff);
            }
        }
    }
}
