"""Generates GemmMicroKernels.java: register-blocked MR x (NV vectors) GEMM micro-kernels.

Usage: python3 gen_gemm_microkernels.py > ../java/dev/lanewise/kernels/internal/vector/GemmMicroKernels.java
(GemmGeneratorTest fails when the committed file is not exactly this script's output.)

Java cannot unroll over a register count, so every tile shape is its own method. One set of kernels serves
every width: they read the species from VectorWidth.FLOAT through a static final, and each width runs its
own copy of the package (WidthClassLoader), in which that static final is a constant, so C2 compiles each
kernel with constant vector shapes and a constant lane count. Three families:

* packed kernels read A from a packed panel with constant strides (element (r, p) at aBase + p * MR + r) and
  B at bBase + p * NR: every index is p times a constant plus an invariant, so C2 hoists all bounds checks
  out of the loop (with variable strides it keeps one compare-and-branch per load, and those take the
  same ports as the FMAs);
* row-wise kernels read A where it lies when it is not transposed (a[rowStart_r + p]): unit stride in p, so
  their bounds checks hoist too; for skinny or short-K products that do not pack A;
* strided kernels read A where it lies with any strides (a[aBase + r * rs + p * cs]), for transposed A
  that is not packed (one compare per load stays in the loop).

The shapes (SHAPES below): 6 x 2 vectors (12 accumulators, 2 B vectors, 1 broadcast) fits AVX2's 16 vector
registers. AVX-512 has 32, but taller or wider tiles measured slower at 512 bits on a Sapphire Rapids core
(packed, in cache, 192x256x1056: 6x2 129-134 GFLOPS, 8x2 127, 4x3 128, 7x2 123, 12x2 109, 8x3 102, 6x4 93,
4x4 and 14x2 under 10), so every width uses 6 x 2; pass extra shapes as arguments (such as 8x2) to generate
them for tuning (GemmPlan picks WIDE or NARROW; point it at the extra index to measure one).
The narrow shape (MR x 1 vector) serves C at most one vector wide.
"""
import sys

# (MR, NV) per shape index: GemmMicroKernels.WIDE, then NARROW.
SHAPES = [(6, 2), (8, 1)]
SHAPES += [tuple(map(int, v.split('x'))) for v in sys.argv[1:]]  # extra shapes, for tuning only
# GemmTile.MAX_TILE: the scratch tile of an edge holds MR * NV vectors of up to 16 lanes.
assert all(mr * nv <= 32 for mr, nv in SHAPES), 'a tile over 32 vectors does not fit GemmTile.MAX_TILE'

out = []
w = out.append


def vec_off(v):
    return '' if v == 0 else (' + step' if v == 1 else f' + {v} * step')


def c_at(r, v):
    """Index in C of accumulator c{r}_{v}."""
    return f'cBase + {r} * ldc{vec_off(v)}' if r else f'cBase{vec_off(v)}'


def multiply_adds(MR, NV, a_index):
    """One step of the inner dimension: NV vectors of B at bi, MR broadcasts of A at a_index(r)."""
    for v in range(NV):
        w(f'            FloatVector b{v} = FloatVector.fromArray(s, b, bi{vec_off(v)});')
    for r in range(MR):
        w(f'            FloatVector a{r} = FloatVector.broadcast(s, a[{a_index(r)}]);')
        for v in range(NV):
            w(f'            c{r}_{v} = (FmaPolicy.USE_FMA ? (a{r}).fma(b{v}, c{r}_{v}) : (a{r}).mul(b{v}).add(c{r}_{v}));')


def stores(MR, NV):
    # The accumulators never leave this method as arguments: a FloatVector passed to a call that C2 does not
    # inline must be boxed, and with the tile store as a call C2 kept the accumulators boxed in a way that
    # cost 2.6x on a Zen 3 core (98 -> 38 GFLOPS in cache) once calls with and without a C read mixed.
    # Full tiles store straight from the registers; edge tiles go through the caller's scratch tile
    # (GemmTile.storeEdge), element by element with the same arithmetic, so a C element's bits do not
    # depend on which it was.
    w('        boolean readC = !first || beta != 0f;')
    w('        float scaleC = first ? beta : 1f;')
    w(f'        if (rows < {MR} || cols < {NV} * step) {{')
    for r in range(MR):
        for v in range(NV):
            w(f'            c{r}_{v}.intoArray(tile, {r * NV + v} * step);')
    w(f'            GemmTile.storeEdge(tile, {NV} * step, rows, cols, alpha, scaleC, readC, c, cBase, ldc);')
    w('            return;')
    w('        }')
    w('        FloatVector alphaV = FloatVector.broadcast(s, alpha);')
    w('        if (readC) {')
    w('            FloatVector scaleV = FloatVector.broadcast(s, scaleC);')
    for r in range(MR):
        for v in range(NV):
            at = c_at(r, v)
            old = f'FloatVector.fromArray(s, c, {at}).mul(scaleV)'
            w(f'            (FmaPolicy.USE_FMA ? c{r}_{v}.fma(alphaV, {old}) : c{r}_{v}.mul(alphaV).add({old})).intoArray(c, {at});')
    w('        } else if (alpha != 1f) {')
    for r in range(MR):
        for v in range(NV):
            at = c_at(r, v)
            w(f'            c{r}_{v}.mul(alphaV).intoArray(c, {at});')
    w('        } else {')
    for r in range(MR):
        for v in range(NV):
            at = c_at(r, v)
            w(f'            c{r}_{v}.intoArray(c, {at});')
    w('        }')


def zeros(MR, NV):
    for r in range(MR):
        for v in range(NV):
            w(f'        FloatVector c{r}_{v} = FloatVector.zero(s);')


# The parameters after A's, shared by every kernel and dispatcher.
TAIL = 'float[] b, int bBase, float alpha, float beta, boolean first, float[] c, int cBase, int ldc, int cols, float[] tile'
TAIL_ARGS = 'b, bBase, alpha, beta, first, c, cBase, ldc, cols, tile'
# The parameters that say where A lies, per family.
A_PARAMS = {
    'packed': 'int kc, float[] a, int aBase, int rows',
    'strided': 'int kc, float[] a, int aBase, int rs, int cs, int rows',
    'rowwise': 'int kc, float[] a, int aBase, int lda, int rows',
}
A_ARGS = {
    'packed': 'kc, a, aBase, rows',
    'strided': 'kc, a, aBase, rs, cs, rows',
    'rowwise': 'kc, a, aBase, lda, rows',
}


def header(family, MR, NV):
    w(f'''
    static void {family}{MR}x{NV}({A_PARAMS[family]},
            {TAIL}) {{
        VectorSpecies<Float> s = S;
        int step = s.length();''')


def packed(MR, NV):
    header('packed', MR, NV)
    zeros(MR, NV)
    w('        for (int p = 0; p < kc; p++) {')
    w(f'            int ai = aBase + p * {MR};')
    w(f'            int bi = bBase + p * ({NV} * step);')
    multiply_adds(MR, NV, lambda r: 'ai' if r == 0 else f'ai + {r}')
    w('        }')
    stores(MR, NV)
    w('    }')


def strided(MR, NV):
    header('strided', MR, NV)
    w(f'        int nr = {NV} * step;')
    for r in range(1, MR):
        w(f'        int o{r} = rows > {r} ? {r} * rs : 0;')
    zeros(MR, NV)
    w('        int ai = aBase;')
    w('        int bi = bBase;')
    w('        for (int p = 0; p < kc; p++) {')
    multiply_adds(MR, NV, lambda r: 'ai' if r == 0 else f'ai + o{r}')
    w('            ai += cs;')
    w('            bi += nr;')
    w('        }')
    stores(MR, NV)
    w('    }')


def rowwise(MR, NV):
    # A read in place with unit stride along the inner dimension (A not transposed): every index is p plus
    # an invariant row start, so C2 hoists the bounds checks as in the packed kernels (the strided kernels'
    # variable stride leaves a compare per load).
    header('rowwise', MR, NV)
    w('        int r0 = aBase;')
    for r in range(1, MR):
        w(f'        int r{r} = rows > {r} ? aBase + {r} * lda : aBase;')
    zeros(MR, NV)
    w('        for (int p = 0; p < kc; p++) {')
    w(f'            int bi = bBase + p * ({NV} * step);')
    multiply_adds(MR, NV, lambda r: f'r{r} + p')
    w('        }')
    stores(MR, NV)
    w('    }')


w('''package dev.lanewise.kernels.internal.vector;

import dev.lanewise.kernels.internal.FmaPolicy;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked micro-kernels, one per tile shape, at this copy's width ({@link VectorWidth}): an
 * MR x (NV vectors) tile of C held in MR*NV accumulators, each step of the inner dimension loading NV
 * vectors of the packed B panel and broadcasting MR elements of A. Generated by
 * {@code kernels/src/main/python/gen_gemm_microkernels.py} (its docstring says why the shapes are what they
 * are), do not edit by hand.
 *
 * <p>{@code packed*} kernels read A from a packed panel ({@code a[aBase + p * MR + r]}, rows past
 * {@code rows} zero); {@code rowwise*} kernels read it where it lies, row r at {@code a[aBase + r * lda + p]};
 * {@code strided*} kernels read it where it lies with any strides, {@code a[aBase + r * rs + p * cs]} (in
 * both, rows at or past {@code rows} read row 0 again: in bounds, never stored). B is a packed panel of
 * {@code kc} rows of NV vectors. The tile is stored as {@code alpha * acc + beta * C} when {@code first},
 * else {@code alpha * acc + C}; {@code first && beta == 0} never reads C. Columns at or past {@code cols}
 * are neither read nor written. A tile cut by C's border goes through {@code tile}, the caller's scratch
 * array of at least MR * NV vectors. Every shape sums each element over p in the same order, so the shape
 * never changes the result.
 */
final class GemmMicroKernels {
    // The species as a static final of this copy of the package, so C2 compiles every kernel with constant
    // vector shapes even when it compiles it on its own (these methods are too big to be inlined into the
    // loop nest); each width's copy has its own constant.
    private static final VectorSpecies<Float> S = VectorWidth.FLOAT;

    /** Which shape: {@link #WIDE} or {@link #NARROW} (C at most one vector wide). */
    static final int WIDE = 0;
    static final int NARROW = 1;

    private GemmMicroKernels() {}''')

for MR, NV in SHAPES:
    packed(MR, NV)
    strided(MR, NV)
    rowwise(MR, NV)


def table(fn, doc, pick):
    w(f'''
    /** {doc} */
    static int {fn}(int shape) {{
        return switch (shape) {{''')
    for i, (MR, NV) in enumerate(SHAPES):
        w(f'            case {i} -> {pick(MR, NV)};')
    w('''            default -> throw new IllegalArgumentException("no micro-kernel " + shape);
        };
    }''')


table('mr', 'Rows of C per tile.', lambda MR, NV: MR)
table('nv', 'Vectors of C per tile row.', lambda MR, NV: NV)

DOCS = {'packed': 'packed', 'strided': 'strided', 'rowwise': 'row-wise'}
for family in ('packed', 'strided', 'rowwise'):
    w(f'''
    /** Runs the {DOCS[family]} kernel of {{@code shape}}. */
    static void {family}(int shape, {A_PARAMS[family]},
            {TAIL}) {{
        switch (shape) {{''')
    for i, (MR, NV) in enumerate(SHAPES):
        w(f'            case {i} -> {family}{MR}x{NV}({A_ARGS[family]}, {TAIL_ARGS});')
    w('''            default -> throw new IllegalArgumentException("no micro-kernel " + shape);
        }
    }''')
w('}')
print('\n'.join(out))
