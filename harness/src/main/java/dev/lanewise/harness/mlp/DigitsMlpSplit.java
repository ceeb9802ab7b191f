package dev.lanewise.harness.mlp;

import dev.lanewise.harness.linear.BundledData;
import dev.lanewise.harness.linear.SplitIndices;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Splits;
import dev.lanewise.model.data.TrainTestSplit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The digits rows of the MLP fit comparison (pixels / 16): the test rows, the training rows, and the training
 * rows cut into the rows fitted on and the validation rows of early stopping.
 *
 * <p>With a folder of split files (written by {@code peers/sklearn/mlp_digits.py --splits-dir}) the rows are
 * scikit-learn's: {@code digits.split} (its 80/20 {@code train_test_split}) and {@code digits-validation.split}
 * (the 10% that {@code MLPClassifier(early_stopping=True)} holds out). Without one, lanewise's own seeded,
 * stratified splits of the same sizes.
 *
 * @param train       every training row (what {@code fit} is given in scikit-learn)
 * @param fit         the training rows the network is fitted on (all of {@code train} without early stopping)
 * @param validation  the validation rows, or null where the stopping rule needs none
 * @param test        the held-out rows scored at the end
 * @param description where the rows came from, for the report
 */
public record DigitsMlpSplit(Dataset train, Dataset fit, Dataset validation, Dataset test, String description) {
    /** The held-out fraction and seed of lanewise's own splits (scikit-learn's script uses 0.2 and 42 too). */
    public static final double TEST_FRACTION = 0.2;
    public static final long SPLIT_SEED = 42;
    /** scikit-learn's {@code validation_fraction}. */
    public static final double VALIDATION_FRACTION = 0.1;

    public DigitsMlpSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Loads digits and splits it.
     *
     * @param splitsDir a folder holding {@code digits.split} (and, where the rule validates, {@code
     *                  digits-validation.split}), or null
     * @param rule      whether validation rows are held out
     */
    public static DigitsMlpSplit load(Path splitsDir, StoppingRule rule) throws IOException {
        Dataset data = BundledData.digits();
        if (splitsDir != null) {
            Path outerFile = splitsDir.resolve("digits.split");
            SplitIndices outerRows = SplitIndices.read(outerFile);
            TrainTestSplit outer = outerRows.apply(data);
            String description = "scikit-learn's rows (" + outerFile.getFileName();
            if (!rule.usesValidation()) {
                return new DigitsMlpSplit(outer.train(), outer.train(), null, outer.test(), description + "); no validation rows");
            }
            Path innerFile = splitsDir.resolve("digits-validation.split");
            SplitIndices innerRows = SplitIndices.read(innerFile);
            int[] trainRows = outerRows.train().clone();
            int[] innerUnion = IntStream.concat(Arrays.stream(innerRows.train()), Arrays.stream(innerRows.test())).toArray();
            Arrays.sort(trainRows);
            Arrays.sort(innerUnion);
            if (!Arrays.equals(trainRows, innerUnion)) {
                throw new IllegalArgumentException(innerFile + " must split exactly the " + trainRows.length
                        + " training rows of " + outerFile + "; it holds " + innerUnion.length + " rows, not all of them those");
            }
            TrainTestSplit inner = innerRows.apply(data);
            return new DigitsMlpSplit(outer.train(), inner.train(), inner.test(), outer.test(),
                    description + ", " + innerFile.getFileName() + ")");
        }
        TrainTestSplit outer = Splits.trainTest(data, TEST_FRACTION, SPLIT_SEED, true);
        String description = "lanewise Splits.trainTest(" + TEST_FRACTION + ", seed " + SPLIT_SEED + ", stratified)";
        if (!rule.usesValidation()) {
            return new DigitsMlpSplit(outer.train(), outer.train(), null, outer.test(), description + "; no validation rows");
        }
        TrainTestSplit inner = Splits.trainTest(outer.train(), VALIDATION_FRACTION, SPLIT_SEED, true);
        description += ", then " + VALIDATION_FRACTION + " of the training rows for validation";
        return new DigitsMlpSplit(outer.train(), inner.train(), inner.test(), outer.test(), description);
    }
}
