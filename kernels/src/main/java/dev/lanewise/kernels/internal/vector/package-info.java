/**
 * The Vector API kernels. Every class here may touch {@code jdk.incubator.vector}; {@code Kernels} loads
 * them only after finding the module, and each extra width gets its own copy of the package
 * ({@code WidthClassLoader}), so that {@link dev.lanewise.kernels.internal.vector.VectorWidth}'s species are
 * constants.
 *
 * <p>No method here takes or returns a vector ({@code FloatVector}, {@code DoubleVector}, {@code IntVector},
 * {@code VectorMask}); kernels take arrays and offsets, and every lane formula is written out inline in the
 * loop that uses it. A vector crossing a call that C2 does not inline is boxed, and whether C2 inlines a
 * small helper is never certain, nor final:
 * <ul>
 *   <li>C2 sometimes compiles a helper on its own first and later refuses to inline it into a hot loop
 *       ("already compiled into a medium method", seen with {@code -XX:+PrintInlining}). In the GEMM
 *       benchmark that made products run 10x slower, at random, depending on compile order.</li>
 *   <li>Inlining can also be lost long after warmup. In a training-like loop (issue 8: GEMM, bias, ReLU
 *       forward and backward, softmax cross-entropy, Adam; batch 256, one Zen 5 core) {@code reluBackward}
 *       allocated nothing for 5,000 to 6,000 steps; then C2 recompiled it, no longer inlined its helper
 *       {@code leakyReluBackward(FloatVector, FloatVector, float)}, and from then on every call boxed its
 *       vectors: 1.4 MB allocated per step, and the whole step ran at half speed (182k to 84-110k
 *       samples/s). The lane helpers of the activations ({@code exp}, {@code erf}, {@code sigmoid}, ...)
 *       boxed the same way in softmax and the GELU backward.</li>
 * </ul>
 * So multiply-adds are written {@code (FmaPolicy.USE_FMA ? a.fma(b, c) : a.mul(b).add(c))} at every use;
 * the polynomials of exp, expm1, log1p and erf, which appear in a dozen activation loops (twice each, for the
 * whole vectors and the masked tail), are generated into {@link VectorActivations} by
 * {@code kernels/src/main/python/gen_vector_activations.py}, and the GEMM micro-kernels by
 * {@code gen_gemm_microkernels.py}. The harness's {@code SteadyStateAllocationTest} runs every kernel family
 * for tens of thousands of training steps in a fresh JVM and fails if a step then allocates: only such a
 * long run catches inlining lost late.
 *
 * <p>Two more rules of cost, both measured on Zen 5 at 512 bits:
 * <ul>
 *   <li>Clamp against a constant with a compare and a blend, {@code x.blend(low, x.compare(LE, low))} for
 *       {@code Math.max(x, low)} and {@code x.blend(high, x.compare(GT, high))} for {@code Math.min(x, high)}
 *       (the same lanes, NaN and signed zeros included, for any bound but -0.0), not {@code FloatVector.max} or
 *       {@code min}: those keep Java's NaN and signed-zero rules, which x86 has no instruction for, in some
 *       five instructions each. sigmoid at 4096 went from 1.52 to 0.96 us. Keep {@code max} where a NaN must
 *       win a reduction (a row's maximum).</li>
 *   <li>A reduction that streams from beyond L2 may do better with narrower loads: every 512-bit load of a
 *       JVM array straddles two cache lines, and a reduction cannot peel to a line without its bits then
 *       depending on the address ({@code VectorBlas.dot} at 1M: 106 against 86 us).</li>
 * </ul>
 */
package dev.lanewise.kernels.internal.vector;

import dev.lanewise.kernels.Kernels;
