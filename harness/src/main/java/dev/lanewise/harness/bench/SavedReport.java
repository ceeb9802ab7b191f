package dev.lanewise.harness.bench;

import dev.lanewise.harness.cli.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A benchmark report on disk, as {@code bench} wrote it: {@code <name>.md} and its JMH files
 * {@code <name>-<level>.json} in one folder; or one JMH JSON file on its own.
 *
 * @param path    what the user named, for the comparison's header
 * @param files   the JMH JSON files read
 * @param about   the report's environment lines ({@code CPU}, {@code JDK}, {@code Date}, ...) from its Markdown
 *                header where there is one, else what the JSON says (the JDK)
 * @param results every result of every file
 */
public record SavedReport(Path path, List<Path> files, Map<String, String> about, List<JmhResult> results) {
    /** The header lines of a report that say where and when it was measured. */
    private static final List<String> ABOUT_KEYS = List.of("CPU", "JDK", "Preferred float species", "JMH plan", "Date");

    /**
     * Opens what {@code path} names: a report's {@code .md} (its JSON files beside it), a folder with
     * {@code name} saying which report in it, or one JMH JSON file (its report's header is read where the file is
     * named {@code <name>-<level>.json} and {@code <name>.md} is beside it).
     *
     * @param name the report's name where {@code path} is a folder; may be null otherwise
     * @throws UserError where nothing is found there, with what is there instead
     */
    public static SavedReport open(Path path, String name) throws IOException {
        if (Files.isDirectory(path)) {
            if (name == null) {
                throw new UserError(path + " is a folder: say which report with --name (reports there: "
                        + String.join(", ", reportsIn(path)) + ")");
            }
            Path md = path.resolve(name + ".md");
            return ofReport(Files.exists(md) ? md : path, md, name);
        }
        if (!Files.exists(path)) {
            throw new UserError("no such report: " + path);
        }
        String fileName = path.getFileName().toString();
        if (fileName.endsWith(".md")) {
            return ofReport(path, path, fileName.substring(0, fileName.length() - ".md".length()));
        }
        if (fileName.endsWith(".json")) {
            Path md = JmhResults.levelOfFileName(fileName)
                    .map(level -> path.resolveSibling(fileName.substring(0, fileName.length() - level.label().length()
                            - "-.json".length()) + ".md"))
                    .orElse(null);
            return of(path, List.of(path), md);
        }
        throw new UserError(path + " is neither a report (.md), a JMH result file (.json) nor a folder");
    }

    private static SavedReport ofReport(Path named, Path md, String name) throws IOException {
        Path folder = md.toAbsolutePath().getParent();
        List<Path> json = new ArrayList<>();
        for (FeatureLevel level : FeatureLevel.values()) {
            Path file = md.resolveSibling(name + "-" + level.label() + ".json");
            if (Files.isRegularFile(file)) {
                json.add(file);
            }
        }
        json.sort(null); // by name, so that the header lists them as a folder listing would
        if (json.isEmpty()) {
            throw new UserError(Files.exists(md)
                    ? md + " has no JMH result file beside it (" + name + "-<level>.json, level one of "
                            + FeatureLevel.labels() + ")"
                    : "no report named " + name + " in " + folder + " (reports there: "
                            + String.join(", ", reportsIn(folder)) + ")");
        }
        return of(named, json, md);
    }

    private static SavedReport of(Path named, List<Path> json, Path md) throws IOException {
        List<JmhResult> results = new ArrayList<>();
        Map<String, String> about = new LinkedHashMap<>();
        for (Path file : json) {
            List<JmhResult> read = JmhResults.read(file);
            results.addAll(read);
        }
        if (md != null && Files.isRegularFile(md)) {
            about.putAll(header(Files.readString(md, StandardCharsets.UTF_8)));
        }
        if (!about.containsKey("JDK")) {
            jdkOf(json.get(0)).ifPresent(jdk -> about.put("JDK", jdk));
        }
        return new SavedReport(named, List.copyOf(json), about, results);
    }

    /** The {@code - Key: value} lines of a report's header that {@link #ABOUT_KEYS} names. */
    static Map<String, String> header(String markdown) {
        Map<String, String> about = new LinkedHashMap<>();
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("## ")) {
                break; // the header ends where the first level's section starts
            }
            for (String key : ABOUT_KEYS) {
                if (line.startsWith("- " + key + ": ")) {
                    about.putIfAbsent(key, line.substring(key.length() + 4).strip());
                }
            }
        }
        return about;
    }

    /** {@code vmName vmVersion} of the file's first result, as the report header writes the JDK. */
    private static Optional<String> jdkOf(Path json) throws IOException {
        try {
            var array = com.google.gson.JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonArray();
            if (array.isEmpty()) {
                return Optional.empty();
            }
            var first = array.get(0).getAsJsonObject();
            return Optional.of(first.get("vmName").getAsString() + " " + first.get("vmVersion").getAsString());
        } catch (RuntimeException e) {
            return Optional.empty(); // not written by JMH: the header just says less
        }
    }

    /** The report names in a folder ({@code <name>.md}), for messages. */
    private static List<String> reportsIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of("none, the folder does not exist");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".md"))
                    .map(f -> f.substring(0, f.length() - 3)).sorted().toList();
            return names.isEmpty() ? List.of("none") : names;
        }
    }
}
