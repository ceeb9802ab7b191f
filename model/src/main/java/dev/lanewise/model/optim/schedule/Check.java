package dev.lanewise.model.optim.schedule;

/** Hyperparameter checks whose messages name the argument and its value. */
final class Check {
    private Check() {
    }

    static double baseLr(double baseLr) {
        if (!(baseLr >= 0) || Double.isInfinite(baseLr)) {
            throw new IllegalArgumentException("baseLr must be finite and >= 0, was " + baseLr);
        }
        return baseLr;
    }

    static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
        }
    }

    static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
        }
    }

    static void atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
    }

    /** {@code low < value <= high} when {@code lowOpen}, else {@code low <= value <= high}. */
    static void inRange(String name, double value, double low, boolean lowOpen, double high) {
        boolean aboveLow = lowOpen ? value > low : value >= low;
        if (!aboveLow || !(value <= high)) {
            throw new IllegalArgumentException(name + " must be in " + (lowOpen ? "(" : "[") + low + ", " + high
                    + "], was " + value);
        }
    }
}
