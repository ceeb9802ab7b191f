/**
 * Optimizers that own their state buffers, one class per {@code torch.optim} algorithm (plus Lion), each a
 * thin layer over the fused kernels of {@link dev.lanewise.kernels.optim.Optimizers}.
 */
package dev.lanewise.model.optim;

import dev.lanewise.kernels.optim.Optimizers;
