package dev.lanewise.kernels.optim;

/**
 * Adam's per-step factors, {@code lr / (1 - beta1^t)} and {@code 1 / sqrt(1 - beta2^t)}, remembered for the
 * last (lr, beta1, beta2, t) each thread asked for.
 *
 * <p>Why: the two {@link Math#pow} calls cost about 90 ns together (Zen 5), and one update asks for them
 * several times: the vector kernel, the scalar reference for the elements before a cache line and after the
 * last whole vector, and again for every parameter array of a network in the same step. On a 4096-element Adam
 * step (about 900 ns) that was a quarter of the time, and made the Vector API kernel slower than C2's plain
 * loop, which asks once. The remembered values are the ones computed, so nothing changes a bit.
 *
 * <p>Per thread, so that no lock or shared write is needed; a thread's entry is one small array, updated in
 * place, so a step allocates nothing.
 */
final class BiasCorrections {
    private static final int LR = 0;
    private static final int BETA1 = 1;
    private static final int BETA2 = 2;
    private static final int STEP = 3;
    private static final int STEP_SIZE = 4;
    private static final int INVERSE_ROOT = 5;

    private static final ThreadLocal<double[]> LAST = ThreadLocal.withInitial(
            () -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0});

    private BiasCorrections() {}

    /** lr / (1 - beta1^step), as a float. */
    static float stepSize(double lr, double beta1, double beta2, long step) {
        return (float) entry(lr, beta1, beta2, step)[STEP_SIZE];
    }

    /** 1 / sqrt(1 - beta2^step), as a float. */
    static float inverseSqrtBiasCorrection2(double lr, double beta1, double beta2, long step) {
        return (float) entry(lr, beta1, beta2, step)[INVERSE_ROOT];
    }

    private static double[] entry(double lr, double beta1, double beta2, long step) {
        double[] last = LAST.get();
        // Compared as doubles: the hyperparameters are finite (the configs check), and a step fits a double exactly.
        if (last[LR] != lr || last[BETA1] != beta1 || last[BETA2] != beta2 || last[STEP] != step) {
            last[STEP_SIZE] = (float) (lr / (1 - Math.pow(beta1, step)));
            last[INVERSE_ROOT] = (float) (1 / Math.sqrt(1 - Math.pow(beta2, step)));
            last[LR] = lr;
            last[BETA1] = beta1;
            last[BETA2] = beta2;
            last[STEP] = step;
        }
        return last;
    }
}
