package dev.lanewise.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.data.TrainValidationTestSplit;
import dev.lanewise.model.linear.LogisticRegression;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.optim.schedule.StepLr;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProgressLoggerTest {
    private static final Pattern LINE = Pattern.compile(
            "epoch (\\d+)/4 train_loss=(\\S+) val_loss=(\\S+) accuracy=(\\S+) lr=(\\S+) samples/s=(\\d+)");

    private static LogisticRegression model(int maxEpochs) {
        return new LogisticRegression(OptimizerSpec.adam(AdamConfig.adam().withLr(0.02)),
                TrainingConfig.defaults().withBatchSize(32).withMaxEpochs(maxEpochs).withSchedule(new StepLr(2, 0.5)));
    }

    @Test
    void aLinePerEpochCarriesTheHistorysValues() {
        TrainValidationTestSplit split = BreastCancer.split();
        List<String> lines = new ArrayList<>();
        LogisticRegression model = model(4);
        model.addCallback(ProgressLogger.to(lines::add));
        History history = model.fit(split.train(), split.validation());

        assertEquals(5, lines.size(), String.join("\n", lines));
        for (int e = 0; e < 4; e++) {
            EpochRecord r = history.epochs().get(e);
            Matcher m = LINE.matcher(lines.get(e));
            assertTrue(m.matches(), lines.get(e));
            assertEquals(e + 1, Integer.parseInt(m.group(1)));
            assertSixDigits(r.trainLoss(), m.group(2));
            assertSixDigits(r.validationLoss(), m.group(3));
            assertSixDigits(r.metric(), m.group(4));
            assertSixDigits(r.lr(), m.group(5));
            assertTrue(Long.parseLong(m.group(6)) > 0);
        }
        // StepLr(2, 0.5) from 0.02: the lines show the schedule.
        assertTrue(lines.get(0).contains(" lr=0.0200000 ") && lines.get(2).contains(" lr=0.0100000 "), lines.toString());
        assertEquals("stopped: reached maxEpochs = 4 (the model has the weights of epoch 4)", lines.get(4));
    }

    @Test
    void withoutValidationDataTheLinesLeaveValLossOutAndGoToAPrintStream() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LogisticRegression model = model(2);
        model.addCallback(ProgressLogger.to(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        model.fit(BreastCancer.all());
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("epoch 1/2 train_loss="), lines[0]);
        assertTrue(lines[1].contains(" accuracy=") && lines[1].contains(" samples/s="), lines[1]);
        assertFalse(lines[0].contains("val_loss"), lines[0]);
    }

    @Test
    void everyNthEpochAndAlwaysTheLastOne() {
        List<String> lines = new ArrayList<>();
        LogisticRegression model = model(7);
        model.addCallback(new ProgressLogger(lines::add, 3));
        model.fit(BreastCancer.all());
        assertEquals(List.of(3, 6, 7), lines.stream().filter(l -> l.startsWith("epoch"))
                .map(l -> Integer.parseInt(l.substring(6, l.indexOf('/')))).toList());
        assertTrue(lines.get(3).startsWith("stopped: "), lines.toString());
    }

    @Test
    void nonsenseArgumentsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ProgressLogger(s -> {}, 0));
        assertEquals("every must be >= 1, was 0", e.getMessage());
        assertThrows(NullPointerException.class, () -> ProgressLogger.to((PrintStream) null));
    }

    private static void assertSixDigits(double expected, String printed) {
        double value = Double.parseDouble(printed);
        assertEquals(expected, value, Math.abs(expected) * 1e-5, printed);
    }
}
