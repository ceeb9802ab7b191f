/**
 * Optimizers that own their state buffers, one class per {@code torch.optim} algorithm (plus Lion), each a
 * thin layer over the fused kernels of {@link dev.lanewise.kernels.Optimizers}.
 */
package dev.lanewise.model.optim;
