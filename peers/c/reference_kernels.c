/*
 * Native reference points for lanewise's JMH results, measured on the same machine: what plain C with
 * gcc -O3 -march=native (and a hand-written AVX2 dot) reaches on the kernels the issues set targets for.
 * Not part of the library; run by ./run.sh, which records the compiler and CPU beside the figures.
 *
 * Each kernel is timed as the median of 21 batches, each batch long enough (>= 20 ms) to dwarf the clock.
 */
#define _GNU_SOURCE
#include <immintrin.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static volatile float sink;

/* dot with 4 AVX2 accumulators, as a hand-written kernel would be. */
__attribute__((target("avx2,fma"))) static float dot_avx2(const float *x, const float *y, long n) {
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
__attribute__((target("avx512f"))) static float dot_avx512(const float *x, const float *y, long n) {
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

/* sigmoid, left to gcc's vectorizer and libmvec's expf. */
static void sigmoid(const float *restrict x, float *restrict out, long n) {
    for (long i = 0; i < n; i++) out[i] = 1.0f / (1.0f + expf(-x[i]));
}

/* PyTorch's Adam (no weight decay, no amsgrad), one fused pass, left to gcc's vectorizer. */
static void adam(float *restrict p, const float *restrict g, float *restrict m, float *restrict v, long n,
                 float lr, float b1, float b2, float eps, long step) {
    float bc1 = 1.0f - powf(b1, step), bc2 = 1.0f - powf(b2, step);
    float step_size = lr / bc1, bc2_sqrt = sqrtf(bc2);
    for (long i = 0; i < n; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        p[i] -= step_size * m[i] / (sqrtf(v[i]) / bc2_sqrt + eps);
    }
}

typedef void (*kernel_fn)(long n, void *state);

struct arrays { float *x, *y, *m, *v; long step; };

static void run_dot(long n, void *s) { struct arrays *a = s; sink = dot_avx2(a->x, a->y, n); }
static void run_dot512(long n, void *s) { struct arrays *a = s; sink = dot_avx512(a->x, a->y, n); }
static void run_sigmoid(long n, void *s) { struct arrays *a = s; sigmoid(a->x, a->y, n); sink = a->y[n / 2]; }
static void run_adam(long n, void *s) {
    struct arrays *a = s;
    adam(a->y, a->x, a->m, a->v, n, 1e-3f, 0.9f, 0.999f, 1e-8f, ++a->step);
    sink = a->y[n / 2];
}

static double time_ns(kernel_fn f, long n, struct arrays *a) {
    long reps = 1;
    for (;;) { /* grow the batch until it lasts 20 ms */
        double t0 = now_ns();
        for (long r = 0; r < reps; r++) f(n, a);
        if (now_ns() - t0 > 2e7) break;
        reps *= 2;
    }
    double samples[21];
    for (int s = 0; s < 21; s++) {
        double t0 = now_ns();
        for (long r = 0; r < reps; r++) f(n, a);
        samples[s] = (now_ns() - t0) / reps;
    }
    qsort(samples, 21, sizeof(double), cmp);
    return samples[10];
}

int main(void) {
    long sizes[] = {4096, 65536, 1048576, 16777216};
    long max = 16777216;
    struct arrays a = {aligned_alloc(64, max * 4), aligned_alloc(64, max * 4), aligned_alloc(64, max * 4),
                       aligned_alloc(64, max * 4), 0};
    srand(42);
    for (long i = 0; i < max; i++) {
        a.x[i] = (float)rand() / RAND_MAX * 2 - 1;
        a.y[i] = (float)rand() / RAND_MAX * 2 - 1;
        a.m[i] = 0;
        a.v[i] = 0;
    }
    printf("| kernel | size | ns/call | rate |\n|---|---:|---:|---:|\n");
    for (int k = 0; k < 4; k++) {
        long n = sizes[k];
        double t = time_ns(run_dot, n, &a);
        printf("| dot (AVX2, 4 accumulators) | %ld | %.1f | %.2f GFLOPS |\n", n, t, 2.0 * n / t);
    }
    for (int k = 0; k < 4 && __builtin_cpu_supports("avx512f"); k++) {
        long n = sizes[k];
        double t = time_ns(run_dot512, n, &a);
        printf("| dot (AVX-512, 4 accumulators) | %ld | %.1f | %.2f GFLOPS |\n", n, t, 2.0 * n / t);
    }
    for (int k = 0; k < 4; k++) {
        long n = sizes[k];
        double t = time_ns(run_sigmoid, n, &a);
        printf("| sigmoid (gcc + libmvec) | %ld | %.1f | %.3f Gelem/s |\n", n, t, n / t);
    }
    for (int k = 0; k < 4; k++) {
        long n = sizes[k];
        memset(a.m, 0, n * 4);
        memset(a.v, 0, n * 4);
        double t = time_ns(run_adam, n, &a);
        printf("| Adam step (gcc -O3) | %ld | %.1f | %.3f Gelem/s, %.1f GB/s |\n", n, t, n / t, 28.0 * n / t);
    }
    return 0;
}
