package dev.lanewise.harness.activations;

import static dev.lanewise.harness.support.Assertions2.assertSameBits;

import dev.lanewise.harness.support.Implementations;
import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.activation.ActivationKernels;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * An element's activation does not depend on where in a call it falls: the whole array in one call gives the
 * same bits as one call per element (each a masked partial vector). This is what lets the vector path start
 * its main loop on a cache line (AlignedActivations) without its results depending on the array's address.
 */
class ActivationPositionIndependenceTest {
    private static final int N = 1_100;

    @Test
    void oneCallGivesTheBitsOfOneCallPerElement() {
        SplittableRandom random = new SplittableRandom(7);
        float[] x = new float[N];
        float[] g = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = (float) random.nextDouble(-9, 9);
            g[i] = (float) random.nextDouble(-2, 2);
        }
        for (KernelProvider provider : Implementations.vectors()) {
            ActivationKernels k = provider.activations();
            for (Elementwise f : Elementwise.values()) {
                String what = provider.name() + " " + f;
                float[] whole = new float[N];
                f.forward(k, N, x, 0, whole, 0);
                float[] single = new float[N];
                for (int i = 0; i < N; i++) {
                    f.forward(k, 1, x, i, single, i);
                }
                assertSameBits(whole, single, what + " forward");

                float[] saved = whole; // the forward output, for the activations whose backward saves it
                float[] wholeBack = new float[N];
                f.backward(k, N, g, 0, f.savesOutput ? saved : x, 0, wholeBack, 0);
                float[] singleBack = new float[N];
                for (int i = 0; i < N; i++) {
                    f.backward(k, 1, g, i, f.savesOutput ? saved : x, i, singleBack, i);
                }
                assertSameBits(wholeBack, singleBack, what + " backward");
            }
        }
    }
}
