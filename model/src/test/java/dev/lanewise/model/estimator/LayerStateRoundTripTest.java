package dev.lanewise.model.estimator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.SgdConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.io.ModelArchive;
import dev.lanewise.model.io.ModelFiles;
import dev.lanewise.model.loss.Loss;
import dev.lanewise.model.loss.MeanSquaredError;
import dev.lanewise.model.nn.BatchBuffer;
import dev.lanewise.model.nn.Dense;
import dev.lanewise.model.nn.Layer;
import dev.lanewise.model.nn.Mode;
import dev.lanewise.model.nn.Parameter;
import dev.lanewise.model.nn.Sequential;
import dev.lanewise.model.nn.WeightInit;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved model keeps every layer's non-trainable {@link Layer#state()}, and a file without it is refused. */
class LayerStateRoundTripTest {

    @TempDir
    Path dir;

    /**
     * In training an identity that counts its rows into {@code <name>.rows_seen}; in inference it adds that
     * count to every output, so predictions after loading are right only if the state was restored.
     */
    static final class RowCounter implements Layer {
        private final String name;
        private final float[] rowsSeen = new float[1];
        private final BatchBuffer output = new BatchBuffer(1);

        RowCounter(String name) {
            this.name = name;
        }

        @Override
        public int inputSize() {
            return 1;
        }

        @Override
        public int outputSize() {
            return 1;
        }

        @Override
        public Matrix forward(Matrix input, Mode mode) {
            if (mode == Mode.TRAIN) {
                rowsSeen[0] += input.rows();
                return input;
            }
            Matrix y = output.rows(input.rows());
            for (int r = 0; r < input.rows(); r++) {
                y.set(r, 0, input.get(r, 0) + rowsSeen[0]);
            }
            return y;
        }

        @Override
        public Matrix backward(Matrix gradOutput) {
            return gradOutput;
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public Map<String, float[]> state() {
            return Map.of(name + ".rows_seen", rowsSeen);
        }

        @Override
        public String describe() {
            return "RowCounter";
        }
    }

    static final class CountingRegressor extends Regressor {
        CountingRegressor() {
            super(OptimizerSpec.sgd(SgdConfig.of(0.01)), TrainingConfig.defaults().withBatchSize(10).withMaxEpochs(3));
        }

        @Override
        public String kind() {
            return "counting-regressor";
        }

        @Override
        protected Loss loss() {
            return new MeanSquaredError();
        }

        @Override
        protected Sequential buildNetwork(int inputs, int outputs, long seed) {
            return new Sequential(new Dense("linear", inputs, outputs, WeightInit.XAVIER_UNIFORM, seed, false),
                    new RowCounter("counter"));
        }

        static CountingRegressor load(Path path) throws IOException {
            CountingRegressor model = new CountingRegressor();
            model.restore(read(path, "counting-regressor"));
            return model;
        }
    }

    private static Dataset data() {
        Matrix x = Matrix.zeros(25, 2);
        float[] y = new float[25];
        for (int r = 0; r < 25; r++) {
            x.set(r, 0, r);
            x.set(r, 1, r % 3);
            y[r] = r * 0.5f;
        }
        return Dataset.regression(x, y);
    }

    @Test
    void layerStateIsSavedAndRestored() throws Exception {
        CountingRegressor model = new CountingRegressor();
        model.fit(data());
        Path file = dir.resolve("counting.model");
        model.save(file);

        ModelArchive archive = ModelFiles.load(file);
        // 3 epochs of 25 rows.
        assertArrayEquals(new float[] {75f}, archive.floats("state.counter.rows_seen"));
        CountingRegressor loaded = CountingRegressor.load(file);
        assertArrayEquals(new float[] {75f}, loaded.network().layers().get(1).state().get("counter.rows_seen"));
        assertArrayEquals(model.predict(data().features()), loaded.predict(data().features()));
    }

    @Test
    void aFileWithoutTheStateOrWithStateOfAnotherSizeIsRefused() throws Exception {
        CountingRegressor model = new CountingRegressor();
        model.fit(data());
        ModelArchive saved;
        Path file = dir.resolve("counting.model");
        model.save(file);
        saved = ModelFiles.load(file);

        Path missing = dir.resolve("missing.model");
        ModelFiles.save(copyReplacingState(saved, null), missing);
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> CountingRegressor.load(missing));
        assertTrue(e.getMessage().contains("state.counter.rows_seen"), e.getMessage());

        Path wrongSize = dir.resolve("wrong.model");
        ModelFiles.save(copyReplacingState(saved, new float[] {1, 2}), wrongSize);
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> CountingRegressor.load(wrongSize));
        assertEquals("model file tensor 'state.counter.rows_seen' has 2 elements, layer RowCounter keeps 1", e2.getMessage());
    }

    /** The archive with its state tensor dropped (replacement null) or replaced. */
    private static ModelArchive copyReplacingState(ModelArchive archive, float[] replacement) {
        ModelArchive.Builder b = ModelArchive.builder(archive.kind());
        archive.metadata().forEach(b::metadata);
        for (String name : archive.tensorNames()) {
            if (name.equals("state.counter.rows_seen")) {
                if (replacement != null) {
                    b.floats(name, replacement);
                }
            } else if (archive.tensorType(name) == dev.lanewise.model.io.TensorType.FLOAT32) {
                b.floats(name, archive.shape(name), archive.floats(name));
            } else {
                b.doubles(name, archive.shape(name), archive.doubles(name));
            }
        }
        return b.build();
    }
}
