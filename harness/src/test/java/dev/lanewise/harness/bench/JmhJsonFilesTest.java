package dev.lanewise.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhJsonFilesTest {

    @Test
    void joinsTheArraysOfEveryPartInOrder(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "[{\"benchmark\":\"x.A.one\"},{\"benchmark\":\"x.A.two\"}]");
        Path b = Files.writeString(dir.resolve("b.json"), "[{\"benchmark\":\"x.B.three\"}]");
        Path target = dir.resolve("report-default.json");
        JmhJsonFiles.concatenate(List.of(a, b), target);
        var array = JsonParser.parseString(Files.readString(target)).getAsJsonArray();
        assertEquals(3, array.size());
        assertEquals("x.A.one", array.get(0).getAsJsonObject().get("benchmark").getAsString());
        assertEquals("x.B.three", array.get(2).getAsJsonObject().get("benchmark").getAsString());
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary file left behind");
        }
    }
}
