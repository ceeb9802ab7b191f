/**
 * The Vector API kernels. Every class here may touch {@code jdk.incubator.vector}; {@code Kernels} loads
 * them only after finding the module, and each extra width gets its own copy of the package
 * ({@code WidthClassLoader}), so that {@link dev.lanewise.kernels.internal.vector.VectorWidth}'s species are
 * constants.
 *
 * <p>Why multiply-adds are written out as {@code (FmaPolicy.USE_FMA ? a.fma(b, c) : a.mul(b).add(c))} at
 * every use instead of calling a small helper: C2 sometimes compiles such a helper on its own first, and
 * later refuses to inline it into a hot loop ("already compiled into a medium method", seen with
 * {@code -XX:+PrintInlining}); the vectors then cross a real call and are boxed on every iteration. In the
 * GEMM benchmark that made products run 10x slower, at random, depending on compile order.
 */
package dev.lanewise.kernels.internal.vector;

import dev.lanewise.kernels.Kernels;
