package dev.lanewise.harness.linear;

import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.TrainTestSplit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The train and test row indices of a split made elsewhere (scikit-learn's {@code train_test_split}, written
 * by {@code peers/sklearn/linear_models.py --splits-dir}), so that lanewise and its peer are scored on the
 * very same rows. The file has a line {@code train i,j,...} and a line {@code test k,l,...} of 0-based rows of
 * the CSV file; lines starting with {@code #} are comments.
 *
 * @param source where the indices came from, for messages and reports
 */
public record SplitIndices(String source, int[] train, int[] test) {

    public SplitIndices {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }

    /** Reads a split file; refuses a missing line, a non-integer or a row in both parts. */
    public static SplitIndices read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int[] train = null;
        int[] test = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] keyAndValues = line.split("\\s+", 2);
            int[] values = parse(file, i + 1, keyAndValues.length > 1 ? keyAndValues[1] : "");
            switch (keyAndValues[0]) {
                case "train" -> train = values;
                case "test" -> test = values;
                default -> throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 'train' or 'test', was '"
                        + keyAndValues[0] + "'");
            }
        }
        if (train == null || test == null) {
            throw new IllegalArgumentException(file + " needs a 'train' line and a 'test' line");
        }
        return new SplitIndices(file.toString(), train, test);
    }

    /** The two parts of {@code data}, rows in the order the file gives. */
    public TrainTestSplit apply(Dataset data) {
        int rows = data.rows();
        boolean[] seen = new boolean[rows];
        for (int[] part : List.of(train, test)) {
            for (int row : part) {
                if (row < 0 || row >= rows) {
                    throw new IllegalArgumentException(source + ": row " + row + " is outside 0.." + (rows - 1));
                }
                if (seen[row]) {
                    throw new IllegalArgumentException(source + ": row " + row + " appears twice");
                }
                seen[row] = true;
            }
        }
        return new TrainTestSplit(data.select(train), data.select(test));
    }

    private static int[] parse(Path file, int line, String values) {
        try {
            return values.isBlank() ? new int[0] : Arrays.stream(values.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ": not a list of integers: " + e.getMessage());
        }
    }
}
