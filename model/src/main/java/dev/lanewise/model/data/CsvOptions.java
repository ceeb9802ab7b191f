package dev.lanewise.model.data;

import java.util.Objects;

/**
 * How {@link CsvLoader} reads a file: the task, which column is the target, and whether the first line is
 * a header. Start from {@link #regression()} or {@link #classification()} (target: the last column,
 * header: on) and change what differs:
 * {@code CsvOptions.classification().withTarget("species").withHeader(false)}.
 *
 * @param task   regression or classification
 * @param target which column holds the target
 * @param header whether the first non-empty line names the columns; without one, the columns are named
 *               {@code column_0, column_1, ...} by their position in the file
 */
public record CsvOptions(Task task, TargetColumn target, boolean header) {

    /** Checks that nothing is null. */
    public CsvOptions {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(target, "target");
    }

    /** Regression, target in the last column, with a header. */
    public static CsvOptions regression() {
        return new CsvOptions(Task.REGRESSION, TargetColumn.LAST, true);
    }

    /** Classification, target in the last column, with a header. */
    public static CsvOptions classification() {
        return new CsvOptions(Task.CLASSIFICATION, TargetColumn.LAST, true);
    }

    /** The same options with the target in the column named {@code name} (in the header). */
    public CsvOptions withTarget(String name) {
        return new CsvOptions(task, new TargetColumn.Named(name), header);
    }

    /** The same options with the target in the column at 0-based {@code index}. */
    public CsvOptions withTarget(int index) {
        return new CsvOptions(task, new TargetColumn.At(index), header);
    }

    /** The same options with or without a header line. */
    public CsvOptions withHeader(boolean header) {
        return new CsvOptions(task, target, header);
    }

    /** Which column of the file is the target; every other column is a feature. */
    public sealed interface TargetColumn {
        /** The last column. */
        TargetColumn LAST = new Last();

        /** The last column of the file (the default). */
        record Last() implements TargetColumn {
        }

        /** The column whose header is {@code name}; needs a header. */
        record Named(String name) implements TargetColumn {
            /** Checks that the name is not null. */
            public Named {
                Objects.requireNonNull(name, "name");
            }
        }

        /** The column at 0-based {@code index}. */
        record At(int index) implements TargetColumn {
            /** Checks that the index is not negative. */
            public At {
                if (index < 0) {
                    throw new IllegalArgumentException("target column index must be >= 0, was " + index);
                }
            }
        }
    }
}
