package dev.lanewise.model.train;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the model being trained to a file, as it is at that moment: what a {@link Checkpoint} calls. An
 * estimator's {@code save} is one ({@code model::save}); it should write atomically, as
 * {@link dev.lanewise.model.io.ModelFiles#save} does, so that a crash mid-save keeps the previous checkpoint.
 */
@FunctionalInterface
public interface ModelSaver {

    /** Writes the model, as it is now, to {@code path}, replacing any file there. */
    void save(Path path) throws IOException;
}
