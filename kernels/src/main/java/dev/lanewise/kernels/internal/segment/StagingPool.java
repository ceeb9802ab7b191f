package dev.lanewise.kernels.internal.segment;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A small bounded pool of {@link Staging} buffers, borrowed for one call and given back after, as
 * {@code GemmWorkspaces} does for GEMM's packing buffers, and for the same reason: a {@code ThreadLocal}
 * would keep a set of buffers alive per thread, thousands of them with virtual threads. At most
 * {@link #CAPACITY} sets (40 KB each) are kept for the whole JVM; one given back to a full pool is dropped.
 * A steady caller gets the same set back on every call and allocates nothing.
 *
 * <p>Lock-free: a fixed array of slots taken and filled by compare-and-set, each thread starting its scan
 * at a slot of its own.
 */
public final class StagingPool {
    /** Buffer sets kept at most: two per processor. */
    public static final int CAPACITY = 2 * Runtime.getRuntime().availableProcessors();

    private static final AtomicReferenceArray<Staging> SLOTS = new AtomicReferenceArray<>(CAPACITY);
    private static final AtomicLong CREATED = new AtomicLong();

    private StagingPool() {}

    /** A buffer set from the pool, or a new one when the pool has none. */
    static Staging borrow() {
        int start = firstSlot();
        for (int i = 0; i < CAPACITY; i++) {
            int slot = (start + i) % CAPACITY;
            Staging staging = SLOTS.get(slot);
            if (staging != null && SLOTS.compareAndSet(slot, staging, null)) {
                return staging;
            }
        }
        CREATED.incrementAndGet();
        return new Staging(Staging.CHUNK, true);
    }

    /** Returns {@code staging} to the pool, or drops it when the pool is full. */
    static void giveBack(Staging staging) {
        int start = firstSlot();
        for (int i = 0; i < CAPACITY; i++) {
            int slot = (start + i) % CAPACITY;
            if (SLOTS.get(slot) == null && SLOTS.compareAndSet(slot, null, staging)) {
                return;
            }
        }
    }

    /** How many buffer sets the pool holds now (at most {@link #CAPACITY}); for tests. */
    public static int retained() {
        int count = 0;
        for (int slot = 0; slot < CAPACITY; slot++) {
            if (SLOTS.get(slot) != null) {
                count++;
            }
        }
        return count;
    }

    /** How many buffer sets {@link #borrow()} has made so far, because the pool had none; for tests. */
    public static long created() {
        return CREATED.get();
    }

    private static int firstSlot() {
        return (int) Long.remainderUnsigned(Thread.currentThread().threadId(), CAPACITY);
    }
}
