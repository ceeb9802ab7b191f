package dev.lanewise.model.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The one exception {@link ModelFiles} throws when a model file cannot be saved or loaded: missing, unreadable,
 * not a lanewise model, a format version this lanewise does not read, truncated, corrupt, or a directory that
 * cannot take the file. Its message starts with the file's path and says what is wrong; an underlying I/O error,
 * if any, is its cause.
 *
 * <p>A checked {@link IOException}, like the {@link java.nio.file.Files} methods it wraps, because a bad or
 * missing file is an expected condition the caller must decide about (fall back, retrain, report), not a bug.
 */
public final class ModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Not serialized: {@link Path} is not serializable; the message already names the file. */
    private final transient Path file;

    /**
     * @param file    the model file concerned
     * @param problem what is wrong, without the path (it is prefixed)
     * @param cause   the underlying I/O error, or null
     */
    public ModelFileException(Path file, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.file = file;
    }

    /** Same as {@link #ModelFileException(Path, String, Throwable)} without a cause. */
    public ModelFileException(Path file, String problem) {
        this(file, problem, null);
    }

    /** The model file concerned; null after deserialization. */
    public Path file() {
        return file;
    }
}
