package dev.lanewise.harness.optimizers;

import dev.lanewise.kernels.optim.AdadeltaConfig;
import dev.lanewise.kernels.optim.AdagradConfig;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.AdamaxConfig;
import dev.lanewise.kernels.optim.LionConfig;
import dev.lanewise.kernels.optim.NAdamConfig;
import dev.lanewise.kernels.optim.OptimizerKernels;
import dev.lanewise.kernels.optim.RAdamConfig;
import dev.lanewise.kernels.optim.RmspropConfig;
import dev.lanewise.kernels.optim.SgdConfig;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One optimizer with its state buffers, stepping a parameter vector through one {@link OptimizerKernels}
 * implementation. Built from PyTorch's constructor keyword arguments (as in the golden JSON), so that the
 * tests speak PyTorch's names.
 */
final class OptimizerRun {
    private final String name;
    private final Object config;
    private final OptimizerKernels kernels;
    final float[] param;
    final float[] a;
    final float[] b;
    final float[] c;
    private double muProduct = 1;
    private long step;

    OptimizerRun(String name, Map<String, Object> options, OptimizerKernels kernels, float[] start) {
        this.name = name;
        this.config = config(name, options);
        this.kernels = kernels;
        this.param = start.clone();
        int n = start.length;
        this.a = new float[n];
        this.b = new float[n];
        this.c = new float[n];
        if (config instanceof AdagradConfig ag) {
            Arrays.fill(a, (float) ag.initialAccumulatorValue());
        }
    }

    /** The config record that PyTorch's keyword arguments describe, with PyTorch's defaults for the rest. */
    static Object config(String name, Map<String, Object> o) {
        double[] betas = betas(o);
        return switch (name) {
            case "sgd" -> new SgdConfig(num(o, "lr", Double.NaN), num(o, "momentum", 0), num(o, "dampening", 0),
                    num(o, "weight_decay", 0), bool(o, "nesterov"), bool(o, "maximize"));
            case "adagrad" -> new AdagradConfig(num(o, "lr", 1e-2), num(o, "lr_decay", 0), num(o, "weight_decay", 0),
                    num(o, "initial_accumulator_value", 0), num(o, "eps", 1e-10), bool(o, "maximize"));
            case "rmsprop" -> new RmspropConfig(num(o, "lr", 1e-2), num(o, "alpha", 0.99), num(o, "eps", 1e-8),
                    num(o, "weight_decay", 0), num(o, "momentum", 0), bool(o, "centered"), bool(o, "maximize"));
            case "adadelta" -> new AdadeltaConfig(num(o, "lr", 1.0), num(o, "rho", 0.9), num(o, "eps", 1e-6),
                    num(o, "weight_decay", 0), bool(o, "maximize"));
            case "adam" -> new AdamConfig(num(o, "lr", 1e-3), betas[0], betas[1], num(o, "eps", 1e-8),
                    num(o, "weight_decay", 0), bool(o, "amsgrad"), bool(o, "maximize"), false);
            case "adamw" -> new AdamConfig(num(o, "lr", 1e-3), betas[0], betas[1], num(o, "eps", 1e-8),
                    num(o, "weight_decay", 1e-2), bool(o, "amsgrad"), bool(o, "maximize"), true);
            case "adamax" -> new AdamaxConfig(num(o, "lr", 2e-3), betas[0], betas[1], num(o, "eps", 1e-8),
                    num(o, "weight_decay", 0), bool(o, "maximize"));
            case "nadam" -> new NAdamConfig(num(o, "lr", 2e-3), betas[0], betas[1], num(o, "eps", 1e-8),
                    num(o, "weight_decay", 0), num(o, "momentum_decay", 4e-3));
            case "radam" -> new RAdamConfig(num(o, "lr", 1e-3), betas[0], betas[1], num(o, "eps", 1e-8),
                    num(o, "weight_decay", 0));
            case "lion" -> new LionConfig(num(o, "lr", 1e-4), o.containsKey("betas") ? betas[0] : 0.9,
                    o.containsKey("betas") ? betas[1] : 0.99, num(o, "weight_decay", 0));
            default -> throw new IllegalArgumentException("unknown optimizer " + name);
        };
    }

    /** One step with {@code grad}, through the kernels (no facade checks). */
    void step(float[] grad) {
        step++;
        int n = param.length;
        switch (config) {
            case SgdConfig s -> kernels.sgd(n, param, 0, grad, 0, a, 0, s, step);
            case AdagradConfig s -> kernels.adagrad(n, param, 0, grad, 0, a, 0, s, step);
            case RmspropConfig s -> kernels.rmsprop(n, param, 0, grad, 0, a, 0, b, 0, c, 0, s);
            case AdadeltaConfig s -> kernels.adadelta(n, param, 0, grad, 0, a, 0, b, 0, s);
            case AdamConfig s -> kernels.adam(n, param, 0, grad, 0, a, 0, b, 0, c, 0, s, step);
            case AdamaxConfig s -> kernels.adamax(n, param, 0, grad, 0, a, 0, b, 0, s, step);
            case NAdamConfig s -> muProduct = kernels.nadam(n, param, 0, grad, 0, a, 0, b, 0, s, step, muProduct);
            case RAdamConfig s -> kernels.radam(n, param, 0, grad, 0, a, 0, b, 0, s, step);
            case LionConfig s -> kernels.lion(n, param, 0, grad, 0, a, 0, s);
            default -> throw new IllegalStateException(name);
        }
    }

    private static double num(Map<String, Object> o, String key, double fallback) {
        Object v = o.get(key);
        if (v == null && Double.isNaN(fallback)) {
            throw new IllegalArgumentException(key + " is required");
        }
        return v == null ? fallback : ((Number) v).doubleValue();
    }

    private static boolean bool(Map<String, Object> o, String key) {
        return Boolean.TRUE.equals(o.get(key));
    }

    private static double[] betas(Map<String, Object> o) {
        Object v = o.get("betas");
        if (v == null) {
            return new double[] {0.9, 0.999};
        }
        List<?> list = (List<?>) v;
        return new double[] {((Number) list.get(0)).doubleValue(), ((Number) list.get(1)).doubleValue()};
    }

    @Override
    public String toString() {
        return name + " " + config;
    }
}
