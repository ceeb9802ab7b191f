package dev.lanewise.model.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded random splits of a dataset into train / test or train / validation / test parts, optionally
 * stratified. Split first, then fit a {@link Standardizer} on the training part only.
 *
 * <p><b>Sizes</b>, as scikit-learn's {@code train_test_split}: a part of fraction {@code f} of {@code n}
 * rows gets {@code ceil(f * n)} rows (the product computed in {@code double}), and the training part gets
 * the rest. So 569 rows with {@code testFraction = 0.25} give 143 test and 426 training rows.
 *
 * <p><b>Stratified</b> splits keep each class's proportion in every part, as sklearn's
 * {@code StratifiedShuffleSplit}: first the training part takes from class {@code i} (of {@code c_i} rows out of
 * {@code n}) {@code floor(c_i * size / n)} rows, and the rows still missing go one each to the classes with
 * the largest remainders of {@code c_i * size / n}, ties broken at random (seeded); then the validation part
 * takes its share of what is left the same way, and the test part takes the rest. Within a class, which
 * rows go where is random. As in sklearn, every class needs at least 2 rows and every part at least one row
 * per class.
 *
 * <p>The rows of each part come in a random order. The same dataset, fractions and seed give the same
 * parts, bit for bit.
 */
public final class Splits {
    private Splits() {
    }

    /**
     * Splits {@code data} into {@code ceil(testFraction * rows)} test rows and the rest for training.
     *
     * @param stratify keep each class's proportion in both parts (classification only)
     * @throws IllegalArgumentException if {@code testFraction} is not in (0, 1), a part would be empty, or
     *                                  {@code stratify} is asked of a regression dataset or cannot be met
     */
    public static TrainTestSplit trainTest(Dataset data, double testFraction, long seed, boolean stratify) {
        Objects.requireNonNull(data, "data");
        requireFraction("testFraction", testFraction);
        int n = data.rows();
        int test = (int) Math.ceil(testFraction * n);
        int[][] parts = partition(data, new String[] {"train", "test"}, new int[] {n - test, test}, seed, stratify);
        return new TrainTestSplit(data.select(parts[0]), data.select(parts[1]));
    }

    /**
     * Splits {@code data} into {@code ceil(validationFraction * rows)} validation rows,
     * {@code ceil(testFraction * rows)} test rows, and the rest for training.
     *
     * @param stratify keep each class's proportion in all three parts (classification only)
     * @throws IllegalArgumentException if a fraction is not in (0, 1), they add up to 1 or more, a part
     *                                  would be empty, or {@code stratify} is asked of a regression dataset
     *                                  or cannot be met
     */
    public static TrainValidationTestSplit trainValidationTest(Dataset data, double validationFraction,
                                                               double testFraction, long seed, boolean stratify) {
        Objects.requireNonNull(data, "data");
        requireFraction("validationFraction", validationFraction);
        requireFraction("testFraction", testFraction);
        if (validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("validationFraction + testFraction must be < 1, was "
                    + validationFraction + " + " + testFraction + " = " + (validationFraction + testFraction));
        }
        int n = data.rows();
        int validation = (int) Math.ceil(validationFraction * n);
        int test = (int) Math.ceil(testFraction * n);
        int[][] parts = partition(data, new String[] {"train", "validation", "test"},
                new int[] {n - validation - test, validation, test}, seed, stratify);
        return new TrainValidationTestSplit(data.select(parts[0]), data.select(parts[1]), data.select(parts[2]));
    }

    /** Row indices for each part, of the given sizes (which add up to {@code data.rows()}). */
    static int[][] partition(Dataset data, String[] names, int[] sizes, long seed, boolean stratify) {
        for (int p = 0; p < sizes.length; p++) {
            if (sizes[p] <= 0) {
                throw new IllegalArgumentException("the " + names[p] + " part would be empty: " + data.rows()
                        + " rows split as " + describe(names, sizes));
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[][] parts = stratify ? stratified(data, names, sizes, random) : shuffled(data.rows(), sizes, random);
        for (int[] part : parts) {
            Shuffling.shuffle(part, 0, part.length, random);
        }
        return parts;
    }

    private static int[][] shuffled(int n, int[] sizes, SplittableRandom random) {
        int[] order = Shuffling.permutation(n, random);
        int[][] parts = new int[sizes.length][];
        int start = 0;
        for (int p = 0; p < sizes.length; p++) {
            parts[p] = Arrays.copyOfRange(order, start, start + sizes[p]);
            start += sizes[p];
        }
        return parts;
    }

    private static int[][] stratified(Dataset data, String[] names, int[] sizes, SplittableRandom random) {
        if (!data.isClassification()) {
            throw new IllegalArgumentException("stratify needs a classification dataset, this one is " + data.task());
        }
        int[] counts = data.classCounts();
        int present = 0;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 1) {
                throw new IllegalArgumentException("class " + c + " '" + data.labelMapping().nameOf(c)
                        + "' has only 1 row; a stratified split needs at least 2 rows per class");
            }
            present += counts[c] > 0 ? 1 : 0;
        }
        for (int p = 0; p < sizes.length; p++) {
            if (sizes[p] < present) {
                throw new IllegalArgumentException("the " + names[p] + " part (" + sizes[p] + " rows) must have at"
                        + " least one row per class (" + present + " classes): " + describe(names, sizes));
            }
        }

        // How many rows of each class each part takes.
        int[][] take = new int[sizes.length][];
        int[] left = counts.clone();
        for (int p = 0; p < sizes.length - 1; p++) {
            take[p] = largestRemainder(left, sizes[p], random);
            for (int c = 0; c < left.length; c++) {
                left[c] -= take[p][c];
            }
        }
        take[sizes.length - 1] = left;

        // Each class's rows in a random order, dealt to the parts in turn.
        int[][] byClass = rowsByClass(data.labels(), counts);
        int[][] parts = new int[sizes.length][];
        int[] filled = new int[sizes.length];
        for (int p = 0; p < sizes.length; p++) {
            parts[p] = new int[sizes[p]];
        }
        for (int c = 0; c < counts.length; c++) {
            int[] rows = byClass[c];
            Shuffling.shuffle(rows, 0, rows.length, random);
            int start = 0;
            for (int p = 0; p < sizes.length; p++) {
                System.arraycopy(rows, start, parts[p], filled[p], take[p][c]);
                filled[p] += take[p][c];
                start += take[p][c];
            }
        }
        return parts;
    }

    /**
     * {@code draws} rows shared among classes of {@code counts} rows in proportion to their counts:
     * floors first, then one more to each of the classes with the largest remainders, equal remainders in a
     * random order (sklearn's {@code _approximate_mode}). Exact integer arithmetic, so ties are exact.
     */
    static int[] largestRemainder(int[] counts, int draws, SplittableRandom random) {
        long total = 0;
        for (int count : counts) {
            total += count;
        }
        int[] take = new int[counts.length];
        long[] remainder = new long[counts.length];
        int missing = draws;
        for (int c = 0; c < counts.length; c++) {
            long share = (long) counts[c] * draws;
            take[c] = (int) (share / total);
            remainder[c] = share % total;
            missing -= take[c];
        }
        // A random order of the classes, then a stable sort by remainder: ties stay in random order.
        Integer[] order = new Integer[counts.length];
        int[] shuffled = Shuffling.permutation(counts.length, random);
        for (int c = 0; c < counts.length; c++) {
            order[c] = shuffled[c];
        }
        Arrays.sort(order, (a, b) -> Long.compare(remainder[b], remainder[a]));
        for (int i = 0; i < missing; i++) {
            take[order[i]]++;
        }
        return take;
    }

    static int[][] rowsByClass(int[] labels, int[] counts) {
        int[][] byClass = new int[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] filled = new int[counts.length];
        for (int r = 0; r < labels.length; r++) {
            byClass[labels[r]][filled[labels[r]]++] = r;
        }
        return byClass;
    }

    private static void requireFraction(String name, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), was " + fraction);
        }
    }

    private static String describe(String[] names, int[] sizes) {
        StringBuilder out = new StringBuilder();
        for (int p = 0; p < sizes.length; p++) {
            out.append(p == 0 ? "" : ", ").append(names[p]).append(' ').append(sizes[p]);
        }
        return out.toString();
    }
}
