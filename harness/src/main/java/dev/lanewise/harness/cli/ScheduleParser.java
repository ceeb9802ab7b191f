package dev.lanewise.harness.cli;

import dev.lanewise.model.optim.schedule.Constant;
import dev.lanewise.model.optim.schedule.CosineAnnealingLr;
import dev.lanewise.model.optim.schedule.CosineAnnealingWarmRestarts;
import dev.lanewise.model.optim.schedule.ExponentialLr;
import dev.lanewise.model.optim.schedule.LinearLr;
import dev.lanewise.model.optim.schedule.LinearWarmup;
import dev.lanewise.model.optim.schedule.LrSchedule;
import dev.lanewise.model.optim.schedule.MultiStepLr;
import dev.lanewise.model.optim.schedule.ReduceLrOnPlateau;
import dev.lanewise.model.optim.schedule.StepLr;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --schedule}: a {@code torch.optim.lr_scheduler} policy and its numbers, separated by colons.
 * Steps are epochs (the trainer steps a schedule once per epoch).
 */
public final class ScheduleParser implements ITypeConverter<LrSchedule> {
    /** The forms, for help texts and error messages. */
    public static final String FORMS = "constant, step:STEP_SIZE[:GAMMA], multistep:M1,M2,...[:GAMMA], exponential:GAMMA, "
            + "cosine:T_MAX[:ETA_MIN], cosine-restarts:T0[:T_MULT[:ETA_MIN]], linear:START_FACTOR:END_FACTOR:ITERS, "
            + "warmup:STEPS[:START_FACTOR]:<schedule>, plateau[:FACTOR[:PATIENCE]]";

    /** torch's StepLR and MultiStepLR default decay. */
    private static final double DEFAULT_GAMMA = 0.1;
    /** Where a warmup starts, as a fraction of the base rate, unless given. */
    private static final double DEFAULT_WARMUP_START = 0.1;

    @Override
    public LrSchedule convert(String value) {
        try {
            return parse(List.of(value.strip().split(":", -1)));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "': " + e.getMessage() + " (forms: " + FORMS + ")");
        }
    }

    private static LrSchedule parse(List<String> parts) {
        String name = parts.get(0).toLowerCase(java.util.Locale.ROOT);
        List<String> args = parts.subList(1, parts.size());
        return switch (name) {
            case "constant", "none" -> {
                arity(name, args, 0, 0);
                yield new Constant();
            }
            case "step" -> {
                arity(name, args, 1, 2);
                yield new StepLr(integer("STEP_SIZE", args.get(0)), args.size() > 1 ? number("GAMMA", args.get(1)) : DEFAULT_GAMMA);
            }
            case "multistep" -> {
                arity(name, args, 1, 2);
                int[] milestones = Arrays.stream(args.get(0).split(",", -1)).mapToInt(m -> integer("milestone", m)).toArray();
                yield MultiStepLr.of(args.size() > 1 ? number("GAMMA", args.get(1)) : DEFAULT_GAMMA, milestones);
            }
            case "exponential" -> {
                arity(name, args, 1, 1);
                yield new ExponentialLr(number("GAMMA", args.get(0)));
            }
            case "cosine" -> {
                arity(name, args, 1, 2);
                yield new CosineAnnealingLr(integer("T_MAX", args.get(0)), args.size() > 1 ? number("ETA_MIN", args.get(1)) : 0);
            }
            case "cosine-restarts" -> {
                arity(name, args, 1, 3);
                yield new CosineAnnealingWarmRestarts(integer("T0", args.get(0)),
                        args.size() > 1 ? integer("T_MULT", args.get(1)) : 1, args.size() > 2 ? number("ETA_MIN", args.get(2)) : 0);
            }
            case "linear" -> {
                arity(name, args, 3, 3);
                yield new LinearLr(number("START_FACTOR", args.get(0)), number("END_FACTOR", args.get(1)),
                        integer("ITERS", args.get(2)));
            }
            case "warmup" -> warmup(args);
            case "plateau" -> {
                arity(name, args, 0, 2);
                ReduceLrOnPlateau plateau = ReduceLrOnPlateau.defaults();
                if (!args.isEmpty()) {
                    plateau = plateau.withFactor(number("FACTOR", args.get(0)));
                }
                if (args.size() > 1) {
                    plateau = plateau.withPatience(integer("PATIENCE", args.get(1)));
                }
                yield plateau;
            }
            default -> throw new IllegalArgumentException("unknown schedule '" + parts.get(0) + "'");
        };
    }

    /** {@code warmup:STEPS[:START_FACTOR]:<schedule>}; without a schedule after it, the rate stays constant. */
    private static LrSchedule warmup(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("warmup needs its number of STEPS");
        }
        int steps = integer("STEPS", args.get(0));
        List<String> rest = args.subList(1, args.size());
        double start = DEFAULT_WARMUP_START;
        if (!rest.isEmpty() && looksNumeric(rest.get(0))) {
            start = number("START_FACTOR", rest.get(0));
            rest = rest.subList(1, rest.size());
        }
        LrSchedule after = rest.isEmpty() ? new Constant() : parse(rest);
        return new LinearWarmup(steps, start, after);
    }

    private static void arity(String name, List<String> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw new IllegalArgumentException(name + " takes " + (min == max ? Integer.toString(min) : min + " to " + max)
                    + " number(s) after it, got " + args.size());
        }
    }

    private static boolean looksNumeric(String s) {
        return !s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '.');
    }

    private static int integer(String what, String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be an integer, was '" + s + "'");
        }
    }

    private static double number(String what, String s) {
        try {
            double v = Double.parseDouble(s.strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a finite number, was '" + s + "'");
        }
    }
}
