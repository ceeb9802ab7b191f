package dev.lanewise.model.data;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads a CSV file into a {@link Dataset}: numeric feature columns and one target column, chosen by
 * {@link CsvOptions}. Parsing (quotes, line ends) is Apache Commons CSV's, with RFC 4180 rules, cells
 * trimmed of surrounding blanks, and empty lines skipped; a UTF-8 byte order mark is dropped.
 *
 * <ul>
 *   <li>Features: every column but the target. A cell must be a decimal number ({@code -1}, {@code 2.5},
 *       {@code .5e-3}); it is rounded once to the nearest {@code float}. Empty cells, {@code NaN},
 *       {@code Infinity} and values beyond the {@code float} range are refused.</li>
 *   <li>Regression targets: numbers, as features are.</li>
 *   <li>Classification targets: any non-empty text, mapped to classes {@code 0..k-1} by
 *       {@link LabelMapping#sortedFrom}: integers sorted numerically, other labels sorted lexically.</li>
 * </ul>
 *
 * <p>Any problem with the content throws a {@link CsvFormatException} naming the file, the 1-based line
 * (for a quoted cell spanning lines, the record's last line), the column and the value. Nothing is
 * half-loaded: the whole file is read into local buffers and the dataset is built only at the end.
 */
public final class CsvLoader {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .build();
    // What a CSV number looks like; stricter than Float.parseFloat, which also takes "1f", "0x1p3", "NaN".
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvLoader() {
    }

    /**
     * Loads the UTF-8 file at {@code path}; messages name it as {@code path.toString()}.
     *
     * @throws IOException         if the file cannot be read
     * @throws CsvFormatException  if its content cannot become a dataset
     */
    public static Dataset load(Path path, CsvOptions options) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return load(reader, path.toString(), options);
        }
    }

    /**
     * Loads CSV text from {@code reader}, read to its end; the caller closes it.
     *
     * @param sourceName the name messages give the text, such as its file name
     * @throws IOException         if the reader fails
     * @throws CsvFormatException  if the content cannot become a dataset
     */
    public static Dataset load(Reader reader, String sourceName, CsvOptions options) throws IOException {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(options, "options");
        // Not closed here: closing the parser would close the caller's reader.
        CSVParser parser = CSVParser.parse(withoutByteOrderMark(reader), FORMAT);
        return new Reading(parser, sourceName, options).read();
    }

    /** Drops a leading byte order mark, which would otherwise stick to the first name and hide its quotes. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            in.unread(first);
        }
        return in;
    }

    /** The state of one load: the parser, the header, and the growing buffers. */
    private static final class Reading {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final String source;
        private final CsvOptions options;
        private List<String> header;
        private long headerLine;
        private int targetColumn;
        private float[] features = new float[1024];
        private float[] targets;
        private List<String> labels;
        private int rows;

        Reading(CSVParser parser, String source, CsvOptions options) {
            this.parser = parser;
            this.records = parser.iterator();
            this.source = source;
            this.options = options;
        }

        Dataset read() throws IOException {
            String[] first = next();
            if (first == null) {
                throw new CsvFormatException(source, 0, -1, null, null,
                        options.header() ? "empty file: no header line" : "empty file: no rows");
            }
            headerLine = parser.getCurrentLineNumber();
            String[] firstRow = null;
            if (options.header()) {
                header = List.of(first);
            } else {
                header = new ArrayList<>(first.length);
                for (int c = 0; c < first.length; c++) {
                    header.add("column_" + c);
                }
                firstRow = first;
            }
            if (header.size() < 2) {
                throw new CsvFormatException(source, headerLine, -1, null, null, "needs at least one feature column"
                        + " and the target column, found " + header.size() + " column(s): " + header);
            }
            targetColumn = targetColumn();
            if (options.task() == Task.REGRESSION) {
                targets = new float[256];
            } else {
                labels = new ArrayList<>();
            }

            if (firstRow != null) {
                addRow(firstRow, headerLine);
            }
            for (String[] row = next(); row != null; row = next()) {
                addRow(row, parser.getCurrentLineNumber());
            }
            if (rows == 0) {
                throw new CsvFormatException(source, headerLine, -1, null, null, "no data rows after the header");
            }
            return build();
        }

        private Dataset build() {
            int cols = header.size() - 1;
            Matrix x = Matrix.wrap(Arrays.copyOf(features, rows * cols), rows, cols);
            List<String> names = new ArrayList<>(header);
            names.remove(targetColumn);
            if (options.task() == Task.REGRESSION) {
                return Dataset.regression(x, Arrays.copyOf(targets, rows), names);
            }
            LabelMapping mapping = LabelMapping.sortedFrom(labels);
            int[] y = new int[rows];
            for (int r = 0; r < rows; r++) {
                y[r] = mapping.classOf(labels.get(r));
            }
            return Dataset.classification(x, y, mapping, names);
        }

        private void addRow(String[] row, long line) {
            int width = header.size();
            if (row.length != width) {
                boolean missing = row.length < width;
                throw new CsvFormatException(source, line, missing ? row.length : width,
                        missing ? header.get(row.length) : null,
                        String.join(",", row),
                        (missing ? "missing: the row has " : "has no header: the row has ") + row.length
                                + " cells where " + (options.header() ? "the header" : "the first row")
                                + " (line " + headerLine + ") has " + width + ": " + Arrays.toString(row));
            }
            int cols = width - 1;
            if ((long) (rows + 1) * cols > features.length) {
                features = Arrays.copyOf(features, grow(features.length, (long) (rows + 1) * cols));
            }
            int at = rows * cols;
            for (int c = 0; c < width; c++) {
                if (c == targetColumn) {
                    continue;
                }
                features[at++] = number(row[c], line, c);
            }
            String target = row[targetColumn];
            if (targets != null) {
                if (rows == targets.length) {
                    targets = Arrays.copyOf(targets, grow(targets.length, rows + 1));
                }
                targets[rows] = number(target, line, targetColumn);
            } else {
                if (target.isEmpty()) {
                    throw new CsvFormatException(source, line, targetColumn, header.get(targetColumn), target,
                            "empty class label");
                }
                labels.add(target);
            }
            rows++;
        }

        private float number(String cell, long line, int column) {
            if (cell.isEmpty()) {
                throw new CsvFormatException(source, line, column, header.get(column), cell, "empty cell, a number is needed");
            }
            if (!DECIMAL.matcher(cell).matches()) {
                throw new CsvFormatException(source, line, column, header.get(column), cell, "not a number: \"" + cell + "\"");
            }
            float value = Float.parseFloat(cell);
            if (Float.isInfinite(value)) {
                throw new CsvFormatException(source, line, column, header.get(column), cell,
                        "beyond the float range: \"" + cell + "\"");
            }
            return value;
        }

        private int targetColumn() {
            int width = header.size();
            return switch (options.target()) {
                case CsvOptions.TargetColumn.Last last -> width - 1;
                case CsvOptions.TargetColumn.At at -> {
                    if (at.index() >= width) {
                        throw new CsvFormatException(source, headerLine, at.index(), null, Integer.toString(at.index()),
                                "no target column at index " + at.index() + ": the file has " + width
                                        + " columns (0.." + (width - 1) + ")");
                    }
                    yield at.index();
                }
                case CsvOptions.TargetColumn.Named named -> {
                    int index = header.indexOf(named.name());
                    if (index < 0) {
                        throw new CsvFormatException(source, headerLine, -1, named.name(), named.name(),
                                "no target column named '" + named.name() + "'; the columns are " + header);
                    }
                    if (header.lastIndexOf(named.name()) != index) {
                        throw new CsvFormatException(source, headerLine, index, named.name(), named.name(),
                                "the target column name '" + named.name() + "' is not unique: columns " + index
                                        + " and " + header.lastIndexOf(named.name()) + " have it");
                    }
                    yield index;
                }
            };
        }

        /** The next record's cells, or null at the end; the library's parse errors become ours. */
        private String[] next() throws IOException {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CSVException malformed) {
                    throw new CsvFormatException(source, parser.getCurrentLineNumber(), -1, null, null,
                            "malformed CSV: " + malformed.getMessage());
                }
                throw e.getCause();
            }
            return record.values();
        }

        private static int grow(int length, long needed) {
            long grown = Math.max(needed, 2L * length);
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("the file has more cells than an array can hold");
            }
            return (int) Math.min(grown, Integer.MAX_VALUE - 8);
        }
    }
}
