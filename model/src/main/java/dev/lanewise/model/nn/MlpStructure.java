package dev.lanewise.model.nn;

/**
 * The structure settings an MLP estimator offers, each a change to the {@link MlpArchitecture} its next fit
 * builds. {@link MlpClassifier} and {@link MlpRegressor} extend different estimator bases, so the setters live
 * here once, as default methods, rather than in each of them.
 *
 * @param <S> the estimator itself, so that the setters chain
 */
public interface MlpStructure<S extends MlpStructure<S>> {

    /** The structure the next fit builds. */
    MlpArchitecture architecture();

    /** Replaces the whole structure the next fit builds. */
    S setArchitecture(MlpArchitecture architecture);

    /** The hidden layers' activation; ReLU by default. */
    default S setActivation(ActivationFunction activation) {
        return setArchitecture(architecture().withActivation(activation));
    }

    /** How every dense layer starts; null (the default) picks He-uniform for ReLU-like, Xavier-uniform for sigmoid and tanh. */
    default S setWeightInit(WeightInit init) {
        return setArchitecture(architecture().withWeightInit(init));
    }

    /** Batch normalization between each hidden dense layer and its activation; off by default. */
    default S setBatchNorm(boolean batchNorm) {
        return setArchitecture(architecture().withBatchNorm(batchNorm));
    }

    /** Dropout with probability {@code p} in [0, 1) after each hidden activation; 0 (the default) is off. */
    default S setDropout(double p) {
        return setArchitecture(architecture().withDropout(p));
    }

    /** Weight normalization of the hidden dense layers; off by default. */
    default S setWeightNorm(boolean weightNorm) {
        return setArchitecture(architecture().withWeightNorm(weightNorm));
    }
}
