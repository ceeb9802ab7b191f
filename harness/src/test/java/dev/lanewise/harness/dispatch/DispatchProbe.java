package dev.lanewise.harness.dispatch;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.blas.Blas;

import java.util.List;

/**
 * Run in a child JVM by the dispatch tests: prints how the kernels were loaded, the dispatch choice, and a dot
 * product through the facade and through every implementation by name (or why one is refused).
 */
public final class DispatchProbe {
    /** 103 elements, an odd size, so that every width runs whole vectors and a tail. */
    static final int LENGTH = 103;
    /** 1^2 + ... + 103^2 = 103 * 104 * 207 / 6: every partial sum is an integer below 2^24, so exact in float. */
    static final float SUM_OF_SQUARES = 369_564f;

    private DispatchProbe() {}

    public static void main(String[] args) {
        Module module = Kernels.class.getModule();
        System.out.println("kernels module: " + (module.isNamed() ? module.getName() : "unnamed"));
        System.out.println("module present: " + Kernels.vectorModulePresent());
        System.out.println(Kernels.choice().describe());
        float[] small = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        System.out.println("dot = " + Blas.dot(small, small));
        float[] x = new float[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            x[i] = i + 1;
        }
        for (String name : List.of("scalar", "vector128", "vector256", "vector512")) {
            try {
                KernelProvider kernels = Kernels.named(name);
                System.out.println(name + " dot = " + kernels.blas().dot(LENGTH, x, 0, x, 0));
            } catch (UnsupportedOperationException e) {
                System.out.println(name + " refused: " + e.getMessage());
            }
        }
    }
}
