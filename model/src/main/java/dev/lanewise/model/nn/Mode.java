package dev.lanewise.model.nn;

/** Whether a forward pass is part of training (dropout active, batch statistics) or inference. */
public enum Mode {
    TRAIN,
    INFERENCE
}
