package dev.lanewise.kernels.internal.vector;

import dev.lanewise.kernels.internal.FmaPolicy;

/**
 * The edge tiles of the micro-kernels ({@link GemmMicroKernels}): tiles cut by the bottom or right border of
 * C, which the kernel spills into a scratch tile (its part's, from its workspace) instead of storing its
 * registers directly.
 */
final class GemmTile {
    /**
     * Floats in the scratch tile: enough for 32 vectors of 16 lanes, such as 8 rows x 4 vectors (the
     * generator refuses larger shapes). Row-major with any row length up to the widest kernel's.
     */
    static final int MAX_TILE = 8 * 4 * 16;

    private GemmTile() {}

    /**
     * {@code C = alpha * tile + scaleC * C} (only {@code alpha * tile} when {@code !readC}) over the first
     * {@code rows} x {@code cols} of a tile with rows {@code nr} floats long. Per element exactly the
     * arithmetic of the kernels' full-tile store, so an element of C gets the same bits on either path.
     */
    static void storeEdge(float[] tile, int nr, int rows, int cols, float alpha, float scaleC, boolean readC,
            float[] c, int cBase, int ldc) {
        int width = Math.min(cols, nr);
        for (int r = 0; r < rows; r++) {
            int row = cBase + r * ldc;
            for (int j = 0; j < width; j++) {
                float acc = tile[r * nr + j];
                c[row + j] = readC ? FmaPolicy.fma(acc, alpha, c[row + j] * scaleC) : acc * alpha;
            }
        }
    }
}
