package dev.lanewise.harness.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * JMH's JSON result files (each an array of benchmark results). A report runs several JMH runs per level but
 * keeps one file per level ({@code <name>-<level>.json}), which is what {@link SavedReport} and the
 * {@code compare} command read; this joins them.
 */
public final class JmhJsonFiles {
    private JmhJsonFiles() {}

    /** Writes the results of every file in {@code parts}, in order, as one JSON array to {@code target}, atomically. */
    public static void concatenate(List<Path> parts, Path target) throws IOException {
        JsonArray all = new JsonArray();
        for (Path part : parts) {
            all.addAll(JsonParser.parseString(Files.readString(part, StandardCharsets.UTF_8)).getAsJsonArray());
        }
        ReportWriter.writeAtomically(target, new GsonBuilder().setPrettyPrinting().create().toJson(all) + "\n");
    }
}
