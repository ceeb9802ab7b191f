#!/usr/bin/env bash
# Builds and runs the native reference kernels; prints a Markdown table with the compiler and CPU.
# The kernels live in reference_lib.c; the JMH benchmarks build the same file as a shared library
# (gcc -O3 -march=native -ffast-math -fopenmp-simd -shared -fPIC ... -lm, see README).
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
gcc -O3 -march=native -ffast-math -fopenmp-simd -o "$out/reference_kernels" reference_kernels.c reference_lib.c -lm
echo "- compiler: $(gcc --version | head -1), flags: -O3 -march=native -ffast-math -fopenmp-simd"
echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
echo
"$out/reference_kernels"
