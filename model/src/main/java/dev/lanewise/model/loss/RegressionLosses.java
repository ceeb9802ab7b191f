package dev.lanewise.model.loss;

import dev.lanewise.model.io.ModelArchive;
import java.util.Objects;

/**
 * How a regression model's loss is named in its saved file: metadata {@code loss_name} ({@code mse},
 * {@code mae} or {@code huber}) and, for Huber, {@code huber_delta}. {@code LinearRegression} and
 * {@code MlpRegressor} both write and read their loss through here.
 */
public final class RegressionLosses {
    private RegressionLosses() {}

    /** Writes the loss's name (and Huber's delta). */
    public static void write(Loss loss, ModelArchive.Builder archive) {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(archive, "archive");
        archive.metadata("loss_name", loss.name());
        if (loss instanceof HuberLoss huber) {
            archive.metadata("huber_delta", Float.toString(huber.delta()));
        }
    }

    /** The loss {@link #write} recorded; refuses a name it does not know. */
    public static Loss read(ModelArchive archive) {
        String name = archive.metadata("loss_name");
        return switch (name) {
            case "mse" -> new MeanSquaredError();
            case "mae" -> new MeanAbsoluteError();
            case "huber" -> new HuberLoss(parseDelta(archive.metadata("huber_delta")));
            default -> throw new IllegalArgumentException("model file names an unknown regression loss '" + name + "'");
        };
    }

    private static float parseDelta(String value) {
        try {
            return Float.parseFloat(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model file metadata 'huber_delta' must be a number, was '" + value + "'");
        }
    }
}
