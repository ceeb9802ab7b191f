package dev.lanewise.model.data;

import java.util.SplittableRandom;

/** Seeded Fisher-Yates shuffles and seed derivation shared by the splits, folds and mini-batches. */
final class Shuffling {
    private Shuffling() {
    }

    /** Shuffles {@code a[from, to)} in place, uniformly, drawing from {@code random}. */
    static void shuffle(int[] a, int from, int to, SplittableRandom random) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** {@code 0..n-1} in a uniformly random order. */
    static int[] permutation(int n, SplittableRandom random) {
        int[] p = identity(n);
        shuffle(p, 0, n, random);
        return p;
    }

    static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    /**
     * An independent seed for stream {@code stream} (an epoch, say) of {@code seed}. Two rounds of the
     * MurmurHash3 finalizer, so that neighbouring seeds and streams give unrelated generators; simply
     * adding the stream to the seed would give {@link SplittableRandom}s whose sequences are shifted copies
     * of each other.
     */
    static long derive(long seed, long stream) {
        return mix(seed ^ mix(stream + 0x9E3779B97F4A7C15L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
