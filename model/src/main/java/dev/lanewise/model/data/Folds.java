package dev.lanewise.model.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded k-fold index generation, as scikit-learn's {@code KFold(shuffle=True)} and
 * {@code StratifiedKFold(shuffle=True)}: every row is in exactly one test fold, and fold {@code i} trains
 * on all the other rows. The same arguments and seed give the same folds.
 */
public final class Folds {
    private Folds() {
    }

    /**
     * {@code k} folds of {@code n} rows shuffled at random. The first {@code n % k} test folds have
     * {@code n / k + 1} rows, the others {@code n / k}.
     *
     * @throws IllegalArgumentException unless {@code 2 <= k <= n}
     */
    public static List<Fold> kFold(int n, int k, long seed) {
        requireFolds(n, k);
        int[] order = Shuffling.permutation(n, new SplittableRandom(seed));
        int[] foldOf = new int[n];
        int start = 0;
        for (int f = 0; f < k; f++) {
            int size = n / k + (f < n % k ? 1 : 0);
            for (int i = start; i < start + size; i++) {
                foldOf[order[i]] = f;
            }
            start += size;
        }
        return folds(foldOf, k);
    }

    /**
     * {@code k} folds that keep each class's proportion, by sklearn's {@code StratifiedKFold} rule: the
     * labels sorted by class are dealt round-robin to the folds (position {@code p} to fold {@code p % k}),
     * which fixes how many rows of each class each test fold gets; then each class's rows are assigned to
     * those places in a random order. Test folds differ in size by at most one row.
     *
     * @param labels class labels {@code >= 0}, one per row
     * @throws IllegalArgumentException unless {@code 2 <= k <= labels.length}, if a label is negative, or if
     *                                  no class has {@code k} rows (sklearn's rule)
     */
    public static List<Fold> stratifiedKFold(int[] labels, int k, long seed) {
        Objects.requireNonNull(labels, "labels");
        int n = labels.length;
        requireFolds(n, k);
        int classes = 0;
        for (int r = 0; r < n; r++) {
            if (labels[r] < 0) {
                throw new IllegalArgumentException("labels[" + r + "] must be >= 0, was " + labels[r]);
            }
            classes = Math.max(classes, labels[r] + 1);
        }
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        int largest = 0;
        for (int count : counts) {
            largest = Math.max(largest, count);
        }
        if (largest < k) {
            throw new IllegalArgumentException("k = " + k + " is more than the rows of every class (at most "
                    + largest + "); a stratified k-fold needs k <= the largest class");
        }

        // take[f][c]: rows of class c in test fold f, from dealing the class-sorted labels round-robin.
        int[][] take = new int[k][classes];
        int position = 0;
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < counts[c]; i++, position++) {
                take[position % k][c]++;
            }
        }

        SplittableRandom random = new SplittableRandom(seed);
        int[][] byClass = Splits.rowsByClass(labels, counts);
        int[] foldOf = new int[n];
        for (int c = 0; c < classes; c++) {
            int[] places = new int[counts[c]];
            int filled = 0;
            for (int f = 0; f < k; f++) {
                for (int i = 0; i < take[f][c]; i++) {
                    places[filled++] = f;
                }
            }
            Shuffling.shuffle(places, 0, places.length, random);
            for (int i = 0; i < places.length; i++) {
                foldOf[byClass[c][i]] = places[i];
            }
        }
        return folds(foldOf, k);
    }

    private static List<Fold> folds(int[] foldOf, int k) {
        int n = foldOf.length;
        int[] testSize = new int[k];
        for (int f : foldOf) {
            testSize[f]++;
        }
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int[] train = new int[n - testSize[f]];
            int[] test = new int[testSize[f]];
            int trainFilled = 0;
            int testFilled = 0;
            for (int r = 0; r < n; r++) {
                if (foldOf[r] == f) {
                    test[testFilled++] = r;
                } else {
                    train[trainFilled++] = r;
                }
            }
            folds.add(new Fold(train, test));
        }
        return List.copyOf(folds);
    }

    private static void requireFolds(int n, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be >= 2, was " + k);
        }
        if (k > n) {
            throw new IllegalArgumentException("k must be <= the number of rows (" + n + "), was " + k);
        }
    }
}
