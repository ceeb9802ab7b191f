package dev.lanewise.harness.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the JSON file JMH writes ({@code -rf json}, or {@link BenchmarkRunner}'s {@code <name>-<level>.json}) back
 * into {@link JmhResult}s: one per benchmark, method and parameter set, from its primary metric. Secondary
 * metrics (a profiler's allocation rates) are left out.
 *
 * <p>The feature level of a result is read from its fork's {@code jvmArgs}: the level whose flags all appear
 * there (the one with the most flags, should two fit). Where they show no level's flags, the file name's suffix
 * decides ({@code gemm-vector128.json}: flags an older harness wrote may differ from today's), and failing that
 * the level is {@link FeatureLevel#DEFAULT}.
 */
public final class JmhResults {
    private JmhResults() {}

    /** The results in {@code file}, in the file's order. */
    public static List<JmhResult> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * The results in {@code json}, the text of a JMH result file; {@code fileName} gives the level where the
     * forks' flags do not, and names the file in error messages.
     */
    public static List<JmhResult> parse(String json, String fileName) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(fileName + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonArray()) {
            throw new IllegalArgumentException(fileName + " is not a JMH result file: JMH writes a JSON array of "
                    + "benchmark results, this file holds " + (root.isJsonObject() ? "an object" : root.toString()));
        }
        Optional<FeatureLevel> named = levelOfFileName(Path.of(fileName).getFileName().toString());
        List<JmhResult> results = new ArrayList<>();
        JsonArray array = root.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            String where = fileName + ", result " + (i + 1);
            if (!array.get(i).isJsonObject()) {
                throw new IllegalArgumentException(where + " is not an object");
            }
            results.add(result(array.get(i).getAsJsonObject(), named, where));
        }
        return results;
    }

    private static JmhResult result(JsonObject entry, Optional<FeatureLevel> named, String where) {
        String fullName = string(entry, "benchmark", where);
        int dot = fullName.lastIndexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException(where + ": benchmark must be <class>.<method>, was " + fullName);
        }
        String className = fullName.substring(0, dot);
        Map<String, String> params = new LinkedHashMap<>();
        if (entry.has("params") && entry.get("params").isJsonObject()) {
            entry.getAsJsonObject("params").entrySet().forEach(p -> params.put(p.getKey(), p.getValue().getAsString()));
        }
        if (!entry.has("primaryMetric") || !entry.get("primaryMetric").isJsonObject()) {
            throw new IllegalArgumentException(where + " (" + fullName + ") has no primaryMetric");
        }
        JsonObject metric = entry.getAsJsonObject("primaryMetric");
        String unit = string(metric, "scoreUnit", where);
        FeatureLevel level = levelOfJvmArgs(jvmArgs(entry)).or(() -> named).orElse(FeatureLevel.DEFAULT);
        try {
            return new JmhResult(className.substring(className.lastIndexOf('.') + 1), fullName.substring(dot + 1),
                    params, level, entry.has("mode") ? entry.get("mode").getAsString() : "",
                    number(metric, "score", where), number(metric, "scoreError", where), unit);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " (" + fullName + "): " + e.getMessage(), e);
        }
    }

    /** The level a {@code <report>-<level>.json} file name names, if it names one. */
    public static Optional<FeatureLevel> levelOfFileName(String fileName) {
        if (!fileName.endsWith(".json") || fileName.lastIndexOf('-') < 0) {
            return Optional.empty();
        }
        String suffix = fileName.substring(fileName.lastIndexOf('-') + 1, fileName.length() - ".json".length());
        for (FeatureLevel level : FeatureLevel.values()) {
            if (level.label().equals(suffix)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** The level whose fork flags all appear in {@code jvmArgs} (the one with most flags), if any does. */
    static Optional<FeatureLevel> levelOfJvmArgs(List<String> jvmArgs) {
        FeatureLevel best = null;
        for (FeatureLevel level : FeatureLevel.values()) {
            if (!level.jvmArgs().isEmpty() && jvmArgs.containsAll(level.jvmArgs())
                    && (best == null || level.jvmArgs().size() > best.jvmArgs().size())) {
                best = level;
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<String> jvmArgs(JsonObject entry) {
        List<String> args = new ArrayList<>();
        if (entry.has("jvmArgs") && entry.get("jvmArgs").isJsonArray()) {
            entry.getAsJsonArray("jvmArgs").forEach(a -> args.add(a.getAsString()));
        }
        return args;
    }

    private static String string(JsonObject object, String key, String where) {
        if (!object.has(key) || !object.get(key).isJsonPrimitive()) {
            throw new IllegalArgumentException(where + " has no " + key);
        }
        return object.get(key).getAsString();
    }

    /** A number; JMH writes a missing error as the string "NaN", which Gson reads as NaN. */
    private static double number(JsonObject object, String key, String where) {
        try {
            return object.get(key).getAsDouble();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + " has no number at " + key
                    + (object.has(key) ? ", found " + object.get(key) : ""), e);
        }
    }
}
