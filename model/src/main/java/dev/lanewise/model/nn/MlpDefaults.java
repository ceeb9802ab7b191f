package dev.lanewise.model.nn;

import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;

/**
 * The defaults of {@link MlpClassifier} and {@link MlpRegressor}, those of scikit-learn's {@code MLPClassifier}
 * and {@code MLPRegressor} (1.2): one hidden layer of 100 ReLU units, Adam at lr 1e-3 (betas 0.9, 0.999, eps
 * 1e-8), mini-batches of {@code min(200, n)} rows, at most 200 epochs, stopping when the training loss has not
 * improved by {@code tol = 1e-4} for 10 epochs in a row ({@code n_iter_no_change}).
 *
 * <p>Differences: scikit-learn's {@code alpha = 1e-4} L2 penalty is left out (it divides alpha by the number of
 * rows, so on these sizes it is negligible; set {@link TrainingConfig#withL2} to add one); features are
 * standardized by default (scikit-learn leaves that to the user); initialization is He-uniform for ReLU
 * (scikit-learn uses Glorot-uniform for every activation).
 */
public final class MlpDefaults {
    private MlpDefaults() {}

    /** The hidden layer sizes: {@code (100,)}. */
    public static int[] hiddenSizes() {
        return new int[] {100};
    }

    /** Adam at lr 1e-3 with PyTorch's (and scikit-learn's) betas and eps. */
    public static OptimizerSpec optimizer() {
        return OptimizerSpec.adam(AdamConfig.adam());
    }

    /** 200 epochs of batches of 200 (a full batch below 200 rows), tol 1e-4 over 10 epochs. */
    public static TrainingConfig training() {
        return TrainingConfig.defaults().withMaxEpochs(200).withBatchSize(200).withTolerance(1e-4, 10);
    }
}
