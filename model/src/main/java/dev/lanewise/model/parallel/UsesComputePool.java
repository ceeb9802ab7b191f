package dev.lanewise.model.parallel;

/**
 * A part of a training step that can spread its work over the step's {@link ComputePool}: a layer whose
 * matrix products take the pool's threads, an optimizer whose update splits large arrays into chunks. The
 * pool never changes a result, only how fast it comes.
 */
public interface UsesComputePool {

    /**
     * Runs the following calls on {@code pool}'s threads, or, with null, as without a pool (a layer's products
     * on {@code GemmSettings}' defaults, an optimizer on the calling thread alone). The pool stays the
     * caller's: it is not closed here.
     */
    void useThreads(ComputePool pool);
}
