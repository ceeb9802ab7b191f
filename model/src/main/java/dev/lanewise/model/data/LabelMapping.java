package dev.lanewise.model.data;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The original names of a classification dataset's classes, in class order: class {@code i} is
 * {@code nameOf(i)}. Two mappings are equal when they name the same classes in the same order.
 *
 * <p>{@link #sortedFrom} decides the class order from the labels seen in a file: integers sorted
 * numerically, anything else sorted lexically (see there).
 */
public final class LabelMapping {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private final List<String> names;
    private final Map<String, Integer> classes;
    private final boolean integral;

    private LabelMapping(List<String> names) {
        this.names = List.copyOf(names);
        this.classes = new HashMap<>();
        boolean allIntegers = true;
        for (int i = 0; i < this.names.size(); i++) {
            String name = this.names.get(i);
            if (classes.putIfAbsent(name, i) != null) {
                throw new IllegalArgumentException("class names must be distinct, '" + name + "' appears twice");
            }
            allIntegers &= INTEGER.matcher(name).matches();
        }
        this.integral = allIntegers && !this.names.isEmpty();
    }

    /**
     * The classes named {@code names}, in that order.
     *
     * @throws IllegalArgumentException if {@code names} is empty or has a duplicate
     */
    public static LabelMapping of(List<String> names) {
        Objects.requireNonNull(names, "names");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a label mapping needs at least one class, names was empty");
        }
        return new LabelMapping(names);
    }

    /** The classes named {@code names}, in that order. */
    public static LabelMapping of(String... names) {
        return of(List.of(names));
    }

    /** Classes {@code 0..numClasses-1} named by their own numbers, {@code "0", "1", ...}. */
    public static LabelMapping identity(int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be >= 1, was " + numClasses);
        }
        List<String> names = new ArrayList<>(numClasses);
        for (int i = 0; i < numClasses; i++) {
            names.add(Integer.toString(i));
        }
        return new LabelMapping(names);
    }

    /**
     * The classes of the distinct labels in {@code labels}, in a fixed order that does not depend on the
     * order the labels were seen in:
     * <ul>
     *   <li>if every label is an integer (an optional sign and decimal digits, any size), the classes are
     *       sorted numerically and named by their plain decimal form, so {@code "01"}, {@code "+1"} and
     *       {@code "1"} are one class named {@code "1"}, and {@code -1 < 2 < 10};</li>
     *   <li>otherwise the labels are sorted lexically by {@link String#compareTo} (UTF-16 code units, so
     *       {@code "10" < "2"} and {@code "B" < "a"}), as Python's {@code sorted} does for these strings.
     *       A label like {@code "1.0"} is not an integer.</li>
     * </ul>
     *
     * @throws IllegalArgumentException if {@code labels} is empty or holds a null
     */
    public static LabelMapping sortedFrom(Collection<String> labels) {
        Objects.requireNonNull(labels, "labels");
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("labels must not be empty");
        }
        Set<String> distinct = new HashSet<>();
        boolean allIntegers = true;
        for (String label : labels) {
            Objects.requireNonNull(label, "a label");
            if (distinct.add(label)) {
                allIntegers &= INTEGER.matcher(label).matches();
            }
        }
        if (allIntegers) {
            TreeMap<BigInteger, String> sorted = new TreeMap<>();
            for (String label : distinct) {
                BigInteger value = new BigInteger(label);
                sorted.putIfAbsent(value, value.toString());
            }
            return new LabelMapping(new ArrayList<>(sorted.values()));
        }
        return new LabelMapping(new ArrayList<>(new TreeSet<>(distinct)));
    }

    /** Number of classes. */
    public int numClasses() {
        return names.size();
    }

    /** The name of class {@code classIndex}. */
    public String nameOf(int classIndex) {
        Objects.checkIndex(classIndex, names.size());
        return names.get(classIndex);
    }

    /**
     * The class named {@code label}. When every class name is an integer, any spelling of the same integer
     * finds it ({@code "01"} finds class {@code "1"}).
     *
     * @throws IllegalArgumentException if no class has that name
     */
    public int classOf(String label) {
        Objects.requireNonNull(label, "label");
        Integer index = classes.get(label);
        if (index == null && integral && INTEGER.matcher(label).matches()) {
            index = classes.get(new BigInteger(label).toString());
        }
        if (index == null) {
            throw new IllegalArgumentException("label '" + label + "' is not one of the classes " + names);
        }
        return index;
    }

    /** The class names in class order (unmodifiable). */
    public List<String> names() {
        return names;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelMapping that && names.equals(that.names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return "LabelMapping" + names;
    }
}
