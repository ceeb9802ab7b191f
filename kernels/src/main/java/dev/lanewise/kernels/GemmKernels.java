package dev.lanewise.kernels;

/** Placeholder: filled in by the GEMM work. */
public interface GemmKernels {
}
