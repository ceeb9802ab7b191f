package dev.lanewise.harness.mlp;

import java.util.Locale;

/** How the timed digits-MLP fit decides to stop, each paired with the scikit-learn setting it stands for. */
public enum StoppingRule {
    /**
     * scikit-learn's {@code early_stopping=True}: validation accuracy, tol 1e-4, more than 10 epochs without
     * improvement, best weights kept ({@link ValidationAccuracyStopping}).
     */
    VALIDATION_ACCURACY("early_stopping=True"),
    /**
     * The trainer's own early stopping on the validation loss ({@code withEarlyStopping(11, 1e-4, true)}): the
     * lanewise way; scikit-learn has no equivalent, it is compared with {@code early_stopping=True}.
     */
    VALIDATION_LOSS("early_stopping=True"),
    /**
     * scikit-learn's {@code early_stopping=False}: the training loss (penalty included) has not improved by tol
     * 1e-4 for more than 10 epochs ({@code withTolerance(1e-4, 11)}); no validation rows, the last weights kept.
     */
    TRAINING_LOSS("early_stopping=False");

    private final String sklearn;

    StoppingRule(String sklearn) {
        this.sklearn = sklearn;
    }

    /** The scikit-learn setting this rule is compared with. */
    public String sklearnSetting() {
        return sklearn;
    }

    /** Whether the fit holds out validation rows. */
    public boolean usesValidation() {
        return this != TRAINING_LOSS;
    }

    /** The command-line spelling, e.g. {@code validation-accuracy}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static StoppingRule parse(String label) {
        for (StoppingRule rule : values()) {
            if (rule.label().equals(label) || rule.name().equalsIgnoreCase(label)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("stopping must be validation-accuracy, validation-loss or training-loss, was " + label);
    }
}
