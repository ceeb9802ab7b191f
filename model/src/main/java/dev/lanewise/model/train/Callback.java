package dev.lanewise.model.train;

/**
 * Called by the {@link Trainer} as training goes: for progress lines ({@link ProgressLogger}), checkpoints
 * ({@link Checkpoint}), custom stopping rules.
 */
public interface Callback {

    /**
     * Once, after the trainer has checked its arguments and before the first step. Throw to refuse the run:
     * nothing has been trained yet, and an estimator that was fitting stays as it was.
     */
    default void onTrainBegin(TrainingStart start) {}

    /** After each epoch's record is in the history. Return false to stop training after this epoch. */
    boolean onEpochEnd(EpochRecord record);

    /** Once, after the last epoch (also after early stopping), before the trainer returns. */
    default void onTrainEnd(History history) {}
}
