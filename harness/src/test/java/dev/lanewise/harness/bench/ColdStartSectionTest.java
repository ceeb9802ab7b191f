package dev.lanewise.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.bench.ColdStartSection.Runs;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ColdStartSectionTest {

    /** {@code slow} calls of {@code slowMicros}, then fast ones of {@code fastMicros}, 1,000 in all. */
    private static double[] fork(int slow, double slowMicros, double fastMicros) {
        double[] t = new double[1000];
        Arrays.fill(t, fastMicros);
        Arrays.fill(t, 0, slow, slowMicros);
        return t;
    }

    private static final List<Runs> STEP = List.of(
            new Runs("trainingStep", "Scalar", List.of(fork(0, 10, 10), fork(0, 10, 10)), List.of()),
            new Runs("trainingStep", "Vector", List.of(fork(100, 50, 1), fork(100, 70, 1)), List.of()),
            new Runs("trainingStep", "VectorWarmedUp", List.of(fork(0, 1, 1), fork(0, 1, 1)), List.of(1.5, 2.5)));

    @Test
    void theTableShowsEachPathsMeansAndSpreadsOverTheForksInKernelAndPathOrder() {
        String md = ColdStartSection.render(STEP);
        List<String> rows = md.lines().filter(l -> l.startsWith("| training step")).toList();
        assertEquals(List.of(
                "| training step 256x64→10 | vector | 60.0 ± 14.1 | 1.00 ± 0.00 | 100 ± 0 | 6.00 ± 1.41 | 6.90 ± 1.41 |  |",
                "| training step 256x64→10 | vector, warmed up | 1.00 ± 0.00 | 1.00 ± 0.00 | 0 ± 0 | 0.000 ± 0.000 "
                        + "| 1.00 ± 0.00 | 2.00 ± 0.71 |",
                "| training step 256x64→10 | scalar | 10.0 ± 0.0 | 10.0 ± 0.0 | 0 ± 0 | 0.000 ± 0.000 "
                        + "| 10.0 ± 0.0 |  |"), rows, md);
        assertTrue(md.contains("| first 1,000 calls (ms) |"), md);
        assertTrue(md.contains("1,000 calls per fork, 2 fork(s) per kernel and path"), md);
    }

    @Test
    void theVerdictSaysAfterHowManyCallsTheWarmUpPaysForItselfAndTheVectorPathOvertakesScalar() {
        String md = ColdStartSection.render(STEP);
        // Cold: 60 µs a call for 100 calls, then 1; warmed: 2 ms, then 1 µs a call: 2 + 0.001 c <= 0.06 c from c = 34.
        assertTrue(md.contains("- **training step 256x64→10**: over the first 1,000 calls the vector path took 6.90 ms "
                + "cold; after `Kernels.warmUp()` (2.00 ms) 1.00 ms, 3.00 ms in all. `Kernels.warmUp()` pays for "
                + "itself after 34 calls."), md);
        // Against scalar at 10 µs: 5.9 + 0.001 c <= 0.01 c from c = 656.
        assertTrue(md.contains("The scalar path took 10.0 ms; the cold vector path is ahead of it for good after 656 calls."),
                md);
        assertTrue(md.contains("For the training-like step (the kernels of one softmax-regression step, as the first "
                + "steps of a short fit run them): `Kernels.warmUp()` pays for itself after 34 calls."), md);
    }

    @Test
    void aWarmUpDearerThanTheColdCallsDoesNotPayAndAForkNeverSteadyIsCounted() {
        double[] endsSlow = fork(0, 1, 1);
        Arrays.fill(endsSlow, 970, 1000, 9.0);
        List<Runs> runs = List.of(
                new Runs("dot", "Vector", List.of(fork(10, 5, 1), endsSlow), List.of()),
                new Runs("dot", "VectorWarmedUp", List.of(fork(0, 1, 1)), List.of(500.0)));
        String md = ColdStartSection.render(runs);
        assertTrue(md.contains("| dot 4096 | vector | 3.00 ± 2.83 | 1.00 ± 0.00 | 10 (1 of 2 forks never steady) |"), md);
        assertTrue(md.contains("| dot 4096 | vector, warmed up | 1.00 | 1.00 | 0 | 0.000 | 1.00 | 500 |"), md);
        assertTrue(md.contains("`Kernels.warmUp()` does not pay for itself within 1,000 calls."), md);
        assertTrue(!md.contains("For the training-like step"), md);
    }

    @Test
    void overtakingCountsTheCallsFromWhichTheSumStaysBelow() {
        double[] ahead = {5, 6, 7, 8};
        double[] behind = {1, 6.5, 7.5, 9};
        assertEquals(OptionalInt.of(2), ColdStartSection.overtakes(ahead, 0, behind, 4));
        assertEquals(OptionalInt.of(4), ColdStartSection.overtakes(ahead, 1, behind, 4));
        assertEquals(OptionalInt.empty(), ColdStartSection.overtakes(ahead, 2, behind, 4));
        // Ahead at call 2, behind at call 3: only the stretch to the end counts.
        assertEquals(OptionalInt.empty(), ColdStartSection.overtakes(new double[] {0, 9}, 0, new double[] {1, 1}, 2));
    }

    @Test
    void noRunsRendersALine() {
        assertEquals("## Cold start\n\nNo cold-start run.\n", ColdStartSection.render(List.of()));
    }
}
