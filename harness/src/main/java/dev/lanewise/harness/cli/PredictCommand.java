package dev.lanewise.harness.cli;

import dev.lanewise.model.data.LabelMapping;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.estimator.Classifier;
import dev.lanewise.model.estimator.NetworkEstimator;
import dev.lanewise.model.estimator.Regressor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lanewise predict}: a saved model's predictions for the rows of a CSV file, as CSV. A classifier writes
 * the predicted label and a probability per class ({@code prediction,proba_<class>,...}); a regressor writes
 * {@code prediction}. The model's feature columns are picked by name; other columns (the target) are ignored.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Predict with a saved model for each row of a CSV file (features picked by name), writing CSV.")
public final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "a model file written by train")
    Path modelFile;

    @Parameters(index = "1", paramLabel = "CSV", description = "rows to predict: a header row with the model's feature columns")
    Path csv;

    @Option(names = {"--output", "-o"}, paramLabel = "FILE", description = "write the predictions here, atomically (default: standard output)")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (output != null) {
            StagedFiles.requireWritable("--output", output);
        }
        NetworkEstimator model = SavedModels.load(modelFile);
        CsvTable table = CsvTable.read(csv);
        Matrix x = ModelInputs.features(model, table);
        String text = predictionsCsv(model, x);
        if (output == null) {
            PrintStream out = System.out;
            out.print(text);
            out.flush();
            return 0;
        }
        try (StagedFiles out = new StagedFiles()) {
            out.write(output, text);
            out.commit();
        }
        System.out.println("wrote " + x.rows() + " predictions to " + output);
        return 0;
    }

    /** The predictions as CSV text, with a header row. */
    static String predictionsCsv(NetworkEstimator model, Matrix x) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(sb, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            if (model instanceof Classifier classifier) {
                LabelMapping classes = classifier.labelMapping();
                List<String> header = new ArrayList<>(List.of("prediction"));
                for (String name : classes.names()) {
                    header.add("proba_" + name);
                }
                printer.printRecord(header);
                Matrix proba = classifier.predictProba(x);
                int[] predicted = classifier.predict(x);
                List<String> row = new ArrayList<>(header.size());
                for (int r = 0; r < x.rows(); r++) {
                    row.clear();
                    row.add(classes.nameOf(predicted[r]));
                    for (int k = 0; k < proba.cols(); k++) {
                        row.add(Float.toString(proba.get(r, k)));
                    }
                    printer.printRecord(row);
                }
            } else {
                printer.printRecord("prediction");
                for (float y : ((Regressor) model).predict(x)) {
                    printer.printRecord(Float.toString(y));
                }
            }
        }
        return sb.toString();
    }
}
