package dev.lanewise.kernels.internal;

/**
 * The scratch arrays one part of one product works in: packed panels of B and A, the micro-kernels' edge
 * tile and the packing's index map. Each array grows on demand and is kept, so a workspace that comes back
 * from {@link GemmWorkspaces} for the next product of the same size allocates nothing. Plain arrays only,
 * so the scalar path and every vector width share one pool.
 *
 * <p>Not thread-safe: one part uses it at a time, between {@link GemmWorkspaces#borrow()} and
 * {@link GemmWorkspaces#giveBack}.
 */
public final class GemmWorkspace {
    private float[] packedB = new float[0];
    private float[] packedA = new float[0];
    private float[] tile = new float[0];
    private int[] indexMap = new int[0];

    GemmWorkspace() {}

    /** At least {@code floats} floats for the packed block of B (or the scalar path's copy of B). */
    public float[] packedB(int floats) {
        if (packedB.length < floats) {
            packedB = new float[floats];
        }
        return packedB;
    }

    /** At least {@code floats} floats for the packed block of A. */
    public float[] packedA(int floats) {
        if (packedA.length < floats) {
            packedA = new float[floats];
        }
        return packedA;
    }

    /** At least {@code floats} floats for the micro-kernels' edge tile. */
    public float[] tile(int floats) {
        if (tile.length < floats) {
            tile = new float[floats];
        }
        return tile;
    }

    /** At least {@code ints} ints for the packing's gather index map. */
    public int[] indexMap(int ints) {
        if (indexMap.length < ints) {
            indexMap = new int[ints];
        }
        return indexMap;
    }

    /** Floats and ints held, for the tests of the pool's bound. */
    long elements() {
        return (long) packedB.length + packedA.length + tile.length + indexMap.length;
    }
}
