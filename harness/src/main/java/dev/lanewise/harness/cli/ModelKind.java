package dev.lanewise.harness.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The models {@code train} fits, as {@code --model} names them. */
public enum ModelKind {
    /** Linear regression (least squares), a regressor. */
    LINEAR,
    /** Logistic regression, two classes. */
    LOGISTIC,
    /** Softmax (multinomial logistic) regression, two or more classes. */
    SOFTMAX,
    /** A multilayer perceptron, a classifier or (with {@code --task regression}) a regressor. */
    MLP;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code --model}, case-insensitive, with a message that lists the choices. */
    public static final class Converter implements ITypeConverter<ModelKind> {
        @Override
        public ModelKind convert(String value) {
            for (ModelKind kind : values()) {
                if (kind.cliName().equalsIgnoreCase(value.strip())) {
                    return kind;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a model: use linear, logistic, softmax or mlp");
        }
    }
}
