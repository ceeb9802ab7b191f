package dev.lanewise.harness.cli;

import dev.lanewise.model.select.Distribution;
import dev.lanewise.model.select.ParameterGrid;
import dev.lanewise.model.select.ParameterSampler;
import dev.lanewise.model.select.Scoring;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --search} options of {@code train}: which search, over which ranges of the learning rate and the
 * penalties, scored how, with how many folds. Learning rates and penalties matter by their order of magnitude,
 * so a random search draws them log-uniformly and a grid spaces them evenly on a log scale.
 */
public final class SearchOptions {
    /** Hyperparameter names in a candidate. */
    static final String LR = "lr";
    static final String L2 = "l2";
    static final String L1 = "l1";

    @Option(names = "--search", arity = "0..1", fallbackValue = "random", paramLabel = "random|grid",
            description = "choose lr and penalties by k-fold cross-validation (random search by default, or grid), "
                    + "then refit the best on the training rows and save it")
    String kind;

    @Option(names = "--search-iter", paramLabel = "N", description = "candidates of a random search (default: 20)")
    Integer iterations;

    @Option(names = "--grid-points", paramLabel = "N", description = "values per hyperparameter in a grid search, "
            + "log-spaced over its range, ends included (default: 4)")
    Integer gridPoints;

    @Option(names = "--folds", paramLabel = "K", description = "cross-validation folds of a search (default: 5)")
    Integer folds;

    @Option(names = "--search-lr", paramLabel = "MIN:MAX", converter = LogRange.Converter.class,
            description = "learning-rate range of a search (default: 1e-4:1)")
    LogRange lrRange;

    @Option(names = "--search-l2", paramLabel = "MIN:MAX", converter = LogRange.Converter.class,
            description = "L2 penalty range of a search (default: 1e-6:1e-1)")
    LogRange l2Range;

    @Option(names = "--search-l1", paramLabel = "MIN:MAX", converter = LogRange.Converter.class,
            description = "L1 penalty range of a search (default: L1 not searched)")
    LogRange l1Range;

    @Option(names = "--scoring", paramLabel = "NAME", description = "what a search maximizes: accuracy or neg_log_loss "
            + "(classifiers; default accuracy), neg_mean_squared_error or r2 (regressors; default neg_mean_squared_error)")
    String scoring;

    /** Whether {@code --search} was given. */
    boolean enabled() {
        return kind != null;
    }

    /** Refuses options of a search given without {@code --search}, and a search kind that does not exist. */
    void check() {
        if (kind == null) {
            List<String> stray = new ArrayList<>();
            addIf(stray, iterations != null, "--search-iter");
            addIf(stray, gridPoints != null, "--grid-points");
            addIf(stray, folds != null, "--folds");
            addIf(stray, lrRange != null, "--search-lr");
            addIf(stray, l2Range != null, "--search-l2");
            addIf(stray, l1Range != null, "--search-l1");
            addIf(stray, scoring != null, "--scoring");
            if (!stray.isEmpty()) {
                throw new UserError(String.join(", ", stray) + (stray.size() == 1 ? " applies" : " apply")
                        + " only with --search");
            }
            return;
        }
        if (!isGrid() && !kind.equalsIgnoreCase("random")) {
            throw new UserError("--search must be random or grid, was '" + kind + "'");
        }
        if (isGrid() && iterations != null) {
            throw new UserError("--search-iter applies to a random search; a grid search takes --grid-points");
        }
        if (!isGrid() && gridPoints != null) {
            throw new UserError("--grid-points applies to a grid search; a random search takes --search-iter");
        }
        positive("--search-iter", iterations);
        if (gridPoints != null && gridPoints < 2) {
            throw new UserError("--grid-points must be >= 2, was " + gridPoints);
        }
        if (folds != null && folds < 2) {
            throw new UserError("--folds must be >= 2, was " + folds);
        }
    }

    boolean isGrid() {
        return kind != null && kind.equalsIgnoreCase("grid");
    }

    int iterations() {
        return iterations != null ? iterations : 20;
    }

    int folds() {
        return folds != null ? folds : 5;
    }

    /** The scoring: the one named, or the default for the task. */
    Scoring scoring(boolean classification) {
        if (scoring == null) {
            return classification ? Scoring.ACCURACY : Scoring.NEG_MEAN_SQUARED_ERROR;
        }
        for (Scoring s : Scoring.values()) {
            if (s.sklearnName().equalsIgnoreCase(scoring.strip())) {
                if (s.forClassifiers() != classification) {
                    throw new UserError("--scoring " + scoring + " scores " + (s.forClassifiers() ? "classifiers" : "regressors")
                            + ", and this model is a " + (classification ? "classifier" : "regressor"));
                }
                return s;
            }
        }
        throw new UserError("--scoring must be accuracy, neg_log_loss, neg_mean_squared_error or r2, was '" + scoring + "'");
    }

    /** A random search's sampler: lr, l2 (and l1 where asked) log-uniform over their ranges. */
    ParameterSampler sampler() {
        ParameterSampler.Builder b = ParameterSampler.builder()
                .add(LR, Distribution.logUniform(lr().min(), lr().max()))
                .add(L2, Distribution.logUniform(l2().min(), l2().max()));
        if (l1Range != null) {
            b.add(L1, Distribution.logUniform(l1Range.min(), l1Range.max()));
        }
        return b.build();
    }

    /** A grid search's grid: each hyperparameter at {@code --grid-points} log-spaced values. */
    ParameterGrid grid() {
        int n = gridPoints != null ? gridPoints : 4;
        ParameterGrid.Builder b = ParameterGrid.builder().add(LR, logSpaced(lr(), n)).add(L2, logSpaced(l2(), n));
        if (l1Range != null) {
            b.add(L1, logSpaced(l1Range, n));
        }
        return b.build();
    }

    /** The search, for the report: {@code random search, 20 candidates} or {@code grid search, 16 candidates}. */
    String describe() {
        return isGrid() ? "grid search, " + grid().size() + " candidates" : "random search, " + iterations() + " candidates";
    }

    private LogRange lr() {
        return lrRange != null ? lrRange : new LogRange(1e-4, 1);
    }

    private LogRange l2() {
        return l2Range != null ? l2Range : new LogRange(1e-6, 1e-1);
    }

    private static Object[] logSpaced(LogRange range, int n) {
        double lo = Math.log10(range.min());
        double hi = Math.log10(range.max());
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.pow(10, lo + (hi - lo) * i / (n - 1));
        }
        return values;
    }

    /** The learning rate, L2 and L1 of a candidate (0 for a penalty it does not name). */
    static double value(Map<String, Object> candidate, String name) {
        Object v = candidate.get(name);
        return v == null ? 0 : ((Number) v).doubleValue();
    }

    private static void addIf(List<String> list, boolean condition, String name) {
        if (condition) {
            list.add(name);
        }
    }

    private static void positive(String name, Integer value) {
        if (value != null && value < 1) {
            throw new UserError(name + " must be >= 1, was " + value);
        }
    }

    /** A range for a log scale, {@code 0 < min < max}, both finite. */
    record LogRange(double min, double max) {
        /** Reads {@code MIN:MAX}. */
        public static final class Converter implements ITypeConverter<LogRange> {
            @Override
            public LogRange convert(String value) {
                String[] parts = value.split(":", -1);
                if (parts.length != 2) {
                    throw new TypeConversionException("'" + value + "' must be MIN:MAX, such as 1e-4:1");
                }
                double lo;
                double hi;
                try {
                    lo = Double.parseDouble(parts[0].strip());
                    hi = Double.parseDouble(parts[1].strip());
                } catch (NumberFormatException e) {
                    throw new TypeConversionException("'" + value + "' must be two numbers MIN:MAX, such as 1e-4:1");
                }
                if (!(lo > 0) || !(lo < hi) || !Double.isFinite(hi)) {
                    throw new TypeConversionException("'" + value + "' must have 0 < MIN < MAX (both finite), for a log scale");
                }
                return new LogRange(lo, hi);
            }
        }
    }

    @Override
    public String toString() {
        return kind == null ? "no search" : kind.toLowerCase(Locale.ROOT) + " search";
    }
}
