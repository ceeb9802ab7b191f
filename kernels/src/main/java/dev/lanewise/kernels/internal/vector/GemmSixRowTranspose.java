package dev.lanewise.kernels.internal.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Packs six rows of a row-major A into a 6-row panel ({@code dst[to + p * 6 + r] = src[from + r * ld + p]}) by
 * loading each row a whole vector at a time and transposing in registers with two-source permutes
 * ({@link FloatVector#selectFrom(jdk.incubator.vector.Vector, jdk.incubator.vector.Vector)}, one
 * {@code vpermt2ps} each at 512 bits), instead of {@link GemmPacking}'s gathers.
 *
 * <p>Why: packing the forward product's input (A = X, 256 x 784) with gathers took 17% of an MLP training
 * step on a Zen 5 core (JFR), more than a third of the product's own time; in a scratch timer on the same core
 * a 252 x 784 block took 78 us with gathers, 60 us with a scalar loop and 38 us this way. Six sequential
 * row streams also suit the hardware prefetchers better than gathers across six rows. At 256 bits and below
 * the two-source permute has no single instruction and this was slower than the gathers (74 against 62 us
 * under -XX:UseAVX=2), so only the 16-lane copy of the package uses it ({@link #APPLIES}).
 *
 * <p>How: for a run of L = lanes columns, rows r and r + 1 are interleaved into two vectors (columns
 * [0, L/2) and [L/2, L)); the three interleaved pairs then hold the run's 6 L floats, and each output vector
 * (L consecutive panel floats: column e / 6, row e % 6 for its elements e) takes its lanes from the three
 * pairs in two merges. 18 permutes and 6 loads move 96 floats.
 */
final class GemmSixRowTranspose {
    private static final VectorSpecies<Float> S = VectorWidth.FLOAT;
    private static final int LANES = S.length();
    /** Rows of the panels it packs: the wide micro-kernel's MR. */
    static final int ROWS = 6;

    /** Whether {@link GemmPacking} packs 6-row panels of a row-major A this way at this width. */
    static final boolean APPLIES = LANES == 16;

    // Index vectors of selectFrom: lane j takes lane index[j] of the first source (index < L) or of the
    // second (index - L). Interleave: rows r, r + 1 at columns [0, L/2) and [L/2, L).
    private static final FloatVector INTERLEAVE_LOW = interleave(0);
    private static final FloatVector INTERLEAVE_HIGH = interleave(LANES / 2);
    // Output vector w (of 3 per half) merges pair 0 with pair 1, then the result with pair 2.
    private static final FloatVector[] FIRST_MERGE = {merge(0, 0), merge(1, 0), merge(2, 0)};
    private static final FloatVector[] SECOND_MERGE = {merge(0, 1), merge(1, 1), merge(2, 1)};

    private GemmSixRowTranspose() {}

    /**
     * Rows {@code from + r * ld}, r &lt; 6, columns [0, kc) into the panel at {@code to}; kc must be at least
     * the lane count. A last run shorter than a vector is done as the last whole vector of the row, rewriting
     * some panel floats of the run before with the same values.
     */
    static void pack(float[] src, int from, int ld, int kc, float[] dst, int to) {
        FloatVector low = INTERLEAVE_LOW;
        FloatVector high = INTERLEAVE_HIGH;
        FloatVector first0 = FIRST_MERGE[0];
        FloatVector first1 = FIRST_MERGE[1];
        FloatVector first2 = FIRST_MERGE[2];
        FloatVector second0 = SECOND_MERGE[0];
        FloatVector second1 = SECOND_MERGE[1];
        FloatVector second2 = SECOND_MERGE[2];
        for (int p = 0; ; p += LANES) {
            int at = Math.min(p, kc - LANES);
            FloatVector r0 = FloatVector.fromArray(S, src, from + at);
            FloatVector r1 = FloatVector.fromArray(S, src, from + ld + at);
            FloatVector r2 = FloatVector.fromArray(S, src, from + 2 * ld + at);
            FloatVector r3 = FloatVector.fromArray(S, src, from + 3 * ld + at);
            FloatVector r4 = FloatVector.fromArray(S, src, from + 4 * ld + at);
            FloatVector r5 = FloatVector.fromArray(S, src, from + 5 * ld + at);
            int out = to + at * ROWS;
            FloatVector pair0 = low.selectFrom(r0, r1);
            FloatVector pair1 = low.selectFrom(r2, r3);
            FloatVector pair2 = low.selectFrom(r4, r5);
            second0.selectFrom(first0.selectFrom(pair0, pair1), pair2).intoArray(dst, out);
            second1.selectFrom(first1.selectFrom(pair0, pair1), pair2).intoArray(dst, out + LANES);
            second2.selectFrom(first2.selectFrom(pair0, pair1), pair2).intoArray(dst, out + 2 * LANES);
            pair0 = high.selectFrom(r0, r1);
            pair1 = high.selectFrom(r2, r3);
            pair2 = high.selectFrom(r4, r5);
            second0.selectFrom(first0.selectFrom(pair0, pair1), pair2).intoArray(dst, out + 3 * LANES);
            second1.selectFrom(first1.selectFrom(pair0, pair1), pair2).intoArray(dst, out + 4 * LANES);
            second2.selectFrom(first2.selectFrom(pair0, pair1), pair2).intoArray(dst, out + 5 * LANES);
            if (at == kc - LANES) {
                return;
            }
        }
    }

    /** Lane j: column start + j / 2 of the first source (even j) or of the second (odd j). */
    private static FloatVector interleave(int start) {
        float[] index = new float[LANES];
        for (int j = 0; j < LANES; j++) {
            index[j] = start + j / 2 + (j % 2 == 0 ? 0 : LANES);
        }
        return FloatVector.fromArray(S, index, 0);
    }

    /**
     * Output vector w's lane j is panel float e = w L + j of the half: column c = e / 6, row r = e % 6, found in
     * pair r / 2 at lane 2 c + r % 2. Step 0 takes pairs 0 and 1 (other lanes: anything), step 1 keeps step 0's
     * lane or takes pair 2.
     */
    private static FloatVector merge(int w, int step) {
        float[] index = new float[LANES];
        for (int j = 0; j < LANES; j++) {
            int e = w * LANES + j;
            int pair = e % ROWS / 2;
            int lane = 2 * (e / ROWS) + e % 2;
            if (step == 0) {
                index[j] = pair == 0 ? lane : pair == 1 ? LANES + lane : j;
            } else {
                index[j] = pair == 2 ? LANES + lane : j;
            }
        }
        return FloatVector.fromArray(S, index, 0);
    }
}
