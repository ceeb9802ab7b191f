/**
 * lanewise kernels: static facades per family ({@link dev.lanewise.kernels.blas.Blas},
 * {@link dev.lanewise.kernels.activation.Activations}, {@link dev.lanewise.kernels.loss.Losses},
 * {@link dev.lanewise.kernels.gemm.Gemm}, {@link dev.lanewise.kernels.optim.Optimizers}) over a scalar reference
 * and a Vector API implementation, chosen once by {@link dev.lanewise.kernels.Kernels}.
 *
 * <p>Only the domain packages are exported; {@code dev.lanewise.kernels.internal} and below (argument checks,
 * the implementations, the width class loader, GEMM's threads) are not. The Vector API is a static
 * dependency: the module loads and runs its scalar path on a JVM started without
 * {@code --add-modules jdk.incubator.vector}.
 */
module dev.lanewise.kernels {
    requires static jdk.incubator.vector;
    // HotSpot's flags (UseFMA, EnableVectorSupport); optional, as a VM without them is told apart at run time.
    requires static jdk.management;
    requires java.management;

    exports dev.lanewise.kernels;
    exports dev.lanewise.kernels.activation;
    exports dev.lanewise.kernels.blas;
    exports dev.lanewise.kernels.gemm;
    exports dev.lanewise.kernels.loss;
    exports dev.lanewise.kernels.optim;
}
