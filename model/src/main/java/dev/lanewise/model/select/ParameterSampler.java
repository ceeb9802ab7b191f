package dev.lanewise.model.select;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Random candidates for a random search, as scikit-learn's {@code ParameterSampler}: each candidate draws
 * every named hyperparameter from its {@link Distribution}, independently, with replacement (sklearn
 * samples without replacement when every parameter is a list; use a {@link ParameterGrid} for that).
 *
 * <pre>{@code
 * ParameterSampler sampler = ParameterSampler.builder()
 *         .add("lr", Distribution.logUniform(1e-4, 1))
 *         .add("l2", Distribution.logUniform(1e-6, 1e-2))
 *         .add("hidden", Distribution.choice(List.of(64), List.of(128, 64)))
 *         .build();
 * List<Map<String, Object>> candidates = sampler.sample(20, 42);
 * }</pre>
 *
 * Seeded: one {@link SplittableRandom}{@code (seed)} draws the candidates in order, and within each the
 * names in the order they were added, so the same seed gives the same candidates, and the first
 * {@code n} of {@code sample(m, seed)} are {@code sample(n, seed)} for {@code n <= m}.
 */
public final class ParameterSampler {
    private final Map<String, Distribution> distributions;

    private ParameterSampler(Map<String, Distribution> distributions) {
        this.distributions = distributions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The hyperparameter names, in order. */
    public List<String> names() {
        return List.copyOf(distributions.keySet());
    }

    /** The distribution of each name, in order (unmodifiable). */
    public Map<String, Distribution> distributions() {
        return distributions;
    }

    /**
     * {@code n} candidates drawn with {@code seed}, each an unmodifiable map in the names' order.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public List<Map<String, Object>> sample(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Map<String, Object>> candidates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> candidate = new LinkedHashMap<>();
            for (Map.Entry<String, Distribution> e : distributions.entrySet()) {
                candidate.put(e.getKey(), e.getValue().sample(random));
            }
            candidates.add(Collections.unmodifiableMap(candidate));
        }
        return List.copyOf(candidates);
    }

    @Override
    public String toString() {
        return "ParameterSampler" + distributions;
    }

    /** Adds names and their distributions, in order. */
    public static final class Builder {
        private final Map<String, Distribution> distributions = new LinkedHashMap<>();

        private Builder() {}

        /** @throws IllegalArgumentException if the name was added before */
        public Builder add(String name, Distribution distribution) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(distribution, "distribution");
            if (distributions.containsKey(name)) {
                throw new IllegalArgumentException("name '" + name + "' was already added");
            }
            distributions.put(name, distribution);
            return this;
        }

        public ParameterSampler build() {
            return new ParameterSampler(Collections.unmodifiableMap(new LinkedHashMap<>(distributions)));
        }
    }
}
