package dev.lanewise.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.model.data.Matrix;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * WeightNormDense against the closed forms, evaluated here in double; the golden test compares with
 * torch's weight_norm and the gradient check with finite differences. Float tolerance: 1e-5 relative
 * (a norm, a division and a product, each a few 6e-8).
 */
class WeightNormDenseTest {
    private static final int IN = 6;
    private static final int OUT = 4;

    @Test
    void startsWithGEqualToTheColumnNormsSoTheWeightEqualsV() {
        WeightNormDense layer = new WeightNormDense("wn", IN, OUT, WeightInit.HE_NORMAL, 1, true);
        float[] v = layer.v().value();
        for (int j = 0; j < OUT; j++) {
            assertEquals(columnNorm(v, j), layer.g().value()[j], 1e-5 * columnNorm(v, j));
        }
        float[] w = layer.effectiveWeight();
        for (int i = 0; i < w.length; i++) {
            assertEquals(v[i], w[i], 1e-6 * Math.abs(v[i]), "element " + i);
        }
        assertArrayEquals(new float[OUT], layer.bias().value());
    }

    @Test
    void theWeightHasLengthGInTheDirectionOfV() {
        WeightNormDense layer = new WeightNormDense("wn", IN, OUT, WeightInit.XAVIER_UNIFORM, 2, true);
        float[] g = {0.5f, 2f, -1.5f, 3f};
        System.arraycopy(g, 0, layer.g().value(), 0, OUT);
        float[] v = layer.v().value();
        float[] w = layer.effectiveWeight();
        for (int j = 0; j < OUT; j++) {
            double norm = columnNorm(v, j);
            for (int i = 0; i < IN; i++) {
                assertEquals(g[j] * v[i * OUT + j] / norm, w[i * OUT + j], 1e-5 * Math.abs(g[j]));
            }
            assertEquals(Math.abs(g[j]), columnNorm(w, j), 1e-5 * Math.abs(g[j]));
        }
    }

    @Test
    void forwardIsXTimesTheWeightPlusTheBias() {
        WeightNormDense layer = new WeightNormDense("wn", IN, OUT, WeightInit.XAVIER_NORMAL, 3, true);
        SplittableRandom random = new SplittableRandom(3);
        for (int j = 0; j < OUT; j++) {
            layer.g().value()[j] = (float) random.nextDouble(0.5, 2);
            layer.bias().value()[j] = (float) random.nextDouble(-1, 1);
        }
        Matrix x = random(5, IN, 4);
        Matrix y = layer.forward(x, Mode.INFERENCE);
        float[] v = layer.v().value();
        for (int r = 0; r < 5; r++) {
            for (int j = 0; j < OUT; j++) {
                double sum = layer.bias().value()[j];
                double scale = 0;
                double norm = columnNorm(v, j);
                for (int i = 0; i < IN; i++) {
                    double w = layer.g().value()[j] * v[i * OUT + j] / norm;
                    sum += x.get(r, i) * w;
                    scale += Math.abs(x.get(r, i) * w);
                }
                assertEquals(sum, y.get(r, j), 1e-5 * (1 + scale));
            }
        }
    }

    /**
     * The chain rule's closed forms: each column of dv is orthogonal to that column of v (moving along v
     * changes no weight), dg_j is dW's column projected on v_j / |v_j|, and dbias is the column sum of dy.
     * dW itself is X^T dY, computed here in double.
     */
    @Test
    void gradientsSatisfyTheirClosedForms() {
        WeightNormDense layer = new WeightNormDense("wn", IN, OUT, WeightInit.HE_UNIFORM, 5, true);
        for (int j = 0; j < OUT; j++) {
            layer.g().value()[j] *= 1.7f;
        }
        Matrix x = random(7, IN, 6);
        Matrix dy = random(7, OUT, 7);
        layer.forward(x, Mode.TRAIN);
        layer.backward(dy);
        float[] v = layer.v().value();
        float[] dv = layer.v().grad();
        for (int j = 0; j < OUT; j++) {
            double norm = columnNorm(v, j);
            double projection = 0;
            double dotVdv = 0;
            double scale = 0;
            double dbias = 0;
            for (int i = 0; i < IN; i++) {
                double dw = 0;
                for (int r = 0; r < 7; r++) {
                    dw += x.get(r, i) * dy.get(r, j);
                }
                projection += dw * v[i * OUT + j] / norm;
                dotVdv += v[i * OUT + j] * dv[i * OUT + j];
                scale += Math.abs(v[i * OUT + j] * dv[i * OUT + j]);
            }
            for (int r = 0; r < 7; r++) {
                dbias += dy.get(r, j);
            }
            assertEquals(projection, layer.g().grad()[j], 1e-5 * (1 + Math.abs(projection)));
            assertEquals(0, dotVdv, 1e-5 * (1 + scale));
            assertEquals(dbias, layer.bias().grad()[j], 1e-5 * (1 + Math.abs(dbias)));
        }
    }

    @Test
    void parametersAreNamedShapedAndDecayAsDocumented() {
        WeightNormDense layer = new WeightNormDense("wn", IN, OUT, WeightInit.HE_NORMAL, 1, false);
        List<Parameter> ps = layer.parameters();
        assertEquals(List.of("wn.v", "wn.g", "wn.bias"), ps.stream().map(Parameter::name).toList());
        assertArrayEquals(new int[] {IN, OUT}, ps.get(0).shape());
        assertArrayEquals(new int[] {OUT}, ps.get(1).shape());
        assertArrayEquals(new int[] {OUT}, ps.get(2).shape());
        assertTrue(ps.get(0).decays());
        assertFalse(ps.get(1).decays());
        assertFalse(ps.get(2).decays());
        layer.forward(random(3, IN, 1), Mode.TRAIN);
        assertNull(layer.backward(random(3, OUT, 2)), "no input gradient when built without one");
        assertArrayEquals(layer.v().value(),
                new WeightNormDense("other", IN, OUT, WeightInit.HE_NORMAL, 1, true).v().value(), "same seed, same v");
    }

    @Test
    void refusesZeroInitBadSizesAndAnEarlyBackward() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WeightNormDense("wn", IN, OUT, WeightInit.ZEROS, 1, true));
        assertTrue(e.getMessage().startsWith("init must not be ZEROS"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WeightNormDense("wn", 0, OUT, WeightInit.HE_NORMAL, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new WeightNormDense("wn", IN, 0, WeightInit.HE_NORMAL, 1, true));
        assertThrows(NullPointerException.class, () -> new WeightNormDense(null, IN, OUT, WeightInit.HE_NORMAL, 1, true));
        WeightNormDense layer = new WeightNormDense("wn", IN, OUT, WeightInit.HE_NORMAL, 1, true);
        assertThrows(IllegalStateException.class, () -> layer.backward(random(3, OUT, 1)));
        assertThrows(IllegalArgumentException.class, () -> layer.forward(random(3, IN + 1, 1), Mode.TRAIN));
    }

    private static double columnNorm(float[] m, int j) {
        double s = 0;
        for (int i = 0; i < IN; i++) {
            s += (double) m[i * OUT + j] * m[i * OUT + j];
        }
        return Math.sqrt(s);
    }

    private static Matrix random(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m.set(r, c, (float) random.nextGaussian());
            }
        }
        return m;
    }
}
