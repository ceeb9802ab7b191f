/**
 * The {@code MemorySegment} overloads of the BLAS-1, activation, loss and optimizer kernels: their checks
 * ({@link dev.lanewise.kernels.internal.segment.SegmentCheck}), the checked instances that
 * {@code KernelProvider} hands out ({@code Checked*Segments}), and how a segment reaches a kernel.
 *
 * <p>The same kernels underneath, three ways, chosen per call:
 * <ol>
 *   <li>Every operand a writable heap segment over a {@code float[]} (labels: an {@code int[]}): the array
 *       kernel on that array, at the segment's position ({@code address() / 4 + offset}). No copy, the same
 *       compiled kernel, the same bits.</li>
 *   <li>{@code dot, axpy, scal, sum} on any other segment: the implementation's segment kernels
 *       ({@link dev.lanewise.kernels.internal.segment.SegmentBlas}; the vector one loads with
 *       {@code FloatVector.fromMemorySegment}), because these do one or two flops per float moved and a copy
 *       through a buffer would double their cost.</li>
 *   <li>Everything else on any other segment: staged ({@link dev.lanewise.kernels.internal.segment.Staging}),
 *       chunks of 2,048 floats copied into pooled buffers, the array kernel run on each chunk, the outputs
 *       copied back. Transcendental activations and optimizer steps do enough work per element that two
 *       cache-speed copies cost little, and every elementwise result keeps the array form's bits. The
 *       exception is the losses, whose every gradient element carries 1/n: they run the scalar reference's
 *       loops on the segments instead ({@code ScalarSegmentLosses}).</li>
 * </ol>
 * Width copies of the vector package reach this package through the run-time qualified exports that
 * {@code WidthClassLoader} makes for every {@code internal} package.
 */
package dev.lanewise.kernels.internal.segment;
