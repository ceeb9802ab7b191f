package dev.lanewise.harness.cli;

import dev.lanewise.model.data.CsvFormatException;
import dev.lanewise.model.io.ModelFileException;
import dev.lanewise.model.train.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.NoSuchElementException;
import picocli.CommandLine;

/**
 * How every command reports a failure: one line on stderr, {@code lanewise <command>: <what went wrong>},
 * and a non-zero exit code (2 for a bad command line, 1 for anything else), never a stack trace. Set the
 * system property {@code lanewise.stacktrace=true} to get the stack trace too (for bug reports).
 */
public final class ErrorReporting {
    /** Exit code of a command line picocli could not parse, or an option value the command refused. */
    public static final int USAGE = 2;
    /** Exit code of a command that failed while it ran. */
    public static final int FAILED = 1;

    private ErrorReporting() {}

    /** Installs both handlers on {@code commandLine} (and, through picocli, on its subcommands). */
    public static CommandLine install(CommandLine commandLine) {
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine where = e.getCommandLine();
            report(where.getErr(), where, e.getMessage() + " (see " + where.getCommandSpec().qualifiedName() + " --help)", e);
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, where, parseResult) -> {
            report(where.getErr(), where, describe(e), e);
            return FAILED;
        });
        return commandLine;
    }

    private static void report(PrintWriter err, CommandLine where, String message, Throwable e) {
        err.println(where.getCommandSpec().qualifiedName() + ": " + oneLine(message));
        if (Boolean.getBoolean("lanewise.stacktrace")) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    /** What went wrong, in words a user can act on. */
    static String describe(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return describe(u.getCause());
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof NotDirectoryException n) {
            return "not a directory: " + n.getFile();
        }
        if (e instanceof FileAlreadyExistsException f) {
            return "already exists: " + f.getFile();
        }
        if (isUserMistake(e) && e.getMessage() != null) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return "I/O error: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
        // A bug, not a user's mistake: still one line, naming the exception so that it can be reported.
        return "internal error (" + e.getClass().getName() + (e.getMessage() != null ? ": " + e.getMessage() : "")
                + "); run with -Dlanewise.stacktrace=true for details";
    }

    /** Exceptions whose message already says, in a user's terms, what is wrong with an input. */
    private static boolean isUserMistake(Throwable e) {
        return e instanceof UserError || e instanceof CsvFormatException || e instanceof ModelFileException
                || e instanceof TrainingDivergedException || e instanceof IllegalArgumentException
                || e instanceof NoSuchElementException || e instanceof IllegalStateException;
    }

    /** Collapses line breaks and runs of blanks, so the report is exactly one line. */
    static String oneLine(String message) {
        return message == null ? "failed" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
