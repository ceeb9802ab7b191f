/*
 * lanewise's native reference kernels: plain C on float pointers, built with gcc -O3 -march=native
 * -ffast-math -fopenmp-simd. Shared by run.sh's timing program (reference_kernels.c) and by the JMH
 * benchmarks, which build reference_lib.c into a shared library and call it through java.lang.foreign
 * on the same float[] inputs as lanewise (dev.lanewise.harness.bench.peers.CReference).
 */
#ifndef LANEWISE_REFERENCE_LIB_H
#define LANEWISE_REFERENCE_LIB_H

#include <stdint.h>

/* sum x[i] * y[i] with 4 vector accumulators, at the widest width the CPU has (AVX-512, else AVX2). */
float lwref_dot(long n, const float *x, const float *y);
/* The two widths on their own, for the timing program; the AVX-512 one needs avx512f. */
float lwref_dot_avx2(long n, const float *x, const float *y);
float lwref_dot_avx512(long n, const float *x, const float *y);
/* Nonzero where the CPU has AVX-512F. */
int lwref_has_avx512(void);

/* y[i] += alpha * x[i], left to gcc's vectorizer (which fuses the multiply-add under -march with FMA). */
void lwref_axpy(long n, float alpha, const float *x, float *y);

/* out[i] = 1 / (1 + exp(-x[i])), expf vectorized by libmvec. */
void lwref_sigmoid(long n, const float *x, float *out);

/*
 * Softmax cross-entropy over a row-major rows x cols logits matrix with int32 labels, as lanewise's
 * Losses.softmaxCrossEntropy: returns the mean over rows of m + log(s) - x[label] (m the row max, s the
 * sum of exp(x - m)) and writes grad = exp(x - m) / (s * rows) - onehot / rows.
 */
float lwref_softmax_cross_entropy(long rows, long cols, const float *logits, const int32_t *labels, float *grad);

/*
 * One step of PyTorch's Adam (no weight decay, no amsgrad) in one fused pass: m = beta1 m + (1 - beta1) g,
 * v = beta2 v + (1 - beta2) g^2, p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps).
 * The hyperparameters come as doubles (as PyTorch holds them); the bias corrections are computed in double.
 */
void lwref_adam(long n, float *p, const float *g, float *m, float *v, double lr, double beta1, double beta2,
                double eps, long step);

#endif
