/*
 * Native reference points for lanewise's JMH results, measured on the same machine: what plain C with
 * gcc -O3 -march=native (and a hand-written AVX2 dot) reaches on the kernels the issues set targets for.
 * Not part of the library; run by ./run.sh, which records the compiler and CPU beside the figures. The kernels
 * themselves live in reference_lib.c, which the JMH benchmarks also build as a shared library.
 *
 * Each kernel is timed as the median of 21 batches, each batch long enough (>= 20 ms) to dwarf the clock.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reference_lib.h"

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

typedef void (*kernel_fn)(long n, void *state);

struct arrays { float *x, *y, *m, *v; long step; };

static void run_dot(long n, void *s) { struct arrays *a = s; sink = lwref_dot_avx2(n, a->x, a->y); }
static void run_dot512(long n, void *s) { struct arrays *a = s; sink = lwref_dot_avx512(n, a->x, a->y); }
static void run_sigmoid(long n, void *s) { struct arrays *a = s; lwref_sigmoid(n, a->x, a->y); sink = a->y[n / 2]; }
static void run_adam(long n, void *s) {
    struct arrays *a = s;
    lwref_adam(n, a->y, a->x, a->m, a->v, 1e-3, 0.9, 0.999, 1e-8, ++a->step);
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
    for (int k = 0; k < 4 && lwref_has_avx512(); k++) {
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
