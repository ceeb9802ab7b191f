package dev.lanewise.model.select;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Where a random search draws one hyperparameter from (scipy.stats' distributions in scikit-learn's
 * {@code RandomizedSearchCV}, or a list). Each draw takes the search's seeded generator, so the same seed
 * gives the same candidates.
 */
public sealed interface Distribution {

    /** One value. */
    Object sample(SplittableRandom random);

    /** One of {@code values}, each equally likely. */
    static Distribution choice(List<?> values) {
        return new Choice(values);
    }

    /** One of {@code values}, each equally likely. */
    static Distribution choice(Object... values) {
        Objects.requireNonNull(values, "values");
        return new Choice(List.of(values));
    }

    /** A {@code Double} uniform on {@code [low, high)} (scipy's {@code uniform(low, high - low)}). */
    static Distribution uniform(double low, double high) {
        return new Uniform(low, high);
    }

    /**
     * A {@code Double} whose logarithm is uniform: {@code exp(U(ln low, ln high))}, scipy's
     * {@code loguniform(low, high)}. The usual one for learning rates and penalties, which matter by their
     * order of magnitude: each decade between {@code low} and {@code high} is equally likely.
     */
    static Distribution logUniform(double low, double high) {
        return new LogUniform(low, high);
    }

    /** An {@code Integer} uniform on {@code low..high}, both included (scipy's {@code randint(low, high + 1)}). */
    static Distribution intUniform(int low, int high) {
        return new IntUniform(low, high);
    }

    /** See {@link Distribution#choice(List)}. */
    record Choice(List<?> values) implements Distribution {
        public Choice {
            Objects.requireNonNull(values, "values");
            if (values.isEmpty()) {
                throw new IllegalArgumentException("choice needs at least one value");
            }
            values = List.copyOf(values);
        }

        @Override
        public Object sample(SplittableRandom random) {
            return values.get(random.nextInt(values.size()));
        }
    }

    /** See {@link Distribution#uniform}. */
    record Uniform(double low, double high) implements Distribution {
        public Uniform {
            if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
                throw new IllegalArgumentException("uniform needs finite low < high, was low = " + low + ", high = " + high);
            }
        }

        @Override
        public Object sample(SplittableRandom random) {
            return low + (high - low) * random.nextDouble();
        }
    }

    /** See {@link Distribution#logUniform}. */
    record LogUniform(double low, double high) implements Distribution {
        public LogUniform {
            if (!(low > 0) || !Double.isFinite(high) || !(low < high)) {
                throw new IllegalArgumentException("logUniform needs finite 0 < low < high, was low = " + low + ", high = " + high);
            }
        }

        @Override
        public Object sample(SplittableRandom random) {
            double logLow = Math.log(low);
            double value = Math.exp(logLow + (Math.log(high) - logLow) * random.nextDouble());
            // exp(log(x)) can round a hair outside the range; keep the promise.
            return Math.min(Math.max(value, low), Math.nextDown(high));
        }
    }

    /** See {@link Distribution#intUniform}. */
    record IntUniform(int low, int high) implements Distribution {
        public IntUniform {
            if (low > high) {
                throw new IllegalArgumentException("intUniform needs low <= high, was low = " + low + ", high = " + high);
            }
        }

        @Override
        public Object sample(SplittableRandom random) {
            return (int) (low + random.nextLong((long) high - low + 1));
        }
    }
}
