package dev.lanewise.kernels.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A small bounded pool of {@link GemmWorkspace}s, borrowed by each part of a product for as long as it runs
 * and given back after.
 *
 * <p>Why not one workspace per thread (a {@code ThreadLocal}, as before): a packed block of B is up to 4 MB,
 * and a thread-local copy lives as long as its thread. Thousands of short-lived or virtual threads each
 * calling {@code sgemm} once would each allocate their own and, while alive, keep it; a pool of workers
 * would keep one per worker forever. Here at most {@link #CAPACITY} workspaces are kept, for the whole JVM
 * (every implementation and width shares them); one given back to a full pool is dropped for the garbage
 * collector. A steady caller, such as a training loop, gets its workspace back on every call and
 * allocates nothing.
 *
 * <p>Lock-free and allocation-free: a fixed array of slots, taken and filled by compare-and-set, each
 * thread starting its scan at a slot of its own so that concurrent callers seldom touch the same slot.
 */
public final class GemmWorkspaces {
    /**
     * Workspaces kept at most: two per processor, enough for every part of two products split over all
     * processors at once (more parts than processors run no faster).
     */
    public static final int CAPACITY = 2 * Runtime.getRuntime().availableProcessors();

    private static final AtomicReferenceArray<GemmWorkspace> SLOTS = new AtomicReferenceArray<>(CAPACITY);
    private static final AtomicLong CREATED = new AtomicLong();

    private GemmWorkspaces() {}

    /** A workspace from the pool, or a new empty one when the pool has none. */
    public static GemmWorkspace borrow() {
        int start = firstSlot();
        for (int i = 0; i < CAPACITY; i++) {
            int slot = (start + i) % CAPACITY;
            GemmWorkspace workspace = SLOTS.get(slot);
            if (workspace != null && SLOTS.compareAndSet(slot, workspace, null)) {
                return workspace;
            }
        }
        CREATED.incrementAndGet();
        return new GemmWorkspace();
    }

    /** Returns {@code workspace} to the pool, or drops it when the pool is full. */
    public static void giveBack(GemmWorkspace workspace) {
        int start = firstSlot();
        for (int i = 0; i < CAPACITY; i++) {
            int slot = (start + i) % CAPACITY;
            if (SLOTS.get(slot) == null && SLOTS.compareAndSet(slot, null, workspace)) {
                return;
            }
        }
    }

    /** How many workspaces the pool holds now (at most {@link #CAPACITY}); for tests. */
    public static int retained() {
        int count = 0;
        for (int slot = 0; slot < CAPACITY; slot++) {
            if (SLOTS.get(slot) != null) {
                count++;
            }
        }
        return count;
    }

    /** How many workspaces {@link #borrow()} has made so far, because the pool had none; for tests. */
    public static long created() {
        return CREATED.get();
    }

    /** Floats and ints held by the workspaces in the pool now; for tests. */
    public static long retainedElements() {
        long elements = 0;
        for (int slot = 0; slot < CAPACITY; slot++) {
            GemmWorkspace workspace = SLOTS.get(slot);
            if (workspace != null) {
                elements += workspace.elements();
            }
        }
        return elements;
    }

    private static int firstSlot() {
        return (int) Long.remainderUnsigned(Thread.currentThread().threadId(), CAPACITY);
    }
}
