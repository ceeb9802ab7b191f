package dev.lanewise.model.train;

import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.nn.Sequential;

/** The metric a trainer records each epoch (accuracy for a classifier, R² for a regressor). */
public interface Scorer {

    /** The metric's name in the history, e.g. {@code accuracy}. */
    String name();

    /** The metric of the network on these rows (inference mode). */
    double score(Sequential network, Dataset data);
}
