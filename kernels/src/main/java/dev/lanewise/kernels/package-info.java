/**
 * lanewise kernels: public static facades ({@link dev.lanewise.kernels.blas.Blas} and its siblings) over a scalar
 * reference and a Vector API implementation, chosen once by {@link dev.lanewise.kernels.Kernels}.
 */
package dev.lanewise.kernels;
