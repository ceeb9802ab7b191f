package dev.lanewise.harness.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads the {@link ForkRecord}s a run's forks wrote into one folder, and renders what they ran with as a short
 * Markdown table: one row per level and distinct configuration (flags, kernels, width, FMA policy, HotSpot's
 * {@code UseAVX} and {@code MaxVectorSize}), with how many forks and methods ran that way. A level with two
 * rows had forks that did not all run alike.
 */
public final class ForkRecords {
    private ForkRecords() {}

    /** Every record in {@code folder}, by file name; none where the folder does not exist. */
    public static List<ForkRecord> load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().toList();
        }
        List<ForkRecord> records = new ArrayList<>();
        for (Path file : files) {
            records.add(ForkRecord.read(file));
        }
        return records;
    }

    /** {@code ## What each fork ran with}, a sentence and {@link #table}; or a line saying no fork wrote a record. */
    public static String section(List<ForkRecord> records) {
        StringBuilder md = new StringBuilder("## What each fork ran with\n\n");
        if (records.isEmpty()) {
            return md.append("No fork wrote a record.\n").toString();
        }
        md.append("As each JMH fork reported it from inside: the kernels the facades used, their width, the FMA "
                + "policy, and HotSpot's UseAVX and MaxVectorSize. Flags are those that choose kernels or widths.\n\n");
        return md.append(table(records)).toString();
    }

    /** The table: one row per level and distinct configuration, levels in {@link FeatureLevel} order. */
    public static String table(List<ForkRecord> records) {
        Map<List<Object>, List<ForkRecord>> groups = new LinkedHashMap<>();
        List<ForkRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingInt(r -> levelOrder(r.level())));
        for (ForkRecord r : sorted) {
            List<Object> key = List.of(r.level(), flags(r), r.path(), r.bits(), r.fma(), r.useAvx(), r.maxVectorSize());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        StringBuilder md = new StringBuilder(
                "| level | fork flags | kernels | bits | FMA | UseAVX | MaxVectorSize | forks | refused | methods |\n"
                        + "|---|---|---|---:|---|---:|---:|---:|---:|---|\n");
        for (List<ForkRecord> group : groups.values()) {
            ForkRecord first = group.get(0);
            long refused = group.stream().filter(r -> !r.ran()).count();
            md.append("| ").append(first.level())
                    .append(" | ").append(flags(first).isEmpty() ? "none" : "`" + flags(first) + "`")
                    .append(" | ").append(first.path())
                    .append(" | ").append(first.bits())
                    .append(" | ").append(cell(first.fma()))
                    .append(" | ").append(first.useAvx())
                    .append(" | ").append(first.maxVectorSize())
                    .append(" | ").append(group.size())
                    .append(" | ").append(refused)
                    .append(" | ").append(methods(group))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** The level flags once each, in order (a class's own {@code @Fork} flags may repeat the runner's). */
    private static String flags(ForkRecord r) {
        return String.join(" ", new LinkedHashSet<>(r.levelFlags()));
    }

    /** {@code Class.method} where there are up to three, else how many methods in how many classes. */
    private static String methods(List<ForkRecord> group) {
        Set<String> methods = new TreeSet<>();
        Set<String> classes = new TreeSet<>();
        for (ForkRecord r : group) {
            String name = r.benchmark();
            int dot = name.lastIndexOf('.');
            String cls = dot < 0 ? "" : name.substring(name.lastIndexOf('.', dot - 1) + 1, dot);
            classes.add(cls);
            methods.add((cls.isEmpty() ? "" : cls + ".") + name.substring(dot + 1));
        }
        if (methods.size() <= 3) {
            return String.join(", ", methods);
        }
        return methods.size() + " methods in " + classes.size() + (classes.size() == 1 ? " class" : " classes");
    }

    private static int levelOrder(String label) {
        FeatureLevel[] levels = FeatureLevel.values();
        for (int i = 0; i < levels.length; i++) {
            if (levels[i].label().equals(label)) {
                return i;
            }
        }
        return levels.length;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
