package dev.lanewise.kernels.vector;

/**
 * The blocking of one product, chosen from its sizes and the lane count only (never from the thread count,
 * so that every thread count gives the same bits).
 *
 * @param shape  which micro-kernel variant of {@link GemmMicroKernels}: {@link #WIDE} (MR rows x 2 vectors)
 *               or {@link #NARROW} (MR rows x 1 vector, for C at most one vector wide, such as the 10
 *               outputs of a classifier, where a second vector would be all padding)
 * @param mr     rows of C per micro-kernel tile
 * @param nr     columns of C per micro-kernel tile (a multiple of the lane count)
 * @param kc     the inner-dimension block: a kc x nr panel of B stays in L1 while the kernel runs
 * @param mc     rows of A packed at once (a multiple of mr): the mc x kc block stays in L2
 * @param nc     columns of B packed at once (a multiple of nr): the kc x nc block stays in L2/L3
 * @param packA  whether A is packed; false for skinny C, where each packed element would be used only
 *               once or twice, and the kernel reads A where it lies
 */
record GemmPlan(int shape, int mr, int nr, int kc, int mc, int nc, boolean packA) {
    static final int WIDE = GemmMicroKernels.WIDE;
    static final int NARROW = GemmMicroKernels.NARROW;

    /** Largest inner-dimension block: 256 floats of A and 256 x nr of B per tile. */
    static final int KC_MAX = 256;

    static GemmPlan of(int lanes, int m, int n, int k) {
        boolean narrow = n <= lanes;
        int bits = lanes * Float.SIZE;
        int shape = narrow ? NARROW : WIDE;
        int mr = GemmMicroKernels.mr(shape, bits);
        int nr = GemmMicroKernels.nv(shape, bits) * lanes;
        // Equal K blocks, none longer than KC_MAX: no short last block that would pay a C update for little work.
        int kBlocks = Math.max(1, (k + KC_MAX - 1) / KC_MAX);
        int kc = Math.max(1, (k + kBlocks - 1) / kBlocks);
        int mc = roundUp(Math.min(m, 192), mr);
        int nc = roundUp(Math.min(n, 2048), nr);
        boolean packA = n > 4 * nr;
        return new GemmPlan(shape, mr, nr, kc, mc, nc, packA);
    }

    private static int roundUp(int value, int multiple) {
        return Math.max(multiple, (value + multiple - 1) / multiple * multiple);
    }
}
