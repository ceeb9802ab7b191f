package dev.lanewise.kernels.internal.vector;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Copies blocks of op(A) and op(B) into the panel layouts the micro-kernels stream through, so that the
 * kernel reads both with unit stride whatever the transposes and leading dimensions, and the tails of a
 * panel are zeros (the kernel then needs no edge cases inside its loop).
 */
final class GemmPacking {
    /** Ints in the index map of {@link #gatherColumns}: up to 32 rows (B's widest panel) of 16 lanes. */
    static final int MAP_INTS = 32 * 16;
    /** Source rows per block of {@link #copyPanelsBlocked}. */
    private static final int P_BLOCK = 64;
    /** Panels per block of {@link #copyPanelsBlocked}. */
    private static final int Q_BLOCK = 16;

    private GemmPacking() {}

    /**
     * op(B)[p0, p0 + kc) x [j0, j0 + nc) as panels of {@code nr} columns: panel q holds, for each p, the
     * {@code nr} floats of row p at {@code dst[dstOff + (q * kc + p) * nr]}, zero past column nc. {@code map} is
     * scratch of {@link #MAP_INTS} ints.
     */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc, int nr, float[] dst,
            int dstOff, int[] map) {
        if (!transB) {
            splitRows(b, bOff + p0 * ldb + j0, ldb, kc, nc, nr, dst, dstOff);
            return;
        }
        // B holds op(B) transposed: column j of op(B) is a contiguous run, read once, written strided.
        gatherMap(ldb, nr, map);
        for (int q = 0, jq = 0; jq < nc; q++, jq += nr) {
            int width = Math.min(nr, nc - jq);
            int base = dstOff + q * kc * nr;
            if (width == nr) {
                gatherColumns(b, bOff + (j0 + jq) * ldb + p0, ldb, nr, kc, map, dst, base);
                continue;
            }
            for (int j = 0; j < width; j++) {
                int from = bOff + (j0 + jq + j) * ldb + p0;
                for (int p = 0; p < kc; p++) {
                    dst[base + p * nr + j] = b[from + p];
                }
            }
            if (width < nr) {
                for (int p = 0; p < kc; p++) {
                    Arrays.fill(dst, base + p * nr + width, base + (p + 1) * nr, 0f);
                }
            }
        }
    }

    /**
     * op(A)[i0, i0 + mc) x [p0, p0 + kc) as panels of {@code mr} rows: panel q holds, for each p, the
     * {@code mr} floats of column p at {@code dst[dstOff + (q * kc + p) * mr]}, zero past row mc. {@code map} is
     * scratch of {@link #MAP_INTS} ints.
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc, int mr, float[] dst,
            int dstOff, int[] map) {
        boolean permute = mr == GemmSixRowTranspose.ROWS && GemmSixRowTranspose.APPLIES && kc >= VectorWidth.FLOAT.length();
        if (!transA && !permute) {
            gatherMap(lda, mr, map);
        }
        int blocked = 0;
        if (transA && mr < VectorWidth.FLOAT.length()) {
            blocked = mc / mr;
            copyPanelsBlocked(a, aOff + p0 * lda + i0, lda, kc, blocked, mr, dst, dstOff);
        }
        for (int q = blocked, iq = blocked * mr; iq < mc; q++, iq += mr) {
            int height = Math.min(mr, mc - iq);
            int base = dstOff + q * kc * mr;
            if (transA) {
                copyRows(a, aOff + p0 * lda + i0 + iq, lda, kc, height, mr, dst, base);
            } else if (height == mr && permute) {
                GemmSixRowTranspose.pack(a, aOff + (i0 + iq) * lda + p0, lda, kc, dst, base);
            } else if (height == mr) {
                gatherColumns(a, aOff + (i0 + iq) * lda + p0, lda, mr, kc, map, dst, base);
            } else {
                for (int r = 0; r < height; r++) {
                    int from = aOff + (i0 + iq + r) * lda + p0;
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * mr + r] = a[from + p];
                    }
                }
                if (height < mr) {
                    for (int p = 0; p < kc; p++) {
                        Arrays.fill(dst, base + p * mr + height, base + (p + 1) * mr, 0f);
                    }
                }
            }
        }
    }

    /**
     * {@code rows} runs of {@code width} floats, {@code ld} apart from {@code from}, into consecutive runs
     * of {@code nr} floats at {@code to}, zero past width. A run no longer than a vector is one whole-vector
     * copy, its extra lanes landing where the zeros or the next run will be written (or past the block:
     * {@code dst} has a vector of slack); A^T's panels are such runs of 6, which a scalar copy moved at a
     * quarter of the speed. Longer runs go as whole vectors and a scalar tail.
     */
    private static void copyRows(float[] src, int from, int ld, int rows, int width, int nr, float[] dst, int to) {
        VectorSpecies<Float> s = VectorWidth.FLOAT;
        int step = s.length();
        int vectors = width / step * step;
        for (int p = 0; p < rows; p++) {
            int in = from + p * ld;
            int out = to + p * nr;
            int j = 0;
            if (nr <= step && in + step <= src.length && out + step <= dst.length) {
                FloatVector.fromArray(s, src, in).intoArray(dst, out);
                j = width;
            }
            for (; j < vectors; j += step) {
                FloatVector.fromArray(s, src, in + j).intoArray(dst, out + j);
            }
            for (; j < width; j++) {
                dst[out + j] = src[in + j];
            }
            for (; j < nr; j++) {
                dst[out + j] = 0f;
            }
        }
    }

    /**
     * The {@code panels} full panels of a transposed A (panel q's row p is the run of mr floats at
     * {@code from + p * ld + q * mr}) in blocks of {@value #Q_BLOCK} panels x {@value #P_BLOCK} rows, each run a
     * whole-vector copy as in {@link #copyRows}. Why blocks: panel by panel, each panel reads one run from every
     * one of kc source rows, rows ld floats apart, so a product's A^T of 256 rows of 784 floats (the MLP's
     * dW = X^T dY) touched a new page at almost every load, and over a hundred panels did that again;
     * blocked, a block's rows and panels stay within the data TLB. Measured on a Zen 5 core (JMH,
     * GemmBenchmark 784x256x256:TN, 1 thread): 615 against 553 us a product, twice each.
     */
    private static void copyPanelsBlocked(float[] src, int from, int ld, int kc, int panels, int mr, float[] dst, int to) {
        VectorSpecies<Float> s = VectorWidth.FLOAT;
        int step = s.length();
        int panelFloats = kc * mr;
        for (int q0 = 0; q0 < panels; q0 += Q_BLOCK) {
            int q1 = Math.min(panels, q0 + Q_BLOCK);
            for (int p0 = 0; p0 < kc; p0 += P_BLOCK) {
                int p1 = Math.min(kc, p0 + P_BLOCK);
                // Whole-vector copies spill into the next rows of the same panel, written later; the panel's
                // last rows would spill into the next panel, written already, so they go exactly.
                int wholeEnd = Math.min(p1, kc - (step + mr - 1) / mr + 1);
                for (int q = q0; q < q1; q++) {
                    int in = from + q * mr;
                    int out = to + q * panelFloats;
                    int p = p0;
                    for (; p < wholeEnd && in + p * ld + step <= src.length; p++) {
                        FloatVector.fromArray(s, src, in + p * ld).intoArray(dst, out + p * mr);
                    }
                    for (; p < p1; p++) {
                        System.arraycopy(src, in + p * ld, dst, out + p * mr, mr);
                    }
                }
            }
        }
    }

    /**
     * Fills {@code map} with the index map of {@link #gatherColumns} for blocks of {@code rows} rows
     * {@code ld} apart: output float e of a block of lanes columns is row e % rows of column e / rows.
     * Made once per packing call, not per panel: it costs a few hundred cycles, as much as a panel of a
     * product with K = 10.
     */
    private static void gatherMap(int ld, int rows, int[] map) {
        int e = 0;
        for (int column = 0; column < VectorWidth.FLOAT.length(); column++) {
            for (int row = 0; row < rows; row++) {
                map[e++] = row * ld + column;
            }
        }
    }

    /**
     * The {@code rows} x {@code kc} block at {@code from} (rows {@code ld} apart) column by column into
     * {@code dst[to + p * rows + r]}. Gathers: each vector of the output takes {@code lanes} consecutive
     * panel floats, which come from up to {@code rows} rows of the source. Measured on a Zen 3 core, 1024 x
     * 1024 A: 0.6 ms against 1.1 ms for the scalar loop, which waits on one source row at a time.
     */
    private static void gatherColumns(float[] src, int from, int ld, int rows, int kc, int[] map, float[] dst, int to) {
        VectorSpecies<Float> s = VectorWidth.FLOAT;
        int lanes = s.length();
        if (kc < lanes) {
            for (int r = 0; r < rows; r++) {
                for (int p = 0; p < kc; p++) {
                    dst[to + p * rows + r] = src[from + r * ld + p];
                }
            }
            return;
        }
        // The last block starts at kc - lanes, rewriting some columns of the one before with the same values:
        // for short K (10 in a classifier's backward pass) a scalar tail cost more than all the gathers.
        for (int p = 0; ; p += lanes) {
            int at = Math.min(p, kc - lanes);
            int out = to + at * rows;
            for (int v = 0; v < rows; v++) {
                FloatVector.fromArray(s, src, from + at, map, v * lanes).intoArray(dst, out + v * lanes);
            }
            if (at == kc - lanes) {
                return;
            }
        }
    }

    /**
     * {@code rows} rows of {@code width} floats, {@code ld} apart from {@code from}, cut into panels of
     * {@code nr} columns: row p's floats [jq, jq + nr) go to {@code dst[to + (jq / nr * rows + p) * nr]}, zero
     * past width. Row by row, so the source is read front to back (panel by panel, it would be read in
     * 64-byte pieces {@code ld} apart, which the prefetchers follow badly).
     */
    private static void splitRows(float[] src, int from, int ld, int rows, int width, int nr, float[] dst, int to) {
        VectorSpecies<Float> s = VectorWidth.FLOAT;
        int step = s.length();
        int full = width - width % nr;
        int panel = rows * nr;
        for (int p = 0; p < rows; p++) {
            int in = from + p * ld;
            int out = to + p * nr;
            int j = 0;
            for (; j < full; j += nr, out += panel) {
                for (int v = 0; v < nr; v += step) {
                    FloatVector.fromArray(s, src, in + j + v).intoArray(dst, out + v);
                }
            }
            if (j < width) {
                int rest = width - j;
                System.arraycopy(src, in + j, dst, out, rest);
                Arrays.fill(dst, out + rest, out + nr, 0f);
            }
        }
    }
}
