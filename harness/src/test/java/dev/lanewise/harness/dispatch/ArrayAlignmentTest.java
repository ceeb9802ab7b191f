package dev.lanewise.harness.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.internal.ArrayAlignment;
import org.junit.jupiter.api.Test;

/**
 * The address probe the vector kernels peel by. The test JVMs run with native access (see the parent POM),
 * except the without-FMA execution, which is how the unaligned loops stay tested.
 */
class ArrayAlignmentTest {

    @Test
    void probesAddressesExactlyWhereTheJvmGrantsNativeAccess() {
        boolean granted = ArrayAlignment.class.getModule().isNativeAccessEnabled()
                && !"false".equals(System.getProperty(ArrayAlignment.PROPERTY));
        assertEquals(granted, ArrayAlignment.available(), ArrayAlignment.describe());
    }

    @Test
    void thePeelEndsOnACacheLineForEveryOffset() {
        float[] a = new float[4096];
        for (int offset = 0; offset < 40; offset++) {
            int peel = ArrayAlignment.elementsBeforeLine(a, offset, a.length - offset);
            if (!ArrayAlignment.available()) {
                assertEquals(0, peel, "no probe, no peel");
                continue;
            }
            assertTrue(peel >= 0 && peel < ArrayAlignment.LINE_BYTES / Float.BYTES, "peel " + peel);
            long address = ArrayAlignment.addressOf(a) + 4L * (offset + peel);
            // A collection may move the array between the two probes; it then keeps its 8-byte alignment but
            // not its line offset, so ask again on a mismatch rather than fail on a moving target.
            if (address % ArrayAlignment.LINE_BYTES != 0) {
                peel = ArrayAlignment.elementsBeforeLine(a, offset, a.length - offset);
                address = ArrayAlignment.addressOf(a) + 4L * (offset + peel);
            }
            assertEquals(0, address % ArrayAlignment.LINE_BYTES, "offset " + offset + ", peel " + peel);
        }
    }

    @Test
    void shortRangesAreNotProbed() {
        float[] a = new float[ArrayAlignment.MIN_ELEMENTS - 1];
        for (int offset = 0; offset < 16; offset++) {
            assertEquals(0, ArrayAlignment.elementsBeforeLine(a, 0, a.length));
        }
    }

    @Test
    void probingTheSameFortyArraysAgainAllocatesNothing() {
        // A training step probes a few dozen arrays on every step; the probe's segment cache must keep them all,
        // or every step allocates (the first, direct-mapped cache of 64 slots made 320 bytes a step).
        float[][] arrays = new float[40][ArrayAlignment.MIN_ELEMENTS + 7];
        long sink = 0;
        for (int round = 0; round < 5_000; round++) { // until C2 has compiled the probe
            for (float[] a : arrays) {
                sink += ArrayAlignment.elementsBeforeLine(a, 3, a.length - 3);
            }
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int round = 0; round < 1_000; round++) {
            for (float[] a : arrays) {
                sink += ArrayAlignment.elementsBeforeLine(a, 3, a.length - 3);
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 4_096, "40,000 probes of 40 arrays allocated " + allocated + " bytes (sink " + sink + ")");
    }
}
