package dev.lanewise.harness.cli;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.model.data.CsvLoader;
import dev.lanewise.model.data.CsvOptions;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Splits;
import dev.lanewise.model.data.TrainTestSplit;
import dev.lanewise.model.estimator.NetworkEstimator;
import dev.lanewise.model.linear.LinearRegression;
import dev.lanewise.model.linear.LogisticRegression;
import dev.lanewise.model.linear.SoftmaxRegression;
import dev.lanewise.model.loss.MeanSquaredError;
import dev.lanewise.model.nn.ActivationFunction;
import dev.lanewise.model.nn.MlpClassifier;
import dev.lanewise.model.nn.MlpDefaults;
import dev.lanewise.model.nn.MlpRegressor;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.optim.schedule.LrSchedule;
import dev.lanewise.model.select.GridSearch;
import dev.lanewise.model.select.RandomSearch;
import dev.lanewise.model.select.Scoring;
import dev.lanewise.model.select.SearchResult;
import dev.lanewise.model.select.SearchSettings;
import dev.lanewise.model.train.History;
import dev.lanewise.model.train.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code lanewise train}: fits a model on a CSV file and saves it, with its history as CSV and its curves as
 * SVG beside it; or, with {@code --search}, chooses the learning rate and penalties by cross-validation first.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit a model on a CSV file (header row; numeric features) and save it with its history "
                + "(<output>.history.csv) and its training curves (<output>.svg).",
                "Schedules (--schedule; steps are epochs): " + ScheduleParser.FORMS})
public final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CSV", description = "training data: a header row, numeric features")
    Path csv;

    @Option(names = "--target", paramLabel = "COLUMN", description = "the target column: a name, or a 0-based index (default: the last column)")
    String target;

    @Option(names = "--model", required = true, paramLabel = "KIND", converter = ModelKind.Converter.class,
            description = "linear (regression), logistic (2 classes), softmax (2+ classes) or mlp")
    ModelKind model;

    @Option(names = "--task", paramLabel = "TASK", description = "mlp only: classification (default) or regression")
    String task;

    @Option(names = "--hidden", paramLabel = "WIDTH", split = ",",
            description = "mlp only: hidden layer widths, input side first, e.g. 64,32 (default: 100)")
    List<Integer> hidden;

    @Option(names = "--activation", paramLabel = "NAME", converter = ActivationConverter.class,
            description = "mlp only: relu (default), leaky-relu, elu, sigmoid, tanh, gelu, silu or softplus")
    ActivationFunction activation;

    @Option(names = "--dropout", paramLabel = "P", description = "mlp only: dropout probability after each hidden layer (default: 0)")
    Double dropout;

    @Mixin
    OptimizerOptions optimizer = new OptimizerOptions();

    @Option(names = "--schedule", paramLabel = "SCHEDULE", converter = ScheduleParser.class,
            description = "learning-rate schedule, e.g. step:10:0.5, cosine:100, exponential:0.95, warmup:5:cosine:100, plateau (default: constant)")
    LrSchedule schedule;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "100", description = "the most epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32", description = "rows per step; 0 = full batch (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--l1", paramLabel = "L1", description = "L1 penalty on the weights (default: 0)")
    Double l1;

    @Option(names = "--l2", paramLabel = "L2", description = "L2 penalty on the weights (default: 0)")
    Double l2;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "rows held out to validate each epoch, stratified for classifiers; 0 = none (default: ${DEFAULT-VALUE})")
    double validationFraction;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE",
            description = "stop when the validation loss has not improved for PATIENCE epochs, and keep the best epoch's weights")
    Integer patience;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "seeds the split, the weights and the shuffling (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "threads per step (a search: fits at once); 0 = all cores (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = {"--output", "-o"}, paramLabel = "FILE", defaultValue = "model.lwmodel",
            description = "the model file; <FILE>.history.csv and <FILE>.svg go beside it (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--progress", paramLabel = "STYLE", defaultValue = "auto", converter = ProgressConverter.class,
            description = "auto (a bar on a terminal, else a line per tenth of the epochs), bar, lines or none (default: ${DEFAULT-VALUE})")
    TrainingProgress.Style progress;

    @Mixin
    SearchOptions search = new SearchOptions();

    @Override
    public Integer call() throws Exception {
        boolean classification = checkOptions();
        Path historyFile = Path.of(output + ".history.csv");
        Path chartFile = Path.of(output + ".svg");
        StagedFiles.requireWritable("--output", output);
        OptimizerSpec spec = optimizer.spec(defaultOptimizer(), model == ModelKind.MLP ? Double.NaN : 0.01);
        TrainingConfig config = trainingConfig();

        if (!Files.isRegularFile(csv)) {
            throw new UserError("CSV file not found: " + csv);
        }
        Dataset data = CsvLoader.load(csv, csvOptions(classification));
        Dataset train = data;
        Dataset validation = null;
        if (validationFraction > 0) {
            TrainTestSplit split = Splits.trainTest(data, validationFraction, seed, classification);
            train = split.train();
            validation = split.test();
        }
        System.out.println(Kernels.choice().describe());
        System.out.printf(Locale.ROOT, "%s: %d rows, %d features, %s; %d for training, %d for validation%n", csv,
                data.rows(), data.cols(), classification ? data.numClasses() + " classes" : "regression target",
                train.rows(), validation == null ? 0 : validation.rows());

        NetworkEstimator fitted;
        double seconds;
        if (search.enabled()) {
            long start = System.nanoTime();
            fitted = search(spec, config, train, classification);
            seconds = (System.nanoTime() - start) / 1e9;
            if (validation != null) {
                Scoring scoring = search.scoring(classification);
                System.out.printf(Locale.ROOT, "the refitted best on the %d validation rows: %s %.6g%n", validation.rows(),
                        scoring.sklearnName(), scoring.score(fitted, validation));
            }
        } else {
            NetworkEstimator estimator = newModel(spec, config, classification);
            System.out.println("model: " + model.cliName() + ", " + spec + ", " + describe(config));
            try (TrainingProgress bar = new TrainingProgress(progress, System.out)) {
                estimator.addCallback(bar);
                long start = System.nanoTime();
                estimator.fit(train, validation);
                seconds = (System.nanoTime() - start) / 1e9;
            }
            fitted = estimator;
        }
        History history = fitted.history();
        System.out.println("fit: " + Fits.timing(history, seconds));
        System.out.println(Fits.kept(history));

        String title = "lanewise train: " + fitted.kind() + " on " + csv.getFileName();
        try (StagedFiles out = new StagedFiles()) {
            fitted.save(out.stage(output));
            out.write(historyFile, history.toCsv());
            out.write(chartFile, TrainingChart.svg(history, title));
            out.commit();
        }
        System.out.println("wrote " + output + ", " + historyFile + ", " + chartFile);
        return 0;
    }

    /** Checks what can be checked before reading anything; returns whether the model is a classifier. */
    private boolean checkOptions() {
        boolean classification = switch (model) {
            case LINEAR -> false;
            case LOGISTIC, SOFTMAX -> true;
            case MLP -> task == null || parseTask(task);
        };
        if (task != null && model != ModelKind.MLP) {
            throw new UserError("--task applies to mlp only; " + model.cliName() + " is a "
                    + (classification ? "classifier" : "regressor"));
        }
        if (model != ModelKind.MLP) {
            List<String> mlpOnly = new ArrayList<>();
            if (hidden != null) {
                mlpOnly.add("--hidden");
            }
            if (activation != null) {
                mlpOnly.add("--activation");
            }
            if (dropout != null) {
                mlpOnly.add("--dropout");
            }
            if (!mlpOnly.isEmpty()) {
                throw new UserError(String.join(", ", mlpOnly) + " applies to --model mlp only, not " + model.cliName());
            }
        }
        if (hidden != null && hidden.stream().anyMatch(h -> h < 1)) {
            throw new UserError("--hidden: each size must be >= 1, was " + hidden);
        }
        if (dropout != null && !(dropout >= 0 && dropout < 1)) {
            throw new UserError("--dropout must be in [0, 1), was " + dropout);
        }
        if (epochs < 1) {
            throw new UserError("--epochs must be >= 1, was " + epochs);
        }
        if (batchSize < 0) {
            throw new UserError("--batch-size must be >= 0 (0 = full batch), was " + batchSize);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new UserError("--validation-fraction must be in [0, 1), was " + validationFraction);
        }
        if (patience != null) {
            if (patience < 1) {
                throw new UserError("--early-stopping must be >= 1 epoch, was " + patience);
            }
            if (validationFraction == 0) {
                throw new UserError("--early-stopping needs validation rows: --validation-fraction is 0");
            }
            if (search.enabled()) {
                throw new UserError("--early-stopping does not combine with --search, whose folds have no validation rows");
            }
        }
        nonNegative("--l1", l1);
        nonNegative("--l2", l2);
        if (threads < 0) {
            throw new UserError("--threads must be >= 0 (0 = all cores), was " + threads);
        }
        search.check();
        if (search.enabled() && optimizer.lr != null) {
            throw new UserError("--lr does not combine with --search, which chooses the learning rate (see --search-lr)");
        }
        return classification;
    }

    private static boolean parseTask(String task) {
        return switch (task.strip().toLowerCase(Locale.ROOT)) {
            case "classification" -> true;
            case "regression" -> false;
            default -> throw new UserError("--task must be classification or regression, was '" + task + "'");
        };
    }

    private static void nonNegative(String name, Double value) {
        if (value != null && !(value >= 0 && Double.isFinite(value))) {
            throw new UserError(name + " must be finite and >= 0, was " + value);
        }
    }

    private String defaultOptimizer() {
        return model == ModelKind.LINEAR ? "sgd" : "adam";
    }

    private CsvOptions csvOptions(boolean classification) {
        CsvOptions options = classification ? CsvOptions.classification() : CsvOptions.regression();
        if (target == null) {
            return options;
        }
        return target.matches("\\d+") ? options.withTarget(Integer.parseInt(target)) : options.withTarget(target);
    }

    private TrainingConfig trainingConfig() {
        TrainingConfig config = TrainingConfig.defaults().withMaxEpochs(epochs).withBatchSize(batchSize).withSeed(seed)
                .withL1(l1 != null ? l1 : 0).withL2(l2 != null ? l2 : 0);
        if (schedule != null) {
            config = config.withSchedule(schedule);
        }
        if (patience != null) {
            config = config.withEarlyStopping(patience, 0, true);
        }
        // A search runs its candidates in parallel, each fit on one thread; a single fit uses --threads.
        return search.enabled() ? config : config.withThreads(threads);
    }

    private NetworkEstimator newModel(OptimizerSpec spec, TrainingConfig config, boolean classification) {
        NetworkEstimator estimator = switch (model) {
            case LINEAR -> new LinearRegression(new MeanSquaredError(), spec, config);
            case LOGISTIC -> new LogisticRegression(spec, config);
            case SOFTMAX -> new SoftmaxRegression(spec, config);
            case MLP -> {
                int[] sizes = hidden != null ? hidden.stream().mapToInt(Integer::intValue).toArray() : MlpDefaults.hiddenSizes();
                ActivationFunction f = activation != null ? activation : ActivationFunction.RELU;
                double p = dropout != null ? dropout : 0;
                yield classification
                        ? new MlpClassifier(spec, config, sizes).setActivation(f).setDropout(p)
                        : new MlpRegressor(new MeanSquaredError(), spec, config, sizes).setActivation(f).setDropout(p);
            }
        };
        return estimator.setSeed(seed);
    }

    private NetworkEstimator search(OptimizerSpec spec, TrainingConfig config, Dataset train, boolean classification) {
        Scoring scoring = search.scoring(classification);
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        SearchSettings settings = SearchSettings.of(scoring).withFolds(search.folds()).withStratified(classification)
                .withSeed(seed).withThreads(workers);
        Function<Map<String, Object>, NetworkEstimator> build = candidate -> newModel(
                spec.withLr(SearchOptions.value(candidate, SearchOptions.LR)),
                config.withL2(SearchOptions.value(candidate, SearchOptions.L2)).withL1(SearchOptions.value(candidate, SearchOptions.L1)),
                classification);
        System.out.printf(Locale.ROOT, "model: %s, %s, %s%n%s, %d-fold cross-validation, scoring %s, %d fits at once%n",
                model.cliName(), spec.name(), describe(config), search.describe(), search.folds(), scoring.sklearnName(), workers);
        SearchResult result = search.isGrid()
                ? GridSearch.run(search.grid(), build, train, settings)
                : RandomSearch.run(search.sampler(), search.iterations(), build, train, settings);
        SearchTable.print(result, System.out);
        System.out.println("refit stopped: " + result.bestEstimator().history().stopReason());
        return result.bestEstimator();
    }

    private static String describe(TrainingConfig c) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.maxEpochs()).append(" epochs, batch ").append(c.batchSize() == 0 ? "full" : Integer.toString(c.batchSize()));
        sb.append(", schedule ").append(c.schedule());
        if (c.l1() > 0) {
            sb.append(", l1 ").append(c.l1());
        }
        if (c.l2() > 0) {
            sb.append(", l2 ").append(c.l2());
        }
        if (c.patience() > 0) {
            sb.append(", early stopping after ").append(c.patience()).append(" epochs");
        }
        return sb.toString();
    }

    /** Reads {@code --activation} by its command-line name. */
    public static final class ActivationConverter implements ITypeConverter<ActivationFunction> {
        @Override
        public ActivationFunction convert(String value) {
            try {
                return ActivationFunction.parse(value.strip());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads {@code --progress}. */
    public static final class ProgressConverter implements ITypeConverter<TrainingProgress.Style> {
        @Override
        public TrainingProgress.Style convert(String value) {
            for (TrainingProgress.Style s : TrainingProgress.Style.values()) {
                if (s.name().equalsIgnoreCase(value.strip())) {
                    return s;
                }
            }
            throw new TypeConversionException("'" + value + "' must be auto, bar, lines or none");
        }
    }
}
