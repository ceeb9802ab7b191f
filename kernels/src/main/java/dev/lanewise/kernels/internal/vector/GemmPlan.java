package dev.lanewise.kernels.internal.vector;

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
 *               once or twice, and for short K (see {@link #PACK_A_MIN_K}); then the kernel reads A where it lies
 */
record GemmPlan(int shape, int mr, int nr, int kc, int mc, int nc, boolean packA) {
    static final int WIDE = GemmMicroKernels.WIDE;
    static final int NARROW = GemmMicroKernels.NARROW;

    /**
     * Floats of B's kc x nr micro-panel, which the kernel reads once per tile of its column panel: 32 KB,
     * the L1 data cache of the cores this was tuned on. Zen 3 (AVX2, nr = 16): kc = 512 measured 4-8% faster
     * than 256 at 1024 and 2048; Sapphire Rapids (AVX-512, nr = 32) was tuned at kc = 256.
     */
    static final int B_PANEL_FLOATS = 32 * 1024 / Float.BYTES;

    /** Floats of A's packed mc x kc block, which stays in L2 while B's panels pass: 192 KB. */
    static final int A_BLOCK_FLOATS = 192 * 256;

    /**
     * Shortest K for which A is packed. Below it the kernels read A in place: a 6 x 10 A tile is a few cache
     * lines either way, and packing cost as much as it saved (Zen 3, 256x10x256 with B transposed: 2-4%
     * faster unpacked; at K = 64 packing won by 5%).
     */
    static final int PACK_A_MIN_K = 16;

    /** Largest inner-dimension block, whatever the panel size allows. */
    static final int KC_MAX = 512;

    /**
     * Recent plans by shape. A plan escapes into the loop nest, which C2 does not inline, so building one per
     * call allocated 40 bytes per product, the only allocation left in a training step. A training loop
     * repeats a handful of shapes: a small direct-mapped table of immutable entries (racy, but an entry is
     * read whole or not at all) returns the same plan every time.
     */
    private static final Cached[] RECENT = new Cached[256];

    private record Cached(int lanes, int m, int n, int k, GemmPlan plan) {}

    static GemmPlan of(int lanes, int m, int n, int k) {
        int slot = (((m * 0x9E3779B9) ^ (n * 0x85EBCA6B) ^ (k * 0xC2B2AE35)) >>> 24);
        Cached cached = RECENT[slot];
        if (cached != null && cached.m == m && cached.n == n && cached.k == k && cached.lanes == lanes) {
            return cached.plan;
        }
        GemmPlan plan = plan(lanes, m, n, k);
        RECENT[slot] = new Cached(lanes, m, n, k, plan);
        return plan;
    }

    private static GemmPlan plan(int lanes, int m, int n, int k) {
        boolean narrow = n <= lanes;
        int shape = narrow ? NARROW : WIDE;
        int mr = GemmMicroKernels.mr(shape);
        int nr = GemmMicroKernels.nv(shape) * lanes;
        // From the wide kernel's panel even when C is narrow: the K blocking decides the rounding, and an
        // element's bits must not depend on the shape of C around it.
        int kcMax = Math.min(KC_MAX, B_PANEL_FLOATS / (GemmMicroKernels.nv(WIDE) * lanes));
        // Equal K blocks, none longer than kcMax: no short last block that would pay a C update for little work.
        int kBlocks = Math.max(1, (k + kcMax - 1) / kcMax);
        int kc = Math.max(1, (k + kBlocks - 1) / kBlocks);
        int mc = roundUp(Math.min(m, A_BLOCK_FLOATS / kcMax), mr);
        int nc = roundUp(Math.min(n, 2048), nr);
        boolean packA = n > 4 * nr && k > PACK_A_MIN_K;
        return new GemmPlan(shape, mr, nr, kc, mc, nc, packA);
    }

    private static int roundUp(int value, int multiple) {
        return Math.max(multiple, (value + multiple - 1) / multiple * multiple);
    }
}
