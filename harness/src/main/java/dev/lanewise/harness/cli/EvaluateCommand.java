package dev.lanewise.harness.cli;

import dev.lanewise.model.data.LabelMapping;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.estimator.Classifier;
import dev.lanewise.model.estimator.NetworkEstimator;
import dev.lanewise.model.estimator.Regressor;
import dev.lanewise.model.metrics.ClassificationMetrics;
import dev.lanewise.model.metrics.ConfusionMatrix;
import dev.lanewise.model.metrics.RegressionMetrics;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lanewise evaluate}: a saved model's scores on a labelled CSV file. Regressors: MSE, RMSE, MAE and R².
 * Classifiers: accuracy, log-loss, and the confusion matrix with each class's precision, recall and F1.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score a saved model on a labelled CSV file: regression MSE, RMSE, MAE, R2; classification "
                + "accuracy, log-loss, per-class precision/recall/F1 and the confusion matrix.")
public final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "a model file written by train")
    Path modelFile;

    @Parameters(index = "1", paramLabel = "CSV", description = "labelled rows: a header row, the model's feature columns and the target")
    Path csv;

    @Option(names = "--target", paramLabel = "COLUMN", description = "the target column: a name, or a 0-based index (default: the last column)")
    String target;

    @Override
    public Integer call() throws Exception {
        NetworkEstimator model = SavedModels.load(modelFile);
        CsvTable table = CsvTable.read(csv);
        Matrix x = ModelInputs.features(model, table);
        int column = ModelInputs.targetColumn(model, table, target);
        System.out.printf(Locale.ROOT, "%s (%s) on %s: %d rows, target '%s'%n", modelFile, model.kind(), csv, x.rows(),
                table.header().get(column));
        if (model instanceof Classifier classifier) {
            LabelMapping classes = classifier.labelMapping();
            int[] y = ModelInputs.labels(classes, table, column);
            Matrix proba = classifier.predictProba(x);
            int[] predicted = classifier.predict(x);
            System.out.printf(Locale.ROOT, "accuracy %.6f%n", ClassificationMetrics.accuracy(y, predicted));
            System.out.printf(Locale.ROOT, "log-loss %.6f%n", ClassificationMetrics.logLoss(y, proba.toArray(), proba.cols()));
            if (!classes.equals(LabelMapping.identity(classes.numClasses()))) {
                StringBuilder names = new StringBuilder("classes:");
                for (int k = 0; k < classes.numClasses(); k++) {
                    names.append(' ').append(k).append('=').append(classes.nameOf(k));
                }
                System.out.println(names);
            }
            System.out.println(ConfusionMatrix.of(classes.numClasses(), y, predicted));
        } else {
            float[] y = table.numbers(column);
            float[] predicted = ((Regressor) model).predict(x);
            System.out.printf(Locale.ROOT, "MSE  %.6g%nRMSE %.6g%nMAE  %.6g%nR2   %.6f%n", RegressionMetrics.mse(y, predicted),
                    RegressionMetrics.rmse(y, predicted), RegressionMetrics.mae(y, predicted), RegressionMetrics.r2(y, predicted));
        }
        return 0;
    }
}
