package dev.lanewise.kernels.loss;

import java.lang.foreign.MemorySegment;

/**
 * {@link LossKernels} on {@link MemorySegment}s, heap or native, so that off-heap predictions, targets and
 * gradients need no copy by the caller. Each method is the array form of the same name: the same semantics
 * (the MEAN loss returned, its gradient written), the same checks, the same special values.
 *
 * <h2>Segments</h2>
 * Lengths and offsets count elements, not bytes: {@code pred[i]} is the float at byte
 * {@code 4 * (predOffset + i)}, {@code labels[r]} the int at byte {@code 4 * (labelsOffset + r)}, in native byte
 * order ({@link java.lang.foreign.ValueLayout#JAVA_FLOAT}, {@code JAVA_INT}). Class labels come as a segment
 * of ints; labels held in an {@code int[]} are passed as {@code MemorySegment.ofArray(labels)}. Every instance
 * a caller can obtain ({@link dev.lanewise.kernels.KernelProvider#lossSegments()}), like the facade
 * {@link Losses}, checks every argument (every class label included) before it writes anything: a null
 * segment throws {@link NullPointerException} naming it; a negative offset, a range past the segment's end or
 * a label outside [0, cols) {@link IndexOutOfBoundsException}; a negative length, {@code cols < 1}, a leading
 * dimension below {@code cols}, a {@code delta} that is not finite and positive, a segment not aligned to 4
 * bytes ({@link MemorySegment#maxByteAlignment()} below 4) and a read-only {@code grad}
 * {@link IllegalArgumentException}; a segment whose arena is closed {@link IllegalStateException} and one
 * confined to another thread {@link WrongThreadException}. {@code grad} may be the predictions (logits)
 * themselves at the same offset (and leading dimension).
 *
 * <h2>How they run, and what they give</h2>
 * Where every float operand is a writable heap segment over a {@code float[]} (and the labels one over an
 * {@code int[]}), the implementation's array kernel runs on those arrays at the segments' positions: zero
 * copy, the array form's bits. Otherwise the losses run the scalar reference's loops reading and writing the
 * segments directly, and give exactly what the scalar implementation's array form gives. They cannot be
 * staged in chunks as the other kernels are: every gradient element carries the factor 1/n (1/rows), which a
 * call over one chunk would compute for the chunk instead. Against a vector implementation's array form this
 * means, by {@link LossKernels}' bounds between its vector and scalar results: the gradients of {@code mse,
 * mae, huber, hinge} are bit-identical (their elements are exact on every implementation), and the loss
 * values, the gradient of {@code bceWithLogits} and all of {@code softmaxCrossEntropy} lie within the bounds
 * stated there.
 */
public interface LossSegmentKernels {

    /** Mean squared error; writes d mean / d pred into {@code grad}. */
    float mse(long n, MemorySegment pred, long predOffset, MemorySegment target, long targetOffset, MemorySegment grad,
            long gradOffset);

    /** Mean absolute error (L1); writes the subgradient signum(d)/n into {@code grad}. */
    float mae(long n, MemorySegment pred, long predOffset, MemorySegment target, long targetOffset, MemorySegment grad,
            long gradOffset);

    /** Huber loss with threshold {@code delta > 0} (PyTorch's {@code HuberLoss}); writes its gradient. */
    float huber(long n, float delta, MemorySegment pred, long predOffset, MemorySegment target, long targetOffset,
            MemorySegment grad, long gradOffset);

    /** Binary cross-entropy on logits with targets in [0, 1]; writes (sigmoid(z) - y)/n. */
    float bceWithLogits(long n, MemorySegment logits, long logitsOffset, MemorySegment targets, long targetsOffset,
            MemorySegment grad, long gradOffset);

    /** Binary hinge loss, targets -1 or +1; writes its subgradient. */
    float hinge(long n, MemorySegment pred, long predOffset, MemorySegment targets, long targetsOffset,
            MemorySegment grad, long gradOffset);

    /**
     * Softmax cross-entropy over the rows of a row-major {@code rows x cols} logits matrix (leading dimension
     * {@code ldLogits}), each row's class the int {@code labels[labelsOffset + r]}, in [0, cols). Returns the
     * mean over rows and writes (softmax - onehot)/rows into the grad matrix (leading dimension
     * {@code ldGrad}).
     */
    float softmaxCrossEntropy(long rows, int cols, MemorySegment logits, long logitsOffset, long ldLogits,
            MemorySegment labels, long labelsOffset, MemorySegment grad, long gradOffset, long ldGrad);
}
