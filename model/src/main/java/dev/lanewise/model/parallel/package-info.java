/**
 * The threads of a training step: one small {@link dev.lanewise.model.parallel.ComputePool} per fit, shared
 * by the layers' matrix products and the optimizer update, and the interface of the parts that use it.
 */
package dev.lanewise.model.parallel;
