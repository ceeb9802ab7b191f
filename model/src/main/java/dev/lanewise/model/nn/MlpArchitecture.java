package dev.lanewise.model.nn;

import dev.lanewise.model.io.ModelArchive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The layer stack of a multilayer perceptron, as {@link MlpClassifier} and {@link MlpRegressor} build it.
 * Per hidden layer, in this order:
 *
 * <pre>
 * Dense (or WeightNormDense) -&gt; [BatchNorm] -&gt; Activation -&gt; [Dropout]
 * </pre>
 *
 * then an output {@link Dense} with no activation (the loss reads its logits or values). The first dense layer
 * is built without an input gradient (nothing before it needs one). Immutable: the {@code with...} methods
 * return a changed copy.
 *
 * <p>Weights: every dense layer, the output one included, starts from {@link #weightInit()}: by default
 * {@link WeightInit#HE_UNIFORM} for the ReLU family (ReLU, leaky ReLU, ELU, GELU, SiLU, softplus) and
 * {@link WeightInit#XAVIER_UNIFORM} for sigmoid and tanh, unless set. Seeds: one seed makes the whole
 * network; each hidden layer draws two seeds from it in a fixed order (its weights, its dropout masks) and
 * the output layer one more, so turning dropout, batch norm or weight normalization on or off leaves every
 * layer's starting weights unchanged.
 */
public final class MlpArchitecture {
    // Metadata keys in a saved model.
    private static final String HIDDEN = "mlp.hidden_sizes";
    private static final String ACTIVATION = "mlp.activation";
    private static final String INIT = "mlp.weight_init";
    private static final String BATCH_NORM = "mlp.batch_norm";
    private static final String DROPOUT = "mlp.dropout";
    private static final String WEIGHT_NORM = "mlp.weight_norm";

    private final int[] hiddenSizes;
    private final ActivationFunction activation;
    private final WeightInit init;
    private final boolean batchNorm;
    private final double dropout;
    private final boolean weightNorm;

    private MlpArchitecture(int[] hiddenSizes, ActivationFunction activation, WeightInit init, boolean batchNorm,
            double dropout, boolean weightNorm) {
        this.hiddenSizes = hiddenSizes;
        this.activation = activation;
        this.init = init;
        this.batchNorm = batchNorm;
        this.dropout = dropout;
        this.weightNorm = weightNorm;
    }

    /**
     * Hidden layers of these sizes, ReLU, the default initialization, no batch norm, dropout or weight
     * normalization.
     *
     * @param hiddenSizes the width of each hidden layer, input side first; at least one, each &gt;= 1
     */
    public static MlpArchitecture of(int... hiddenSizes) {
        Objects.requireNonNull(hiddenSizes, "hiddenSizes");
        if (hiddenSizes.length == 0) {
            throw new IllegalArgumentException("hiddenSizes must name at least one hidden layer, was []");
        }
        for (int i = 0; i < hiddenSizes.length; i++) {
            if (hiddenSizes[i] < 1) {
                throw new IllegalArgumentException("hiddenSizes[" + i + "] must be >= 1, was " + hiddenSizes[i]
                        + " (in " + Arrays.toString(hiddenSizes) + ")");
            }
        }
        return new MlpArchitecture(hiddenSizes.clone(), ActivationFunction.RELU, null, false, 0, false);
    }

    public MlpArchitecture withActivation(ActivationFunction activation) {
        Objects.requireNonNull(activation, "activation");
        return new MlpArchitecture(hiddenSizes, activation, init, batchNorm, dropout, weightNorm);
    }

    /** @param init how every dense layer starts; null restores the default for the activation */
    public MlpArchitecture withWeightInit(WeightInit init) {
        return new MlpArchitecture(hiddenSizes, activation, init, batchNorm, dropout, weightNorm);
    }

    /** Batch normalization between each hidden dense layer and its activation. */
    public MlpArchitecture withBatchNorm(boolean batchNorm) {
        return new MlpArchitecture(hiddenSizes, activation, init, batchNorm, dropout, weightNorm);
    }

    /** @param p the probability of zeroing a hidden unit in training, in [0, 1); 0 turns dropout off */
    public MlpArchitecture withDropout(double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), was " + p);
        }
        return new MlpArchitecture(hiddenSizes, activation, init, batchNorm, p, weightNorm);
    }

    /** Weight normalization ({@link WeightNormDense}) of the hidden dense layers; the output layer stays plain. */
    public MlpArchitecture withWeightNorm(boolean weightNorm) {
        return new MlpArchitecture(hiddenSizes, activation, init, batchNorm, dropout, weightNorm);
    }

    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    public ActivationFunction activation() {
        return activation;
    }

    /** The initialization in effect: the one set, else the default for the activation. */
    public WeightInit weightInit() {
        if (init != null) {
            return init;
        }
        return activation == ActivationFunction.SIGMOID || activation == ActivationFunction.TANH
                ? WeightInit.XAVIER_UNIFORM : WeightInit.HE_UNIFORM;
    }

    public boolean batchNorm() {
        return batchNorm;
    }

    /** The dropout probability, 0 when off. */
    public double dropout() {
        return dropout;
    }

    public boolean weightNorm() {
        return weightNorm;
    }

    /**
     * The network for {@code inputs} features and {@code outputs} output columns. Parameter names:
     * {@code dense<i>.*} and {@code bn<i>.*} for hidden layer i (from 0), {@code output.*} for the last layer.
     */
    public Sequential build(int inputs, int outputs, long seed) {
        if (inputs < 1) {
            throw new IllegalArgumentException("inputs must be >= 1, was " + inputs);
        }
        if (outputs < 1) {
            throw new IllegalArgumentException("outputs must be >= 1, was " + outputs);
        }
        WeightInit weights = weightInit();
        SplittableRandom seeds = new SplittableRandom(seed);
        List<Layer> layers = new ArrayList<>();
        int in = inputs;
        for (int i = 0; i < hiddenSizes.length; i++) {
            int width = hiddenSizes[i];
            long weightSeed = seeds.nextLong();
            long dropoutSeed = seeds.nextLong();
            boolean inputGradient = i > 0;
            String name = "dense" + i;
            layers.add(weightNorm ? new WeightNormDense(name, in, width, weights, weightSeed, inputGradient)
                    : new Dense(name, in, width, weights, weightSeed, inputGradient));
            if (batchNorm) {
                layers.add(new BatchNorm("bn" + i, width));
            }
            layers.add(new Activation(activation, width));
            if (dropout > 0) {
                layers.add(new Dropout(width, dropout, dropoutSeed));
            }
            in = width;
        }
        layers.add(new Dense("output", in, outputs, weights, seeds.nextLong(), true));
        return new Sequential(layers);
    }

    /** Writes this structure into a model file's metadata (the effective initialization, not "default"). */
    void write(ModelArchive.Builder archive) {
        StringBuilder sizes = new StringBuilder();
        for (int h : hiddenSizes) {
            sizes.append(sizes.isEmpty() ? "" : ",").append(h);
        }
        archive.metadata(HIDDEN, sizes.toString())
                .metadata(ACTIVATION, activation.cliName())
                .metadata(INIT, weightInit().name())
                .metadata(BATCH_NORM, Boolean.toString(batchNorm))
                .metadata(DROPOUT, Double.toString(dropout))
                .metadata(WEIGHT_NORM, Boolean.toString(weightNorm));
    }

    /** Reads what {@link #write} wrote; refuses a value it cannot parse, naming the key. */
    static MlpArchitecture read(ModelArchive archive) {
        String[] parts = archive.metadata(HIDDEN).split(",", -1);
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            sizes[i] = parseInt(HIDDEN, parts[i]);
        }
        WeightInit init;
        try {
            init = WeightInit.valueOf(archive.metadata(INIT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model file metadata '" + INIT + "' names no weight init: '"
                    + archive.metadata(INIT) + "'");
        }
        double p;
        try {
            p = Double.parseDouble(archive.metadata(DROPOUT));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model file metadata '" + DROPOUT + "' must be a number, was '"
                    + archive.metadata(DROPOUT) + "'");
        }
        return of(sizes)
                .withActivation(ActivationFunction.parse(archive.metadata(ACTIVATION)))
                .withWeightInit(init)
                .withBatchNorm(parseBoolean(archive, BATCH_NORM))
                .withDropout(p)
                .withWeightNorm(parseBoolean(archive, WEIGHT_NORM));
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model file metadata '" + key + "' must be integers separated by commas,"
                    + " had '" + value + "'");
        }
    }

    private static boolean parseBoolean(ModelArchive archive, String key) {
        String value = archive.metadata(key);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("model file metadata '" + key + "' must be true or false, was '"
                    + value + "'");
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpArchitecture a && Arrays.equals(hiddenSizes, a.hiddenSizes) && activation == a.activation
                && weightInit() == a.weightInit() && batchNorm == a.batchNorm
                && Double.compare(dropout, a.dropout) == 0 && weightNorm == a.weightNorm;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(hiddenSizes), activation, weightInit(), batchNorm, dropout, weightNorm);
    }

    @Override
    public String toString() {
        return "mlp(hidden=" + Arrays.toString(hiddenSizes) + ", activation=" + activation.cliName() + ", init="
                + weightInit() + ", batchNorm=" + batchNorm + ", dropout=" + dropout + ", weightNorm=" + weightNorm + ")";
    }
}
