package dev.lanewise.harness.optimizers;

import dev.lanewise.kernels.optim.AdadeltaConfig;
import dev.lanewise.kernels.optim.AdagradConfig;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.AdamaxConfig;
import dev.lanewise.kernels.optim.LionConfig;
import dev.lanewise.kernels.optim.NAdamConfig;
import dev.lanewise.kernels.optim.Optimizers;
import dev.lanewise.kernels.optim.RAdamConfig;
import dev.lanewise.kernels.optim.RmspropConfig;
import dev.lanewise.kernels.optim.SgdConfig;

import java.util.List;

/** One call of each {@link Optimizers} whole-array method, with every option that needs a buffer switched on. */
final class FacadeSteps {
    private FacadeSteps() {}

    static final List<String> NAMES =
            List.of("sgd", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "adamax", "nadam", "radam", "lion");

    /** Three state buffers and NAdam's product, all owned by the caller. */
    record State(float[] a, float[] b, float[] c, double[] muProduct) {
        static State of(int n) {
            return new State(new float[n], new float[n], new float[n], new double[] {1});
        }

        State copy() {
            return new State(a.clone(), b.clone(), c.clone(), muProduct.clone());
        }
    }

    static boolean step(String name, float[] param, float[] grad, State s, long step) {
        return switch (name) {
            case "sgd" -> Optimizers.sgd(param, grad, s.a(), SgdConfig.of(0.1).withMomentum(0.9).withNesterov(true), step);
            case "adagrad" -> Optimizers.adagrad(param, grad, s.a(), AdagradConfig.defaults(), step);
            case "rmsprop" -> Optimizers.rmsprop(param, grad, s.a(), s.b(), s.c(),
                    RmspropConfig.defaults().withCentered(true).withMomentum(0.9), step);
            case "adadelta" -> Optimizers.adadelta(param, grad, s.a(), s.b(), AdadeltaConfig.defaults(), step);
            case "adam" -> Optimizers.adam(param, grad, s.a(), s.b(), s.c(), AdamConfig.adam().withAmsgrad(true), step);
            case "adamw" -> Optimizers.adam(param, grad, s.a(), s.b(), s.c(), AdamConfig.adamW().withAmsgrad(true), step);
            case "adamax" -> Optimizers.adamax(param, grad, s.a(), s.b(), AdamaxConfig.defaults(), step);
            case "nadam" -> Optimizers.nadam(param, grad, s.a(), s.b(), s.muProduct(), NAdamConfig.defaults(), step);
            case "radam" -> Optimizers.radam(param, grad, s.a(), s.b(), RAdamConfig.defaults(), step);
            case "lion" -> Optimizers.lion(param, grad, s.a(), LionConfig.defaults(), step);
            default -> throw new IllegalArgumentException(name);
        };
    }
}
