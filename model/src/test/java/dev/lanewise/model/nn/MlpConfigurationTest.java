package dev.lanewise.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlpConfigurationTest {

    @Test
    void theDefaultsAreScikitLearns() {
        MlpClassifier model = new MlpClassifier();
        // scikit-learn 1.2 MLPClassifier: hidden_layer_sizes=(100,), activation='relu', solver='adam',
        // learning_rate_init=0.001, batch_size=min(200, n), max_iter=200, tol=1e-4, n_iter_no_change=10.
        assertArrayEquals(new int[] {100}, model.architecture().hiddenSizes());
        assertEquals(ActivationFunction.RELU, model.architecture().activation());
        assertEquals(0.001, model.optimizer().lr());
        assertEquals("adam", model.optimizer().name());
        TrainingConfig training = model.training();
        assertEquals(200, training.batchSize());
        assertEquals(200, training.maxEpochs());
        assertEquals(1e-4, training.tol());
        assertEquals(10, training.nIterNoChange());
        assertEquals(new MlpRegressor().training(), training);
    }

    @Test
    void theDefaultInitFollowsTheActivation() {
        MlpArchitecture mlp = MlpArchitecture.of(8);
        assertEquals(WeightInit.HE_UNIFORM, mlp.weightInit());
        for (ActivationFunction f : List.of(ActivationFunction.LEAKY_RELU, ActivationFunction.ELU, ActivationFunction.GELU,
                ActivationFunction.SILU, ActivationFunction.SOFTPLUS)) {
            assertEquals(WeightInit.HE_UNIFORM, mlp.withActivation(f).weightInit(), f.name());
        }
        assertEquals(WeightInit.XAVIER_UNIFORM, mlp.withActivation(ActivationFunction.SIGMOID).weightInit());
        assertEquals(WeightInit.XAVIER_UNIFORM, mlp.withActivation(ActivationFunction.TANH).weightInit());
        MlpArchitecture set = mlp.withActivation(ActivationFunction.TANH).withWeightInit(WeightInit.HE_NORMAL);
        assertEquals(WeightInit.HE_NORMAL, set.weightInit());
        assertEquals(WeightInit.XAVIER_UNIFORM, set.withWeightInit(null).weightInit());
    }

    @Test
    void badStructuresAreRefusedNamingTheValue() {
        assertMessage("hiddenSizes must name at least one hidden layer, was []", () -> MlpArchitecture.of());
        assertMessage("hiddenSizes[1] must be >= 1, was 0 (in [4, 0])", () -> new MlpClassifier(4, 0));
        assertMessage("dropout must be in [0, 1), was 1.0", () -> new MlpClassifier(4).setDropout(1.0));
        assertMessage("dropout must be in [0, 1), was -0.1", () -> new MlpRegressor(4).setDropout(-0.1));
        assertMessage("dropout must be in [0, 1), was NaN", () -> new MlpRegressor(4).setDropout(Double.NaN));
        assertThrows(NullPointerException.class, () -> new MlpClassifier(4).setActivation(null));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void twoClassesTrainOneLogitAndMoreTrainOnePerClass() {
        Dataset cancer = BundledData.breastCancer();
        MlpClassifier binary = new MlpClassifier(OptimizerSpec.adam(AdamConfig.adam()),
                TrainingConfig.defaults().withMaxEpochs(1), 8);
        binary.fit(cancer);
        assertEquals(1, binary.network().outputSize());
        assertEquals("bce-with-logits", binary.loss().name());
        Matrix proba = binary.predictProba(cancer.features());
        assertEquals(2, proba.cols());
        for (int r = 0; r < proba.rows(); r++) {
            assertEquals(1.0, proba.get(r, 0) + proba.get(r, 1), 1e-6);
        }

        MlpClassifier multi = new MlpClassifier(OptimizerSpec.adam(AdamConfig.adam()),
                TrainingConfig.defaults().withMaxEpochs(1), 8);
        multi.fit(BundledData.digits());
        assertEquals(10, multi.network().outputSize());
        assertEquals("softmax-cross-entropy", multi.loss().name());
    }

    @Test
    void thePlainStackIsDenseActivationPerHiddenLayerThenTheOutput() {
        Sequential net = MlpArchitecture.of(8, 4).withActivation(ActivationFunction.SILU).build(6, 3, 1);
        assertEquals("Dense(6 -> 8) -> silu(8) -> Dense(8 -> 4) -> silu(4) -> Dense(4 -> 3)", net.describe());
        List<String> names = net.parameters().stream().map(Parameter::name).toList();
        assertEquals(List.of("dense0.weight", "dense0.bias", "dense1.weight", "dense1.bias", "output.weight", "output.bias"),
                names);
        // The first layer computes no input gradient: nothing before it needs one.
        Matrix x = Matrix.zeros(2, 6);
        Layer first = net.layers().get(0);
        Matrix y = first.forward(x, Mode.TRAIN);
        assertNull(first.backward(Matrix.zeros(y.rows(), y.cols())));
        Layer second = net.layers().get(2);
        Matrix z = second.forward(Matrix.zeros(2, 8), Mode.TRAIN);
        assertEquals(8, second.backward(Matrix.zeros(z.rows(), z.cols())).cols());
    }

    /** Needs the real BatchNorm, Dropout and WeightNormDense layers (branch n-layers). */
    @Test
    void everyOptionTakesItsPlaceInEachHiddenLayer() {
        Sequential net = MlpArchitecture.of(8, 4).withBatchNorm(true).withDropout(0.25).withWeightNorm(true).build(6, 3, 1);
        List<Class<?>> kinds = net.layers().stream().<Class<?>>map(Object::getClass).toList();
        assertEquals(List.of(WeightNormDense.class, BatchNorm.class, Activation.class, Dropout.class,
                WeightNormDense.class, BatchNorm.class, Activation.class, Dropout.class, Dense.class), kinds);
    }

    @Test
    void oneSeedGivesEveryLayerItsOwnWeightsAndTheSameBitsAgain() {
        MlpArchitecture mlp = MlpArchitecture.of(8, 8, 8);
        Sequential a = mlp.build(8, 8, 42);
        Sequential b = mlp.build(8, 8, 42);
        Sequential c = mlp.build(8, 8, 43);
        for (int i = 0; i < a.parameters().size(); i++) {
            assertArrayEquals(a.parameters().get(i).value(), b.parameters().get(i).value());
        }
        float[] dense1 = ((Dense) a.layers().get(2)).weight().value();
        float[] dense2 = ((Dense) a.layers().get(4)).weight().value();
        float[] output = ((Dense) a.layers().get(6)).weight().value();
        assertFalse(java.util.Arrays.equals(dense1, dense2));
        assertFalse(java.util.Arrays.equals(dense2, output));
        assertFalse(java.util.Arrays.equals(dense1, ((Dense) c.layers().get(2)).weight().value()));
    }

    /** Needs the real Dropout and BatchNorm layers (branch n-layers). */
    @Test
    void turningOptionsOnLeavesTheStartingWeightsUnchanged() {
        Sequential plain = MlpArchitecture.of(8, 8).build(5, 2, 9);
        Sequential dressed = MlpArchitecture.of(8, 8).withDropout(0.5).withBatchNorm(true).build(5, 2, 9);
        List<Layer> dense = dressed.layers().stream().filter(l -> l instanceof Dense).toList();
        assertEquals(3, dense.size());
        assertArrayEquals(((Dense) plain.layers().get(0)).weight().value(), ((Dense) dense.get(0)).weight().value());
        assertArrayEquals(((Dense) plain.layers().get(2)).weight().value(), ((Dense) dense.get(1)).weight().value());
        assertArrayEquals(((Dense) plain.layers().get(4)).weight().value(), ((Dense) dense.get(2)).weight().value());
    }

    @Test
    void theSameSeedsGiveTheSameFittedBits() {
        Dataset cancer = BundledData.breastCancer();
        float[][] weights = new float[3][];
        long[] estimatorSeeds = {7, 7, 8};
        for (int run = 0; run < 3; run++) {
            MlpClassifier model = new MlpClassifier(OptimizerSpec.adam(AdamConfig.adam()),
                    TrainingConfig.defaults().withMaxEpochs(2).withSeed(1), 8);
            model.setSeed(estimatorSeeds[run]);
            model.fit(cancer);
            weights[run] = model.network().parameters().get(0).value().clone();
        }
        assertArrayEquals(weights[0], weights[1]);
        assertFalse(java.util.Arrays.equals(weights[0], weights[2]));
    }

    @Test
    void settingsReturnTheirOwnTypeForChaining() {
        MlpClassifier c = new MlpClassifier(4).setActivation(ActivationFunction.TANH).setBatchNorm(false).setDropout(0.1)
                .setWeightNorm(false).setWeightInit(WeightInit.XAVIER_NORMAL);
        assertInstanceOf(MlpClassifier.class, c);
        assertEquals(0.1, c.architecture().dropout());
        assertEquals(WeightInit.XAVIER_NORMAL, c.architecture().weightInit());
    }
}
