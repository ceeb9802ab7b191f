package dev.lanewise.model.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.gemm.GemmSettings;
import dev.lanewise.kernels.optim.SgdConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.linear.LinearRegression;
import dev.lanewise.model.linear.LogisticRegression;
import dev.lanewise.model.loss.MeanSquaredError;
import dev.lanewise.model.nn.Parameter;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class SearchTest {
    private static LogisticRegression logistic(Map<String, Object> p) {
        return new LogisticRegression(OptimizerSpec.sgd(SgdConfig.of((Double) p.get("lr"))),
                TrainingConfig.defaults().withMaxEpochs(4).withBatchSize((Integer) p.get("batchSize")).withL2((Double) p.get("l2")));
    }

    private static LinearRegression linear(Map<String, Object> p) {
        return new LinearRegression(new MeanSquaredError(), OptimizerSpec.sgd(SgdConfig.of((Double) p.get("lr"))),
                TrainingConfig.defaults().withFullBatch().withMaxEpochs(20));
    }

    @Test
    void oneAndThreeThreadsGiveTheSameScoresBitForBit() {
        Dataset data = BundledData.breastCancer();
        ParameterGrid grid = ParameterGrid.builder().add("lr", 0.3, 0.03).add("batchSize", 16, 64).add("l2", 0.0, 0.01).build();
        SearchSettings settings = SearchSettings.of(Scoring.NEG_LOG_LOSS).withFolds(3).withStratified(true).withSeed(5);
        int gemmThreads = GemmSettings.threads();
        SearchResult one = GridSearch.run(grid, SearchTest::logistic, data, settings.withThreads(1));
        SearchResult three = GridSearch.run(grid, SearchTest::logistic, data, settings.withThreads(3));
        assertEquals(gemmThreads, GemmSettings.threads(), "the search leaves GEMM's default alone");
        assertEquals(8, one.candidates().size());
        for (int c = 0; c < 8; c++) {
            assertEquals(one.candidates().get(c).params(), three.candidates().get(c).params());
            assertArrayEquals(one.candidates().get(c).cv().foldScores(), three.candidates().get(c).cv().foldScores(), 0.0,
                    "candidate " + c);
        }
        assertEquals(one.bestIndex(), three.bestIndex());
        List<Parameter> a = one.bestEstimator().network().parameters();
        List<Parameter> b = three.bestEstimator().network().parameters();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).value(), b.get(i).value(), 0f);
        }
        assertTrue(one.bestScore() > -0.2, "a decent log-loss: " + one);
    }

    @Test
    void parallelFitsRunGemmOnOneThreadWithoutChangingItsDefault() {
        int before = GemmSettings.threads();
        GemmSettings.setThreads(4);
        try {
            Set<String> seen = ConcurrentHashMap.newKeySet();
            ParameterGrid grid = ParameterGrid.builder().add("lr", 0.1, 0.01).build();
            GridSearch.run(grid, p -> {
                LinearRegression model = linear(p);
                model.addCallback(record -> seen.add(Thread.currentThread().getName() + " gemm " + GemmSettings.threads()));
                return model;
            }, BundledData.diabetes(), SearchSettings.of(Scoring.R2).withFolds(3).withThreads(2));
            Set<String> gemm = new TreeSet<>();
            for (String s : seen) {
                gemm.add(s.replaceAll("-\\d+ ", " "));
            }
            // The workers' fits see 1; the refit, on the calling thread, sees the default.
            assertEquals(Set.of("lanewise-search gemm 1", Thread.currentThread().getName() + " gemm 4"), gemm);
            assertEquals(4, GemmSettings.threads());
            assertEquals(7, GemmSettings.callWithThreads(1, () -> GemmSettings.threads() + 6));
            assertEquals(4, GemmSettings.threads());
        } finally {
            GemmSettings.setThreads(before);
        }
    }

    @Test
    void theFirstOfEqualScoresWinsAndADivergedCandidateNever() {
        // Rate 1000 diverges; the two 0.05s score the same bits.
        ParameterGrid grid = ParameterGrid.builder().add("lr", 1000.0, 0.05, 0.05, 0.001).build();
        SearchResult result = GridSearch.run(grid, SearchTest::linear, BundledData.diabetes(),
                SearchSettings.of(Scoring.R2).withFolds(3).withThreads(2));
        assertTrue(result.candidates().get(0).diverged());
        assertEquals(result.candidates().get(1).meanScore(), result.candidates().get(2).meanScore());
        assertEquals(1, result.bestIndex());
        assertEquals(Map.of("lr", 0.05), result.bestParams());
        assertTrue(result.candidates().get(3).meanScore() < result.bestScore());
    }

    @Test
    void aSearchWhoseEveryCandidateDivergesSaysSo() {
        ParameterGrid grid = ParameterGrid.builder().add("lr", 1000.0, 3000.0).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GridSearch.run(grid, SearchTest::linear,
                BundledData.diabetes(), SearchSettings.of(Scoring.R2).withFolds(3).withThreads(2)));
        assertTrue(e.getMessage().contains("each of the 2 diverged"), e.getMessage());
    }

    @Test
    void randomSearchDrawsItsCandidatesWithTheSettingsSeed() {
        ParameterSampler sampler = ParameterSampler.builder().add("lr", Distribution.logUniform(1e-3, 0.1)).build();
        SearchSettings settings = SearchSettings.of(Scoring.R2).withFolds(3).withSeed(21).withThreads(2);
        SearchResult result = RandomSearch.run(sampler, 4, SearchTest::linear, BundledData.diabetes(), settings);
        List<Map<String, Object>> drawn = sampler.sample(4, 21);
        for (int c = 0; c < 4; c++) {
            assertEquals(drawn.get(c), result.candidates().get(c).params());
            assertEquals(c, result.candidates().get(c).index());
        }
        assertThrows(IllegalArgumentException.class,
                () -> RandomSearch.run(sampler, 0, SearchTest::linear, BundledData.diabetes(), settings));
    }

    @Test
    void refusesAModelOfTheWrongKindBeforeFittingAnything() {
        ParameterGrid grid = ParameterGrid.builder().add("lr", 0.1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GridSearch.run(grid, SearchTest::linear,
                BundledData.breastCancer(), SearchSettings.of(Scoring.ACCURACY).withFolds(3)));
        assertTrue(e.getMessage().contains("accuracy needs a Classifier"), e.getMessage());
    }
}
