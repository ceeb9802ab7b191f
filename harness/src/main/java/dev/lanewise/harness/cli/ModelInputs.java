package dev.lanewise.harness.cli;

import dev.lanewise.model.data.LabelMapping;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.estimator.NetworkEstimator;
import java.util.List;

/** Matches a CSV file to a saved model: its feature columns by name, its target column by the model's classes. */
final class ModelInputs {
    private ModelInputs() {}

    /**
     * The model's feature columns of {@code table}, in the model's order.
     *
     * @throws UserError if the file lacks one of them, or a cell is not a number
     */
    static Matrix features(NetworkEstimator model, CsvTable table) {
        List<String> names = model.featureNames();
        if (!names.isEmpty()) {
            return table.features(names);
        }
        // A model saved without feature names (fitted from Java on an unnamed dataset): columns by position.
        int inputs = model.network().inputSize();
        if (table.header().size() < inputs) {
            throw new UserError(table.source() + " has " + table.header().size() + " columns; the model takes " + inputs
                    + " features (it has no feature names, so the file's first " + inputs + " columns are used)");
        }
        return table.features(table.header().subList(0, inputs));
    }

    /**
     * The target column for {@code evaluate}: {@code --target}, else the last column; refused where it is one of
     * the model's features (then the file has no target, or it is elsewhere).
     */
    static int targetColumn(NetworkEstimator model, CsvTable table, String target) {
        int column = table.targetColumn(target);
        String name = table.header().get(column);
        if (model.featureNames().contains(name)) {
            throw new UserError(table.source() + ": column '" + name + "' is one of the model's features, not a target"
                    + (target == null ? " (the target is the last column unless --target names it)" : ""));
        }
        return column;
    }

    /** The target column's labels as the model's class indices. */
    static int[] labels(LabelMapping classes, CsvTable table, int column) {
        String[] cells = table.column(column);
        int[] y = new int[cells.length];
        for (int r = 0; r < y.length; r++) {
            try {
                y[r] = classes.classOf(cells[r]);
            } catch (IllegalArgumentException e) {
                throw new UserError(table.where(r, column) + ": label '" + cells[r] + "' is not one the model was trained on ("
                        + CsvTable.abbreviated(classes.names()) + ")");
            }
        }
        return y;
    }
}
