package dev.lanewise.kernels.internal;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.ref.WeakReference;
import java.util.Locale;

/**
 * Where an element of a {@code float[]} sits relative to a 64-byte cache line, so that a kernel can peel a
 * few elements and run its main loop on whole lines.
 *
 * <p>Why: a 512-bit load or store that straddles two cache lines costs two. The JVM places arrays on 8-byte
 * boundaries, so a kernel that starts at element 0 straddles on every access: on Zen 5 an Adam step over
 * 1M elements took 1.6x as long as the same loop on 64-byte aligned data, and dot over 4,096 twice as long.
 * C2's own auto-vectorized loops do not pay this because C2 knows the address and peels a pre-loop; the
 * Vector API gives Java code no address.
 *
 * <p>How: the address of an array is known to native code for the length of a critical downcall (JEP 454's
 * {@code Linker.Option.critical(true)} passes the array itself). {@code memset(p, 0, 0)} writes nothing and
 * returns {@code p}: one call of about 11 ns. The answer holds only for that instant (a collection may move
 * the array), which is all a peel needs: a stale answer costs speed, never correctness, since a kernel's
 * result does not depend on where its loop starts (callers use this only for elementwise kernels whose
 * peeled elements are computed exactly as the vector lanes would, never for reductions, whose bits would
 * then depend on the address).
 *
 * <p>Restricted: a downcall needs native access. Where this module (or, on the class path, the unnamed
 * module) was not granted it with {@code --enable-native-access}, nothing is looked up, no warning is
 * printed, and every answer is 0 (no peel). The system property {@value #PROPERTY}{@code =false} turns the
 * probe off as well.
 */
public final class ArrayAlignment {
    /** System property: {@code false} turns the address probe off (kernels then never peel). */
    public static final String PROPERTY = "lanewise.align";

    /** The line size the kernels align to: a cache line on every x86 and Arm server CPU we run on. */
    public static final int LINE_BYTES = 64;

    /** Arrays shorter than this are not probed: the 11 ns call would cost more than a straddle saves. */
    public static final int MIN_ELEMENTS = 1024;

    private static final MethodHandle MEMSET;
    /** Why there is no probe, or null where there is one. */
    private static final String UNAVAILABLE;

    static {
        MethodHandle memset = null;
        String unavailable = null;
        if (System.getProperty(PROPERTY, "true").trim().toLowerCase(Locale.ROOT).equals("false")) {
            unavailable = "turned off by -D" + PROPERTY + "=false";
        } else if (!ArrayAlignment.class.getModule().isNativeAccessEnabled()) {
            unavailable = "no native access (run with --enable-native-access="
                    + (ArrayAlignment.class.getModule().isNamed() ? ArrayAlignment.class.getModule().getName() : "ALL-UNNAMED")
                    + " to let the kernels align their loops)";
        } else {
            try {
                Linker linker = Linker.nativeLinker();
                memset = linker.defaultLookup().find("memset")
                        .map(symbol -> linker.downcallHandle(symbol,
                                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                                        ValueLayout.JAVA_LONG),
                                Linker.Option.critical(true)))
                        .orElse(null);
                if (memset == null) {
                    unavailable = "the C library has no memset symbol";
                }
            } catch (RuntimeException | LinkageError e) {
                unavailable = "the native linker refused: " + e;
            }
        }
        MEMSET = memset;
        UNAVAILABLE = unavailable;
    }

    private ArrayAlignment() {}

    /** Whether addresses can be probed in this JVM. */
    public static boolean available() {
        return MEMSET != null;
    }

    /** What the kernels' loops do here: aligned, or not and why (for {@code info} and report headers). */
    public static String describe() {
        return MEMSET != null ? "loops aligned to " + LINE_BYTES + "-byte lines" : "loops not aligned: " + UNAVAILABLE;
    }

    /**
     * How many elements from {@code a[offset]} on precede the first one that starts a cache line, in
     * [0, 16), so never more than {@code length}: 0 where the address cannot be probed, where fewer than
     * {@link #MIN_ELEMENTS} elements follow, or where the array is not even float-aligned (no peel could help).
     *
     * @param a      the array
     * @param offset the first element of the kernel's range
     * @param length the range's length
     */
    public static int elementsBeforeLine(float[] a, int offset, int length) {
        if (MEMSET == null || length < MIN_ELEMENTS) {
            return 0;
        }
        long address = addressOf(a) + 4L * offset;
        int misalignment = (int) (address & (LINE_BYTES - 1));
        if (misalignment == 0 || (misalignment & 3) != 0) {
            return 0;
        }
        return (LINE_BYTES - misalignment) >> 2;
    }

    /** An array and its heap segment, both held weakly so that the cache never keeps an array alive. */
    private record Wrapped(WeakReference<float[]> array, WeakReference<MemorySegment> segment) {}

    /**
     * Open addressing by identity hash, {@link #PROBES} slots per array: a dozen arrays (a training step's
     * parameters, buffers and GEMM workspaces) must never evict one another, or each eviction allocates again.
     * Racy but safe: a record's final fields publish safely, and a lost update only costs a new segment.
     */
    private static final Wrapped[] SEGMENTS = new Wrapped[512];
    private static final int PROBES = 8;

    /**
     * {@code a} as a heap segment, made once per array: a segment made per call escapes into the downcall,
     * so C2 cannot remove it, and a training step that probes a dozen arrays allocated about 64 bytes a step.
     */
    private static MemorySegment segmentOf(float[] a) {
        int home = System.identityHashCode(a);
        int free = -1;
        for (int k = 0; k < PROBES; k++) {
            int slot = (home + k) & (SEGMENTS.length - 1);
            Wrapped wrapped = SEGMENTS[slot];
            float[] held = wrapped == null ? null : wrapped.array().get();
            if (held == a) {
                MemorySegment segment = wrapped.segment().get();
                if (segment != null) {
                    return segment;
                }
                free = slot;
                break;
            }
            if (held == null && free < 0) {
                free = slot; // empty, or its array was collected
            }
        }
        MemorySegment segment = MemorySegment.ofArray(a);
        SEGMENTS[free >= 0 ? free : home & (SEGMENTS.length - 1)] =
                new Wrapped(new WeakReference<>(a), new WeakReference<>(segment));
        return segment;
    }

    /** The address of element 0 of {@code a} at this instant, or -1 where it cannot be probed. */
    public static long addressOf(float[] a) {
        if (MEMSET == null) {
            return -1;
        }
        try {
            return ((MemorySegment) MEMSET.invokeExact(segmentOf(a), 0, 0L)).address();
        } catch (Throwable e) {
            throw new IllegalStateException("memset(p, 0, 0) failed", e);
        }
    }
}
