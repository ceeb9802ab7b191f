package dev.lanewise.harness.cli;

import dev.lanewise.kernels.optim.AdadeltaConfig;
import dev.lanewise.kernels.optim.AdagradConfig;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.AdamaxConfig;
import dev.lanewise.kernels.optim.LionConfig;
import dev.lanewise.kernels.optim.NAdamConfig;
import dev.lanewise.kernels.optim.RAdamConfig;
import dev.lanewise.kernels.optim.RmspropConfig;
import dev.lanewise.kernels.optim.SgdConfig;
import dev.lanewise.model.optim.OptimizerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The optimizer options of {@code train}, with PyTorch's names. An option the chosen optimizer does not have
 * ({@code --momentum} with Adam) is refused, naming the ones it has, rather than silently ignored. Unset
 * hyperparameters keep PyTorch's defaults.
 */
public final class OptimizerOptions {
    /** Each optimizer and the options it takes besides {@code --lr}. */
    private static final Map<String, Set<String>> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("sgd", Set.of("--momentum", "--weight-decay", "--nesterov"));
        OPTIONS.put("adam", Set.of("--betas", "--eps", "--weight-decay", "--amsgrad"));
        OPTIONS.put("adamw", Set.of("--betas", "--eps", "--weight-decay", "--amsgrad"));
        OPTIONS.put("rmsprop", Set.of("--momentum", "--eps", "--weight-decay"));
        OPTIONS.put("adagrad", Set.of("--eps", "--weight-decay"));
        OPTIONS.put("adadelta", Set.of("--eps", "--weight-decay"));
        OPTIONS.put("adamax", Set.of("--betas", "--eps", "--weight-decay"));
        OPTIONS.put("nadam", Set.of("--betas", "--eps", "--weight-decay"));
        OPTIONS.put("radam", Set.of("--betas", "--eps", "--weight-decay"));
        OPTIONS.put("lion", Set.of("--betas", "--weight-decay"));
    }

    @Option(names = "--optimizer", paramLabel = "NAME", description = "sgd, adam, adamw, rmsprop, adagrad, adadelta, "
            + "adamax, nadam, radam or lion (default: sgd for linear, adam otherwise)")
    String name;

    @Option(names = "--lr", paramLabel = "RATE", description = "learning rate (default: 0.01 for linear, logistic and "
            + "softmax; the optimizer's PyTorch default for mlp)")
    Double lr;

    @Option(names = "--momentum", paramLabel = "M", description = "momentum (sgd, rmsprop)")
    Double momentum;

    @Option(names = "--weight-decay", paramLabel = "WD", description = "weight decay: an L2 term in the gradient, "
            + "decoupled for adamw and lion")
    Double weightDecay;

    @Option(names = "--betas", paramLabel = "BETA", split = ",",
            description = "moment decay rates, e.g. 0.9,0.999 (adam, adamw, adamax, nadam, radam, lion)")
    List<Double> betas;

    @Option(names = "--eps", paramLabel = "EPS", description = "term added to the denominator (adam family, rmsprop, adagrad, adadelta)")
    Double eps;

    @Option(names = "--nesterov", description = "Nesterov momentum (sgd; needs --momentum)")
    boolean nesterov;

    @Option(names = "--amsgrad", description = "AMSGrad variant (adam, adamw)")
    boolean amsgrad;

    /** The optimizer's name as given, lower case, or {@code fallback} where none was given. */
    String resolvedName(String fallback) {
        return name == null ? fallback : name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The optimizer these options describe.
     *
     * @param fallback  the optimizer when {@code --optimizer} is not given
     * @param defaultLr the rate when {@code --lr} is not given; NaN for the optimizer's own default
     * @throws UserError for an unknown optimizer, an option it does not take, or a value it refuses
     */
    public OptimizerSpec spec(String fallback, double defaultLr) {
        String kind = resolvedName(fallback);
        Set<String> accepted = OPTIONS.get(kind);
        if (accepted == null) {
            throw new UserError("--optimizer must be one of " + String.join(", ", OPTIONS.keySet()) + ", was '" + name + "'");
        }
        List<String> refused = new ArrayList<>();
        for (String given : given()) {
            if (!accepted.contains(given)) {
                refused.add(given);
            }
        }
        if (!refused.isEmpty()) {
            throw new UserError(String.join(", ", refused) + (refused.size() == 1 ? " does" : " do") + " not apply to "
                    + kind + ", which takes --lr" + (accepted.isEmpty() ? "" : ", " + String.join(", ", sorted(accepted))));
        }
        if (betas != null && betas.size() != 2) {
            throw new UserError("--betas must be two numbers separated by a comma, such as 0.9,0.999, was " + betas);
        }
        if (lr != null && !(lr >= 0 && Double.isFinite(lr))) {
            throw new UserError("--lr must be finite and >= 0, was " + lr);
        }
        double rate = lr != null ? lr : defaultLr;
        try {
            return build(kind, rate);
        } catch (IllegalArgumentException e) {
            throw new UserError(kind + ": " + e.getMessage(), e);
        }
    }

    private OptimizerSpec build(String kind, double rate) {
        boolean own = Double.isNaN(rate);
        double wd = weightDecay != null ? weightDecay : 0;
        return switch (kind) {
            case "sgd" -> OptimizerSpec.sgd(new SgdConfig(own ? 0.01 : rate, orElse(momentum, 0), 0, wd, nesterov, false));
            case "adam", "adamw" -> {
                AdamConfig base = kind.equals("adam") ? AdamConfig.adam() : AdamConfig.adamW();
                yield OptimizerSpec.adam(new AdamConfig(own ? base.lr() : rate, beta(0, base.beta1()), beta(1, base.beta2()),
                        orElse(eps, base.eps()), weightDecay != null ? weightDecay : base.weightDecay(), amsgrad, false,
                        base.decoupled()));
            }
            case "rmsprop" -> {
                RmspropConfig d = RmspropConfig.defaults();
                yield OptimizerSpec.rmsprop(new RmspropConfig(own ? d.lr() : rate, d.alpha(), orElse(eps, d.eps()), wd,
                        orElse(momentum, d.momentum()), false, false));
            }
            case "adagrad" -> {
                AdagradConfig d = AdagradConfig.defaults();
                yield OptimizerSpec.adagrad(new AdagradConfig(own ? d.lr() : rate, d.lrDecay(), wd, d.initialAccumulatorValue(),
                        orElse(eps, d.eps()), false));
            }
            case "adadelta" -> {
                AdadeltaConfig d = AdadeltaConfig.defaults();
                yield OptimizerSpec.adadelta(new AdadeltaConfig(own ? d.lr() : rate, d.rho(), orElse(eps, d.eps()), wd, false));
            }
            case "adamax" -> {
                AdamaxConfig d = AdamaxConfig.defaults();
                yield OptimizerSpec.adamax(new AdamaxConfig(own ? d.lr() : rate, beta(0, d.beta1()), beta(1, d.beta2()),
                        orElse(eps, d.eps()), wd, false));
            }
            case "nadam" -> {
                NAdamConfig d = NAdamConfig.defaults();
                yield OptimizerSpec.nadam(new NAdamConfig(own ? d.lr() : rate, beta(0, d.beta1()), beta(1, d.beta2()),
                        orElse(eps, d.eps()), wd, d.momentumDecay()));
            }
            case "radam" -> {
                RAdamConfig d = RAdamConfig.defaults();
                yield OptimizerSpec.radam(new RAdamConfig(own ? d.lr() : rate, beta(0, d.beta1()), beta(1, d.beta2()),
                        orElse(eps, d.eps()), wd));
            }
            case "lion" -> {
                LionConfig d = LionConfig.defaults();
                yield OptimizerSpec.lion(new LionConfig(own ? d.lr() : rate, beta(0, d.beta1()), beta(1, d.beta2()), wd));
            }
            default -> throw new IllegalStateException("no optimizer " + kind);
        };
    }

    /** The optimizer options given on the command line, besides {@code --lr}. */
    private List<String> given() {
        List<String> out = new ArrayList<>();
        if (momentum != null) {
            out.add("--momentum");
        }
        if (weightDecay != null) {
            out.add("--weight-decay");
        }
        if (betas != null) {
            out.add("--betas");
        }
        if (eps != null) {
            out.add("--eps");
        }
        if (nesterov) {
            out.add("--nesterov");
        }
        if (amsgrad) {
            out.add("--amsgrad");
        }
        return out;
    }

    private double beta(int i, double fallback) {
        return betas != null ? betas.get(i) : fallback;
    }

    private static double orElse(Double v, double fallback) {
        return v != null ? v : fallback;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
