package dev.lanewise.harness.losses;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One record of {@code golden/losses_golden.txt}, written by {@code losses_golden.py} (PyTorch, float64,
 * autograd). Inputs are float32 values; expected values are doubles.
 */
record LossGoldenCase(String name, String loss, String[] parameters, Map<String, String[]> fields) {
    static final String RESOURCE = "/golden/losses_golden.txt";

    float[] floats(String key) {
        String[] values = field(key);
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.parseFloat(values[i]);
        }
        return out;
    }

    double[] doubles(String key) {
        return Arrays.stream(field(key)).mapToDouble(Double::parseDouble).toArray();
    }

    int[] ints(String key) {
        return Arrays.stream(field(key)).mapToInt(Integer::parseInt).toArray();
    }

    double number(String key) {
        return doubles(key)[0];
    }

    private String[] field(String key) {
        String[] values = fields.get(key);
        if (values == null) {
            throw new IllegalStateException(name + " has no field " + key);
        }
        return values;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Every case in the file, in order. */
    static List<LossGoldenCase> all() {
        List<LossGoldenCase> cases = new ArrayList<>();
        try (InputStream in = LossGoldenCase.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = null;
            Map<String, String[]> fields = new HashMap<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] words = line.trim().split("\\s+");
                switch (words[0]) {
                    case "case" -> {
                        header = words;
                        fields = new HashMap<>();
                    }
                    case "end" -> cases.add(new LossGoldenCase(header[1], header[2],
                            Arrays.copyOfRange(header, 3, header.length), fields));
                    default -> fields.put(words[0], Arrays.copyOfRange(words, 1, words.length));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }
}
