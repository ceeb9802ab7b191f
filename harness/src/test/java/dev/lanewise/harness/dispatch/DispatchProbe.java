package dev.lanewise.harness.dispatch;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.blas.Blas;

/** Run in a child JVM by {@link DispatchTest}: exercises the facades and prints what it saw. */
public final class WithoutVectorModuleProbe {
    private WithoutVectorModuleProbe() {}

    public static void main(String[] args) {
        System.out.println("module present: " + Kernels.vectorModulePresent());
        System.out.println(Kernels.choice().describe());
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        System.out.println("dot = " + Blas.dot(x, x));
        try {
            Kernels.vector(256);
            System.out.println("vector(256) was handed out");
        } catch (UnsupportedOperationException e) {
            System.out.println("vector(256) refused: " + e.getMessage());
        }
    }
}
