package dev.lanewise.harness.cli;

/**
 * A mistake the user can fix (a missing file, a column that is not there, an option that does not apply):
 * the command line reports its message as one line on stderr, without a stack trace.
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
