package dev.lanewise.model.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterGridTest {
    @Test
    void theProductIsInOrderWithTheLastNameFastest() {
        ParameterGrid grid = ParameterGrid.builder().add("lr", 0.1, 0.01).add("hidden", List.of(List.of(8), List.of(16, 8), List.of(4)))
                .build();
        assertEquals(6, grid.size());
        assertEquals(List.of("lr", "hidden"), grid.names());
        List<Map<String, Object>> expected = List.of(
                Map.of("lr", 0.1, "hidden", List.of(8)),
                Map.of("lr", 0.1, "hidden", List.of(16, 8)),
                Map.of("lr", 0.1, "hidden", List.of(4)),
                Map.of("lr", 0.01, "hidden", List.of(8)),
                Map.of("lr", 0.01, "hidden", List.of(16, 8)),
                Map.of("lr", 0.01, "hidden", List.of(4)));
        assertEquals(expected, grid.candidates());
        assertEquals(List.of("lr", "hidden"), List.copyOf(grid.get(4).keySet()), "names keep their order");
    }

    @Test
    void threeNamesFromAMapKeepItsOrder() {
        Map<String, List<?>> values = new LinkedHashMap<>();
        values.put("b", List.of(1, 2));
        values.put("a", List.of("x"));
        values.put("c", List.of(true, false));
        ParameterGrid grid = ParameterGrid.of(values);
        assertEquals(List.of(
                Map.of("b", 1, "a", "x", "c", true), Map.of("b", 1, "a", "x", "c", false),
                Map.of("b", 2, "a", "x", "c", true), Map.of("b", 2, "a", "x", "c", false)), grid.candidates());
        assertEquals(1, ParameterGrid.builder().build().size(), "an empty grid has one, empty, candidate");
    }

    @Test
    void refusesEmptyValuesRepeatedNamesAndCandidatesCannotBeChanged() {
        assertThrows(IllegalArgumentException.class, () -> ParameterGrid.builder().add("lr", List.of()));
        assertThrows(IllegalArgumentException.class, () -> ParameterGrid.builder().add("lr", 1.0).add("lr", 2.0));
        ParameterGrid grid = ParameterGrid.builder().add("lr", 1.0).build();
        assertThrows(UnsupportedOperationException.class, () -> grid.get(0).put("lr", 3.0));
        assertThrows(IndexOutOfBoundsException.class, () -> grid.get(1));
    }
}
