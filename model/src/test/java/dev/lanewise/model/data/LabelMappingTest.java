package dev.lanewise.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class LabelMappingTest {
    @Test
    void integerLabelsSortNumericallyAndMergeSpellings() {
        LabelMapping m = LabelMapping.sortedFrom(List.of("10", "2", "-1", "02", "+10"));
        assertEquals(List.of("-1", "2", "10"), m.names());
        assertEquals(1, m.classOf("2"));
        assertEquals(1, m.classOf("02"));
        assertEquals(2, m.classOf("+10"));
    }

    @Test
    void otherLabelsSortLexically() {
        LabelMapping m = LabelMapping.sortedFrom(List.of("b", "a", "B", "10", "2", "1.0"));
        assertEquals(List.of("1.0", "10", "2", "B", "a", "b"), m.names());
        assertEquals(4, m.classOf("a"));
        assertEquals("B", m.nameOf(3));
    }

    @Test
    void explicitOrderIsKept() {
        LabelMapping m = LabelMapping.of("malignant", "benign");
        assertEquals(2, m.numClasses());
        assertEquals(1, m.classOf("benign"));
        assertEquals(LabelMapping.of(List.of("0", "1", "2")), LabelMapping.identity(3));
    }

    @Test
    void refusesDuplicatesUnknownLabelsAndEmptiness() {
        assertEquals("class names must be distinct, 'a' appears twice",
                assertThrows(IllegalArgumentException.class, () -> LabelMapping.of("a", "b", "a")).getMessage());
        assertEquals("label 'z' is not one of the classes [a, b]",
                assertThrows(IllegalArgumentException.class, () -> LabelMapping.of("a", "b").classOf("z")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LabelMapping.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> LabelMapping.identity(0));
        assertThrows(IndexOutOfBoundsException.class, () -> LabelMapping.of("a").nameOf(1));
    }
}
