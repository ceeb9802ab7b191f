package dev.lanewise.model.estimator;

import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.Scorer;
import dev.lanewise.model.train.TrainingConfig;

/** A model that predicts one float per row. */
public abstract class Regressor extends NetworkEstimator {

    protected Regressor(OptimizerSpec optimizer, TrainingConfig training) {
        super(optimizer, training);
    }

    /** One prediction per row of {@code x}. */
    public float[] predict(Matrix x) {
        Matrix out = outputs(x);
        float[] y = new float[out.rows()];
        for (int r = 0; r < y.length; r++) {
            y[r] = out.get(r, 0);
        }
        return y;
    }

    @Override
    protected final int outputsFor(Dataset train) {
        return 1;
    }

    @Override
    protected final boolean isClassifier() {
        return false;
    }

    @Override
    protected Scorer scorer() {
        return Scorers.R2;
    }
}
