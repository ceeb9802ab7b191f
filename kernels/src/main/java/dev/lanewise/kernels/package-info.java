/**
 * The root of the kernels: {@link dev.lanewise.kernels.Kernels} decides once which implementation the static
 * facades of the domain packages use, and hands out any implementation by name as a
 * {@link dev.lanewise.kernels.KernelProvider}.
 */
package dev.lanewise.kernels;
