package dev.lanewise.model.select;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every combination of some named hyperparameter values, as scikit-learn's {@code ParameterGrid}: the
 * cartesian product, in a fixed order. The names are kept in the order they were added, and the last name
 * varies fastest ({@code itertools.product}'s order; sklearn sorts the names first, we keep yours):
 *
 * <pre>{@code
 * ParameterGrid grid = ParameterGrid.builder()
 *         .add("lr", 0.1, 0.01)
 *         .add("batchSize", 32, 128)
 *         .build();
 * // {lr=0.1, batchSize=32}, {lr=0.1, batchSize=128}, {lr=0.01, batchSize=32}, {lr=0.01, batchSize=128}
 * }</pre>
 *
 * A candidate is an unmodifiable {@code Map<String, Object>} in the names' order; the values are whatever
 * the search's build function understands (numbers, strings, lists of hidden sizes, schedules, ...).
 */
public final class ParameterGrid {
    private final Map<String, List<Object>> values;
    private final int size;

    private ParameterGrid(Map<String, List<Object>> values) {
        this.values = values;
        long product = 1;
        for (Map.Entry<String, List<Object>> e : values.entrySet()) {
            product *= e.getValue().size();
            if (product > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the grid has more than " + Integer.MAX_VALUE + " candidates");
            }
        }
        this.size = (int) product;
    }

    /** A grid from names to their values, in the map's iteration order (use a {@code LinkedHashMap}). */
    public static ParameterGrid of(Map<String, ? extends List<?>> values) {
        Objects.requireNonNull(values, "values");
        Builder builder = builder();
        for (Map.Entry<String, ? extends List<?>> e : values.entrySet()) {
            builder.add(e.getKey(), e.getValue());
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The number of candidates: the product of the numbers of values (1 for an empty grid). */
    public int size() {
        return size;
    }

    /** The hyperparameter names, in order. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /**
     * Candidate {@code index}: with the names {@code n_1 .. n_m} and value counts {@code c_1 .. c_m}, the value
     * of {@code n_m} is number {@code index % c_m}, that of {@code n_(m-1)} number {@code (index / c_m) % c_(m-1)},
     * and so on.
     */
    public Map<String, Object> get(int index) {
        Objects.checkIndex(index, size);
        List<String> names = names();
        Object[] chosen = new Object[names.size()];
        int rest = index;
        for (int i = names.size() - 1; i >= 0; i--) {
            List<Object> options = values.get(names.get(i));
            chosen[i] = options.get(rest % options.size());
            rest /= options.size();
        }
        Map<String, Object> candidate = new LinkedHashMap<>();
        for (int i = 0; i < chosen.length; i++) {
            candidate.put(names.get(i), chosen[i]);
        }
        return Collections.unmodifiableMap(candidate);
    }

    /** Every candidate, in order. */
    public List<Map<String, Object>> candidates() {
        List<Map<String, Object>> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(get(i));
        }
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return "ParameterGrid" + values + " (" + size + " candidates)";
    }

    /** Adds names and their values, in order. */
    public static final class Builder {
        private final Map<String, List<Object>> values = new LinkedHashMap<>();

        private Builder() {}

        /**
         * The values {@code name} takes.
         *
         * @throws IllegalArgumentException if the name was added before or {@code values} is empty
         * @throws NullPointerException     if the name or a value is null
         */
        public Builder add(String name, List<?> values) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(values, "values");
            if (this.values.containsKey(name)) {
                throw new IllegalArgumentException("name '" + name + "' was already added");
            }
            if (values.isEmpty()) {
                throw new IllegalArgumentException("values of '" + name + "' must not be empty");
            }
            this.values.put(name, List.copyOf(values));
            return this;
        }

        /** The values {@code name} takes. */
        public Builder add(String name, Object... values) {
            Objects.requireNonNull(values, "values");
            return add(name, List.of(values));
        }

        public ParameterGrid build() {
            return new ParameterGrid(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }
}
