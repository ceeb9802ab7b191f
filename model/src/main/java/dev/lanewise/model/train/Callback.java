package dev.lanewise.model.train;

/** Called by the {@link Trainer} as training goes: for progress bars, checkpoints, custom stopping rules. */
public interface Callback {

    /** After each epoch's record is in the history. Return false to stop training after this epoch. */
    boolean onEpochEnd(EpochRecord record);

    /** Once, after the last epoch (also after early stopping), before the trainer returns. */
    default void onTrainEnd(History history) {}
}
