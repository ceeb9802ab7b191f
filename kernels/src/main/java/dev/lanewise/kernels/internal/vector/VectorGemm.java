package dev.lanewise.kernels.internal.vector;

import dev.lanewise.kernels.gemm.GemmKernels;
import dev.lanewise.kernels.internal.ArrayAlignment;
import dev.lanewise.kernels.internal.FmaPolicy;
import dev.lanewise.kernels.internal.GemmThreads;
import dev.lanewise.kernels.internal.GemmWorkspace;
import dev.lanewise.kernels.internal.GemmWorkspaces;

import java.util.concurrent.Executor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link GemmKernels} on the Vector API at this copy's width ({@link VectorWidth}).
 *
 * <p>{@code sgemm} follows the GotoBLAS/BLIS loop nest: for each nc-wide block of B, for each kc-deep block
 * of the inner dimension, pack the kc x nc block of op(B) into panels; for each mc-tall block of A, pack it
 * (unless C is skinny, see {@link GemmPlan#packA}); then run the micro-kernel ({@link GemmMicroKernels})
 * over every mr x nr tile. The first kc block applies beta, the later ones add. Threads split C into
 * disjoint row (or, for wide short C, column) ranges; each runs the same nest on its range in its own
 * workspace (packing buffers borrowed from {@link dev.lanewise.kernels.internal.GemmWorkspaces} for the
 * call), so every element sees the same operations in the same order for any thread count.
 */
public final class VectorGemm implements GemmKernels {
    private static final VectorSpecies<Float> SPECIES = VectorWidth.FLOAT;
    /** Floats in a cache line: the slack each packing buffer gets so that its block can start on a line. */
    private static final int LINE_FLOATS = ArrayAlignment.LINE_BYTES / Float.BYTES;

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float beta, float[] c, int cOff, int ldc, int threads, Executor executor) {
        if (m == 0 || n == 0) {
            return;
        }
        if (alpha == 0f || k == 0) {
            for (int i = 0; i < m; i++) {
                scale(n, beta, c, cOff + i * ldc);
            }
            return;
        }
        GemmPlan plan = GemmPlan.of(SPECIES.length(), m, n, k);
        boolean byRows = m >= n;
        int align = byRows ? plan.mr() : plan.nr();
        int parts = GemmThreads.parts(threads, 2L * m * n * k, ((byRows ? m : n) + align - 1) / align);
        if (parts == 1) {
            // Without the lambda and the split of GemmThreads.run: a product of one part allocates nothing.
            GemmWorkspace workspace = GemmWorkspaces.borrow();
            try {
                blocked(plan, workspace, transA, transB, 0, m, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb,
                        beta, c, cOff, ldc);
            } finally {
                GemmWorkspaces.giveBack(workspace);
            }
            return;
        }
        ParallelProduct product = PRODUCTS.get();
        if (product.inUse) {
            product = new ParallelProduct(); // a part that itself splits a product on this thread
        }
        product.set(this, plan, byRows, align, parts, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb,
                beta, c, cOff, ldc);
        try {
            GemmThreads.run(parts, executor, product);
        } finally {
            product.clear();
        }
    }

    private static final ThreadLocal<ParallelProduct> PRODUCTS = ThreadLocal.withInitial(ParallelProduct::new);

    /**
     * One split product's arguments and its part: C's rows (or, for wide short C, columns) cut into
     * {@code parts} runs aligned to the tile. An object reused by each calling thread rather than a lambda
     * per call, so that a split product allocates nothing (a training step calls a few per step). The
     * fields are written before {@link GemmThreads#run} publishes the call and cleared after it returns.
     */
    private static final class ParallelProduct implements GemmThreads.Part {
        boolean inUse;
        private VectorGemm gemm;
        private GemmPlan plan;
        private boolean byRows;
        private int align;
        private int parts;
        private boolean transA;
        private boolean transB;
        private int m;
        private int n;
        private int k;
        private float alpha;
        private float[] a;
        private int aOff;
        private int lda;
        private float[] b;
        private int bOff;
        private int ldb;
        private float beta;
        private float[] c;
        private int cOff;
        private int ldc;

        void set(VectorGemm gemm, GemmPlan plan, boolean byRows, int align, int parts, boolean transA,
                boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff,
                int ldb, float beta, float[] c, int cOff, int ldc) {
            this.inUse = true;
            this.gemm = gemm;
            this.plan = plan;
            this.byRows = byRows;
            this.align = align;
            this.parts = parts;
            this.transA = transA;
            this.transB = transB;
            this.m = m;
            this.n = n;
            this.k = k;
            this.alpha = alpha;
            this.a = a;
            this.aOff = aOff;
            this.lda = lda;
            this.b = b;
            this.bOff = bOff;
            this.ldb = ldb;
            this.beta = beta;
            this.c = c;
            this.cOff = cOff;
            this.ldc = ldc;
        }

        /** Drops the references to the caller's arrays, which this thread-local object would otherwise keep. */
        void clear() {
            gemm = null;
            plan = null;
            a = null;
            b = null;
            c = null;
            inUse = false;
        }

        @Override
        public void run(int part, GemmWorkspace workspace) {
            int from = GemmThreads.start(part, parts, byRows ? m : n, align);
            int to = GemmThreads.start(part + 1, parts, byRows ? m : n, align);
            if (byRows) {
                gemm.blocked(plan, workspace, transA, transB, from, to, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb,
                        beta, c, cOff, ldc);
            } else {
                gemm.blocked(plan, workspace, transA, transB, 0, m, from, to, k, alpha, a, aOff, lda, b, bOff, ldb,
                        beta, c, cOff, ldc);
            }
        }
    }

    /** C[i0, i1) x [j0, j1) on the calling thread, packing into {@code workspace}. */
    private void blocked(GemmPlan plan, GemmWorkspace workspace, boolean transA, boolean transB,
            int i0, int i1, int j0, int j1, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float beta, float[] c, int cOff, int ldc) {
        if (i0 >= i1 || j0 >= j1) {
            return;
        }
        int mr = plan.mr();
        int nr = plan.nr();
        int kcMax = plan.kc();
        // Each packed block starts on a cache line (ArrayAlignment; a line of slack for it): the micro-kernels
        // load B's panels a whole vector at a time, and a load that straddles two lines costs two. A's buffer
        // has a vector of slack as well, for GemmPacking's whole-vector copies of short runs.
        float[] bPack = workspace.packedB(kcMax * plan.nc() + LINE_FLOATS);
        int bOrigin = ArrayAlignment.elementsBeforeLine(bPack, 0, bPack.length);
        float[] aPack = plan.packA() ? workspace.packedA(kcMax * plan.mc() + SPECIES.length() + LINE_FLOATS) : null;
        int aOrigin = aPack == null ? 0 : ArrayAlignment.elementsBeforeLine(aPack, 0, aPack.length);
        float[] tile = workspace.tile(GemmTile.MAX_TILE);
        int[] map = workspace.indexMap(GemmPacking.MAP_INTS);
        for (int jc = j0; jc < j1; jc += plan.nc()) {
            int nc = Math.min(plan.nc(), j1 - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                boolean first = pc == 0;
                GemmPacking.packB(transB, b, bOff, ldb, pc, kc, jc, nc, nr, bPack, bOrigin, map);
                for (int ic = i0; ic < i1; ic += plan.mc()) {
                    int mc = Math.min(plan.mc(), i1 - ic);
                    if (aPack != null) {
                        GemmPacking.packA(transA, a, aOff, lda, ic, mc, pc, kc, mr, aPack, aOrigin, map);
                    }
                    for (int jr = 0; jr < nc; jr += nr) {
                        int cols = Math.min(nr, nc - jr);
                        int bBase = bOrigin + jr / nr * kc * nr;
                        for (int ir = 0; ir < mc; ir += mr) {
                            int rows = Math.min(mr, mc - ir);
                            int cBase = cOff + (ic + ir) * ldc + jc + jr;
                            if (aPack != null) {
                                GemmMicroKernels.packed(plan.shape(), kc, aPack, aOrigin + ir / mr * kc * mr, rows,
                                        bPack, bBase, alpha, beta, first, c, cBase, ldc, cols, tile);
                            } else if (transA) {
                                GemmMicroKernels.strided(plan.shape(), kc, a, aOff + pc * lda + ic + ir, 1, lda,
                                        rows, bPack, bBase, alpha, beta, first, c, cBase, ldc, cols, tile);
                            } else {
                                GemmMicroKernels.rowwise(plan.shape(), kc, a, aOff + (ic + ir) * lda + pc, lda,
                                        rows, bPack, bBase, alpha, beta, first, c, cBase, ldc, cols, tile);
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public void sgemv(boolean trans, int m, int n, float alpha, float[] a, int aOff, int lda,
            float[] x, int xOff, float beta, float[] y, int yOff) {
        int inner = trans ? m : n;
        int outer = trans ? n : m;
        if (alpha == 0f || inner == 0) {
            scale(outer, beta, y, yOff);
            return;
        }
        if (trans) {
            GemmGemvTransposed.run(m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
        } else {
            gemvRows(m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
        }
    }

    /** y_i = alpha * (row i . x) + beta * y_i, four rows at a time so each load of x serves four rows. */
    private void gemvRows(int m, int n, float alpha, float[] a, int aOff, int lda,
            float[] x, int xOff, float beta, float[] y, int yOff) {
        VectorSpecies<Float> s = SPECIES;
        int step = s.length();
        int bound = s.loopBound(n);
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int r0 = aOff + i * lda;
            int r1 = r0 + lda;
            int r2 = r1 + lda;
            int r3 = r2 + lda;
            FloatVector acc0 = FloatVector.zero(s);
            FloatVector acc1 = FloatVector.zero(s);
            FloatVector acc2 = FloatVector.zero(s);
            FloatVector acc3 = FloatVector.zero(s);
            int j = 0;
            for (; j < bound; j += step) {
                FloatVector xv = FloatVector.fromArray(s, x, xOff + j);
                acc0 = (FmaPolicy.USE_FMA ? (FloatVector.fromArray(s, a, r0 + j)).fma(xv, acc0) : (FloatVector.fromArray(s, a, r0 + j)).mul(xv).add(acc0));
                acc1 = (FmaPolicy.USE_FMA ? (FloatVector.fromArray(s, a, r1 + j)).fma(xv, acc1) : (FloatVector.fromArray(s, a, r1 + j)).mul(xv).add(acc1));
                acc2 = (FmaPolicy.USE_FMA ? (FloatVector.fromArray(s, a, r2 + j)).fma(xv, acc2) : (FloatVector.fromArray(s, a, r2 + j)).mul(xv).add(acc2));
                acc3 = (FmaPolicy.USE_FMA ? (FloatVector.fromArray(s, a, r3 + j)).fma(xv, acc3) : (FloatVector.fromArray(s, a, r3 + j)).mul(xv).add(acc3));
            }
            if (j < n) {
                VectorMask<Float> tail = s.indexInRange(j, n);
                FloatVector xv = FloatVector.fromArray(s, x, xOff + j, tail);
                acc0 = (FmaPolicy.USE_FMA ? (FloatVector.fromArray(s, a, r0 + j, tail)).fma(xv, acc0) : (FloatVector.fromArray(s, a, r0 + j, tail)).mul(xv).add(acc0));
                acc1 = (FmaPolicy.USE_FMA ? (FloatVector.fromArray(s, a, r1 + j, tail)).fma(xv, acc1) : (FloatVector.fromArray(s, a, r1 + j, tail)).mul(xv).add(acc1));
                acc2 = (FmaPolicy.USE_FMA ? (FloatVector.fromArray(s, a, r2 + j, tail)).fma(xv, acc2) : (FloatVector.fromArray(s, a, r2 + j, tail)).mul(xv).add(acc2));
                acc3 = (FmaPolicy.USE_FMA ? (FloatVector.fromArray(s, a, r3 + j, tail)).fma(xv, acc3) : (FloatVector.fromArray(s, a, r3 + j, tail)).mul(xv).add(acc3));
            }
            // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
            // than the interpreter, so the bits would depend on compilation (see the package doc).
            FloatVector ordered1 = acc0;
            ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.FLOAT_FOLD_HALF));
            if (VectorWidth.FLOAT_LANES > 2) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.FLOAT_FOLD_QUARTER)); }
            if (VectorWidth.FLOAT_LANES > 4) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.FLOAT_FOLD_EIGHTH)); }
            if (VectorWidth.FLOAT_LANES > 8) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.FLOAT_FOLD_SIXTEENTH)); }
            finishRow(alpha, beta, ordered1.lane(0), y, yOff + i);
            // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
            // than the interpreter, so the bits would depend on compilation (see the package doc).
            FloatVector ordered2 = acc1;
            ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.FLOAT_FOLD_HALF));
            if (VectorWidth.FLOAT_LANES > 2) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.FLOAT_FOLD_QUARTER)); }
            if (VectorWidth.FLOAT_LANES > 4) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.FLOAT_FOLD_EIGHTH)); }
            if (VectorWidth.FLOAT_LANES > 8) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.FLOAT_FOLD_SIXTEENTH)); }
            finishRow(alpha, beta, ordered2.lane(0), y, yOff + i + 1);
            // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
            // than the interpreter, so the bits would depend on compilation (see the package doc).
            FloatVector ordered3 = acc2;
            ordered3 = ordered3.add(ordered3.rearrange(VectorWidth.FLOAT_FOLD_HALF));
            if (VectorWidth.FLOAT_LANES > 2) { ordered3 = ordered3.add(ordered3.rearrange(VectorWidth.FLOAT_FOLD_QUARTER)); }
            if (VectorWidth.FLOAT_LANES > 4) { ordered3 = ordered3.add(ordered3.rearrange(VectorWidth.FLOAT_FOLD_EIGHTH)); }
            if (VectorWidth.FLOAT_LANES > 8) { ordered3 = ordered3.add(ordered3.rearrange(VectorWidth.FLOAT_FOLD_SIXTEENTH)); }
            finishRow(alpha, beta, ordered3.lane(0), y, yOff + i + 2);
            // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
            // than the interpreter, so the bits would depend on compilation (see the package doc).
            FloatVector ordered4 = acc3;
            ordered4 = ordered4.add(ordered4.rearrange(VectorWidth.FLOAT_FOLD_HALF));
            if (VectorWidth.FLOAT_LANES > 2) { ordered4 = ordered4.add(ordered4.rearrange(VectorWidth.FLOAT_FOLD_QUARTER)); }
            if (VectorWidth.FLOAT_LANES > 4) { ordered4 = ordered4.add(ordered4.rearrange(VectorWidth.FLOAT_FOLD_EIGHTH)); }
            if (VectorWidth.FLOAT_LANES > 8) { ordered4 = ordered4.add(ordered4.rearrange(VectorWidth.FLOAT_FOLD_SIXTEENTH)); }
            finishRow(alpha, beta, ordered4.lane(0), y, yOff + i + 3);
        }
        for (; i < m; i++) {
            int r0 = aOff + i * lda;
            FloatVector acc0 = FloatVector.zero(s);
            int j = 0;
            for (; j < bound; j += step) {
                acc0 = (FmaPolicy.USE_FMA ? (FloatVector.fromArray(s, a, r0 + j)).fma(FloatVector.fromArray(s, x, xOff + j), acc0) : (FloatVector.fromArray(s, a, r0 + j)).mul(FloatVector.fromArray(s, x, xOff + j)).add(acc0));
            }
            if (j < n) {
                VectorMask<Float> tail = s.indexInRange(j, n);
                acc0 = (FmaPolicy.USE_FMA ? (FloatVector.fromArray(s, a, r0 + j, tail)).fma(FloatVector.fromArray(s, x, xOff + j, tail), acc0) : (FloatVector.fromArray(s, a, r0 + j, tail)).mul(FloatVector.fromArray(s, x, xOff + j, tail)).add(acc0));
            }
            // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
            // than the interpreter, so the bits would depend on compilation (see the package doc).
            FloatVector ordered5 = acc0;
            ordered5 = ordered5.add(ordered5.rearrange(VectorWidth.FLOAT_FOLD_HALF));
            if (VectorWidth.FLOAT_LANES > 2) { ordered5 = ordered5.add(ordered5.rearrange(VectorWidth.FLOAT_FOLD_QUARTER)); }
            if (VectorWidth.FLOAT_LANES > 4) { ordered5 = ordered5.add(ordered5.rearrange(VectorWidth.FLOAT_FOLD_EIGHTH)); }
            if (VectorWidth.FLOAT_LANES > 8) { ordered5 = ordered5.add(ordered5.rearrange(VectorWidth.FLOAT_FOLD_SIXTEENTH)); }
            finishRow(alpha, beta, ordered5.lane(0), y, yOff + i);
        }
    }

    private static void finishRow(float alpha, float beta, float sum, float[] y, int at) {
        y[at] = beta == 0f ? alpha * sum : FmaPolicy.fma(alpha, sum, beta * y[at]);
    }

    @Override
    public void addBiasRows(int m, int n, float[] bias, int biasOff, float[] c, int cOff, int ldc) {
        VectorSpecies<Float> s = SPECIES;
        int bound = s.loopBound(n);
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            int j = 0;
            for (; j < bound; j += s.length()) {
                FloatVector.fromArray(s, c, row + j).add(FloatVector.fromArray(s, bias, biasOff + j)).intoArray(c, row + j);
            }
            for (; j < n; j++) {
                c[row + j] = c[row + j] + bias[biasOff + j];
            }
        }
    }

    @Override
    public void sumRows(int m, int n, float[] g, int gOff, int ldg, float beta, float[] out, int outOff) {
        VectorSpecies<Float> s = SPECIES;
        int step = s.length();
        int j = 0;
        // Each lane sums its column in row order from zero, exactly as the scalar reference does.
        for (int bound = s.loopBound(n); j < bound; j += step) {
            FloatVector sum = FloatVector.zero(s);
            for (int i = 0; i < m; i++) {
                sum = sum.add(FloatVector.fromArray(s, g, gOff + i * ldg + j));
            }
            if (beta != 0f) {
                sum = (FmaPolicy.USE_FMA ? (FloatVector.broadcast(s, beta)).fma(FloatVector.fromArray(s, out, outOff + j), sum) : (FloatVector.broadcast(s, beta)).mul(FloatVector.fromArray(s, out, outOff + j)).add(sum));
            }
            sum.intoArray(out, outOff + j);
        }
        for (; j < n; j++) {
            float sum = 0f;
            for (int i = 0; i < m; i++) {
                sum += g[gOff + i * ldg + j];
            }
            out[outOff + j] = beta == 0f ? sum : FmaPolicy.fma(beta, out[outOff + j], sum);
        }
    }

    /** {@code x = beta * x}; beta 0 writes zeros without reading x, beta 1 leaves x alone. */
    static void scale(int n, float beta, float[] x, int off) {
        if (beta == 0f) {
            java.util.Arrays.fill(x, off, off + n, 0f);
        } else if (beta != 1f) {
            for (int j = 0; j < n; j++) {
                x[off + j] = beta * x[off + j];
            }
        }
    }
}
