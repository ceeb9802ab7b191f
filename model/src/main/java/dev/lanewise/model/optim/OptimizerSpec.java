package dev.lanewise.model.optim;

import dev.lanewise.kernels.optim.AdadeltaConfig;
import dev.lanewise.kernels.optim.AdagradConfig;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.AdamaxConfig;
import dev.lanewise.kernels.optim.LionConfig;
import dev.lanewise.kernels.optim.NAdamConfig;
import dev.lanewise.kernels.optim.RAdamConfig;
import dev.lanewise.kernels.optim.RmspropConfig;
import dev.lanewise.kernels.optim.SgdConfig;
import java.util.Objects;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * Which optimizer to train with and its hyperparameters, before there are parameters to optimize: a trainer
 * calls {@link #create} once per fit. A value (its {@code toString} names the optimizer and every
 * hyperparameter), so a search can vary the learning rate with {@link #withLr} and a saved model can record it.
 */
public final class OptimizerSpec {
    private final String name;
    private final Object config;
    private final double lr;
    private final DoubleFunction<OptimizerSpec> withLr;
    private final Function<float[][], Optimizer> factory;

    private OptimizerSpec(String name, Object config, double lr, DoubleFunction<OptimizerSpec> withLr,
            Function<float[][], Optimizer> factory) {
        this.name = name;
        this.config = config;
        this.lr = lr;
        this.withLr = withLr;
        this.factory = factory;
    }

    public static OptimizerSpec sgd(SgdConfig c) {
        Objects.requireNonNull(c, "config");
        return new OptimizerSpec("sgd", c, c.lr(), lr -> sgd(c.withLr(lr)), p -> new Sgd(c, p));
    }

    public static OptimizerSpec adam(AdamConfig c) {
        Objects.requireNonNull(c, "config");
        return new OptimizerSpec(c.decoupled() ? "adamw" : "adam", c, c.lr(), lr -> adam(c.withLr(lr)), p -> new Adam(c, p));
    }

    public static OptimizerSpec adagrad(AdagradConfig c) {
        Objects.requireNonNull(c, "config");
        return new OptimizerSpec("adagrad", c, c.lr(), lr -> adagrad(c.withLr(lr)), p -> new Adagrad(c, p));
    }

    public static OptimizerSpec rmsprop(RmspropConfig c) {
        Objects.requireNonNull(c, "config");
        return new OptimizerSpec("rmsprop", c, c.lr(), lr -> rmsprop(c.withLr(lr)), p -> new Rmsprop(c, p));
    }

    public static OptimizerSpec adadelta(AdadeltaConfig c) {
        Objects.requireNonNull(c, "config");
        return new OptimizerSpec("adadelta", c, c.lr(), lr -> adadelta(c.withLr(lr)), p -> new Adadelta(c, p));
    }

    public static OptimizerSpec adamax(AdamaxConfig c) {
        Objects.requireNonNull(c, "config");
        return new OptimizerSpec("adamax", c, c.lr(), lr -> adamax(c.withLr(lr)), p -> new Adamax(c, p));
    }

    public static OptimizerSpec nadam(NAdamConfig c) {
        Objects.requireNonNull(c, "config");
        return new OptimizerSpec("nadam", c, c.lr(), lr -> nadam(c.withLr(lr)), p -> new NAdam(c, p));
    }

    public static OptimizerSpec radam(RAdamConfig c) {
        Objects.requireNonNull(c, "config");
        return new OptimizerSpec("radam", c, c.lr(), lr -> radam(c.withLr(lr)), p -> new RAdam(c, p));
    }

    public static OptimizerSpec lion(LionConfig c) {
        Objects.requireNonNull(c, "config");
        return new OptimizerSpec("lion", c, c.lr(), lr -> lion(c.withLr(lr)), p -> new Lion(c, p));
    }

    /** A fresh optimizer, with zero state, over these parameter arrays. */
    public Optimizer create(float[]... params) {
        return factory.apply(params);
    }

    /** The optimizer's name: {@code sgd}, {@code adam}, {@code adamw}, ... */
    public String name() {
        return name;
    }

    /** The kernel configuration record (SgdConfig, AdamConfig, ...). */
    public Object config() {
        return config;
    }

    /** The initial learning rate. */
    public double lr() {
        return lr;
    }

    /** The same optimizer at another initial learning rate. */
    public OptimizerSpec withLr(double lr) {
        return withLr.apply(lr);
    }

    @Override
    public String toString() {
        return config.toString();
    }
}
