package dev.lanewise.model.optim.schedule;

import static dev.lanewise.model.metrics.MiniJson.array;
import static dev.lanewise.model.metrics.MiniJson.doubles;
import static dev.lanewise.model.metrics.MiniJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lanewise.model.metrics.MiniJson;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every schedule against the learning rates torch 1.13 reports over 100 steps
 * (golden/schedules_golden.json, written by golden/schedules_golden.py).
 *
 * <p>Tolerance: exact (0 ulp) for every schedule that computes no {@code cos} or {@code pow}: both sides
 * compute in double with the same formulas in the same operation order (torch's chainable forms, not
 * the closed forms), so every decay, warmup and plateau rate is bit-identical. With {@code cos} (the two
 * cosine schedules, alone or after a warmup) or {@code pow} (a repeated milestone):
 * {@code |java - torch| <= 1e-15 * baseLr + 1e-14 * |torch|}, because Java's fdlibm {@code StrictMath}
 * (chosen so that every JVM gives the same bits) and glibc's libm may differ by 1 ulp, and the recursive
 * CosineAnnealingLR carries such a difference on from step to step. Measured: at most 4 ulp-sized
 * differences (1e-15 relative, 3e-17 absolute) over the 100 steps; the absolute part covers rates near 0
 * at the bottom of a cosine, where 1 ulp of {@code cos} near -1 is large relative to the rate but tiny
 * against the base rate. A wrong formula or an off-by-one step is off by 1e-4 relative or more.
 */
class LrScheduleGoldenTest {
    private static final Map<String, Object> GOLDEN = MiniJson.resource("/golden/schedules_golden.json");
    private static final double ABS = 1e-15;
    private static final double REL = 1e-14;

    @Test
    void goldenFileRecordsTheTorchAndPythonVersions() {
        assertTrue(((String) GOLDEN.get("torch")).startsWith("1.13"), () -> "torch " + GOLDEN.get("torch"));
        assertTrue(GOLDEN.containsKey("python"));
        assertEquals(101, doubles(object(array(GOLDEN.get("cases")).get(0)).get("lr")).length);
    }

    @TestFactory
    Stream<DynamicTest> everyStepMatchesTorch() {
        double baseLr = (Double) GOLDEN.get("base_lr");
        Map<String, Object> metrics = object(GOLDEN.get("metrics"));
        return array(GOLDEN.get("cases")).stream().map(MiniJson::object).map(c -> DynamicTest.dynamicTest(
                (String) c.get("name"), () -> {
                    LrSchedule spec = spec(object(c.get("spec")));
                    double[] expected = doubles(c.get("lr"));
                    double[] metric = c.get("metric") == null ? null : doubles(metrics.get((String) c.get("metric")));
                    Scheduler s = spec.start(baseLr);
                    for (int t = 0; t < expected.length; t++) {
                        if (t > 0) {
                            if (metric == null) {
                                s.step();
                            } else {
                                s.step(metric[t - 1]);
                            }
                        }
                        double tol = usesLibm(spec) ? ABS * baseLr + REL * Math.abs(expected[t]) : 0;
                        if (!(Math.abs(s.lr() - expected[t]) <= tol)) {
                            fail(spec + " after " + t + " steps: lr " + s.lr() + ", torch " + expected[t]
                                    + " (diff " + (s.lr() - expected[t]) + ")");
                        }
                    }
                }));
    }

    /** Builds a spec from the script's description of it (lanewise's record and component names). */
    static LrSchedule spec(Map<String, Object> m) {
        return switch ((String) m.get("type")) {
            case "Constant" -> new Constant();
            case "StepLr" -> new StepLr(i(m, "stepSize"), d(m, "gamma"));
            case "MultiStepLr" -> new MultiStepLr(
                    array(m.get("milestones")).stream().map(v -> ((Double) v).intValue()).toList(), d(m, "gamma"));
            case "ExponentialLr" -> new ExponentialLr(d(m, "gamma"));
            case "LinearLr" -> new LinearLr(d(m, "startFactor"), d(m, "endFactor"), i(m, "totalIters"));
            case "CosineAnnealingLr" -> new CosineAnnealingLr(i(m, "tMax"), d(m, "etaMin"));
            case "CosineAnnealingWarmRestarts" ->
                    new CosineAnnealingWarmRestarts(i(m, "t0"), i(m, "tMult"), d(m, "etaMin"));
            case "LinearWarmup" -> new LinearWarmup(i(m, "warmupSteps"), d(m, "startFactor"),
                    spec(object(m.get("after"))));
            case "ReduceLrOnPlateau" -> new ReduceLrOnPlateau(
                    ReduceLrOnPlateau.Mode.valueOf((String) m.get("mode")), d(m, "factor"), i(m, "patience"),
                    d(m, "threshold"), ReduceLrOnPlateau.ThresholdMode.valueOf((String) m.get("thresholdMode")),
                    i(m, "cooldown"), d(m, "minLr"), d(m, "eps"));
            default -> throw new IllegalArgumentException("unknown schedule " + m);
        };
    }

    /** Whether the schedule computes {@code cos} or {@code pow}, whose last bits differ between libms. */
    private static boolean usesLibm(LrSchedule spec) {
        return switch (spec) {
            case CosineAnnealingLr c -> true;
            case CosineAnnealingWarmRestarts c -> true;
            case MultiStepLr m -> m.milestones().stream().distinct().count() < m.milestones().size();
            case LinearWarmup w -> usesLibm(w.after());
            default -> false;
        };
    }

    private static double d(Map<String, Object> m, String key) {
        return (Double) m.get(key);
    }

    private static int i(Map<String, Object> m, String key) {
        double v = (Double) m.get(key);
        assertEquals(Math.rint(v), v, key);
        return (int) v;
    }

    @Test
    void everyScheduleTypeIsCovered() {
        List<String> types = array(GOLDEN.get("cases")).stream()
                .map(c -> (String) object(object(c).get("spec")).get("type")).distinct().toList();
        assertEquals(List.of("Constant", "StepLr", "MultiStepLr", "ExponentialLr", "LinearLr", "CosineAnnealingLr",
                "CosineAnnealingWarmRestarts", "LinearWarmup", "ReduceLrOnPlateau"), types);
    }
}
