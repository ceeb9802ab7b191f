package dev.lanewise.model.data;

/**
 * A CSV file's content cannot become a dataset: a ragged row, a cell that is not a number, an empty file,
 * a missing target column, malformed quoting. The message names the file, the 1-based line, the column
 * (0-based index and header name) and the offending value, where they apply; the accessors give them
 * one by one.
 *
 * <p>Unchecked, as an {@link IllegalArgumentException}: the content is a bad argument, as it is for the
 * rest of lanewise's validation. An {@link java.io.IOException} from {@link CsvLoader} means the file could
 * not be read at all. (Not named {@code DataFormatException}, which {@code java.util.zip} already has as a
 * checked exception.)
 */
public final class CsvFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final int column;
    private final String columnName;
    private final String value;

    CsvFormatException(String source, long line, int column, String columnName, String value, String problem) {
        super(message(source, line, column, columnName, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.columnName = columnName;
        this.value = value;
    }

    /** The file's display name. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, or 0 where there is no line (an empty file). */
    public long line() {
        return line;
    }

    /** The 0-based column of the problem, or -1 where no one column is at fault. */
    public int column() {
        return column;
    }

    /** The header name of {@link #column()}, or null where it has none. */
    public String columnName() {
        return columnName;
    }

    /** The offending cell or argument as text, or null where there is none. */
    public String value() {
        return value;
    }

    private static String message(String source, long line, int column, String columnName, String problem) {
        StringBuilder where = new StringBuilder(source);
        if (line > 0) {
            where.append(", line ").append(line);
        }
        if (column >= 0) {
            where.append(", column ").append(column);
            if (columnName != null) {
                where.append(" '").append(columnName).append('\'');
            }
        }
        return where.append(": ").append(problem).toString();
    }
}
