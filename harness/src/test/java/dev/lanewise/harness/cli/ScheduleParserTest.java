package dev.lanewise.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.model.optim.schedule.Constant;
import dev.lanewise.model.optim.schedule.CosineAnnealingLr;
import dev.lanewise.model.optim.schedule.CosineAnnealingWarmRestarts;
import dev.lanewise.model.optim.schedule.ExponentialLr;
import dev.lanewise.model.optim.schedule.LinearLr;
import dev.lanewise.model.optim.schedule.LinearWarmup;
import dev.lanewise.model.optim.schedule.MultiStepLr;
import dev.lanewise.model.optim.schedule.ReduceLrOnPlateau;
import dev.lanewise.model.optim.schedule.StepLr;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** {@code --schedule} text to the schedule records, with torch's defaults where a number is left out. */
class ScheduleParserTest {
    private final ScheduleParser parser = new ScheduleParser();

    @Test
    void eachFormMakesItsSchedule() {
        assertEquals(new Constant(), parser.convert("constant"));
        assertEquals(new StepLr(10, 0.5), parser.convert("step:10:0.5"));
        assertEquals(new StepLr(10, 0.1), parser.convert("step:10"));
        assertEquals(MultiStepLr.of(0.2, 30, 60), parser.convert("multistep:30,60:0.2"));
        assertEquals(new ExponentialLr(0.95), parser.convert("exponential:0.95"));
        assertEquals(new CosineAnnealingLr(100, 0), parser.convert("cosine:100"));
        assertEquals(new CosineAnnealingLr(100, 1e-5), parser.convert("cosine:100:1e-5"));
        assertEquals(new CosineAnnealingWarmRestarts(10, 2, 0), parser.convert("cosine-restarts:10:2"));
        assertEquals(new LinearLr(0.5, 1.0, 4), parser.convert("linear:0.5:1.0:4"));
        assertEquals(ReduceLrOnPlateau.defaults(), parser.convert("plateau"));
        assertEquals(ReduceLrOnPlateau.defaults().withFactor(0.5).withPatience(3), parser.convert("PLATEAU:0.5:3"));
    }

    @Test
    void warmupWrapsTheScheduleAfterIt() {
        assertEquals(new LinearWarmup(5, 0.1, new CosineAnnealingLr(100, 0)), parser.convert("warmup:5:cosine:100"));
        assertEquals(new LinearWarmup(5, 0.25, new StepLr(10, 0.5)), parser.convert("warmup:5:0.25:step:10:0.5"));
        assertEquals(new LinearWarmup(3, 0.1, new Constant()), parser.convert("warmup:3"));
    }

    @Test
    void refusesWhatItCannotRead() {
        for (String bad : new String[] {"", "sawtooth:3", "step", "step:x", "step:10:0.5:1", "cosine:1.5", "exponential:-1",
                "warmup", "warmup:2:bogus", "multistep:10,x", "plateau:2"}) {
            TypeConversionException e = assertThrows(TypeConversionException.class, () -> parser.convert(bad), bad);
            assertTrue(e.getMessage().startsWith("'" + bad + "': "), e.getMessage());
            assertTrue(e.getMessage().contains("forms: constant, step:"), e.getMessage());
        }
    }
}
