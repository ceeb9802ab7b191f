package dev.lanewise.harness.cli;

import dev.lanewise.model.data.Matrix;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header, as text cells, for {@code predict} and {@code evaluate}: they pick a saved model's
 * feature columns by name (in any order, other columns ignored), so a file with the target column, or with
 * columns in another order than in training, still works. The same reading rules as
 * {@link dev.lanewise.model.data.CsvLoader}: RFC 4180, cells trimmed, empty lines skipped, a UTF-8 byte
 * order mark dropped, numbers strictly decimal.
 */
final class CsvTable {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).build();
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private final String source;
    private final List<String> header;
    private final List<String[]> rows;
    private final List<Long> lines;

    private CsvTable(String source, List<String> header, List<String[]> rows, List<Long> lines) {
        this.source = source;
        this.header = header;
        this.rows = rows;
        this.lines = lines;
    }

    /**
     * Reads the whole file.
     *
     * @throws UserError if it is missing, empty, has no data rows, or a row has another number of cells than the header
     */
    static CsvTable read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserError("CSV file not found: " + file);
        }
        String source = file.toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(withoutByteOrderMark(reader), FORMAT)) {
            List<String> header = null;
            List<String[]> rows = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                String[] cells = record.values();
                if (header == null) {
                    header = List.of(cells);
                    continue;
                }
                long line = parser.getCurrentLineNumber();
                if (cells.length != header.size()) {
                    throw new UserError(source + " line " + line + ": " + cells.length + " cells where the header has "
                            + header.size());
                }
                rows.add(cells);
                lines.add(line);
            }
            if (header == null) {
                throw new UserError(source + " is empty: no header line");
            }
            if (rows.isEmpty()) {
                throw new UserError(source + " has no data rows after the header");
            }
            return new CsvTable(source, header, rows, lines);
        } catch (UncheckedIOException e) {
            // Commons CSV reports malformed quoting this way.
            throw new UserError(source + ": " + e.getCause().getMessage(), e);
        }
    }

    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        java.io.PushbackReader in = new java.io.PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }

    String source() {
        return source;
    }

    List<String> header() {
        return header;
    }

    int rows() {
        return rows.size();
    }

    /**
     * The 0-based column that {@code --target} names: a 0-based index where the value is a non-negative integer,
     * else a column name; null means the last column (as {@code train} reads it).
     */
    int targetColumn(String target) {
        if (target == null) {
            return header.size() - 1;
        }
        if (target.matches("\\d+")) {
            int index = Integer.parseInt(target);
            if (index < header.size()) {
                return index;
            }
            throw new UserError("--target " + target + ": " + source + " has " + header.size() + " columns (0.."
                    + (header.size() - 1) + ")");
        }
        int named = header.indexOf(target);
        if (named < 0) {
            throw new UserError("--target '" + target + "': " + source + " has no such column; its columns are "
                    + abbreviated(header));
        }
        return named;
    }

    /**
     * The named columns as a row-major matrix, in the order of {@code names}.
     *
     * @throws UserError naming the columns the file lacks, or the line, column and value of a cell that is not a
     *                   finite decimal number
     */
    Matrix features(List<String> names) {
        int[] columns = new int[names.size()];
        List<String> missing = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            columns[j] = header.indexOf(names.get(j));
            if (columns[j] < 0) {
                missing.add(names.get(j));
            }
        }
        if (!missing.isEmpty()) {
            throw new UserError(source + " does not match the model: it lacks " + missing.size() + " of the model's "
                    + names.size() + " feature columns: " + abbreviated(missing) + " (its columns: " + abbreviated(header) + ")");
        }
        Matrix x = Matrix.zeros(rows.size(), names.size());
        for (int r = 0; r < rows.size(); r++) {
            for (int j = 0; j < columns.length; j++) {
                x.set(r, j, number(r, columns[j]));
            }
        }
        return x;
    }

    /** The column's cells, as text. */
    String[] column(int c) {
        String[] out = new String[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = rows.get(r)[c];
        }
        return out;
    }

    /** The column's cells as finite floats. */
    float[] numbers(int c) {
        float[] out = new float[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = number(r, c);
        }
        return out;
    }

    /** Where a cell is, for messages: {@code file line 7, column 'bmi'}. */
    String where(int row, int column) {
        return source + " line " + lines.get(row) + ", column '" + header.get(column) + "'";
    }

    private float number(int row, int column) {
        String cell = rows.get(row)[column];
        if (!DECIMAL.matcher(cell).matches()) {
            throw new UserError(where(row, column) + ": '" + cell + "' is not a number");
        }
        float v = Float.parseFloat(cell);
        if (Float.isInfinite(v)) {
            throw new UserError(where(row, column) + ": " + cell + " is beyond the float range");
        }
        return v;
    }

    /** At most eight names, then how many more: digits has 64 columns, and the message must stay readable. */
    static String abbreviated(List<String> names) {
        if (names.size() <= 8) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 8)) + ", ... (" + names.size() + " in all)";
    }
}
