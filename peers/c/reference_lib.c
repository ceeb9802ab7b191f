/*
 * lanewise's native reference kernels (see reference_lib.h). Built with
 * gcc -O3 -march=native -ffast-math -fopenmp-simd, as a shared library (-shared -fPIC ... -lm) for the JMH
 * benchmarks, or linked into run.sh's timing program.
 */
#include "reference_lib.h"

#include <immintrin.h>
#include <math.h>

/* dot with 4 AVX2 accumulators, as a hand-written kernel would be. */
__attribute__((target("avx2,fma"))) float lwref_dot_avx2(long n, const float *x, const float *y) {
    __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
    long i = 0;
    for (; i + 32 <= n; i += 32) {
        a0 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i), a0);
        a1 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i + 8), _mm256_loadu_ps(y + i + 8), a1);
        a2 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i + 16), _mm256_loadu_ps(y + i + 16), a2);
        a3 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i + 24), _mm256_loadu_ps(y + i + 24), a3);
    }
    __m256 s = _mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3));
    float lanes[8];
    _mm256_storeu_ps(lanes, s);
    float sum = 0;
    for (int k = 0; k < 8; k++) sum += lanes[k];
    for (; i < n; i++) sum += x[i] * y[i];
    return sum;
}

/* The same with 512-bit vectors, where the CPU has AVX-512. */
__attribute__((target("avx512f"))) float lwref_dot_avx512(long n, const float *x, const float *y) {
    __m512 a0 = _mm512_setzero_ps(), a1 = _mm512_setzero_ps(), a2 = _mm512_setzero_ps(), a3 = _mm512_setzero_ps();
    long i = 0;
    for (; i + 64 <= n; i += 64) {
        a0 = _mm512_fmadd_ps(_mm512_loadu_ps(x + i), _mm512_loadu_ps(y + i), a0);
        a1 = _mm512_fmadd_ps(_mm512_loadu_ps(x + i + 16), _mm512_loadu_ps(y + i + 16), a1);
        a2 = _mm512_fmadd_ps(_mm512_loadu_ps(x + i + 32), _mm512_loadu_ps(y + i + 32), a2);
        a3 = _mm512_fmadd_ps(_mm512_loadu_ps(x + i + 48), _mm512_loadu_ps(y + i + 48), a3);
    }
    float sum = _mm512_reduce_add_ps(_mm512_add_ps(_mm512_add_ps(a0, a1), _mm512_add_ps(a2, a3)));
    for (; i < n; i++) sum += x[i] * y[i];
    return sum;
}

/* The plain loop, for a CPU without AVX2 (gcc -ffast-math vectorizes it at whatever width -march allows). */
static float dot_plain(long n, const float *x, const float *y) {
    float sum = 0;
    for (long i = 0; i < n; i++) sum += x[i] * y[i];
    return sum;
}

int lwref_has_avx512(void) { return __builtin_cpu_supports("avx512f"); }

/* Chosen once, when the library loads, so that a call costs one indirect jump and no CPU query. */
static float (*dot_widest)(long, const float *, const float *) = dot_plain;

__attribute__((constructor)) static void choose_dot(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) {
        dot_widest = lwref_dot_avx512;
    } else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        dot_widest = lwref_dot_avx2;
    }
}

float lwref_dot(long n, const float *x, const float *y) { return dot_widest(n, x, y); }

void lwref_axpy(long n, float alpha, const float *restrict x, float *restrict y) {
    for (long i = 0; i < n; i++) y[i] += alpha * x[i];
}

void lwref_sigmoid(long n, const float *restrict x, float *restrict out) {
    for (long i = 0; i < n; i++) out[i] = 1.0f / (1.0f + expf(-x[i]));
}

float lwref_softmax_cross_entropy(long rows, long cols, const float *restrict logits, const int32_t *restrict labels,
                                  float *restrict grad) {
    float inv_rows = (float)(1.0 / rows);
    double total = 0;
    for (long r = 0; r < rows; r++) {
        const float *x = logits + r * cols;
        float *g = grad + r * cols;
        int32_t label = labels[r];
        /* Starts from x[0], not -INFINITY: -ffast-math assumes no infinities. */
        float max = x[0];
        for (long j = 1; j < cols; j++) max = x[j] > max ? x[j] : max;
        float sum = 0;
        for (long j = 0; j < cols; j++) {
            float e = expf(x[j] - max);
            g[j] = e;
            sum += e;
        }
        float scale = (float)(1.0 / ((double)sum * rows));
        for (long j = 0; j < cols; j++) g[j] *= scale;
        g[label] -= inv_rows;
        total += (double)max - x[label] + log(sum);
    }
    return (float)(total / rows);
}

void lwref_adam(long n, float *restrict p, const float *restrict g, float *restrict m, float *restrict v, double lr,
                double beta1, double beta2, double eps, long step) {
    float step_size = (float)(lr / (1 - pow(beta1, step)));
    float bc2_sqrt = (float)sqrt(1 - pow(beta2, step));
    float b1 = (float)beta1, r1 = (float)(1 - beta1), b2 = (float)beta2, r2 = (float)(1 - beta2), e = (float)eps;
    for (long i = 0; i < n; i++) {
        float mi = b1 * m[i] + r1 * g[i];
        float vi = b2 * v[i] + r2 * g[i] * g[i];
        m[i] = mi;
        v[i] = vi;
        p[i] -= step_size * mi / (sqrtf(vi) / bc2_sqrt + e);
    }
}
