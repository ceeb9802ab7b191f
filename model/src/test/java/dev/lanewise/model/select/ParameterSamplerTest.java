package dev.lanewise.model.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterSamplerTest {
    private static final ParameterSampler SAMPLER = ParameterSampler.builder()
            .add("lr", Distribution.logUniform(1e-4, 1))
            .add("momentum", Distribution.uniform(0.5, 0.99))
            .add("batchSize", Distribution.intUniform(16, 18))
            .add("activation", Distribution.choice("relu", "tanh"))
            .build();

    @Test
    void theSameSeedGivesTheSameCandidatesAndALongerRunExtendsAShorterOne() {
        List<Map<String, Object>> a = SAMPLER.sample(50, 42);
        assertEquals(a, SAMPLER.sample(50, 42));
        assertEquals(a.subList(0, 10), SAMPLER.sample(10, 42));
        assertNotEquals(a, SAMPLER.sample(50, 43));
        assertEquals(List.of("lr", "momentum", "batchSize", "activation"), List.copyOf(a.get(0).keySet()));
    }

    @Test
    void everyValueIsInItsRangeAndEveryChoiceAndIntegerEndIsReached() {
        Set<Object> batchSizes = new HashSet<>();
        Set<Object> activations = new HashSet<>();
        for (Map<String, Object> c : SAMPLER.sample(300, 1)) {
            double lr = (Double) c.get("lr");
            double momentum = (Double) c.get("momentum");
            assertTrue(lr >= 1e-4 && lr < 1, "lr " + lr);
            assertTrue(momentum >= 0.5 && momentum < 0.99, "momentum " + momentum);
            batchSizes.add(c.get("batchSize"));
            activations.add(c.get("activation"));
        }
        assertEquals(Set.of(16, 17, 18), batchSizes);
        assertEquals(Set.of("relu", "tanh"), activations);
    }

    @Test
    void logUniformPutsTheSameShareInEveryDecade() {
        // Uniform in log10: each of the four decades of [1e-4, 1) gets a quarter; with 4000 draws a share is
        // 0.25 +- 0.007 (one standard deviation), so 0.03 is more than four of them.
        int[] perDecade = new int[4];
        ParameterSampler lr = ParameterSampler.builder().add("lr", Distribution.logUniform(1e-4, 1)).build();
        for (Map<String, Object> c : lr.sample(4000, 9)) {
            perDecade[(int) Math.floor(Math.log10((Double) c.get("lr")) + 4)]++;
        }
        for (int count : perDecade) {
            assertEquals(0.25, count / 4000.0, 0.03, "decade share " + count);
        }
    }

    @Test
    void refusesRangesThatMakeNoSense() {
        assertThrows(IllegalArgumentException.class, () -> Distribution.logUniform(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Distribution.logUniform(1, 1));
        assertThrows(IllegalArgumentException.class, () -> Distribution.uniform(2, 1));
        assertThrows(IllegalArgumentException.class, () -> Distribution.intUniform(3, 2));
        assertThrows(IllegalArgumentException.class, () -> Distribution.choice(List.of()));
        assertThrows(IllegalArgumentException.class, () -> SAMPLER.sample(-1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ParameterSampler.builder().add("a", Distribution.uniform(0, 1)).add("a", Distribution.uniform(0, 1)));
    }
}
