/**
 * Learning-rate schedules with the formulas and names of {@code torch.optim.lr_scheduler} (PyTorch 1.13).
 *
 * <p>A schedule is an immutable spec (a record implementing {@link dev.lanewise.model.optim.schedule.LrSchedule}),
 * so a command line or a hyperparameter search can build, compare and print it; {@code start(baseLr)} turns
 * it into a fresh, stateful {@link dev.lanewise.model.optim.schedule.Scheduler} that the trainer steps once
 * per epoch or once per batch. Every scheduler follows torch's step order and its chainable (recursive)
 * form where torch uses one, so its rates agree with torch's to within the rounding of {@code cos} and
 * {@code pow} (see {@code LrScheduleGoldenTest}).
 *
 * <p>Pure Java: nothing here touches the kernels.
 */
package dev.lanewise.model.optim.schedule;
