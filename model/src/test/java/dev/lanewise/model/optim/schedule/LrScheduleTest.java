package dev.lanewise.model.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.model.optim.schedule.ReduceLrOnPlateau.Mode;
import dev.lanewise.model.optim.schedule.ReduceLrOnPlateau.ThresholdMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Closed forms, hyperparameter checks and the scheduler contract; torch's own values are in the golden test. */
class LrScheduleTest {

    private static double[] run(LrSchedule schedule, double baseLr, int steps) {
        Scheduler s = schedule.start(baseLr);
        double[] lr = new double[steps + 1];
        lr[0] = s.lr();
        for (int t = 1; t <= steps; t++) {
            s.step();
            lr[t] = s.lr();
        }
        return lr;
    }

    private static void assertRefused(String expectedMessage, org.junit.jupiter.api.function.Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertEquals(expectedMessage, e.getMessage());
    }

    @Test
    void stepLrFollowsItsClosedForm() {
        double[] lr = run(new StepLr(3, 0.5), 2.0, 10);
        for (int t = 0; t <= 10; t++) {
            assertEquals(2.0 * Math.pow(0.5, t / 3), lr[t], 0.0, "step " + t); // powers of 2: exact
        }
    }

    @Test
    void multiStepLrDecaysAtEachMilestoneAndTwiceAtARepeatedOne() {
        double[] lr = run(MultiStepLr.of(0.5, 2, 4, 4), 1.0, 6);
        assertEquals(List.of(1.0, 1.0, 0.5, 0.5, 0.125, 0.125, 0.125),
                java.util.Arrays.stream(lr).boxed().toList());
    }

    @Test
    void exponentialLrIsBaseTimesGammaToTheStep() {
        double[] lr = run(new ExponentialLr(0.9), 0.1, 50);
        for (int t = 0; t <= 50; t++) {
            assertEquals(0.1 * Math.pow(0.9, t), lr[t], 1e-15 * 0.1 * t + 1e-18, "step " + t);
        }
    }

    @Test
    void linearLrMovesLinearlyBetweenItsFactorsThenStays() {
        double[] lr = run(new LinearLr(0.25, 1.0, 4), 0.1, 8);
        double[] expected = {0.025, 0.04375, 0.0625, 0.08125, 0.1, 0.1, 0.1, 0.1, 0.1};
        for (int t = 0; t <= 8; t++) {
            assertEquals(expected[t], lr[t], 1e-16, "step " + t);
        }
    }

    @Test
    void cosineAnnealingLrTracksItsClosedFormOverManyPeriods() {
        int tMax = 7;
        double base = 0.1;
        double etaMin = 0.01;
        double[] lr = run(new CosineAnnealingLr(tMax, etaMin), base, 1000);
        for (int t = 0; t <= 1000; t++) {
            double closed = etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * t / tMax)) / 2;
            // the recursive form drifts by rounding, about 3e-17 per step here (torch's does the same)
            assertEquals(closed, lr[t], 1e-16 + 1e-16 * t, "step " + t);
        }
        assertEquals(etaMin, lr[tMax], 1e-17);
        assertEquals(base, lr[2 * tMax], 1e-16);
    }

    @Test
    void warmRestartsRestartAtTheBaseRateAfterPeriodsThatGrowByTMult() {
        double[] lr = run(new CosineAnnealingWarmRestarts(2, 3, 0.0), 1.0, 9);
        // periods of 2 and 6 steps: restarts at steps 2 and 8
        assertEquals(1.0, lr[0]);
        assertEquals(0.5, lr[1], 1e-16);
        assertEquals(1.0, lr[2]);
        assertEquals((1 + Math.cos(Math.PI * 3 / 6)) / 2, lr[5], 1e-16);
        assertEquals(1.0, lr[8]);
        assertEquals((1 + Math.cos(Math.PI / 18)) / 2, lr[9], 1e-16);
    }

    @Test
    void linearWarmupRampsToTheBaseRateThenStartsTheNextScheduleAtItsStepZero() {
        double[] lr = run(new LinearWarmup(4, 0.2, new StepLr(2, 0.5)), 1.0, 9);
        double[] expected = {0.2, 0.4, 0.6, 0.8, 1.0, 1.0, 0.5, 0.5, 0.25, 0.25};
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], lr[t], 1e-15, "step " + t);
        }
    }

    @Test
    void linearWarmupBeforeAPlateauFeedsItTheMetricsAfterTheSwitch() {
        Scheduler s = new LinearWarmup(2, 0.5, ReduceLrOnPlateau.defaults().withPatience(1)).start(1.0);
        s.step(); // warmup: no metric needed
        s.step(); // switch to the plateau schedule at the base rate
        assertEquals(1.0, s.lr());
        s.step(3.0); // best
        s.step(3.0); // bad 1
        assertEquals(1.0, s.lr());
        s.step(3.0); // bad 2 > patience 1
        assertEquals(0.1, s.lr(), 1e-17);
        assertThrows(IllegalStateException.class, s::step);
    }

    @Test
    void plateauReducesAfterPatienceIsExceededAndWaitsOutTheCooldown() {
        Scheduler s = new ReduceLrOnPlateau(Mode.MIN, 0.5, 2, 0.0, ThresholdMode.ABS, 1, 0.0, 0.0).start(1.0);
        double[] metrics = {5, 4, 4, 4, 4, 4, 4, 4, 4};
        double[] expected = {1, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25};
        // metric 4: third bad step > patience 2, reduce; metric 5: cooldown, its bad step ignored;
        // metrics 6-8: three bad steps again
        assertEquals(expected[0], s.lr());
        for (int t = 0; t < metrics.length; t++) {
            s.step(metrics[t]);
            assertEquals(expected[t + 1], s.lr(), "after metric " + t);
        }
    }

    @Test
    void plateauInMaxModeWithARelativeThresholdNeedsARelativeGain() {
        Scheduler s = new ReduceLrOnPlateau(Mode.MAX, 0.1, 0, 0.1, ThresholdMode.REL, 0, 0.0, 1e-8).start(1.0);
        s.step(1.0);
        s.step(1.11); // > 1.0 * 1.1: better
        assertEquals(1.0, s.lr());
        s.step(1.2); // < 1.11 * 1.1: a bad step, patience 0
        assertEquals(0.1, s.lr(), 1e-17);
    }

    @Test
    void plateauStopsAtMinLrAndSkipsReductionsSmallerThanEps() {
        Scheduler s = ReduceLrOnPlateau.defaults().withPatience(0).withFactor(0.5).withMinLr(0.3).start(1.0);
        s.step(1);
        for (double expected : new double[] {0.5, 0.3, 0.3}) {
            s.step(1);
            assertEquals(expected, s.lr());
        }
        Scheduler e = ReduceLrOnPlateau.defaults().withPatience(0).withFactor(0.5).withEps(0.3).start(1.0);
        e.step(1);
        e.step(1);
        assertEquals(0.5, e.lr()); // 0.5 > eps
        e.step(1);
        assertEquals(0.5, e.lr()); // 0.25 <= eps: skipped
    }

    @Test
    void plateauRefusesAStepWithoutAUsableMetric() {
        Scheduler s = ReduceLrOnPlateau.defaults().start(0.1);
        assertThrows(IllegalStateException.class, s::step);
        assertRefused("metric must not be NaN (step 1)", () -> s.step(Double.NaN));
        s.step(Double.POSITIVE_INFINITY); // a bad step, as in torch
        assertEquals(0.1, s.lr());
    }

    @Test
    void plateauDefaultsAreTorchs() {
        assertEquals(new ReduceLrOnPlateau(Mode.MIN, 0.1, 10, 1e-4, ThresholdMode.REL, 0, 0.0, 1e-8),
                ReduceLrOnPlateau.defaults());
        assertEquals(Mode.MAX, ReduceLrOnPlateau.defaults(Mode.MAX).mode());
        assertEquals(Mode.MAX, ReduceLrOnPlateau.defaults().withMode(Mode.MAX).mode());
        assertEquals(2, ReduceLrOnPlateau.defaults().withCooldown(2).cooldown());
        assertEquals(ThresholdMode.ABS,
                ReduceLrOnPlateau.defaults().withThreshold(0.5, ThresholdMode.ABS).thresholdMode());
    }

    @Test
    void constantKeepsTheBaseRateWhateverTheMetric() {
        Scheduler s = new Constant().start(0.3);
        s.step(Double.NaN);
        s.step();
        assertEquals(0.3, s.lr());
    }

    @Test
    void eachStartIsAFreshIndependentScheduler() {
        LrSchedule spec = new ExponentialLr(0.5);
        Scheduler a = spec.start(1.0);
        a.step();
        Scheduler b = spec.start(1.0);
        assertEquals(0.5, a.lr());
        assertEquals(1.0, b.lr());
        assertEquals(4.0, spec.start(4.0).lr());
    }

    @Test
    void specsAreComparableAndPrintable() {
        LrSchedule spec = new LinearWarmup(5, 0.1, new CosineAnnealingLr(95));
        assertEquals(new LinearWarmup(5, 0.1, new CosineAnnealingLr(95, 0.0)), spec);
        assertEquals("LinearWarmup[warmupSteps=5, startFactor=0.1, after=CosineAnnealingLr[tMax=95, etaMin=0.0]]",
                spec.toString());
        assertEquals("MultiStepLr[milestones=[30, 80], gamma=0.1]", MultiStepLr.of(0.1, 30, 80).toString());
        assertNotEquals(new StepLr(3, 0.5), new StepLr(3, 0.25));
        assertTrue(new StepLr(3, 0.5).start(1.0).toString().contains("lr 1.0"));
    }

    @Test
    void multiStepLrKeepsItsOwnCopyOfTheMilestones() {
        List<Integer> milestones = new java.util.ArrayList<>(List.of(1, 2));
        MultiStepLr spec = new MultiStepLr(milestones, 0.5);
        milestones.add(3);
        assertEquals(List.of(1, 2), spec.milestones());
        assertThrows(UnsupportedOperationException.class, () -> spec.milestones().add(4));
    }

    @Test
    void nonsenseHyperparametersAreRefusedNamingArgumentAndValue() {
        assertRefused("stepSize must be >= 1, was 0", () -> new StepLr(0, 0.1));
        assertRefused("gamma must be finite and > 0, was 0.0", () -> new StepLr(1, 0));
        assertRefused("gamma must be finite and > 0, was -0.5", () -> new ExponentialLr(-0.5));
        assertRefused("gamma must be finite and > 0, was NaN", () -> new ExponentialLr(Double.NaN));
        assertRefused("milestones must be sorted, but milestones[1] = 10 < milestones[0] = 30 in [30, 10]",
                () -> MultiStepLr.of(0.1, 30, 10));
        assertRefused("milestones[0] must be >= 1, was 0", () -> MultiStepLr.of(0.1, 0, 10));
        assertRefused("startFactor must be in (0.0, 1.0], was 0.0", () -> new LinearLr(0, 1, 5));
        assertRefused("endFactor must be in [0.0, 1.0], was 1.5", () -> new LinearLr(0.5, 1.5, 5));
        assertRefused("totalIters must be >= 1, was 0", () -> new LinearLr(0.5, 1, 0));
        assertRefused("tMax must be >= 1, was 0", () -> new CosineAnnealingLr(0));
        assertRefused("etaMin must be finite and >= 0, was -1.0E-4", () -> new CosineAnnealingLr(10, -1e-4));
        assertRefused("t0 must be >= 1, was 0", () -> new CosineAnnealingWarmRestarts(0, 1, 0));
        assertRefused("tMult must be >= 1, was 0", () -> new CosineAnnealingWarmRestarts(10, 0, 0));
        assertRefused("warmupSteps must be >= 1, was 0", () -> new LinearWarmup(0, 0.1, new Constant()));
        assertRefused("startFactor must be in (0.0, 1.0], was 2.0", () -> new LinearWarmup(5, 2, new Constant()));
        assertThrows(NullPointerException.class, () -> new LinearWarmup(5, 0.1, null));
        ReduceLrOnPlateau d = ReduceLrOnPlateau.defaults();
        assertRefused("factor must be in (0, 1), was 1.0", () -> d.withFactor(1.0));
        assertRefused("factor must be in (0, 1), was 0.0", () -> d.withFactor(0));
        assertRefused("patience must be >= 0, was -1", () -> d.withPatience(-1));
        assertRefused("threshold must be finite and >= 0, was -0.1", () -> d.withThreshold(-0.1, ThresholdMode.ABS));
        assertRefused("threshold must be < 1 in REL mode, was 1.0", () -> d.withThreshold(1.0, ThresholdMode.REL));
        assertRefused("cooldown must be >= 0, was -2", () -> d.withCooldown(-2));
        assertRefused("minLr must be finite and >= 0, was -1.0", () -> d.withMinLr(-1));
        assertRefused("eps must be finite and >= 0, was Infinity", () -> d.withEps(Double.POSITIVE_INFINITY));
        assertThrows(NullPointerException.class, () -> d.withMode(null));
    }

    @Test
    void aNegativeOrNonFiniteBaseRateIsRefused() {
        for (LrSchedule spec : List.of(new Constant(), new StepLr(1, 0.1), MultiStepLr.of(0.1, 1),
                new ExponentialLr(0.9), new LinearLr(0.5, 1, 2), new CosineAnnealingLr(3),
                new CosineAnnealingWarmRestarts(3, 1, 0), new LinearWarmup(2, 0.5, new Constant()),
                ReduceLrOnPlateau.defaults())) {
            assertRefused("baseLr must be finite and >= 0, was -0.1", () -> spec.start(-0.1));
            assertRefused("baseLr must be finite and >= 0, was NaN", () -> spec.start(Double.NaN));
            assertRefused("baseLr must be finite and >= 0, was Infinity", () -> spec.start(Double.POSITIVE_INFINITY));
        }
    }
}
