/**
 * The data the trainers learn from: a dense row-major {@link dev.lanewise.model.data.Matrix} view laid
 * out as the GEMM kernels take it, a {@link dev.lanewise.model.data.Dataset} of features and regression
 * targets or class labels, CSV loading ({@link dev.lanewise.model.data.CsvLoader}, on Apache Commons CSV),
 * per-column {@link dev.lanewise.model.data.Standardizer standardization}, seeded (optionally stratified)
 * {@link dev.lanewise.model.data.Splits splits} and {@link dev.lanewise.model.data.Folds k-fold} indices,
 * and allocation-free {@link dev.lanewise.model.data.MiniBatches mini-batch iteration}.
 *
 * <p>The usual order: load, split, fit the standardizer on the training part only and apply it to every
 * part, then iterate the training part in mini-batches:
 * <pre>{@code
 * Dataset all = CsvLoader.load(Path.of("data/digits.csv"), CsvOptions.classification());
 * TrainValidationTestSplit split = Splits.trainValidationTest(all, 0.15, 0.15, seed, true);
 * Standardizer standardizer = Standardizer.fit(split.train().features());
 * Dataset train = standardizer.transformed(split.train());
 * MiniBatches batches = new MiniBatches(train, 64, seed);
 * }</pre>
 *
 * <p>Everything random is seeded ({@link java.util.SplittableRandom}): the same seed gives the same
 * splits, folds and batches, bit for bit. Plain Java: this package uses no kernels.
 */
package dev.lanewise.model.data;
